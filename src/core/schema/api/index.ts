/**
 * The API's request and response schemas (zod), one file per area. Server routes, docs/openapi.json, the CLI and
 * the web app's types all come from these; every response object is closed.
 */
export * from './brief.js';
export * from './check.js';
export * from './claim.js';
export * from './common.js';
export * from './errors.js';
export * from './meta.js';
export * from './predict.js';
export * from './records-json.js';
export * from './regimen.js';
export * from './requests.js';
export * from './search.js';
export * from './simulate.js';
export * from './statement.js';
export * from './study.js';
export * from './substance.js';
