/** A clearance is derived from a profile's own dose only (issue 16 §3: a parent's dose says nothing of a metabolite's clearance). */
import { describe, expect, it } from 'vitest';
import type { PkProfile } from '../kb/types.js';
import { derivedClearance } from './sim-drug-clearance.js';

const q = (value: number, unit: string) => ({ value, unit, source: 's', verified: true, original: { value, unit } });
const profile = (extra: Partial<PkProfile> = {}): PkProfile =>
  ({ id: 'm-po', substance: 'm', species: 'human', route: 'po', regimen: 'single', steadyState: false, default: true, sources: ['s'], dose: q(100, 'mg'), auc: q(10, 'µM·h'), ...extra }) as unknown as PkProfile;

describe('derived clearance and dosedAs', () => {
  it('dose/AUC for the substance\'s own dose: 100 mg over 10 µM·h at 250 g/mol is 40 L/h', () => {
    expect(derivedClearance(profile(), 250, 70)?.value).toBeCloseTo(100 / ((10 * 250) / 1000), 10);
  });
  it('none when the dose is the parent\'s (a metabolite measured after its parent)', () => {
    expect(derivedClearance(profile({ dosedAs: 'parent' }), 250, 70)).toBeNull();
    expect(derivedClearance(profile({ dosedAs: 'parent', auc: undefined, cmax: q(1, 'µM'), halfLife: q(5, 'h') }), 250, 70)).toBeNull();
  });
});
