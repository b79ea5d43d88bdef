/**
 * The predict operation, passing each layer once: resolve (a Scenario) → inputs → model → answer → render. Kept in
 * its own module so answers that quote predictions (check) can use it without depending on every other operation.
 */
import type { Prediction, PredictOptions } from './answers/predict.js';
import { predictAnswer } from './answers/predict-answer.js';
import type { KbIndex } from './kb/kb-index.js';
import { buildScenario, type PredictRequest } from './inputs/scenario.js';
import { renderPrediction } from './render/prediction.js';

/** How much `perpetrator` changes `victim`'s exposure, in English. Example: predict(kb, { victim: 'midazolam', perpetrator: 'ketoconazole' }).aucRatio */
export function predict(kb: KbIndex, req: PredictRequest, opts: PredictOptions = {}): Prediction {
  return renderPrediction(predictAnswer(kb, buildScenario(kb, req), opts));
}
