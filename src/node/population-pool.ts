/**
 * Run a virtual population across worker threads. Subjects are independent and seeded per subject,
 * so the summary is bit-identical to the single-thread `runPopulation` for any number of workers.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { CrosstalkError, type ErrorCode } from '../core/index.js';
import { runPopulation, summarisePopulation, type PopulationChunk, type PopulationSpec, type PopulationSummary } from '../core/index.js';

export interface PoolOptions {
  workers?: number;
  onProgress?: (done: number, total: number) => void;
}

/** Below this many subjects the worker start-up costs more than it saves. */
export const MIN_SUBJECTS_FOR_WORKERS = 400;

export async function runPopulationParallel(spec: PopulationSpec, opts: PoolOptions = {}): Promise<PopulationSummary> {
  const nw = Math.max(1, Math.min(opts.workers ?? availableParallelism(), Math.ceil(spec.n / 100)));
  if (nw === 1 || spec.n < MIN_SUBJECTS_FOR_WORKERS) return runPopulation(spec, (d) => opts.onProgress?.(d, spec.n));
  const ext = import.meta.url.endsWith('.ts') ? '.ts' : '.js';
  const url = new URL(`./population-worker${ext}`, import.meta.url);
  const done = new Array<number>(nw).fill(0);
  const size = Math.ceil(spec.n / nw);
  const jobs = Array.from({ length: nw }, (_, w) => ({ from: w * size, to: Math.min(spec.n, (w + 1) * size) })).filter((j) => j.to > j.from);
  const chunks = await Promise.all(jobs.map((job, w) => new Promise<PopulationChunk>((resolve, reject) => {
    // From TypeScript sources (tsx, vitest) the worker must register the tsx loader itself: the
    // parent's loader hooks do not reach worker threads on Node 20.
    const worker = ext === '.ts'
      ? new Worker(`import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(url.href)}); })`, { eval: true, workerData: { spec, ...job } })
      : new Worker(url, { workerData: { spec, ...job } });
    worker.on('message', (m: { type: string; done?: number; chunk?: PopulationChunk; error?: { code: string | null; message: string; details: unknown } }) => {
      if (m.type === 'progress') { done[w] = m.done ?? 0; opts.onProgress?.(done.reduce((a, b) => a + b, 0), spec.n); }
      else if (m.type === 'done') { resolve(m.chunk!); void worker.terminate(); }
      else if (m.type === 'error') {
        const e = m.error!;
        reject(e.code ? new CrosstalkError(e.code as ErrorCode, e.message, (e.details ?? {}) as Record<string, unknown>) : new Error(e.message));
        void worker.terminate();
      }
    });
    worker.on('error', reject);
  })));
  return summarisePopulation(spec, chunks);
}
