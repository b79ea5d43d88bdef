/**
 * The clinically anchored model (MODEL.md §6; Ohno Y, Hisaka A, Suzuki H, Clin Pharmacokinet 2007;46:681, and for
 * induction Ohno et al. 2008): the victim's oral AUC ratio from its in-vivo contribution ratios CR_j and the
 * perpetrator's in-vivo activity ratios a_j (a = 1 − IR inhibits, a = 1 + IC induces), all derived from other pairs'
 * clinical studies (src/core/inputs/anchored.ts):
 *
 *   AUCR = 1 / (1 + Σ_j CR_j·(a_j − 1))   =  1/(1 − Σ CR·IR) for inhibition,  1/(1 + Σ CR·IC) for induction.
 *
 * The denominator is floored (ΣCR·IR ≤ 0.99, AUCR ≤ 100) because a CR and an IR each at their upper bound would
 * otherwise divide by zero. The interval spans the derivations' confidence limits (each term at its extremes),
 * widened by a stated between-study spread. Grey, with what is missing, when no term has both a CR and an effect.
 * No Cmax ratio: the framework is about AUC. Pure: numbers in, numbers out.
 */
import type { Statement } from '../../schema/statement.js';
import type { ExposureModel, Interval, Mechanism, ModelAnswer } from '../model.js';

export interface Bounded {
  value: number;
  low: number;
  high: number;
}

export interface AnchoredModelTerm {
  enzyme: string;
  cr: Bounded;
  /** Activity ratio of the enzyme under the perpetrator (1 − IR, or 1 + IC). */
  activity: Bounded;
}

export interface AnchoredModelInputs {
  terms: AnchoredModelTerm[];
  studiesRead: string[];
  missing: Statement[];
  assumptions: Statement[];
  /** Fold by which the interval is widened on each side (between-study variation); 1 for none. */
  spreadFold: number;
}

export interface AnchoredModelAnswer extends ModelAnswer {
  model: 'anchored';
  /** Σ CR_j·(a_j − 1) at the point estimate: negative inhibits, positive induces. */
  netChange: number | null;
}

/** Largest share of clearance the model lets inhibition remove (AUCR ≤ 100). */
export const MAX_INHIBITED_SHARE = 0.99;

const ratioOf = (net: number): number => 1 / Math.max(1 - MAX_INHIBITED_SHARE, 1 + net);

/** One term's contribution CR·(a − 1) at the corners of its ranges: the least and the most. */
function extremes(t: AnchoredModelTerm): [number, number] {
  const vals = [t.cr.low, t.cr.high].flatMap((cr) => [t.activity.low, t.activity.high].map((a) => cr * (a - 1)));
  return [Math.min(...vals), Math.max(...vals)];
}

export const anchoredModel: ExposureModel<AnchoredModelInputs, AnchoredModelAnswer> = {
  name: 'anchored',
  predict(x: AnchoredModelInputs): AnchoredModelAnswer {
    const common = { model: 'anchored' as const, cmaxRatio: null, cmaxMethod: null, assumptions: x.assumptions, studiesRead: x.studiesRead, variability: null };
    if (x.terms.length === 0) return { ...common, status: 'grey', missing: x.missing, aucRatio: null, mechanisms: [], uncertainty: null, netChange: null };
    const net = x.terms.reduce((a, t) => a + t.cr.value * (t.activity.value - 1), 0);
    const lows = x.terms.reduce((a, t) => a + extremes(t)[0], 0);
    const highs = x.terms.reduce((a, t) => a + extremes(t)[1], 0);
    const aucRatio = ratioOf(net);
    const uncertainty: Interval = {
      low: Math.min(aucRatio, ratioOf(highs)) / x.spreadFold,
      high: Math.max(aucRatio, ratioOf(lows)) * x.spreadFold,
      method: `index studies' confidence limits, each term at its extremes, widened ${x.spreadFold}-fold each side (between-study spread)`,
    };
    const mechanisms: Mechanism[] = x.terms.map((t) => ({
      enzyme: t.enzyme,
      kind: t.activity.value > 1 ? 'induction' : 'reversible',
      // In-vivo ratios cover gut and liver together; the interface has no "whole body" site, so liver stands for it.
      site: 'liver',
      aucRatio: ratioOf(t.cr.value * (t.activity.value - 1)),
    }));
    return { ...common, status: 'answered', missing: x.missing, aucRatio, mechanisms, uncertainty, netChange: net };
  },
};
