import type { KbIndex } from '../kb/kb-index.js';
import { observedFor } from '../inputs/observed.js';
import type { Scenario } from '../inputs/scenario.js';
import { bestEstimate } from './best-estimate.js';
import { anchoredAnswer } from './predict-anchored-answer.js';
import { baseOf, mechanisticAnswer } from './predict.js';
import type { PredictionAnswer, PredictOptions } from './prediction.js';

/**
 * Answer one scenario with the model it names (static, dynamic or anchored), or with the best estimate when it names
 * none (src/core/answers/best-estimate.ts).
 */
export function predictAnswer(kb: KbIndex, sc: Scenario, opts: PredictOptions = {}): PredictionAnswer {
  const base = baseOf(sc, observedFor(kb, sc));
  if (sc.model === 'anchored') return anchoredAnswer(kb, sc, base);
  if (sc.model === undefined) return bestEstimate(kb, sc, base, opts);
  return mechanisticAnswer(kb, sc, base, opts);
}
