/**
 * Berthold 2024 rat study audit: each genuine modelling error found has a test here, plus checks of
 * the inputs that were audited and found right (doses, timing, rat physiology).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadKb } from '../../store/kb-store.js';
import { KbIndex } from '../kb/kb-index.js';
import type { KbData } from '../kb/types.js';
import { calibrateAutoInhibition, singleDoseAuc, stepsToSteadyState, steadyStateIntervalAuc } from '../models/dynamic/calibrate.js';
import { drugFromKb, enzymeTurnoverFromKb } from '../inputs/sim-drug.js';
import { derivePk } from '../models/dynamic/parameterise.js';
import { asHours, asLitresPerHour } from '../units/branded.js';
import { physiologyFor } from '../inputs/physiology.js';
import { planSimulation } from '../inputs/simulation-plan.js';
import { runStudy, type StudyScenario } from './study.js';

const q = (value: number, unit: string, extra: Record<string, unknown> = {}) => ({ value, unit, source: 'src-a', verified: true, original: { value, unit }, ...extra });

describe('ka when the reported tmax is later than any 1-compartment curve allows', () => {
  const base = { clFLPerH: asLitresPerHour(10), fuP: 0.1, rb: 1, fa: 1, fg: 1, fe: 0, pathways: [], qhLPerH: asLitresPerHour(97), qentLPerH: asLitresPerHour(18), halfLifeH: asHours(4.68) };
  it('tmax ≥ 1/k gives ka = k (absorption-limited), not the FDA default 6 h⁻¹', () => {
    const d = derivePk({ ...base, tmaxH: asHours(8) });
    const k = d.clPlasmaLPerH / d.vcL;
    expect(1 / k).toBeLessThan(8);
    expect(d.kaPerH).toBeCloseTo(k, 12);
    expect(d.notes.find((n) => n.name === 'ka')).toMatchObject({ assumption: true });
  });
  it('tmax < 1/k still solves the Bateman tmax equation', () => {
    const d = derivePk({ ...base, tmaxH: asHours(2) });
    const k = d.clPlasmaLPerH / d.vcL, ka = d.kaPerH;
    expect(Math.log(ka / k) / (ka - k)).toBeCloseTo(2, 8);
  });
});

describe('a compound that inhibits its own clearance reproduces its own CL/F', () => {
  const kb = new KbIndex({
    version: 'test',
    substances: [{ id: 'selfinh', name: 'Self', kind: 'compound', mw: q(300, 'g/mol'), constituents: [], metabolites: [] }],
    targets: [{ id: 'cyp3a4', name: 'CYP3A4', kind: 'enzyme', kdegLiver: q(0.0193, '1/h'), kdegGut: q(0.03, '1/h'), gutExpressed: false }],
    relations: [
      { id: 'r1', subject: 'selfinh', object: 'cyp3a4', action: 'substrate', species: 'human', evidence: 'in_vitro', fm: q(0.9, 'fraction'), sources: [] },
      { id: 'r2', subject: 'selfinh', object: 'cyp3a4', action: 'inhibitor', species: 'human', evidence: 'in_vitro', ki: q(0.05, 'µM', { bound: 'unbound' }), sources: [] },
    ],
    pk: [{ id: 'selfinh-po', substance: 'selfinh', species: 'human', route: 'po', default: true, dose: q(200, 'mg'), clF: q(40, 'L/h'), halfLife: q(6, 'h'), fu: q(0.1, 'fraction'), tmax: q(2, 'h'), regimen: 'single', steadyState: false, sources: [] }],
    findings: [], sources: [], legal: [], effects: [], clinical: [], risks: [],
  } as unknown as KbData);
  const phys = physiologyFor('human', enzymeTurnoverFromKb(kb)).physiology;
  it('AUC0-inf alone at the profile dose = Dose/(CL/F) within 0.1 %', () => {
    const r = drugFromKb(kb, 'selfinh', phys);
    const target = (200 / 40 / 300) * 1000;
    expect(singleDoseAuc(r.drug, phys, 200, 72) / target).toBeCloseTo(1, 3);
    const scale = r.used.find((u) => u.name === 'CLint,h auto-inhibition scale')!;
    expect(scale.value).toBeGreaterThan(1);
    expect(scale.assumption).toBe(true);
  });
  it('without the calibration the auto-inhibition is counted twice (exposure too high)', () => {
    const r = drugFromKb(kb, 'selfinh', phys);
    const s = r.used.find((u) => u.name === 'CLint,h auto-inhibition scale')!.value;
    const unscaled = { ...r.drug, clintOtherLPerH: asLitresPerHour(r.drug.clintOtherLPerH / s), enzymes: r.drug.enzymes.map((e) => ({ ...e, clintLiverLPerH: e.clintLiverLPerH / s })) };
    const c = calibrateAutoInhibition(unscaled, phys, 200, 40, 6);
    expect(c.aucBeforeUMH / c.targetUMH).toBeGreaterThan(1.5);
    expect(c.converged).toBe(true);
    expect(c.scale).toBeCloseTo(s, 4);
  });
});

describe('a compound whose CL/F was measured at steady state reproduces its own AUCτ there', () => {
  // CL/F from steady-state levels already carries the compound's own inactivation of CYP3A4 (paroxetine and CYP2D6,
  // itraconazole and CYP3A4): simulated alone on the profile's regimen it must give AUCτ = Dose/(CL/F), not more
  const kb = new KbIndex({
    version: 'test',
    substances: [{ id: 'selftdi', name: 'Self TDI', kind: 'compound', mw: q(300, 'g/mol'), constituents: [], metabolites: [] }],
    targets: [{ id: 'cyp3a4', name: 'CYP3A4', kind: 'enzyme', kdegLiver: q(0.0193, '1/h'), kdegGut: q(0.03, '1/h'), gutExpressed: false }],
    relations: [
      { id: 'r1', subject: 'selftdi', object: 'cyp3a4', action: 'substrate', species: 'human', evidence: 'in_vitro', fm: q(0.8, 'fraction'), sources: [] },
      { id: 'r2', subject: 'selftdi', object: 'cyp3a4', action: 'tdi', species: 'human', evidence: 'in_vitro', KI: q(0.5, 'µM', { bound: 'unbound' }), kinact: q(2, '1/h'), sources: [] },
    ],
    pk: [{ id: 'selftdi-ss', substance: 'selftdi', species: 'human', route: 'po', default: true, dose: q(100, 'mg'), clF: q(20, 'L/h'), halfLife: q(12, 'h'), fu: q(0.1, 'fraction'), tmax: q(2, 'h'), regimen: '100 mg qd', steadyState: true, sources: [] }],
    findings: [], sources: [], legal: [], effects: [], clinical: [], risks: [],
  } as unknown as KbData);
  const phys = physiologyFor('human', enzymeTurnoverFromKb(kb)).physiology;
  it('AUCτ alone at steady state = Dose/(CL/F) within 0.1 %, and without the scale it would be higher', () => {
    const r = drugFromKb(kb, 'selftdi', phys);
    const target = (100 / 20 / 300) * 1000;
    const n = stepsToSteadyState(r.drug, phys, 12, 24);
    expect(n * 24).toBeGreaterThanOrEqual(6 * (Math.LN2 / 0.0193)); // six enzyme half-lives, longer than six drug half-lives
    expect(steadyStateIntervalAuc(r.drug, phys, 100, 24, n) / target).toBeCloseTo(1, 3);
    const scale = r.used.find((u) => u.name === 'CLint,h auto-inhibition scale')!;
    expect(scale.value).toBeGreaterThan(1.2);
    expect(scale.source).toContain('steady state');
  });
});

describe('Berthold 2024 (rat) inputs and comparison', () => {
  const kb = loadKb();
  const sc = parse(readFileSync(new URL('../../../scenarios/berthold-2024.yaml', import.meta.url), 'utf8')) as StudyScenario;
  it('doses: CBD 50 mg/kg × 0.25 kg at 0 h, mitragynine 0.8 mL/kg × 12 mg/mL × 0.25 kg 30 min later; rat Qh, not 97 L/h', () => {
    const plan = planSimulation(kb, sc.arms[0]!.doses, { species: 'rat', weightKg: 0.25 });
    expect(plan.doses.find((d) => d.drugId === 'cbd')).toMatchObject({ tH: 0, amountMg: 12.5, route: 'po' });
    const mg = plan.doses.find((d) => d.drugId === 'mitragynine')!;
    expect(mg.tH).toBe(0.5);
    expect(mg.amountMg).toBeCloseTo(0.8 * 12 * 0.25, 10);
    expect(plan.physiology.qhLPerH).toBeCloseTo(55.2 * 0.06 * 0.25, 10);
    expect(plan.physiology.vLiverL).toBeCloseTo(0.01, 10);
    expect(plan.physiology.qentLPerH).toBeLessThan(1);
  });
  it('CBD alone reproduces its rat CL/F at the profile dose (100 mg/kg) despite self-inhibition', () => {
    const phys = physiologyFor('rat', enzymeTurnoverFromKb(kb), 0.25).physiology;
    const d = drugFromKb(kb, 'cbd', phys, ['cbd', 'mitragynine']).drug;
    const target = (25 / (4.29 * 0.25) / d.mwGPerMol) * 1000;
    expect(singleDoseAuc(d, phys, 25, 72) / target).toBeCloseTo(1, 2);
  });
  it('compares AUC0-t over the sampling window, and the sensitivity table holds the baseline', () => {
    const r = runStudy(kb, sc);
    const a = r.analytes['mitragynine']!;
    expect(a.simulated.aucMetric).toMatch(/^AUC0-t/);
    const rows = r.sensitivity.find((s) => s.analyte === 'mitragynine')!.rows;
    expect(rows.length).toBeGreaterThan(5);
    for (const row of rows.filter((x) => x.baseline)) expect(row.aucRatio!).toBeCloseTo(a.simulated.aucRatio!, 6);
  }, 60_000);
});
