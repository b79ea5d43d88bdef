/**
 * The predict operation, passing each layer once: resolve (a Scenario) → inputs → model → answer → render. Kept in
 * its own module so answers that quote predictions (check) can use it without depending on every other operation.
 */
import type { Prediction, PredictOptions } from './answers/predict.js';
import { predictAnswer } from './answers/predict-answer.js';
import type { KbIndex } from './kb/kb-index.js';
import { buildScenario, type PredictRequest } from './inputs/scenario.js';
import { renderPrediction } from './render/prediction.js';
import { everydayUsageDose } from './answers/check/usage.js';
import { resolveSubstance } from './kb/fuzzy-match.js';

/**
 * How much `perpetrator` changes `victim`'s exposure, in English. Example: predict(kb, { victim: 'midazolam', perpetrator: 'ketoconazole' }).aucRatio
 * A substance asked about without a dose, and without a KB reference dose, is taken at its everyday usage pattern (a
 * joint of cannabis), as `check` takes it, and the answer says so; `everydayUse: false` (the benchmark) leaves it out.
 */
export function predict(kb: KbIndex, req: PredictRequest, opts: PredictOptions = {}): Prediction {
  return renderPrediction(predictAnswer(kb, buildScenario(kb, withEverydayUse(kb, req)), opts));
}

function withEverydayUse(kb: KbIndex, req: PredictRequest): PredictRequest {
  if (req.everydayUse === false) return req;
  const usage = (name: string, given: string | undefined, field: string) => (given === undefined ? everydayUsageDose(resolveSubstance(kb, name, field)) : undefined);
  const victimUsage = usage(req.victim, req.victimDose, 'victim');
  const perpetratorUsage = usage(req.perpetrator, req.perpetratorDose, 'perpetrator');
  return { ...req, ...(victimUsage ? { victimUsage } : {}), ...(perpetratorUsage ? { perpetratorUsage } : {}) };
}
