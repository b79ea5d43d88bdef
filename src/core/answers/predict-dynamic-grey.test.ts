/**
 * The dynamic model goes grey, like the static model, when the only recorded effect of the perpetrator on the victim's
 * enzymes has no constants (St John's wort → midazolam answered ×1.00 "by omission" before).
 */
import { describe, expect, it } from 'vitest';
import { KbIndex } from '../kb/kb-index.js';
import type { KbData } from '../kb/types.js';
import { predict } from '../predict.js';

const q = (value: number, unit: string, extra: Record<string, unknown> = {}) => ({ value, unit, source: 'src-a', verified: true, original: { value, unit }, ...extra });
const compound = (id: string, name: string, usual: string) => ({ id, name, kind: 'compound', synonyms: [], brands: [], slang: [], latin: [], mw: q(300, 'g/mol'), constituents: [], metabolites: [], usualDose: { regimen: usual, source: 'src-a', verified: true } });
const profile = (substance: string) => ({ id: `${substance}-po`, substance, species: 'human', route: 'po', default: true, clF: q(30, 'L/h'), halfLife: q(6, 'h'), fu: q(0.2, 'fraction'), regimen: 'single', steadyState: false, sources: [] });

function fixture(): KbData {
  return {
    version: 'test',
    substances: [compound('victim', 'Victim', '10 mg'), compound('inducer', 'Inducer', '300 mg qd'), compound('mixed', 'Mixed', '300 mg qd')],
    targets: [
      { id: 'cyp3a4', name: 'CYP3A4', kind: 'enzyme', kdegLiver: q(0.0193, '1/h'), kdegGut: q(0.03, '1/h'), gutExpressed: true },
      { id: 'cyp2d6', name: 'CYP2D6', kind: 'enzyme', kdegLiver: q(0.0193, '1/h') },
    ],
    relations: [
      { id: 'v-3a4', subject: 'victim', object: 'cyp3a4', action: 'substrate', species: 'human', evidence: 'in_vitro', fm: q(0.6, 'fraction'), sources: [] },
      { id: 'v-2d6', subject: 'victim', object: 'cyp2d6', action: 'substrate', species: 'human', evidence: 'in_vitro', fm: q(0.3, 'fraction'), sources: [] },
      // a recorded effect without a size: the only effect on the victim's enzymes
      { id: 'i-3a4', subject: 'inducer', object: 'cyp3a4', action: 'inducer', species: 'human', evidence: 'label', clinicalClass: 'moderate', sources: ['src-a'] },
      // one quantified effect beside one without constants
      { id: 'm-2d6', subject: 'mixed', object: 'cyp2d6', action: 'inhibitor', species: 'human', evidence: 'in_vitro', ki: q(0.1, 'µM', { bound: 'unbound' }), sources: [] },
      { id: 'm-3a4', subject: 'mixed', object: 'cyp3a4', action: 'inducer', species: 'human', evidence: 'label', sources: ['src-a'] },
    ],
    pk: [profile('victim'), profile('inducer'), profile('mixed')],
    findings: [], sources: [], legal: [], effects: [], clinical: [], risks: [],
  } as unknown as KbData;
}

describe('dynamic model: a recorded effect without constants', () => {
  const kb = new KbIndex(fixture());
  it('goes grey, naming the missing constants, where it used to answer ×1.00', () => {
    const p = predict(kb, { victim: 'victim', perpetrator: 'inducer', model: 'dynamic' });
    expect(p.status).toBe('grey');
    expect(p.aucRatio).toBeNull();
    expect(p.missing.join(' ')).toMatch(/induction constants .* of Inducer for CYP3A4/);
    // same reason as the static model
    const s = predict(kb, { victim: 'victim', perpetrator: 'inducer', model: 'static' });
    expect(s.status).toBe('grey');
    expect(s.missing.join(' ')).toMatch(/induction constants .* of Inducer for CYP3A4/);
  });
  it('still answers when another effect on the victim is quantified, and says what it left out', () => {
    const p = predict(kb, { victim: 'victim', perpetrator: 'mixed', model: 'dynamic' });
    expect(p.status).toBe('predicted');
    expect(p.aucRatio!).toBeGreaterThan(1.05);
    expect(p.missing.join(' ')).toMatch(/induction constants .* of Mixed for CYP3A4/);
  });
});
