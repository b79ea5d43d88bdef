import { isCrosstalkError } from '../errors.js';
import type { KbIndex } from '../kb/kb-index.js';
import { fmScenarios, perpetratorEffects, type ParamUse } from '../inputs/pk-inputs.js';
import type { Scenario } from '../inputs/scenario.js';
import { statement, type Statement } from '../schema/statement.js';
import { predictDynamic } from './dynamic-prediction.js';
import { gradeChain, type EvidenceLink } from './evidence/grade.js';
import { answerSize, GREY_FIELDS, type AnswerBase, type PredictionAnswer, type PredictOptions } from './prediction.js';
import type { Interval } from '../models/model.js';
import { doseStatements, observedDisagreement } from './predict-statements.js';
import { transporterEffectsLeftOut, unquantifiedEffects } from '../inputs/sim-missing-constants.js';

/**
 * Model-structure uncertainty around the dynamic model's answer (SD of a log-normal factor, like the static model's
 * STRUCTURAL_LOG_SD), chosen on the benchmark's tune split: the smallest width (steps of 0.05) whose 5–95 % interval
 * covers at least 90 % of observed ratios there (`npx tsx scripts/calibrate-uncertainty.ts … --model dynamic`).
 */
export const DYNAMIC_STRUCTURAL_LOG_SD = 0.9;
const Z95 = 1.6449;

/**
 * The uncertainty of a dynamic answer: the population's 5–95 % spread (between-person variability) widened on each side
 * by the model's structural error; without a population, the point widened alone.
 */
function withStructure(point: number, spread: Interval | null, sd: number): Interval | null {
  if (sd <= 0) return spread;
  const f = Math.exp(Z95 * sd);
  const lo = Math.min(point, spread?.low ?? point), hi = Math.max(point, spread?.high ?? point);
  return { low: lo / f, high: hi * f, method: `${spread ? 'between-person 5–95 % spread' : 'point'} widened ×${f.toFixed(2)} each side for model structure (log-normal SD ${sd}, chosen on the benchmark's tune split)` };
}

/**
 * Answer a scenario with the dynamic model (MODEL.md §2): used for `model: dynamic` and when the question is an
 * active metabolite's exposure, which the static model has no closed form for. The answer has the static answer's
 * shape, with `model: 'dynamic'`; a missing parameter gives grey.
 */
export function dynamicAnswer(kb: KbIndex, sc: Scenario, base: AnswerBase, opts: PredictOptions = {}): PredictionAnswer {
  const perpIds = sc.perpetratorCompounds.map((c) => c.compoundId);
  const rels = [...perpIds.flatMap((id) => perpetratorEffects(kb, id).relations), ...fmScenarios(kb, sc.analyte.id).relations, ...fmScenarios(kb, sc.victim.id).relations];
  const links: EvidenceLink[] = rels.map((r) => ({ claim: `${kb.substance(r.subject)?.name ?? r.subject} ${r.action} ${kb.target(r.object)?.name ?? r.object}`, level: r.evidence, species: r.species, sources: r.sources }));
  const measured = gradeChain(links);
  const common = {
    ...base,
    perpetrator: { ...base.perpetrator, compounds: perpIds },
    mechanisms: [],
    gutRatio: null,
    liverRatio: null,
    concentrationsUM: {},
    scenarios: [],
    clinicalClasses: [],
    sources: [...new Set(links.flatMap((l) => l.sources))].sort(),
  };
  // Why the dynamic model answers: asked for, or a metabolite's exposure; when the best estimate runs it as one of its
  // models (a single dose, a short course, a last resort) the best estimate's own note says why.
  const why =
    sc.model === 'dynamic'
      ? [statement('ASSUME_DYNAMIC_REQUESTED', 'assumption')]
      : sc.metaboliteQuestion
        ? [statement('ASSUME_DYNAMIC_FOR_METABOLITE', 'assumption', { analyte: sc.analyte.name, victim: sc.victim.name })]
        : [];
  const notes: Statement[] = [...why, ...doseStatements(sc, true)];
  if (Object.keys(sc.phenotypes).length) notes.push(statement('NOTE_PHENOTYPE_NOT_SIMULATED', 'assumption', { enzymes: Object.keys(sc.phenotypes) }));
  const { victimDose, victim } = simulatedVictimDose(kb, sc, common.victim, notes);
  // A recorded effect on the victim's enzymes with no constants, and nothing quantified beside it: the simulation
  // would answer "no change" by omission, so the answer is grey for the same reason as the static model's.
  // The same holds for a transporter that carries the victim and that the perpetrator acts on: the model has no
  // transporter path.
  const unquantified = unquantifiedEffects(kb, sc);
  const leftOut = [...unquantified.missing, ...transporterEffectsLeftOut(kb, sc)];
  if (leftOut.length > 0 && !unquantified.quantified) {
    return {
      ...common,
      ...GREY_FIELDS,
      victim,
      parameters: [],
      statements: [...notes, ...leftOut, statement('PLAIN_GREY', 'plain'), statement('TECH_GREY', 'technical')],
      evidence: gradeChain(links),
    };
  }
  try {
    const d = predictDynamic(kb, {
      victim: sc.victim.id,
      perpetrator: sc.perpetrator.id,
      victimDose: sc.victimDose.defaulted && !sc.victimDose.routeOverride && !sc.victimDose.pattern ? undefined : victimDose,
      // A reference dose the simulator finds itself; an everyday usage pattern it does not know, so it is passed.
      perpetratorDose: sc.perpetratorDose.defaulted && !sc.perpetratorDose.pattern ? undefined : sc.perpetratorDose.regimen ? sc.perpetratorDose.text : undefined,
      analyte: sc.analyte.id === sc.victim.id ? undefined : sc.analyte.id,
      victimAt: sc.victimAtH,
      weightKg: sc.weightGiven ? sc.weightKg : undefined,
    });
    const parameters: ParamUse[] = d.parameters.map((p) => ({ substance: p.owner, name: p.name, value: p.value, unit: p.unit, source: p.source, verified: !p.assumption, assumption: p.assumption, note: p.note }));
    const range = withStructure(d.aucRatio, d.range, opts.dynamicStructuralLogSd ?? DYNAMIC_STRUCTURAL_LOG_SD);
    return {
      ...common,
      victim,
      model: 'dynamic',
      status: 'predicted',
      aucRatio: d.aucRatio,
      cmaxRatio: d.cmaxRatio,
      cmaxMethod: 'dynamic model (dense output)',
      magnitudeClass: answerSize(sc.metaboliteQuestion, d.aucRatio),
      range,
      variability: d.range,
      parameters,
      statements: [
        ...notes,
        // Effects recorded without constants, or through transporters, beside quantified ones: the answer leaves them
        // out, and says so.
        ...leftOut,
        // The simulator's own notes (what it assumed while planning and solving) are carried as they come.
        ...d.notes.map((text) => statement('NOTE_SIMULATOR', 'assumption', { text })),
        ...observedDisagreement(base.observed, d.aucRatio),
        statement('PLAIN_DYNAMIC', 'plain', { perpetrator: sc.perpetrator.name, analyte: sc.analyte.name, ratio: d.aucRatio, low: range?.low ?? null, high: range?.high ?? null, tmaxShiftH: d.tmaxShiftH }, 'model'),
        statement('TECH_DYNAMIC', 'technical', { ratio: d.aucRatio, metric: d.aucMetric, cmaxRatio: d.cmaxRatio, tmaxShiftH: d.tmaxShiftH, explanations: d.explanations }, 'model'),
      ],
      // The model output is a prediction: never graded above low, whatever its inputs.
      evidence: { ...measured, grade: measured.grade === 'high' || measured.grade === 'moderate' ? 'low' : measured.grade, caveats: [...measured.caveats, 'The exposure change is a model prediction, not an observation.'] },
      uncertainty: range && range.high / range.low > 4 ? 'high' : 'moderate',
    };
  } catch (e) {
    if (!isCrosstalkError(e)) throw e;
    return {
      ...common,
      ...GREY_FIELDS,
      victim,
      mechanisms: [],
      scenarios: [],
      concentrationsUM: {},
      parameters: [],
      statements: [...why, statement('MISSING_DYNAMIC', 'missing', { message: e.message }), statement('PLAIN_GREY_DYNAMIC', 'plain', { message: e.message }), statement('TECH_GREY_DYNAMIC', 'technical', { message: e.message })],
      evidence: gradeChain(links),
    };
  }
}

/**
 * The simulator needs a victim dose; without one given or a KB reference dose, use the dose of the victim's default
 * PK profile (the dose its parameters were measured at), and say so.
 */
function simulatedVictimDose(kb: KbIndex, sc: Scenario, given: AnswerBase['victim'], notes: Statement[]): { victimDose: string | undefined; victim: AnswerBase['victim'] } {
  const victim = { ...given };
  if (sc.victimDose.regimen) return { victimDose: sc.victimDose.text, victim };
  const prof = kb.defaultPk(sc.victim.id);
  if (!prof?.dose) return { victimDose: undefined, victim };
  const victimDose = `${prof.dose.original.value} ${prof.dose.original.unit}${sc.victimDose.routeOverride ? ` ${sc.victimDose.routeOverride}` : ''}`;
  notes.push(statement('ASSUME_VICTIM_DOSE_FROM_PROFILE', 'assumption', { dose: victimDose, victim: sc.victim.name, source: prof.dose.source }, null, [prof.dose.source]));
  return { victimDose, victim: { ...victim, dose: victimDose, doseSource: prof.dose.source } };
}
