import { describe, expect, it } from 'vitest';
import { KbIndex } from '../kb/kb-index.js';
import type { KbData } from '../kb/types.js';
import { FU_INC_DEFAULTS, predictFuInc } from './fu-inc.js';
import { perpetratorEffects } from './pk-inputs.js';

// The inputs builder must never use a total constant as unbound without saying so (issue 12 §4).
const q = (value: number, unit: string, extra: Record<string, unknown> = {}) => ({ value, unit, source: 'src-a', verified: true, original: { value, unit }, ...extra });

function kb(perp: Record<string, unknown>, relations: Record<string, unknown>[]): KbIndex {
  return new KbIndex({
    version: 'test',
    substances: [{ id: 'perp', name: 'Perp', kind: 'compound', synonyms: [], brands: [], slang: [], latin: [], constituents: [], metabolites: [], ...perp }],
    targets: [{ id: 'cyp3a4', name: 'CYP3A4', kind: 'enzyme', gutExpressed: true }],
    relations: relations.map((r, i) => ({ id: `r${i}`, subject: 'perp', object: 'cyp3a4', species: 'human', evidence: 'in_vitro', system: 'HLM', sources: [], ...r })),
    pk: [], findings: [], sources: [], legal: [], effects: [], clinical: [], risks: [],
  } as unknown as KbData);
}

describe('perpetratorEffects: incubation binding of total constants', () => {
  it('predicts fu,inc for a total Ki of a base from logP at the assumed protein, and says so', () => {
    const k = kb({ ionClass: 'base', logP: q(3, 'log units') }, [{ action: 'inhibitor', ki: q(2, 'µM', { bound: 'total' }) }]);
    const eff = perpetratorEffects(k, 'perp');
    const method = FU_INC_DEFAULTS.method;
    if (method !== 'none') expect(eff.effects.cyp3a4!.kiUM).toBeCloseTo(2 * predictFuInc(method, 3, FU_INC_DEFAULTS.proteinMgPerMl), 9);
    expect(eff.used[0]!.derived).toMatch(/predicted/);
    expect(eff.notes.cyp3a4!.map((n) => n.code)).toContain(FU_INC_DEFAULTS.method === 'none' ? 'ASSUME_FUINC_NONE' : 'ASSUME_FUINC_PREDICTED');
  });
  it('divides a total kinact/KI by fu,inc (a smaller unbound KI is a larger efficiency) and uses a measured fu,inc first', () => {
    const k = kb({ ionClass: 'neutral', logP: q(2, 'log units') }, [
      { action: 'tdi', kinactOverKI: q(1, '1/(h·µM)', { bound: 'total' }), fuInc: q(0.5, 'fraction') },
      { action: 'inhibitor', ki: q(1, 'µM', { bound: 'total' }), fuInc: q(0.4, 'fraction') },
    ]);
    const eff = perpetratorEffects(k, 'perp');
    expect(eff.effects.cyp3a4!.kinactOverKIPerHPerUM).toBeCloseTo(2, 9);
    expect(eff.effects.cyp3a4!.kiUM).toBeCloseTo(0.4, 9);
  });
  it('without physchem the constant stays total and the answer says why', () => {
    const eff = perpetratorEffects(kb({}, [{ action: 'tdi', KI: q(5, 'µM', { bound: 'total' }), kinact: q(3, '1/h') }]), 'perp');
    expect(eff.effects.cyp3a4!.KIuM).toBe(5);
    expect(eff.notes.cyp3a4!.map((n) => n.code)).toEqual(['ASSUME_FUINC_NONE']);
    expect(eff.used.find((u) => u.name.startsWith('KI'))!.note).toMatch(/not corrected/);
  });
});
