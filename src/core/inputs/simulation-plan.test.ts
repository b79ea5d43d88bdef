import { describe, expect, it } from 'vitest';
import { KbIndex } from '../kb/kb-index.js';
import type { KbData } from '../kb/types.js';
import { DEFAULT_KDEG_LIVER_PER_H } from './physiology.js';
import { planSimulation } from './simulation-plan.js';

const q = (value: number, unit: string) => ({ value, unit, source: 'src-a', verified: true, original: { value, unit } });

/** A victim cleared by an enzyme the KB gives no turnover for, and a perpetrator that inactivates it. */
function fixture(withKdeg: boolean): KbIndex {
  return new KbIndex({
    version: 'test',
    substances: [
      { id: 'vic', name: 'Vic', kind: 'compound', mw: q(300, 'g/mol'), constituents: [], metabolites: [] },
      { id: 'per', name: 'Per', kind: 'compound', mw: q(400, 'g/mol'), constituents: [], metabolites: [] },
    ],
    targets: [{ id: 'ugtx', name: 'UGTX', kind: 'enzyme', ...(withKdeg ? { kdegLiver: q(0.03, '1/h') } : {}) }],
    relations: [
      { id: 'r1', subject: 'vic', object: 'ugtx', action: 'substrate', species: 'human', evidence: 'in_vitro', fm: q(0.9, 'fraction'), sources: [] },
      { id: 'r2', subject: 'per', object: 'ugtx', action: 'tdi', species: 'human', evidence: 'in_vitro', KI: { ...q(2, 'µM'), bound: 'unbound' }, kinact: q(3, '1/h'), sources: [] },
    ],
    pk: [
      { id: 'vic-po', substance: 'vic', species: 'human', route: 'po', default: true, clF: q(30, 'L/h'), halfLife: q(4, 'h'), regimen: 'single', steadyState: false, sources: [] },
      { id: 'per-po', substance: 'per', species: 'human', route: 'po', default: true, clF: q(20, 'L/h'), halfLife: q(8, 'h'), regimen: 'single', steadyState: false, sources: [] },
    ],
    findings: [], sources: [], legal: [], effects: [], clinical: [], risks: [],
  } as unknown as KbData);
}

describe('simulation plan: no modelling default is silent (issue 10, point 7)', () => {
  const items = [{ substance: 'per', regimen: '100 mg po qd 3d' }, { substance: 'vic', regimen: '10 mg po', startH: 48 }];
  it('an inactivated enzyme without KB turnover lists the default kdeg as an assumption', () => {
    const plan = planSimulation(fixture(false), items, { species: 'human' });
    expect(plan.parameters.find((p) => p.name === 'kdeg,liver ugtx')).toMatchObject({ owner: 'physiology', value: DEFAULT_KDEG_LIVER_PER_H, unit: '1/h', assumption: true });
  });
  it('a KB turnover is used as given and not listed as a default', () => {
    const plan = planSimulation(fixture(true), items, { species: 'human' });
    expect(plan.parameters.some((p) => p.name === 'kdeg,liver ugtx')).toBe(false);
    expect(plan.physiology.enzymes['ugtx']?.kdegLiverPerH).toBe(0.03);
  });
});
