/**
 * Run a published interaction study design (scenarios/*.yaml) from single-substance inputs only and
 * put the simulation beside the observed outcome from the KB's `clinical` records. The observed
 * values are read after the simulation and never enter it (MODEL.md "Inputs vs outcomes").
 */
import { CrosstalkError } from '../errors.js';
import type { KbIndex } from '../kb/kb-index.js';
import { simulateInteraction } from '../models/dynamic/interaction.js';
import { planSimulation, type PlanItem } from '../inputs/simulation-plan.js';
import { RAT_KDEG_FACTOR, RAT_QH_L_PER_H_PER_KG, type UsedParameter } from '../inputs/physiology.js';
import type { DrugOverrides } from '../inputs/sim-drug.js';
import type { Physiology, Species } from '../models/dynamic/types.js';

/**
 * One input varied over a plausible range for the first arm (inputs with no rat value). Kinds:
 * `fuP` (compound), `potencyDivisor` (compound: Ki,u and KI,u × v, kinact/KI ÷ v), `fm` (compound,
 * enzyme), `kdegFactor` (rat kdeg = human × v), `qhMlMinKg` (rat hepatic blood flow; Qent in
 * proportion), `samplingH` (last sampling time after the first dose, AUC0-t).
 */
export interface SensitivitySpec {
  parameter: 'fuP' | 'potencyDivisor' | 'fm' | 'kdegFactor' | 'qhMlMinKg' | 'samplingH';
  compound?: string;
  enzyme?: string;
  values: number[];
  note?: string;
}

export interface SensitivityRow {
  parameter: string;
  value: number;
  baseline: boolean;
  aucRatio: number | null;
  cmaxRatio: number | null;
}

export interface StudyScenario {
  id: string;
  title: string;
  source: string;
  species: Species;
  bodyWeightKg: number;
  translation?: string;
  analytes: string[];
  perpetrator: string;
  victim: string;
  arms: { id: string; doses: PlanItem[]; horizonH: number; clinical?: string; aucMetric?: 'AUC0-t' | 'AUC0-inf' }[];
  sensitivity?: SensitivitySpec[];
}

export interface AnalyteComparison {
  simulated: { aucRatio: number | null; cmaxRatio: number | null; tmaxShiftH: number | null; aucMetric: string };
  reported: { aucRatio: number | null; cmaxRatio: number | null; tmaxShiftH: number | null; clinicalId: string; sources: string[] } | null;
  explanations: string[];
}

export interface StudyResult {
  study: string;
  title: string;
  translation: string;
  /** The first arm's comparison (the shape the issue asks for). */
  analytes: Record<string, AnalyteComparison>;
  arms: { id: string; analytes: Record<string, AnalyteComparison> }[];
  parameters: UsedParameter[];
  /** First arm, victim analytes: simulated ratios with one input varied at a time. */
  sensitivity: { analyte: string; rows: SensitivityRow[] }[];
  notes: string[];
}

/** Check a parsed scenario object; errors name the field. */
export function checkScenario(raw: unknown): StudyScenario {
  const o = raw as Partial<StudyScenario> | null;
  const need = (cond: boolean, field: string, what: string): void => {
    if (!cond) throw new CrosstalkError('INPUT_INVALID', `scenario.${field}: ${what}`, { field: `scenario.${field}` });
  };
  need(!!o && typeof o === 'object', '', 'not an object');
  need(typeof o!.id === 'string', 'id', 'missing');
  need(o!.species === 'human' || o!.species === 'rat', 'species', 'human or rat');
  need(typeof o!.bodyWeightKg === 'number' && o!.bodyWeightKg > 0, 'bodyWeightKg', 'a positive number');
  need(Array.isArray(o!.analytes) && o!.analytes.length > 0, 'analytes', 'a non-empty list');
  need(Array.isArray(o!.arms) && o!.arms.length > 0, 'arms', 'a non-empty list');
  o!.arms!.forEach((a, k) => {
    need(typeof a.id === 'string', `arms[${k}].id`, 'missing');
    need(Array.isArray(a.doses) && a.doses.length > 0, `arms[${k}].doses`, 'a non-empty list');
    need(typeof a.horizonH === 'number' && a.horizonH > 0, `arms[${k}].horizonH`, 'a positive number of hours');
  });
  return o as StudyScenario;
}

interface ArmVariant { overrides?: Record<string, DrugOverrides>; adjustPhysiology?: (p: Physiology) => Physiology; horizonH?: number }

function simulateArm(kb: KbIndex, sc: StudyScenario, arm: StudyScenario['arms'][number], v: ArmVariant = {}) {
  const plan = planSimulation(kb, arm.doses, { species: sc.species, weightKg: sc.bodyWeightKg, ...(v.overrides ? { overrides: v.overrides } : {}), ...(v.adjustPhysiology ? { adjustPhysiology: v.adjustPhysiology } : {}) });
  const horizonH = v.horizonH ?? arm.horizonH;
  const res = simulateInteraction({ drugs: plan.drugs, physiology: plan.physiology, groups: plan.groups, doses: plan.doses, tEndH: horizonH, gridH: Array.from({ length: 201 }, (_, k) => (horizonH * k) / 200) });
  return { plan, res };
}

/** Simulated ratios of one analyte; `AUC0-t` (the study's sampling window) replaces AUC0-inf for a single dose when asked. */
function ratiosOf(res: ReturnType<typeof simulateInteraction>, a: string, metric: 'AUC0-t' | 'AUC0-inf' | undefined): AnalyteComparison['simulated'] & { compound: ReturnType<typeof simulateInteraction>['compounds'][number] | undefined } {
  const c = res.compounds.find((x) => x.id === a);
  const r = c?.ratios;
  const useT = metric === 'AUC0-t' && r && r.aucMetric !== 'AUCtau,last' && c.alone && c.alone.aucUMH > 0;
  return {
    compound: c,
    aucRatio: useT ? c.combined.aucUMH / c.alone!.aucUMH : r?.aucRatio ?? null,
    cmaxRatio: r?.cmaxRatio ?? null,
    tmaxShiftH: r?.tmaxShiftH ?? null,
    aucMetric: useT ? `AUC0-t (0–${res.tEndH} h)` : r?.aucMetric ?? 'n/a',
  };
}

function variantFor(sc: StudyScenario, spec: SensitivitySpec, value: number): ArmVariant {
  switch (spec.parameter) {
    case 'fuP': return { overrides: { [spec.compound!]: { fuP: value } } };
    case 'potencyDivisor': return { overrides: { [spec.compound!]: { potencyDivisor: value } } };
    case 'fm': return { overrides: { [spec.compound!]: { fm: { [spec.enzyme!]: value } } } };
    case 'samplingH': return { horizonH: value };
    case 'kdegFactor': {
      const f = sc.species === 'rat' ? value / RAT_KDEG_FACTOR : value;
      return {
        adjustPhysiology: (p) => ({
          ...p,
          enzymes: Object.fromEntries(Object.entries(p.enzymes).map(([k, t]) => [k, { kdegLiverPerH: t.kdegLiverPerH * f, ...(t.kdegGutPerH !== undefined ? { kdegGutPerH: t.kdegGutPerH * f } : {}) }])),
        }),
      };
    }
    case 'qhMlMinKg': return {
      adjustPhysiology: (p) => {
        const f = (value * 0.06 * p.bodyWeightKg) / p.qhLPerH;
        return { ...p, qhLPerH: p.qhLPerH * f, qentLPerH: p.qentLPerH * f };
      },
    };
  }
}

function baselineOf(sc: StudyScenario, spec: SensitivitySpec, parameters: UsedParameter[], arm: StudyScenario['arms'][number]): number | null {
  switch (spec.parameter) {
    case 'fuP': return parameters.find((p) => p.owner === spec.compound && p.name === 'fu,p')?.value ?? null;
    case 'fm': return parameters.find((p) => p.owner === spec.compound && p.name === `fm ${spec.enzyme}`)?.value ?? null;
    case 'potencyDivisor': return 1;
    case 'samplingH': return arm.horizonH;
    case 'kdegFactor': return sc.species === 'rat' ? RAT_KDEG_FACTOR : 1;
    case 'qhMlMinKg': return sc.species === 'rat' ? RAT_QH_L_PER_H_PER_KG / 0.06 : null;
  }
}

export function runStudy(kb: KbIndex, scenario: StudyScenario): StudyResult {
  const sc = checkScenario(scenario);
  const notes: string[] = [];
  let parameters: UsedParameter[] = [];
  const arms = sc.arms.map((arm) => {
    const { plan, res } = simulateArm(kb, sc, arm);
    parameters = plan.parameters;
    notes.push(...plan.notes.map((n) => `${arm.id}: ${n}`));
    notes.push(...res.warnings.map((w) => `${arm.id}: ${w}`));
    const analytes: Record<string, AnalyteComparison> = {};
    for (const a of sc.analytes) {
      const { compound: c, ...simulated } = ratiosOf(res, a, arm.aucMetric);
      // observed outcome, read only now and only for display
      const rec = kb.clinicalFor(sc.perpetrator, sc.victim).find((r) => r.species === sc.species && (r.analyte ?? r.victim) === a && (!arm.clinical || r.id === arm.clinical));
      const reported = rec && (rec.aucRatio || rec.cmaxRatio || rec.tmaxShift)
        ? { aucRatio: rec.aucRatio?.value ?? null, cmaxRatio: rec.cmaxRatio?.value ?? null, tmaxShiftH: rec.tmaxShift?.value ?? null, clinicalId: rec.id, sources: rec.sources }
        : null;
      if (!rec) notes.push(`${arm.id}: no ${sc.species} clinical record for ${sc.perpetrator} → ${a} in the KB`);
      else if (!reported) notes.push(`${arm.id}: clinical record ${rec.id} has no numeric ratios`);
      analytes[a] = { simulated, reported, explanations: c?.explanations ?? [`${a} could not be simulated`] };
    }
    return { id: arm.id, analytes };
  });
  // one input at a time over its plausible range, first arm only (never fitted to the reported ratio)
  const first = sc.arms[0]!;
  const sensitivity = sc.analytes.map((a) => ({ analyte: a, rows: [] as SensitivityRow[] }));
  for (const spec of sc.sensitivity ?? []) {
    const base = baselineOf(sc, spec, parameters, first);
    const label = `${spec.parameter}${spec.compound ? ` ${spec.compound}` : ''}${spec.enzyme ? ` ${spec.enzyme}` : ''}`;
    for (const value of spec.values) {
      const { res } = simulateArm(kb, sc, first, variantFor(sc, spec, value));
      sensitivity.forEach((s) => {
        const r = ratiosOf(res, s.analyte, first.aucMetric);
        s.rows.push({ parameter: label, value, baseline: base !== null && Math.abs(value / base - 1) < 1e-3, aucRatio: r.aucRatio, cmaxRatio: r.cmaxRatio });
      });
    }
    if (spec.note) notes.push(`sensitivity ${label}: ${spec.note}`);
  }
  return { study: sc.id, title: sc.title, translation: sc.translation ?? 'direct', analytes: arms[0]!.analytes, arms, parameters, sensitivity, notes: [...new Set(notes)] };
}
