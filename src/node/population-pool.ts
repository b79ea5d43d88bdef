/**
 * Run a virtual population across threads: this one and `workers − 1` worker threads. Subjects are independent and
 * seeded per subject, so the summary is bit-identical to the single-thread `runPopulation` for any partition.
 *
 * Subjects go out in batches from one shared counter (Atomics.add on a SharedArrayBuffer): a thread that is ready
 * takes the next batch, so a worker still starting up or compiling (about 0.5–1 s of CPU each, issue 12 §12) takes
 * fewer, and no thread waits for another. This thread computes too, between turns of the event loop, so one worker
 * fewer is started than there are threads.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { CrosstalkError, type ErrorCode } from '../core/index.js';
import { runPopulation, runPopulationChunk, summarisePopulation, type PopulationChunk, type PopulationSpec, type PopulationSummary } from '../core/index.js';

export interface PoolOptions {
  /** Threads in all, this one included (default: the CPU count). */
  workers?: number;
  /** Compute in this thread too (default true); false keeps its event loop free and starts `workers` worker threads. */
  inThisThread?: boolean;
  onProgress?: (done: number, total: number) => void;
}

/** Below this many subjects the worker start-up costs more than it saves. */
export const MIN_SUBJECTS_FOR_WORKERS = 400;
/** Subjects per batch: about 50 ms of work, small enough to balance threads, large enough to keep the counter cold. */
export const SUBJECTS_PER_BATCH = 50;

/** Messages from population-worker.ts. */
export type WorkerMessage =
  | { type: 'progress'; done: number }
  | { type: 'done'; chunks: PopulationChunk[] }
  | { type: 'error'; error: { code: string | null; message: string; details: unknown } };

/** Claim batches from `next` and run them; resolves with the chunks (this thread yields to the event loop between batches). */
async function runBatches(spec: PopulationSpec, next: Int32Array, onDone: (subjects: number) => void): Promise<PopulationChunk[]> {
  const chunks: PopulationChunk[] = [];
  for (;;) {
    const from = Atomics.add(next, 0, SUBJECTS_PER_BATCH);
    if (from >= spec.n) return chunks;
    const to = Math.min(spec.n, from + SUBJECTS_PER_BATCH);
    chunks.push(runPopulationChunk(spec, from, to));
    onDone(to - from);
    await new Promise<void>((resolve) => setImmediate(resolve)); // let worker messages and progress through
  }
}

export async function runPopulationParallel(spec: PopulationSpec, opts: PoolOptions = {}): Promise<PopulationSummary> {
  const threads = Math.max(1, Math.min(opts.workers ?? availableParallelism(), Math.ceil(spec.n / 100)));
  if (threads === 1 || spec.n < MIN_SUBJECTS_FOR_WORKERS) return runPopulation(spec, (d) => opts.onProgress?.(d, spec.n));
  const ext = import.meta.url.endsWith('.ts') ? '.ts' : '.js';
  const url = new URL(`./population-worker${ext}`, import.meta.url);
  const next = new Int32Array(new SharedArrayBuffer(4));
  let done = 0;
  const progress = (subjects: number): void => { done += subjects; opts.onProgress?.(done, spec.n); };
  const workers: Worker[] = [];
  const inThisThread = opts.inThisThread ?? true;
  const fromWorkers = Array.from({ length: inThisThread ? threads - 1 : threads }, () => new Promise<PopulationChunk[]>((resolve, reject) => {
    // From TypeScript sources (tsx, vitest) the worker must register the tsx loader itself: the
    // parent's loader hooks do not reach worker threads on Node 20.
    const workerData = { spec, next, batch: SUBJECTS_PER_BATCH };
    const worker = ext === '.ts'
      ? new Worker(`import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(url.href)}); })`, { eval: true, workerData })
      : new Worker(url, { workerData });
    workers.push(worker);
    worker.on('message', (m: WorkerMessage) => {
      if (m.type === 'progress') progress(m.done);
      else if (m.type === 'done') { resolve(m.chunks); void worker.terminate(); }
      else {
        const e = m.error;
        reject(e.code ? new CrosstalkError(e.code as ErrorCode, e.message, (e.details ?? {}) as Record<string, unknown>) : new Error(e.message));
        void worker.terminate();
      }
    });
    worker.on('error', reject);
  }));
  const all = Promise.all(fromWorkers);
  all.catch(() => Atomics.store(next, 0, spec.n)); // a worker failed: no more batches for this thread either
  try {
    const mine = inThisThread ? await runBatches(spec, next, progress) : [];
    const theirs = await all;
    return summarisePopulation(spec, [...mine, ...theirs.flat()]);
  } catch (e) {
    Atomics.store(next, 0, spec.n); // no more batches for anyone
    for (const w of workers) void w.terminate();
    throw e;
  }
}
