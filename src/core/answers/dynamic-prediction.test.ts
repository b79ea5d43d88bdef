import { describe, expect, it } from 'vitest';
import { CrosstalkError } from '../errors.js';
import { KbIndex } from '../kb/kb-index.js';
import type { KbData } from '../kb/types.js';
import { predictDynamic } from './dynamic-prediction.js';

const q = (value: number, unit: string, extra: Record<string, unknown> = {}) => ({ value, unit, source: 'src-a', verified: true, original: { value, unit }, ...extra });

function fixture(): KbData {
  return {
    version: 'test',
    substances: [
      { id: 'victim', name: 'Victim', kind: 'compound', synonyms: [], brands: [], slang: [], latin: [], mw: q(300, 'g/mol'), constituents: [], metabolites: [{ substance: 'met', enzyme: 'cyp3a4', fraction: q(0.5, 'fraction'), sources: [] }], usualDose: { regimen: '10 mg bid', source: 'src-a', verified: true } },
      { id: 'met', name: 'Met', kind: 'metabolite', synonyms: [], brands: [], slang: [], latin: [], mw: q(286, 'g/mol'), constituents: [], metabolites: [] },
      { id: 'perp', name: 'Perp', kind: 'compound', synonyms: [], brands: [], slang: [], latin: [], mw: q(400, 'g/mol'), constituents: [], metabolites: [], usualDose: { regimen: '200 mg qd', source: 'src-a', verified: true } },
    ],
    targets: [{ id: 'cyp3a4', name: 'CYP3A4', kind: 'enzyme', kdegLiver: q(0.0193, '1/h'), kdegGut: q(0.03, '1/h'), gutExpressed: true }],
    relations: [
      { id: 'r1', subject: 'victim', object: 'cyp3a4', action: 'substrate', species: 'human', evidence: 'in_vitro', fm: q(0.9, 'fraction'), sources: [] },
      { id: 'r2', subject: 'perp', object: 'cyp3a4', action: 'inhibitor', species: 'human', evidence: 'in_vitro', ki: q(0.05, 'µM', { bound: 'unbound' }), sources: [] },
    ],
    pk: [
      { id: 'victim-po', substance: 'victim', species: 'human', route: 'po', default: true, clF: q(60, 'L/h'), halfLife: q(4, 'h'), fu: q(0.1, 'fraction'), regimen: 'single', steadyState: false, sources: [] },
      { id: 'met-po', substance: 'met', species: 'human', route: 'po', default: true, clF: q(10, 'L/h'), halfLife: q(10, 'h'), regimen: 'single', steadyState: false, sources: [] },
      // no clearance reported: CL/F from dose/AUC (200 mg, 20 µM·h at MW 400 → 25 L/h)
      { id: 'perp-po', substance: 'perp', species: 'human', route: 'po', default: true, dose: q(200, 'mg'), auc: q(20, 'µM·h'), halfLife: q(12, 'h'), fu: q(0.2, 'fraction'), regimen: 'single', steadyState: false, sources: [] },
    ],
    findings: [], sources: [], legal: [], effects: [], clinical: [], risks: [],
  } as unknown as KbData;
}

describe('predictDynamic', () => {
  const kb = new KbIndex(fixture());
  it('defaults: KB usual doses, perpetrator 7 days, victim once on the last day; ratio > 1 with a range', () => {
    const p = predictDynamic(kb, { victim: 'victim', perpetrator: 'perp' });
    expect(p.analyte).toBe('victim');
    expect(p.aucRatio).toBeGreaterThan(1.2);
    expect(p.cmaxRatio).toBeGreaterThanOrEqual(1);
    expect(p.aucMetric).toBe('AUC0-inf');
    expect(p.range).not.toBeNull();
    expect(p.range!.low).toBeLessThanOrEqual(p.range!.high);
    expect(p.notes.some((n) => /7 days assumed/.test(n))).toBe(true);
    expect(p.parameters.some((u) => u.owner === 'perp' && u.name === 'CL/F' && u.source.startsWith('derived: dose/AUC'))).toBe(true);
  });
  it('metabolite analyte: formation falls when its enzyme is inhibited', () => {
    const p = predictDynamic(kb, { victim: 'victim', perpetrator: 'perp', analyte: 'met', victimDose: '10 mg', victimAt: 0 });
    expect(p.analyte).toBe('met');
    expect(p.aucRatio).toBeLessThan(1);
  });
  it('a single victim dose is compared on AUC0-inf: a slow metabolite gets a longer follow-up instead of a truncated AUC0-t', () => {
    // The metabolite's own half-life (60 h) leaves most of its AUC beyond the default 48 h follow-up.
    const data = fixture();
    const met = data.pk.find((x) => x.id === 'met-po')!;
    const slow = new KbIndex({ ...data, pk: data.pk.map((x) => (x === met ? { ...x, halfLife: q(60, 'h') } : x)) } as KbData);
    const p = predictDynamic(slow, { victim: 'victim', perpetrator: 'perp', analyte: 'met', victimDose: '10 mg', victimAt: 48 });
    expect(p.aucMetric).toBe('AUC0-inf');
    expect(p.notes.some((n) => /follow-up after the victim dose lengthened to \d+ h/.test(n))).toBe(true);
    expect(p.aucRatio).toBeGreaterThan(0);
    expect(p.aucRatio).toBeLessThan(1);
    // the fast fixture keeps its default follow-up
    expect(predictDynamic(kb, { victim: 'victim', perpetrator: 'perp', victimDose: '10 mg', victimAt: 48 }).notes.some((n) => /lengthened/.test(n))).toBe(false);
  });
  it('rejects an analyte that is not the victim or its metabolite', () => {
    expect(() => predictDynamic(kb, { victim: 'victim', perpetrator: 'perp', analyte: 'perp' })).toThrow(CrosstalkError);
  });
});
