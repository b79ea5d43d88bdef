/**
 * The core's public operations, each passing every layer once: resolve (a Scenario) → inputs → model → answer →
 * render. Callers outside the core use these through src/core/index.ts.
 */
export { buildBrief } from './brief.js';
export { predict } from './predict.js';
