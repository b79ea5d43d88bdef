/**
 * Worker thread for virtual populations: runs `runPopulationChunk` on its slice and posts the result
 * (typed arrays are transferred). Lives outside src/core because it touches worker_threads.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { runPopulationChunk, type PopulationSpec } from '../core/index.js';

const { spec, from, to } = workerData as { spec: PopulationSpec; from: number; to: number };
try {
  const chunk = runPopulationChunk(spec, from, to, (done) => parentPort?.postMessage({ type: 'progress', done }));
  parentPort?.postMessage({ type: 'done', chunk }, [chunk.aucCombined.buffer, chunk.aucAlone.buffer, chunk.cmaxCombined.buffer, chunk.cmaxAlone.buffer] as ArrayBuffer[]);
} catch (e) {
  const err = e as { code?: string; message?: string; details?: unknown };
  parentPort?.postMessage({ type: 'error', error: { code: err.code ?? null, message: String(err.message ?? e), details: err.details ?? null } });
}
