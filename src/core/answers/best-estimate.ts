/**
 * The best estimate: which model answers when the question names none. The rule was settled on the benchmark's tune
 * split only (docs/model-choices.md): the clinically anchored model where it answers (the perpetrator has studies
 * with index substrates and the victim an in-vivo fraction, both from other pairs), else the mechanistic static
 * model, else the dynamic model — with the mechanistic model first when a transporter drives its answer or the anchored
 * answer lacks an in-vivo ratio on one of the victim's main pathways. Every model's answer stays visible in `models`, and where two answers differ by more
 * than 2-fold the answer says so and why.
 */
import type { KbIndex } from '../kb/kb-index.js';
import type { Scenario } from '../inputs/scenario.js';
import { statement, type Statement } from '../schema/statement.js';
import { anchoredAnswer } from './predict-anchored-answer.js';
import { dynamicAnswer } from './predict-dynamic-answer.js';
import { mechanisticAnswer } from './predict.js';
import type { AnswerBase, ModelSummary, PredictionAnswer, PredictOptions } from './prediction.js';

export const BEST_ESTIMATE_ORDER = ['anchored', 'static', 'dynamic'] as const;

const answered = (a: PredictionAnswer): boolean => a.status !== 'grey' && a.aucRatio !== null;

/**
 * A static answer driven by a transporter (OATP1B uptake, P-gp/BCRP efflux) at least 1.25-fold on its own: the anchored
 * model's in-vivo ratios are per enzyme and have no transporter path, so the static answer comes first (issue 12 §7,
 * settled on the tune split, docs/model-choices.md).
 */
const TRANSPORTER_FIRST_FOLD = 1.25;
function transporterDriven(a: PredictionAnswer): boolean {
  return a.model === 'static' && answered(a) && a.mechanisms.some((m) => (m.kind === 'uptake' || m.kind === 'efflux') && Math.abs(Math.log(m.aucRatio)) >= Math.log(TRANSPORTER_FIRST_FOLD));
}

function summary(a: PredictionAnswer, model: ModelSummary['model'], chosen: boolean): ModelSummary {
  return { model, status: a.status, aucRatio: a.aucRatio, range: a.range, chosen };
}

/** Models whose answers differ by more than 2-fold, as one warning naming each answer and why they can differ. */
function disagreement(answers: { model: ModelSummary['model']; a: PredictionAnswer }[]): Statement[] {
  const xs = answers.filter((x) => answered(x.a));
  if (xs.length < 2) return [];
  const ratios = xs.map((x) => x.a.aucRatio!);
  if (Math.max(...ratios) / Math.min(...ratios) <= 2) return [];
  return [statement('WARN_MODELS_DISAGREE', 'warning', { models: xs.map((x) => x.model), ratios }, 'model')];
}

export function bestEstimate(kb: KbIndex, sc: Scenario, base: AnswerBase, opts: PredictOptions): PredictionAnswer {
  const anchored = anchoredAnswer(kb, sc, base);
  const mechanistic = mechanisticAnswer(kb, sc, base, opts);
  const mechModel: ModelSummary['model'] = mechanistic.model === 'dynamic' ? 'dynamic' : 'static';
  // The mechanistic answer also comes first when the anchored one is partial: a main pathway of the victim (fm ≥ 0.25)
  // has no in-vivo ratio for this perpetrator, so the anchored product would rest on the minor pathways alone
  // (settled on tune, docs/model-choices.md).
  const anchoredPartial = anchored.statements.some((x) => x.code === 'MISSING_ANCHORED_IR' && x.params['enzyme']);
  const transporterFirst = transporterDriven(mechanistic) || (anchoredPartial && answered(mechanistic));
  const answers: { model: ModelSummary['model']; a: PredictionAnswer }[] = transporterFirst
    ? [
        { model: mechModel, a: mechanistic },
        { model: 'anchored', a: anchored },
      ]
    : [
        { model: 'anchored', a: anchored },
        { model: mechModel, a: mechanistic },
      ];
  // The dynamic model is the last resort for a parent drug the static model cannot answer — but not when the static
  // model stopped because a recorded effect on the victim's enzymes has no constants (St John's wort's induction of
  // CYP3A4): the dynamic model reads the same constants, so its answer would be "no change" by omission.
  const unquantified = mechanistic.statements.some((s) => s.code === 'MISSING_CONSTANTS');
  if (!answered(anchored) && !answered(mechanistic) && mechModel === 'static' && !unquantified) answers.push({ model: 'dynamic', a: dynamicAnswer(kb, sc, base, opts) });
  const chosen = answers.find((x) => answered(x.a)) ?? { model: mechModel, a: mechanistic };
  const order = transporterFirst ? ['static', 'anchored', 'dynamic'] : [...BEST_ESTIMATE_ORDER];
  const why = !transporterFirst ? null : transporterDriven(mechanistic) ? 'transporter' : 'partial-anchored';
  const note = statement('NOTE_BEST_ESTIMATE', 'assumption', { chosen: chosen.model, order, why });
  // The anchored answer's "as requested" line does not apply when the rule chose it.
  const own = chosen.a.statements.filter((s) => s.code !== 'ASSUME_ANCHORED_REQUESTED');
  const firstPlain = own.findIndex((s) => s.role === 'plain');
  const extra = [note, ...disagreement(answers)];
  const statements = firstPlain < 0 ? [...own, ...extra] : [...own.slice(0, firstPlain), ...extra, ...own.slice(firstPlain)];
  return { ...chosen.a, statements, models: answers.map((x) => summary(x.a, x.model, x === chosen)) };
}
