/**
 * Running the server for many people: what each request costs, a cost-weighted rate limit per client, and the
 * work-pool settings (overridable by the environment for operators). /health and /ready are never limited.
 * The limiter keeps one counter per client key for one window, in memory only, and forgets it after.
 */
import { availableParallelism } from 'node:os';
import {
  COST_BRIEF,
  COST_CHEAP,
  COST_DYNAMIC_PREDICT,
  COST_PERSON_HOURS_PER_UNIT,
  COST_SIMULATE,
  HEAVY_BUDGET_MS,
  HEAVY_QUEUE,
  MAX_API_HORIZON_H,
  MAX_HEAVY_WORKERS,
} from '../core/index.js';
import { WORKER_NICE, type PoolOptions } from './work-pool.js';

/** Paths outside the rate limit: probes must answer while clients are throttled. */
export const UNLIMITED_PATHS = new Set(['/health', '/ready']);

/** Whether a prediction may run the simulator (the best estimate falls back to it), so it goes to the pool. */
export const mayRunDynamic = (body: { model?: string } | undefined): boolean => body?.model !== 'static' && body?.model !== 'anchored';

/** The cost of a request, from its route and (parsed, valid) body. */
export function requestCost(route: string | undefined, body: unknown): number {
  const b = (body ?? {}) as { model?: string; population?: number; horizonH?: number };
  switch (route) {
    case '/api/simulate':
      return COST_SIMULATE + Math.ceil(((b.population ?? 0) * (b.horizonH ?? MAX_API_HORIZON_H)) / COST_PERSON_HOURS_PER_UNIT);
    case '/api/predict':
      return mayRunDynamic(b) ? COST_DYNAMIC_PREDICT : COST_CHEAP;
    case '/api/explain':
      return COST_BRIEF;
    case '/api/check': {
      // Every pair is analysed: the cost is the number of pairs (1 for two substances, 28 for eight).
      const n = Array.isArray((body as { substances?: unknown } | undefined)?.substances) ? (body as { substances: unknown[] }).substances.length : 2;
      return Math.max(COST_CHEAP, (n * (n - 1)) / 2);
    }
    default:
      return COST_CHEAP;
  }
}

/** Work-pool settings: the limits module's values, or CROSSTALK_WORKERS / _QUEUE / _BUDGET_MS / _WORKER_NICE from the environment. */
export function poolOptionsFrom(env: Readonly<Record<string, string | undefined>> = {}): PoolOptions {
  const int = (v: string | undefined, dflt: number, min: number): number => (v !== undefined && Number.isInteger(Number(v)) && Number(v) >= min ? Number(v) : dflt);
  return {
    workers: int(env.CROSSTALK_WORKERS, Math.max(1, Math.min(MAX_HEAVY_WORKERS, availableParallelism() - 1)), 1),
    queue: int(env.CROSSTALK_QUEUE, HEAVY_QUEUE, 0),
    budgetMs: int(env.CROSSTALK_BUDGET_MS, HEAVY_BUDGET_MS, 100),
    nice: Math.min(19, int(env.CROSSTALK_WORKER_NICE, WORKER_NICE, 0)),
  };
}

/** A fixed-window counter of cost units per client key. */
export class CostLimiter {
  private readonly windows = new Map<string, { start: number; used: number }>();

  constructor(readonly max: number, readonly windowMs: number, private readonly now: () => number = Date.now) {}

  /** Charge `cost` to `key`: null when allowed, else the seconds until the window resets. */
  charge(key: string, cost: number): number | null {
    const t = this.now();
    if (this.windows.size > 10_000) for (const [k, w] of this.windows) if (t - w.start >= this.windowMs) this.windows.delete(k);
    let w = this.windows.get(key);
    if (!w || t - w.start >= this.windowMs) {
      w = { start: t, used: 0 };
      this.windows.set(key, w);
    }
    if (w.used + cost > this.max) return Math.max(1, Math.ceil((w.start + this.windowMs - t) / 1000));
    w.used += cost;
    return null;
  }
}
