/**
 * A worker thread of the server's work pool (work-pool.ts): it holds its own KB index, built from the KB JSON the
 * pool shares with every worker (at the pool's nice value, if one is set), and answers heavy requests
 * (simulations, dynamic predictions) off the event loop.
 * Errors go back as the registry's JSON; the pool turns them into the same CrosstalkError.
 */
import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { check, isCrosstalkError, KbIndex, predict, type ApiSchemas, type KbData } from '../core/index.js';
import { runSimulation } from './simulate-adapter.js';

export type HeavyTask =
  | { kind: 'simulate'; body: ApiSchemas.SimulateRequest }
  | { kind: 'predict'; body: ApiSchemas.PredictRequest }
  | { kind: 'check'; ids: string[]; usage?: Record<string, string> };

/** What a worker starts with: the KB as UTF-8 JSON in shared memory (read, never copied, by every worker) and its nice value. */
export interface WorkerStart {
  kbJson: SharedArrayBuffer;
  nice: number;
}

export type WorkerReply =
  | { id: number; ok: true; json: string }
  | { id: number; ok: false; error: { code: string; message: string; details: Record<string, unknown> } | null; message: string };

const start = workerData as WorkerStart;
// With a nice value set, heavy work yields the CPU to the event loop (on Linux the nice value is the thread's own;
// elsewhere it may fail, and the work simply runs at the normal priority).
try {
  if (start.nice > 0) setPriority(Math.min(19, start.nice));
} catch {
  // not permitted here: run at the normal priority
}
const kb = new KbIndex(JSON.parse(Buffer.from(start.kbJson).toString('utf8')) as KbData);

function run(task: HeavyTask): unknown {
  switch (task.kind) {
    case 'simulate':
      return runSimulation(kb, task.body);
    case 'predict':
      return predict(kb, task.body);
    case 'check':
      return check(kb, task.ids, { usage: task.usage });
  }
}

parentPort!.on('message', (m: { id: number; task: HeavyTask }) => {
  let reply: WorkerReply;
  try {
    // Serialized here, so the answer crosses to the main thread as one string (cheaper than a structured clone).
    reply = { id: m.id, ok: true, json: JSON.stringify(run(m.task)) };
  } catch (e) {
    reply = { id: m.id, ok: false, error: isCrosstalkError(e) ? (e.toJSON() as { code: string; message: string; details: Record<string, unknown> }) : null, message: e instanceof Error ? (e.stack ?? e.message) : String(e) };
  }
  parentPort!.postMessage(reply);
});
parentPort!.postMessage({ ready: true });
