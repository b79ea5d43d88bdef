/** The shape of a prediction, as answered (statements) and as rendered (text beside them). */
import type { ObservedStudy } from '../inputs/observed.js';
import type { ParamUse } from '../inputs/pk-inputs.js';
import type { ClinicalClassNote } from '../inputs/static-perpetrator.js';
import type { Interval, Mechanism } from '../models/model.js';
import { magnitudeClass, type ConcentrationOption, type MagnitudeClass } from '../models/static/static-ddi.js';
import type { RenderedStatement, Statement } from '../schema/statement.js';
import type { EvidenceSummary } from './evidence/grade.js';

export interface PredictOptions {
  concentration?: ConcentrationOption;
  /** Scale TDI and induction by the fraction of steady state reached (enzyme turnover). */
  timeCourse?: boolean;
  /** Cap an oral perpetrator's gut concentrations at its aqueous solubility (default GUT_SOLUBILITY_CAP: off, settled on tune). */
  gutSolubilityCap?: boolean;
  /** Monte Carlo draws for the uncertainty range. */
  draws?: number;
  seed?: number;
  /** Model-structure uncertainty of the static interval (default STRUCTURAL_LOG_SD, chosen on the tune split). */
  structuralLogSd?: number;
  /** Model-structure uncertainty added around the dynamic model's population spread (default chosen on the tune split). */
  dynamicStructuralLogSd?: number;
  /** Log-width factor of the best estimate's range around its point (default BEST_RANGE_LOG_FACTOR, chosen on the tune split). */
  bestRangeLogFactor?: number;
}

/**
 * The size label of an answer: the FDA band of a substrate's AUC change (MODEL.md §1.4); `metabolite` when the exposure
 * asked about is a metabolite's, which the bands do not classify (an inhibitor lowers a metabolite it stops forming —
 * that is not "induction"); `unknown` for a grey answer.
 */
export type AnswerSize = MagnitudeClass | 'metabolite' | 'unknown';

export function answerSize(metaboliteQuestion: boolean, aucRatio: number): AnswerSize {
  return metaboliteQuestion ? 'metabolite' : magnitudeClass(aucRatio);
}

/** A prediction as the engine answers it: numbers, provenance and statements (no prose). */
export interface PredictionAnswer {
  /** `usage`: the everyday usage pattern that stood in for a dose the question did not give (a joint of cannabis). */
  victim: { id: string; name: string; analyte: string; analyteName: string; dose: string; doseSource: string; usage?: string };
  perpetrator: { id: string; name: string; dose: string; doseSource: string; usage?: string; compounds: string[] };
  model: 'static' | 'dynamic' | 'anchored' | 'none';
  /** Predicted from mechanism (theoretical) or backed by an observed study of this pair (referenced). */
  basis: 'theoretical' | 'referenced';
  /** grey = the KB lacks what the answer needs; the ratios are then null, never a guess. */
  status: 'predicted' | 'no-interaction-expected' | 'grey';
  aucRatio: number | null;
  cmaxRatio: number | null;
  cmaxMethod: string | null;
  magnitudeClass: AnswerSize;
  range: Interval | null;
  mechanisms: Mechanism[];
  gutRatio: number | null;
  liverRatio: number | null;
  concentrationsUM: Record<string, { ih: number; ig: number; imaxU: number }>;
  parameters: ParamUse[];
  statements: Statement[];
  evidence: EvidenceSummary;
  uncertainty: 'low' | 'moderate' | 'high' | 'unknown';
  observed: ObservedStudy[];
  scenarios: { source: string; aucRatio: number }[];
  /** Clinical classifications of the perpetrator at the victim's enzymes, shown beside the numbers. */
  clinicalClasses: ClinicalClassNote[];
  sources: string[];
  /** Ids of the observed clinical studies the model read (the anchored model only; never a study of this pair). */
  studiesRead?: string[];
  /**
   * Every model's answer to the same question when the best estimate was asked for (the chosen one is `model`);
   * absent when one model was named in the request.
   */
  models?: ModelSummary[];
  /**
   * Between-person variability (5th–95th percentile of simulated people), kept apart from `range`, the uncertainty of
   * the estimate. Only the dynamic model simulates people; null otherwise.
   */
  variability?: Interval | null;
}

/** A rendered prediction: the answer plus its statements in English (src/core/render/prediction.ts). */
export interface Prediction extends Omit<PredictionAnswer, 'statements'> {
  statements: RenderedStatement[];
  assumptions: string[];
  missing: string[];
  warnings: string[];
  plain: string;
  technical: string;
}

/** The fields every grey (no data) answer shares: no ratios, no range, no mechanism. */
export const GREY_FIELDS = {
  model: 'none',
  status: 'grey',
  aucRatio: null,
  cmaxRatio: null,
  cmaxMethod: null,
  magnitudeClass: 'unknown',
  range: null,
  mechanisms: [],
  gutRatio: null,
  liverRatio: null,
  concentrationsUM: {},
  uncertainty: 'unknown',
  scenarios: [],
} as const satisfies Partial<PredictionAnswer>;

export type AnswerBase = Pick<PredictionAnswer, 'victim' | 'perpetrator' | 'basis' | 'observed'>;

/** One model's answer, kept visible beside the best estimate. */
export interface ModelSummary {
  model: 'static' | 'dynamic' | 'anchored';
  status: PredictionAnswer['status'];
  aucRatio: number | null;
  range: Interval | null;
  chosen: boolean;
}
