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
    substances: [
      compound('victim', 'Victim', '10 mg'),
      compound('inducer', 'Inducer', '300 mg qd'),
      compound('mixed', 'Mixed', '300 mg qd'),
      compound('probe', 'Probe', '60 mg'),
      compound('efflux', 'Efflux', '100 mg bid'),
    ],
    targets: [
      { id: 'cyp3a4', name: 'CYP3A4', kind: 'enzyme', kdegLiver: q(0.0193, '1/h'), kdegGut: q(0.03, '1/h'), gutExpressed: true },
      { id: 'cyp2d6', name: 'CYP2D6', kind: 'enzyme', kdegLiver: q(0.0193, '1/h') },
      { id: 'abcb1', name: 'P-gp', kind: 'transporter' },
    ],
    relations: [
      { id: 'v-3a4', subject: 'victim', object: 'cyp3a4', action: 'substrate', species: 'human', evidence: 'in_vitro', fm: q(0.6, 'fraction'), sources: [] },
      { id: 'v-2d6', subject: 'victim', object: 'cyp2d6', action: 'substrate', species: 'human', evidence: 'in_vitro', fm: q(0.3, 'fraction'), sources: [] },
      // a recorded effect without a size: the only effect on the victim's enzymes
      { id: 'i-3a4', subject: 'inducer', object: 'cyp3a4', action: 'inducer', species: 'human', evidence: 'label', clinicalClass: 'moderate', sources: ['src-a'] },
      // one quantified effect beside one without constants
      { id: 'm-2d6', subject: 'mixed', object: 'cyp2d6', action: 'inhibitor', species: 'human', evidence: 'in_vitro', ki: q(0.1, 'µM', { bound: 'unbound' }), sources: [] },
      { id: 'm-3a4', subject: 'mixed', object: 'cyp3a4', action: 'inducer', species: 'human', evidence: 'label', sources: ['src-a'] },
      // a P-gp substrate with no enzyme pathway, and a P-gp inhibitor that also inhibits CYP2D6 (quantified)
      { id: 'p-pgp', subject: 'probe', object: 'abcb1', action: 'transporter-substrate', species: 'human', evidence: 'human_controlled', sources: [] },
      { id: 'v-pgp', subject: 'victim', object: 'abcb1', action: 'transporter-substrate', species: 'human', evidence: 'in_vitro', sources: [] },
      { id: 'e-pgp', subject: 'efflux', object: 'abcb1', action: 'transporter-inhibitor', species: 'human', evidence: 'in_vitro', ic50: q(5, 'µM', { bound: 'total' }), sources: ['src-a'] },
      { id: 'e-2d6', subject: 'efflux', object: 'cyp2d6', action: 'inhibitor', species: 'human', evidence: 'in_vitro', ki: q(0.1, 'µM', { bound: 'unbound' }), sources: [] },
    ],
    pk: [profile('victim'), profile('inducer'), profile('mixed'), profile('probe'), profile('efflux')],
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

describe('dynamic model: a transporter that carries the victim (it has no transporter path)', () => {
  const kb = new KbIndex(fixture());
  it('goes grey, naming the transporter effect it would leave out, where it used to answer ×1.00 (ritonavir → fexofenadine)', () => {
    const p = predict(kb, { victim: 'probe', perpetrator: 'efflux', model: 'dynamic' });
    expect(p.status).toBe('grey');
    expect(p.aucRatio).toBeNull();
    expect(p.statements.filter((s) => s.code === 'MISSING_DYNAMIC_TRANSPORTER').map((s) => [s.params['compound'], s.params['transporter']])).toEqual([['Efflux', 'P-gp']]);
  });
  it('answers through the quantified enzyme effect beside it, and says what it left out', () => {
    const p = predict(kb, { victim: 'victim', perpetrator: 'efflux', model: 'dynamic' });
    expect(p.status).toBe('predicted');
    expect(p.aucRatio!).toBeGreaterThan(1.05);
    expect(p.statements.some((s) => s.code === 'MISSING_DYNAMIC_TRANSPORTER' && s.role === 'missing')).toBe(true);
  });
  it('an inhibitor that touches no transporter carrying the victim leaves nothing out', () => {
    const p = predict(kb, { victim: 'probe', perpetrator: 'mixed', model: 'dynamic' });
    expect(p.statements.some((s) => s.code === 'MISSING_DYNAMIC_TRANSPORTER')).toBe(false);
  });
});

describe('dynamic model: why it answered', () => {
  const kb = new KbIndex(fixture());
  it('a parent drug run as one of the best estimate\'s models is not called a metabolite of itself', () => {
    // one dose of the perpetrator: the dynamic model answers first (single-dose rule)
    const p = predict(kb, { victim: 'victim', perpetrator: 'efflux', perpetratorDose: '100 mg' });
    expect(p.models?.find((m) => m.chosen)?.model).toBe('dynamic');
    const codes = p.statements.map((s) => s.code);
    expect(codes).not.toContain('ASSUME_DYNAMIC_FOR_METABOLITE');
    expect(codes).toContain('NOTE_BEST_ESTIMATE');
  });
  it('asked for, it says so', () => {
    expect(predict(kb, { victim: 'victim', perpetrator: 'mixed', model: 'dynamic' }).statements.map((s) => s.code)).toContain('ASSUME_DYNAMIC_REQUESTED');
  });
});
