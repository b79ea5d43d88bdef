export { buildApp, CSP_DIRECTIVES, type AppOptions } from './app.js';
export { startServer } from './start.js';
export { htmlToPdf } from './html-to-pdf.js';
