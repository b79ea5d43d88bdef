/**
 * The core's second entry point, for population worker threads (src/node/population-worker.ts): only what a worker
 * runs. A worker thread starts with an empty module graph, and loading it through index.ts (the whole core: KB,
 * answers, renderers, zod schemas) cost about 300 ms of CPU per worker against about 30 ms for this one (issue 12 §12,
 * measured on dist/), paid by every population that starts a worker. Everything here is also exported by index.ts.
 */
export { runPopulationChunk, type PopulationChunk, type PopulationSpec } from './models/dynamic/population.js';
