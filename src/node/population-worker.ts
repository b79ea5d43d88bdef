/**
 * Worker thread for virtual populations: claims batches of subjects from the pool's shared counter, runs them with
 * `runPopulationChunk` and posts the chunks when none are left (typed arrays are transferred). Lives outside
 * src/core because it touches worker_threads. Imports the core's population entry point (core/population.ts), not
 * index.ts: a worker loads only the simulator, which starts it about 270 ms of CPU sooner.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { runPopulationChunk, type PopulationChunk, type PopulationSpec } from '../core/population.js';
import type { WorkerMessage } from './population-pool.js';

const { spec, next, batch } = workerData as { spec: PopulationSpec; next: Int32Array; batch: number };
const post = (m: WorkerMessage, transfer: ArrayBuffer[] = []): void => parentPort?.postMessage(m, transfer);
try {
  const chunks: PopulationChunk[] = [];
  for (let from = Atomics.add(next, 0, batch); from < spec.n; from = Atomics.add(next, 0, batch)) {
    const to = Math.min(spec.n, from + batch);
    chunks.push(runPopulationChunk(spec, from, to));
    post({ type: 'progress', done: to - from });
  }
  post({ type: 'done', chunks }, chunks.flatMap((c) => [c.aucCombined.buffer, c.aucAlone.buffer, c.cmaxCombined.buffer, c.cmaxAlone.buffer] as ArrayBuffer[]));
} catch (e) {
  const err = e as { code?: string; message?: string; details?: unknown };
  post({ type: 'error', error: { code: err.code ?? null, message: String(err.message ?? e), details: err.details ?? null } });
}
