/**
 * The record a KB → model-input builder keeps while it works: every value it used (with its source and
 * whether it is an assumption), the warnings it raised, and whether any value came from another species.
 * One log per compound and call; the order of entries is the order the outputs list them in.
 */
import type { Quantity } from '../schema/quantity.js';
import type { UsedParameter } from './physiology.js';

/** A quantity per kg of body weight becomes an absolute one at `bodyWeightKg`; others pass unchanged. */
export function perKg(q: Quantity, bodyWeightKg: number): number {
  return /\/kg$/.test(q.unit) ? q.value * bodyWeightKg : q.value;
}

export class ParamLog {
  readonly used: UsedParameter[] = [];
  readonly warnings: string[] = [];
  /** True once any value was taken from another species (rat ← human). */
  indirect = false;

  constructor(readonly owner: string) {}

  /** Record a value and return it. */
  put(name: string, value: number, unit: string, source: string, assumption: boolean, note?: string): number {
    this.used.push({ owner: this.owner, name, value, unit, source, assumption, ...(note ? { note } : {}) });
    return value;
  }

  /** Record a KB quantity (per kg scaled by `bodyWeightKg`); an unverified one counts as an assumption. */
  quantity(name: string, x: Quantity | undefined, unit: string, bodyWeightKg = 1): number | undefined {
    return x ? this.put(name, perKg(x, bodyWeightKg), unit, x.source, !x.verified, x.verified ? undefined : 'verified=false') : undefined;
  }

  /** The KB quantity when there is one, else the named default `value`, recorded as an assumption with `why`. */
  orDefault(name: string, x: Quantity | undefined, value: number, unit: string, why: string): number {
    return x ? this.quantity(name, x, unit)! : this.put(name, value, unit, why, true);
  }

  warn(message: string): void {
    this.warnings.push(message);
  }
}
