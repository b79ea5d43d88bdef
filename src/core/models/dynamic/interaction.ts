/**
 * Paired simulation of a regimen: every substance group together ("combined") and each group on
 * its own ("alone", same individual, same parameters), with ratios and plain-language explanations
 * of why exposure and Tmax moved (MODEL.md §2.4).
 */
import { fail } from '../../errors.js';
import { summarise, type ExposureSummary } from './metrics.js';
import { InteractionModel, STRIDE, CEN } from './model.js';
import { ArmRunner, type ArmResult } from './run.js';
import { DEFAULT_SOLVE, type DoseEvent, type DrugParams, type Physiology, type SolveSettings } from './types.js';
import { diagnoseExposure, type ArmDiagnostics } from './diagnostics.js';
import { renderExposureDiagnostics } from '../../render/dynamic-diagnostics.js';

export interface SubstanceGroup {
  /** User-facing substance (e.g. `kratom`); its compounds are simulated together. */
  id: string;
  compounds: string[];
}

export interface InteractionRequest {
  drugs: DrugParams[];
  physiology: Physiology;
  groups: SubstanceGroup[];
  doses: DoseEvent[];
  tEndH: number;
  gridH?: number[];
  settings?: Partial<SolveSettings>;
}

export interface Curve {
  cpUM: number[];
  cuUM: number[];
  cpNgPerMl: number[];
}

export interface Ratios {
  aucRatio: number | null;
  cmaxRatio: number | null;
  tmaxShiftH: number | null;
  /** Which AUC the ratio uses: AUC0-inf (single dose), AUC over the last dosing interval, or AUC0-t. */
  aucMetric: 'AUC0-inf' | 'AUCtau,last' | 'AUC0-t';
}

export interface CompoundResult {
  id: string;
  group: string;
  mwGPerMol: number;
  combined: ExposureSummary;
  alone: ExposureSummary | null;
  ratios: Ratios | null;
  explanations: string[];
  curves: { combined: Curve; alone: Curve | null } | null;
}

export interface InteractionResult {
  tEndH: number;
  settings: SolveSettings;
  gridH: number[] | null;
  compounds: CompoundResult[];
  enzymes: { organ: 'liver' | 'gut'; enzyme: string; combined: number[] | null }[];
  solver: { combined: ArmResult['stats']; alone: Record<string, ArmResult['stats']> };
  warnings: string[];
}

function curveOf(model: InteractionModel, arm: ArmResult, i: number, fuP: number, mw: number): Curve | null {
  if (!arm.gridStates) return null;
  const cp = arm.gridStates.map((y) => y[i * STRIDE + CEN]! / model.vc[i]!);
  return { cpUM: cp, cuUM: cp.map((c) => c * fuP), cpNgPerMl: cp.map((c) => c * mw) };
}

/** Run the combined arm and one alone arm per group (only when there are ≥ 2 groups). */
export function simulateInteraction(req: InteractionRequest): InteractionResult {
  const settings: SolveSettings = { ...DEFAULT_SOLVE, ...req.settings };
  const known = new Set(req.drugs.map((d) => d.id));
  for (const [k, g] of req.groups.entries())
    for (const c of g.compounds)
      if (!known.has(c)) fail('INPUT_INVALID', { field: `groups[${k}].compounds`, problem: `'${c}' has no drug parameters` }, { field: `groups[${k}].compounds` });
  const combinedModel = new InteractionModel(req.drugs, req.physiology, settings.liverQSS);
  const combined = new ArmRunner(combinedModel, settings).run(req.doses, req.tEndH, req.gridH);
  const warnings = combined.warnings.map((w) => `${w.code}: ${w.message}`);
  const diagCombined: ArmDiagnostics = { model: combinedModel, arm: combined, drugs: req.drugs };
  const groupOf = new Map<string, string>();
  for (const g of req.groups) for (const c of g.compounds) groupOf.set(c, g.id);
  const aloneArms = new Map<string, ArmDiagnostics>();
  if (req.groups.length > 1) {
    for (const g of req.groups) {
      const drugs = req.drugs.filter((d) => g.compounds.includes(d.id)).map((d) => ({
        ...d,
        metabolites: d.metabolites.filter((m) => g.compounds.includes(m.metaboliteId)),
      }));
      const model = new InteractionModel(drugs, req.physiology, settings.liverQSS);
      const arm = new ArmRunner(model, settings).run(req.doses.filter((d) => g.compounds.includes(d.drugId)), req.tEndH, req.gridH);
      aloneArms.set(g.id, { model, arm, drugs });
      warnings.push(...arm.warnings.map((w) => `${g.id} alone — ${w.code}: ${w.message}`));
    }
  }
  const compounds: CompoundResult[] = req.drugs.map((d, i) => {
    const group = groupOf.get(d.id) ?? d.id;
    const c = summarise(combined.drugs[i]!);
    const a = aloneArms.get(group);
    const ai = a ? a.drugs.findIndex((x) => x.id === d.id) : -1;
    const alone = a && ai >= 0 ? summarise(a.arm.drugs[ai]!) : null;
    // A metabolite is "multi-dose" when its group (the parent it comes from) is dosed repeatedly.
    const groupIds = new Set(req.drugs.filter((x) => (groupOf.get(x.id) ?? x.id) === group).map((x) => x.id));
    const multi = req.doses.filter((x) => groupIds.has(x.drugId)).length > 1;
    let ratios: Ratios | null = null;
    if (alone) {
      const metric: Ratios['aucMetric'] = multi ? 'AUCtau,last' : c.aucInfUMH !== null && alone.aucInfUMH !== null ? 'AUC0-inf' : 'AUC0-t';
      const pick = (s: ExposureSummary): number => (metric === 'AUCtau,last' ? s.aucLastIntervalUMH : metric === 'AUC0-inf' ? s.aucInfUMH! : s.aucUMH);
      const ratio = (x: number, y: number): number | null => (y > 0 && Number.isFinite(x / y) ? x / y : null);
      ratios = {
        aucMetric: metric,
        aucRatio: ratio(pick(c), pick(alone)),
        cmaxRatio: multi ? ratio(c.cmaxLastIntervalUM, alone.cmaxLastIntervalUM) : ratio(c.cmaxUM, alone.cmaxUM),
        tmaxShiftH: alone.cmaxUM > 0 ? (multi ? c.tmaxAfterLastDoseH - alone.tmaxAfterLastDoseH : c.tmaxH - alone.tmaxH) : null,
      };
    }
    // The model gives the mechanism figures; render/ words them (the text does not belong in the model).
    const diagnostics = a && ai >= 0 && ratios ? diagnoseExposure(d.id, diagCombined, a, ratios, req.physiology) : null;
    const explanations = diagnostics ? renderExposureDiagnostics(diagnostics) : [];
    const combinedCurve = curveOf(combinedModel, combined, i, d.fuP, d.mwGPerMol);
    const aloneCurve = a && ai >= 0 ? curveOf(a.model, a.arm, ai, d.fuP, d.mwGPerMol) : null;
    return {
      id: d.id, group, mwGPerMol: d.mwGPerMol, combined: c, alone, ratios, explanations,
      curves: combinedCurve ? { combined: combinedCurve, alone: aloneCurve } : null,
    };
  });
  const enzymes = combinedModel.enzymeStates.map((s) => ({
    organ: s.organ, enzyme: s.enzyme, combined: combined.gridStates ? combined.gridStates.map((y) => y[s.index]!) : null,
  }));
  return {
    tEndH: req.tEndH, settings, gridH: combined.gridH, compounds, enzymes,
    solver: { combined: combined.stats, alone: Object.fromEntries([...aloneArms].map(([k, v]) => [k, v.arm.stats])) },
    warnings,
  };
}
