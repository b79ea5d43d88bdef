/** A clearance is derived from a profile's own dose only (issue 16 §3: a parent's dose says nothing of a metabolite's clearance). */
import { describe, expect, it } from 'vitest';
import type { PkProfile } from '../kb/types.js';
import { derivedClearance, type ParentFormation } from './sim-drug-clearance.js';

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

describe('a metabolite measured after its parent: clearance by mass balance (issue 12 §2)', () => {
  const parent: ParentFormation = { parent: 'parent', parentMwGPerMol: 200, fraction: 0.5, fa: 0.8, faAssumed: false, sources: ['f'] };
  it('single dose: fraction × Fa × parent dose (µmol) over the metabolite AUC — 0.5 × 0.8 × 500 µmol / 10 µM·h = 20 L/h', () => {
    const d = derivedClearance(profile({ dosedAs: 'parent' }), 250, 70, parent);
    expect(d?.value).toBeCloseTo((0.5 * 0.8 * ((100 * 1000) / 200)) / 10, 10);
    expect(d?.how).toMatch(/mass balance/);
    expect(d?.sources).toEqual(expect.arrayContaining(['s', 'f']));
  });
  it('steady state without an AUC: AUCτ from Cmax and t½ (bolus one-compartment average), never above Cmax·τ', () => {
    const ss = profile({ dosedAs: 'parent', auc: undefined, steadyState: true, regimen: '100 mg bid', cmax: q(2, 'µM'), halfLife: q(20, 'h') });
    const kTau = (Math.LN2 / 20) * 12;
    const d = derivedClearance(ss, 250, 70, parent)!;
    expect(d.value).toBeCloseTo((0.5 * 0.8 * 500) / (2 * 12 * ((1 - Math.exp(-kTau)) / kTau)), 10);
    expect(d.value).toBeGreaterThan((0.5 * 0.8 * 500) / (2 * 12));
  });
  it('none for another parent, a missing fraction, or a single dose with only a peak', () => {
    expect(derivedClearance(profile({ dosedAs: 'other' }), 250, 70, parent)).toBeNull();
    expect(derivedClearance(profile({ dosedAs: 'parent' }), 250, 70, { ...parent, fraction: 0 })).toBeNull();
    expect(derivedClearance(profile({ dosedAs: 'parent', auc: undefined, cmax: q(1, 'µM'), halfLife: q(5, 'h') }), 250, 70, parent)).toBeNull();
  });
});
