/**
 * One victim–perpetrator prediction from the dynamic model (MODEL.md §2–3), shaped like the static
 * engine's answer: AUC and Cmax ratios of the analyte (the victim or one of its metabolites), the
 * Tmax shift, and a 5th–95th percentile range from a small seeded population when that is cheap.
 *
 * Semantics: the perpetrator gets its regimen (default: KB usual dose; a repeated regimen without a
 * duration runs 7 days); the victim gets its regimen (default: one KB usual dose) at `victimAt` hours
 * after the first perpetrator dose (default: start of the perpetrator's last day).
 * Example: predictDynamic(kb, { victim: 'midazolam', perpetrator: 'cbd' }).aucRatio
 */
import { CrosstalkError } from '../errors.js';
import type { KbIndex } from '../kb/kb-index.js';
import { resolveSubstance } from '../kb/fuzzy-match.js';
import { doseTimesH, parseRegimen, type Regimen } from '../units/parse-regimen.js';
import { expandToCompounds } from '../kb/constituents.js';
import { simulateInteraction } from '../models/dynamic/interaction.js';
import { MAX_EXTRAPOLATED_PCT } from '../models/dynamic/metrics.js';
import { planSimulation } from '../inputs/simulation-plan.js';
import type { UsedParameter } from '../inputs/physiology.js';
import { runPopulation } from '../models/dynamic/population.js';
import { HUMAN_BODY_WEIGHT_KG, RAT_BODY_WEIGHT_KG } from '../inputs/physiology.js';
import type { Substance } from '../kb/types.js';
import type { InteractionResult } from '../models/dynamic/interaction.js';

export interface DynamicPredictionRequest {
  victim: string;
  perpetrator: string;
  victimDose?: string;
  perpetratorDose?: string;
  /** The compound whose exposure is compared: the victim (default) or a metabolite of it. */
  analyte?: string;
  /** Victim dose time in hours after the first perpetrator dose. */
  victimAt?: number;
  weightKg?: number;
  species?: 'human' | 'rat';
}

export interface DynamicPrediction {
  analyte: string;
  aucRatio: number;
  cmaxRatio: number;
  tmaxShiftH: number;
  aucMetric: string;
  range: { low: number; high: number; method: string } | null;
  explanations: string[];
  parameters: UsedParameter[];
  notes: string[];
}

/** Default perpetrator duration for a repeated regimen without one (days). */
export const DEFAULT_PERPETRATOR_DAYS = 7;
/** Subjects and seed of the range population. */
export const RANGE_SUBJECTS = 200;
export const RANGE_SEED = 1;
/**
 * The range is computed only when the population costs at most this many drug-steps (subjects ×
 * steps of the deterministic arms × drugs). Core has no clock, so cost is estimated from the
 * deterministic run: ~1–2 µs per drug-step (bench/sim.ts) puts the budget at about 1 s.
 */
export const RANGE_STEP_BUDGET = 600_000;
/** Follow-up after the victim's last dose when its regimen has no interval (h): long enough for most AUC0-inf extrapolations. */
export const MIN_FOLLOW_UP_H = 48;
/** Longest follow-up after a single victim dose the simulation extends to when AUC0-inf needs it (h): four weeks. */
export const MAX_FOLLOW_UP_H = 672;
/** Interval assumed for the perpetrator's last dose when its regimen gives none: one day (h). */
const DEFAULT_INTERVAL_H = 24;
/** Concentration curves are sampled at this many intervals over the run. */
const CURVE_INTERVALS = 200;

function regimenOf(kb: KbIndex, id: string, given: string | undefined, field: string): { text: string; r: Regimen; note: string | null } {
  if (given !== undefined) return { text: given, r: parseRegimen(given, field), note: null };
  const s = kb.substance(id);
  if (!s?.usualDose) throw new CrosstalkError('INPUT_INVALID', `${field}: no dose given and the KB has no usual dose for ${id}`, { field });
  return { text: s.usualDose.regimen, r: parseRegimen(s.usualDose.regimen, `${field} (KB usual dose of ${s.name})`), note: `${field}: KB usual dose of ${s.name} (${s.usualDose.regimen}; ${s.usualDose.source})` };
}

/** Resolved victim and perpetrator, after the request's own checks. */
function resolvePair(kb: KbIndex, req: DynamicPredictionRequest): { victim: Substance; perp: Substance } {
  const victim = resolveSubstance(kb, req.victim, 'victim');
  const perp = resolveSubstance(kb, req.perpetrator, 'perpetrator');
  if (victim.id === perp.id) throw new CrosstalkError('INPUT_INVALID', 'victim and perpetrator are the same substance', { field: 'perpetrator' });
  if (req.victimAt !== undefined && !(req.victimAt >= 0 && Number.isFinite(req.victimAt)))
    throw new CrosstalkError('INPUT_INVALID', `victimAt: must be hours ≥ 0, got ${req.victimAt}`, { field: 'victimAt' });
  return { victim, perp };
}

/** The body weight a constituent's per-kg amount is taken at when the request gives none. */
const defaultWeightKg = (species: 'human' | 'rat'): number => (species === 'rat' ? RAT_BODY_WEIGHT_KG : HUMAN_BODY_WEIGHT_KG);

interface Design {
  perpText: string;
  pr: Regimen;
  victimText: string;
  vr: Regimen;
  victimAt: number;
  tEndH: number;
}

/**
 * Both regimens as simulated, the victim's dose time and the horizon. A question about a metabolite of a
 * repeatedly taken victim (N-desmethylclobazam on clobazam) is a question about chronic co-use: a long-lived
 * metabolite after one parent dose mostly measures the parent's slowed formation, not the exposure a patient on
 * both medicines has. By default both are then taken together for the perpetrator's whole regimen and the last
 * dosing interval is compared.
 */
function design(kb: KbIndex, req: DynamicPredictionRequest, victim: Substance, perp: Substance, species: 'human' | 'rat', notes: string[]): Design {
  const p = regimenOf(kb, perp.id, req.perpetratorDose, 'perpetratorDose');
  let perpText = p.text;
  if (p.r.intervalH !== null && p.r.durationD === null) {
    perpText = `${p.text} ${DEFAULT_PERPETRATOR_DAYS}d`;
    notes.push(`perpetrator regimen has no duration: ${DEFAULT_PERPETRATOR_DAYS} days assumed`);
  }
  const pr = parseRegimen(perpText, 'perpetratorDose');
  const v = regimenOf(kb, victim.id, req.victimDose, 'victimDose');
  const victimCompoundIds = expandToCompounds(kb, victim.id, undefined, req.weightKg ?? defaultWeightKg(species)).map((c) => c.compoundId);
  const analyteQuestion = req.analyte !== undefined ? resolveSubstance(kb, req.analyte, 'analyte').id : null;
  // a repeated victim regimen (the KB's usual one or a given one) without a dose time is chronic co-use (issue 12 §2)
  const chronic = analyteQuestion !== null && !victimCompoundIds.includes(analyteQuestion) && req.victimAt === undefined && v.r.intervalH !== null;
  // the KB usual dose of the victim is given once; an explicit victim regimen is used as written
  const victimText = chronic
    ? (req.victimDose !== undefined && v.r.durationD !== null ? v.text : `${v.text} ${Math.max(1, Math.round(pr.durationD ?? DEFAULT_PERPETRATOR_DAYS))}d`)
    : req.victimDose !== undefined || v.r.intervalH === null ? v.text : `${v.r.amount} ${v.r.unit} ${v.r.route}`;
  for (const n of [p.note, v.note]) if (n) notes.push(n);
  if (chronic) notes.push(`metabolite question: ${victim.name} taken at ${req.victimDose !== undefined ? 'the given' : 'its usual'} regimen (${victimText}) alongside the perpetrator from the first day, comparing the last dosing interval (chronic co-use); give victimDose or victimAt for another design`);

  const perpTimes = doseTimesH(pr, DEFAULT_PERPETRATOR_DAYS);
  const perpLast = perpTimes[perpTimes.length - 1]!;
  const victimAt = req.victimAt ?? (chronic ? 0 : Math.floor(perpLast / 24) * 24);
  const vr = parseRegimen(victimText, 'victimDose');
  const victimTimes = doseTimesH(vr, 1).map((t) => t + victimAt);
  const victimLast = victimTimes[victimTimes.length - 1]!;
  // horizon: the perpetrator's last interval, and at least 48 h after the victim's last dose
  const tEndH = Math.max(perpLast + (pr.intervalH ?? DEFAULT_INTERVAL_H), victimLast + (vr.intervalH ?? MIN_FOLLOW_UP_H));
  return { perpText, pr, victimText, vr, victimAt, tEndH };
}

/** The compound compared: the requested analyte (the victim, a constituent, or a metabolite the KB links to it), else the victim. */
function chooseAnalyte(kb: KbIndex, req: DynamicPredictionRequest, victim: Substance, vr: Regimen, species: 'human' | 'rat'): { analyte: string; extra: { compound: string; group: string }[] } {
  const victimCompounds = expandToCompounds(kb, victim.id, vr, req.weightKg ?? defaultWeightKg(species)).map((c) => c.compoundId);
  const analyte = req.analyte !== undefined ? resolveSubstance(kb, req.analyte, 'analyte').id : victimCompounds.includes(victim.id) ? victim.id : victimCompounds[0]!;
  const extra = victimCompounds.includes(analyte) ? [] : [{ compound: analyte, group: victim.id }];
  if (extra.length && !victimCompounds.some((c) => kb.substance(c)?.metabolites.some((m) => m.substance === analyte)))
    throw new CrosstalkError('INPUT_INVALID', `analyte: ${analyte} is neither ${victim.id} nor a metabolite the KB links to it`, { field: 'analyte' });
  return { analyte, extra };
}

type Plan = ReturnType<typeof planSimulation>;
type Compound = InteractionResult['compounds'][number];

/**
 * The 5th–95th percentile range from a seeded population, when its cost fits the step budget (else null, with a
 * note). The population reports AUC up to the end of the run; a single victim dose's point estimate is AUC0-inf.
 * The range is put on the point's scale (the same extrapolation factor for every subject), or a long half-life
 * made longer by the perpetrator leaves the point outside its own range.
 */
function populationRange(plan: Plan, res: InteractionResult, c: Compound, analyte: string, tEndH: number, notes: string[]): DynamicPrediction['range'] {
  const steps = res.solver.combined.steps + Object.values(res.solver.alone).reduce((a, s) => a + s.steps, 0);
  const cost = RANGE_SUBJECTS * steps * plan.drugs.length;
  if (cost > RANGE_STEP_BUDGET) {
    notes.push(`range not computed: the ${RANGE_SUBJECTS}-subject population would exceed the step budget (${cost} > ${RANGE_STEP_BUDGET} drug-steps)`);
    return null;
  }
  const pop = runPopulation({ drugs: plan.drugs, physiology: plan.physiology, groups: plan.groups, doses: plan.doses, tEndH, n: RANGE_SUBJECTS, seed: RANGE_SEED, ancestry: 'european', fixedPhenotypes: {} });
  const d = pop.compounds.find((x) => x.id === analyte)?.aucRatio;
  const pointT = c.alone && c.alone.aucUMH > 0 ? c.combined.aucUMH / c.alone.aucUMH : null;
  const scale = c.ratios!.aucMetric === 'AUC0-inf' && pointT ? c.ratios!.aucRatio! / pointT : 1;
  if (!d) return null;
  return {
    low: d.p5 * scale,
    high: d.p95 * scale,
    method: `5th–95th percentile of the AUC ratio (from the victim dose to ${tEndH} h) in ${RANGE_SUBJECTS} virtual subjects (seed ${RANGE_SEED}, european phenotype frequencies, default between-subject CVs)${scale !== 1 ? `, scaled by ${scale.toFixed(3)} (the point's AUC0-inf ratio over its AUC0-${tEndH} h ratio) to match the point estimate's metric` : ''}`,
  };
}

export function predictDynamic(kb: KbIndex, req: DynamicPredictionRequest): DynamicPrediction {
  const species = req.species ?? 'human';
  const notes: string[] = [];
  const { victim, perp } = resolvePair(kb, req);
  const { perpText, victimText, vr, victimAt, tEndH: tEnd0 } = design(kb, req, victim, perp, species, notes);
  const weightKg = req.weightKg;
  const { analyte, extra } = chooseAnalyte(kb, req, victim, vr, species);

  // A single victim dose is compared on AUC0-inf. When the analyte has no terminal phase within the follow-up (a
  // metabolite whose formation the perpetrator slows peaks a day or more later), or more than 20 % of its AUC0-inf
  // lies beyond it, the follow-up is lengthened (×3, up to MAX_FOLLOW_UP_H) rather than the ratio switched to a
  // truncated AUC0-t — which compares a metabolite's first two days only (paroxetine → 2-hydroxydesipramine).
  const simulate = (tEnd: number) => {
    const plan = planSimulation(kb, [
      { substance: perp.id, regimen: perpText, startH: 0 },
      { substance: victim.id, regimen: victimText, startH: victimAt },
    ], { species, ...(weightKg !== undefined ? { weightKg } : {}), days: tEnd / 24, extra });
    const res = simulateInteraction({ drugs: plan.drugs, physiology: plan.physiology, groups: plan.groups, doses: plan.doses, tEndH: tEnd, gridH: Array.from({ length: CURVE_INTERVALS + 1 }, (_, k) => (tEnd * k) / CURVE_INTERVALS) });
    return { plan, res };
  };
  const short = (r: ReturnType<typeof simulate>['res']): boolean => {
    const x = r.compounds.find((y) => y.id === analyte);
    if (!x?.ratios || x.ratios.aucMetric === 'AUCtau,last') return false;
    const over = (e: { pctExtrapolated: number | null } | null): boolean => !!e && (e.pctExtrapolated === null || e.pctExtrapolated > MAX_EXTRAPOLATED_PCT);
    return x.ratios.aucMetric === 'AUC0-t' || over(x.combined) || over(x.alone);
  };
  let tEndH = tEnd0;
  let { plan, res } = simulate(tEndH);
  while (short(res) && tEndH - victimAt < MAX_FOLLOW_UP_H) {
    tEndH = Math.min(victimAt + MAX_FOLLOW_UP_H, victimAt + 3 * (tEndH - victimAt));
    ({ plan, res } = simulate(tEndH));
  }
  if (tEndH !== tEnd0) notes.push(`follow-up after the victim dose lengthened to ${Math.round(tEndH - victimAt)} h so that the analyte's AUC0-inf is reached (no terminal phase, or more than ${MAX_EXTRAPOLATED_PCT} % extrapolated, within ${Math.round(tEnd0 - victimAt)} h)`);
  notes.push(...plan.notes);
  notes.push(...res.warnings);
  const c = res.compounds.find((x) => x.id === analyte);
  if (!c || !c.ratios || c.ratios.aucRatio === null || c.ratios.cmaxRatio === null) {
    const why = plan.notes.find((n) => n.startsWith(`${analyte} not simulated`));
    throw new CrosstalkError('SIM_MISSING_PARAMETER', `analyte: ${analyte} could not be simulated${why ? ` (${why})` : ' (no exposure in the simulation)'}`, { field: 'analyte' });
  }
  const range = populationRange(plan, res, c, analyte, tEndH, notes);
  return {
    analyte, aucRatio: c.ratios.aucRatio, cmaxRatio: c.ratios.cmaxRatio, tmaxShiftH: c.ratios.tmaxShiftH ?? 0, aucMetric: c.ratios.aucMetric,
    range, explanations: c.explanations, parameters: plan.parameters, notes: [...new Set(notes)],
  };
}
