/**
 * The server's heavy work (simulations, dynamic predictions) on worker threads, so the event loop stays free for
 * /health and cheap requests. Bounded: `workers` tasks run at once, at most `queue` wait, and a task that runs
 * longer than `budgetMs` on its worker is stopped (the worker is replaced) and answered HTTP_CPU_BUDGET. A full
 * queue is answered at once with HTTP_OVERLOADED and a Retry-After (the route sets the header).
 *
 * @example const pool = new WorkPool(kb.data, { workers: 2, queue: 8, budgetMs: 10_000 }); await pool.run({ kind: 'simulate', body })
 */
import { Worker } from 'node:worker_threads';
import { crosstalkError, CrosstalkError, type ErrorCode, type KbData } from '../core/index.js';
import type { HeavyTask, WorkerReply, WorkerStart } from './heavy-worker.js';

export interface PoolOptions {
  /** Tasks that run at once (one per worker thread). */
  workers: number;
  /** Tasks that may wait for a worker; one more is refused with HTTP_OVERLOADED. */
  queue: number;
  /** Time one task may run on its worker, ms: the per-request compute budget. */
  budgetMs: number;
  /**
   * The workers' scheduling priority (Linux nice, 0–19; the event loop keeps 0; default WORKER_NICE). Above 0, the
   * event loop gets a CPU first where the cores are oversubscribed, and heavy work waits.
   */
  nice?: number;
}

interface Job {
  id: number;
  task: HeavyTask;
  resolve: (json: string) => void;
  reject: (e: Error) => void;
}

interface Slot {
  worker: Worker;
  job: Job | null;
  timer: NodeJS.Timeout | null;
  ready: Promise<void>;
  started: boolean;
}

const WORKER_URL = new URL(`./heavy-worker${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url);

/** The KB as UTF-8 JSON in a SharedArrayBuffer. */
export function sharedKbJson(kb: KbData): SharedArrayBuffer {
  const bytes = Buffer.from(JSON.stringify(kb));
  const shared = new SharedArrayBuffer(bytes.length);
  new Uint8Array(shared).set(bytes);
  return shared;
}

function spawn(start: WorkerStart): Worker {
  // From TypeScript sources (tsx, vitest) the worker registers the tsx loader itself: loader hooks do not reach
  // worker threads on Node 20 (as in src/node/population-pool.ts).
  return WORKER_URL.pathname.endsWith('.ts')
    ? new Worker(`import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(WORKER_URL.href)}); })`, { eval: true, workerData: start })
    : new Worker(WORKER_URL, { workerData: start });
}

/**
 * Default nice value of the workers (PoolOptions.nice): 0, the event loop's own. Measured with `npm run bench:load`
 * on 2 busy cores, nice 0, 5 and 10 gave the same /health p99 under the flood (1–10 ms); a lower priority only
 * slows heavy work where other processes want the CPU too. Operators may still set CROSSTALK_WORKER_NICE.
 */
export const WORKER_NICE = 0;

export class WorkPool {
  private readonly slots: Slot[] = [];
  private readonly waiting: Job[] = [];
  private nextId = 1;
  private closed = false;
  /** Tasks stopped for running over the budget (for /health). */
  stopped = 0;

  /**
   * Made at the first worker start and kept: handing the KB object itself to each new worker (workerData) was a
   * structured clone on the event loop, 100–300 ms for each worker started or replaced after a budget stop.
   */
  private kbJson: SharedArrayBuffer | null = null;

  constructor(private readonly kb: KbData, readonly opts: PoolOptions) {}

  /** Why the last worker could not start (null once one has started since). */
  startFailure: string | null = null;

  /** Alive: not closed, and the last worker to start did start (workers start on first use and are replaced when one stops). */
  get alive(): boolean {
    return !this.closed && this.startFailure === null;
  }

  get busy(): number {
    return this.slots.filter((s) => s.job).length;
  }

  get queued(): number {
    return this.waiting.length;
  }

  /** Seconds a refused client should wait: about one budget's worth of the queue ahead of it per worker. */
  retryAfterS(): number {
    return Math.max(1, Math.ceil(((this.waiting.length + 1) * this.opts.budgetMs) / this.opts.workers / 1000 / 4));
  }

  /** Run a task; resolves with the answer's JSON text or rejects with the task's CrosstalkError. */
  run(task: HeavyTask): Promise<string> {
    if (this.closed) return Promise.reject(crosstalkError('HTTP_NOT_READY', { problem: 'the work pool is shut down' }));
    const free = this.slotForWork();
    if (!free && this.waiting.length >= this.opts.queue)
      return Promise.reject(crosstalkError('HTTP_OVERLOADED', { problem: `${this.opts.workers} heavy requests running and ${this.waiting.length} waiting`, retryAfterS: this.retryAfterS() }, { retryAfterS: this.retryAfterS() }));
    return new Promise<string>((resolve, reject) => {
      const job: Job = { id: this.nextId++, task, resolve, reject };
      if (free) this.start(free, job);
      else this.waiting.push(job);
    });
  }

  private slotForWork(): Slot | null {
    const idle = this.slots.find((s) => !s.job);
    if (idle) return idle;
    if (this.slots.length < this.opts.workers) return this.addSlot();
    return null;
  }

  private addSlot(): Slot {
    this.kbJson ??= sharedKbJson(this.kb);
    const worker = spawn({ kbJson: this.kbJson, nice: this.opts.nice ?? WORKER_NICE });
    let markReady: () => void = () => {};
    const slot: Slot = { worker, job: null, timer: null, ready: new Promise<void>((r) => (markReady = r)), started: false };
    worker.on('message', (m: WorkerReply | { ready: true }) => {
      if ('ready' in m) {
        slot.started = true;
        this.startFailure = null;
        return markReady();
      }
      this.finish(slot, m);
    });
    worker.on('error', (e) => this.fail(slot, e));
    worker.on('exit', () => this.fail(slot, new Error('work-pool worker exited')));
    this.slots.push(slot);
    return slot;
  }

  private start(slot: Slot, job: Job): void {
    slot.job = job;
    // The budget counts from when the worker can start (its start-up and KB load are not the request's cost).
    void slot.ready.then(() => {
      if (slot.job !== job) return;
      slot.timer = setTimeout(() => this.overBudget(slot), this.opts.budgetMs);
      slot.worker.postMessage({ id: job.id, task: job.task });
    });
  }

  private finish(slot: Slot, m: WorkerReply): void {
    const job = slot.job;
    if (!job || job.id !== m.id) return;
    this.release(slot);
    if (m.ok) job.resolve(m.json);
    else if (m.error) job.reject(new CrosstalkError(m.error.code as ErrorCode, m.error.message, m.error.details));
    else job.reject(Object.assign(new Error(m.message), { stack: m.message }));
  }

  private overBudget(slot: Slot): void {
    const job = slot.job;
    if (!job) return;
    this.stopped++;
    this.replace(slot);
    const field = job.task.kind;
    job.reject(crosstalkError('HTTP_CPU_BUDGET', { field, budgetMs: this.opts.budgetMs, how: 'a shorter horizon, fewer people, fewer doses or the static model' }, { field, cap: this.opts.budgetMs }));
  }

  private fail(slot: Slot, e: Error): void {
    if (!this.slots.includes(slot)) return;
    const job = slot.job;
    if (!slot.started) {
      // The worker never started (a module that does not load): not the request's fault, and not ready (/ready).
      this.startFailure = e.message.split('\n')[0] ?? 'a worker could not start';
      process.stderr.write(`crosstalk work pool: a worker could not start: ${e.stack ?? e.message}\n`);
      this.replace(slot, false);
      job?.reject(crosstalkError('HTTP_NOT_READY', { problem: 'a worker thread could not start' }));
      return;
    }
    this.replace(slot);
    job?.reject(e);
  }

  /** Drop a worker (stopped or crashed) and hand the queue to the others; a new one starts on demand. */
  private replace(slot: Slot, drain = true): void {
    if (slot.timer) clearTimeout(slot.timer);
    slot.job = null;
    this.slots.splice(this.slots.indexOf(slot), 1);
    slot.worker.removeAllListeners('exit');
    void slot.worker.terminate();
    // After a failed start the waiting requests get a new worker only with the next request (no respawn loop).
    if (drain) this.drain();
    else for (const j of this.waiting.splice(0)) j.reject(crosstalkError('HTTP_NOT_READY', { problem: 'a worker thread could not start' }));
  }

  private release(slot: Slot): void {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    slot.job = null;
    this.drain();
  }

  private drain(): void {
    while (this.waiting.length && !this.closed) {
      const slot = this.slotForWork();
      if (!slot) return;
      this.start(slot, this.waiting.shift()!);
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const j of this.waiting.splice(0)) j.reject(crosstalkError('HTTP_NOT_READY', { problem: 'the server is shutting down' }));
    await Promise.all(this.slots.splice(0).map((s) => { s.worker.removeAllListeners('exit'); if (s.timer) clearTimeout(s.timer); return s.worker.terminate(); }));
  }
}
