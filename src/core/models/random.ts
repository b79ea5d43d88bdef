/**
 * Seeded randomness for the static model's uncertainty ranges. One generator serves the whole core: the
 * simulator's xoshiro128** (splitmix32 seeding, Box–Muller normals) in src/core/models/dynamic/rng.ts.
 */
import { Rng as SimRng, RNG_ALGORITHM } from './dynamic/rng.js';

export interface Rng {
  next(): number;
  normal(): number;
  readonly algorithm: string;
  readonly seed: number;
}

export function createRng(seed: number): Rng {
  const r = new SimRng(seed);
  return { next: () => r.uniform(), normal: () => r.normal(), algorithm: RNG_ALGORITHM, seed };
}

/** Log-normal multiplier with the given coefficient of variation (ω² = ln(1 + CV²)), median 1. */
export function lognormalFactor(rng: Rng, cv: number): number {
  if (cv <= 0) return 1;
  return Math.exp(Math.sqrt(Math.log(1 + cv * cv)) * rng.normal());
}

/** Linear-interpolated percentile of an ascending array (p in 0–1). */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const idx = (sorted.length - 1) * p;
  const lo = Math.floor(idx);
  const hi = Math.ceil(idx);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (idx - lo);
}
