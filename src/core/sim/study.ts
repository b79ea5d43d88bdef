/**
 * Run a published interaction study design (scenarios/*.yaml) from single-substance inputs only and
 * put the simulation beside the observed outcome from the KB's `clinical` records. The observed
 * values are read after the simulation and never enter it (MODEL.md "Inputs vs outcomes").
 */
import { CrosstalkError } from '../errors.js';
import type { KbIndex } from '../kb/kb-index.js';
import { simulateInteraction } from './interaction.js';
import { planSimulation, type PlanItem } from './plan.js';
import type { UsedParameter } from './physiology.js';
import type { Species } from './types.js';

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
  arms: { id: string; doses: PlanItem[]; horizonH: number; clinical?: string }[];
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

export function runStudy(kb: KbIndex, scenario: StudyScenario): StudyResult {
  const sc = checkScenario(scenario);
  const notes: string[] = [];
  let parameters: UsedParameter[] = [];
  const arms = sc.arms.map((arm) => {
    const plan = planSimulation(kb, arm.doses, { species: sc.species, weightKg: sc.bodyWeightKg });
    parameters = plan.parameters;
    notes.push(...plan.notes.map((n) => `${arm.id}: ${n}`));
    const res = simulateInteraction({ drugs: plan.drugs, physiology: plan.physiology, groups: plan.groups, doses: plan.doses, tEndH: arm.horizonH, gridH: Array.from({ length: 201 }, (_, k) => (arm.horizonH * k) / 200) });
    notes.push(...res.warnings.map((w) => `${arm.id}: ${w}`));
    const analytes: Record<string, AnalyteComparison> = {};
    for (const a of sc.analytes) {
      const c = res.compounds.find((x) => x.id === a);
      // observed outcome, read only now and only for display
      const rec = kb.clinicalFor(sc.perpetrator, sc.victim).find((r) => r.species === sc.species && (r.analyte ?? r.victim) === a && (!arm.clinical || r.id === arm.clinical));
      const reported = rec && (rec.aucRatio || rec.cmaxRatio || rec.tmaxShift)
        ? { aucRatio: rec.aucRatio?.value ?? null, cmaxRatio: rec.cmaxRatio?.value ?? null, tmaxShiftH: rec.tmaxShift?.value ?? null, clinicalId: rec.id, sources: rec.sources }
        : null;
      if (!rec) notes.push(`${arm.id}: no ${sc.species} clinical record for ${sc.perpetrator} → ${a} in the KB`);
      else if (!reported) notes.push(`${arm.id}: clinical record ${rec.id} has no numeric ratios`);
      analytes[a] = {
        simulated: { aucRatio: c?.ratios?.aucRatio ?? null, cmaxRatio: c?.ratios?.cmaxRatio ?? null, tmaxShiftH: c?.ratios?.tmaxShiftH ?? null, aucMetric: c?.ratios?.aucMetric ?? 'n/a' },
        reported,
        explanations: c?.explanations ?? [`${a} could not be simulated`],
      };
    }
    return { id: arm.id, analytes };
  });
  return { study: sc.id, title: sc.title, translation: sc.translation ?? 'direct', analytes: arms[0]!.analytes, arms, parameters, notes: [...new Set(notes)] };
}
