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

/**
 * A metabolite's formation from its parent (the victim dosed): the parent's terms and the formation links, each with
 * its share of the parent's clearance and the perpetrator's activity on the link's enzyme (null: no enzyme named, or
 * none known — the link does not move). By mass balance the amount formed through enzyme e moves by a_e × the
 * parent's AUC ratio; an unnamed link by 1. The metabolite's AUC ratio = (Σ F·r / Σ F) × its own elimination ratio
 * from `terms`.
 */
export interface AnchoredFormationInputs {
  parentTerms: AnchoredModelTerm[];
  links: { enzyme: string | null; fraction: number; activity: Bounded | null }[];
}

export interface AnchoredModelInputs {
  /** The victim's terms — for a metabolite, those of its own elimination. */
  terms: AnchoredModelTerm[];
  formation?: AnchoredFormationInputs;
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
  /** For a metabolite: its formation ratio and the parent's AUC ratio behind it (null otherwise). */
  formation: { ratio: number; parentRatio: number } | null;
}

/** Largest share of clearance the model lets inhibition remove (AUCR ≤ 100). */
export const MAX_INHIBITED_SHARE = 0.99;

const ratioOf = (net: number): number => 1 / Math.max(1 - MAX_INHIBITED_SHARE, 1 + net);

/** One term's contribution CR·(a − 1) at the corners of its ranges: the least and the most. */
function extremes(t: AnchoredModelTerm): [number, number] {
  const vals = [t.cr.low, t.cr.high].flatMap((cr) => [t.activity.low, t.activity.high].map((a) => cr * (a - 1)));
  return [Math.min(...vals), Math.max(...vals)];
}

/** Σ CR·(a − 1) of a term list at the point, and its least and most over each term's corners. */
function netOf(terms: AnchoredModelTerm[]): { net: number; lows: number; highs: number } {
  return {
    net: terms.reduce((a, t) => a + t.cr.value * (t.activity.value - 1), 0),
    lows: terms.reduce((a, t) => a + extremes(t)[0], 0),
    highs: terms.reduce((a, t) => a + extremes(t)[1], 0),
  };
}

/**
 * The formation ratio of a metabolite (amount formed with / without the perpetrator) at the point and at the two
 * corners that bound it: it rises with every link's activity and with the parent's AUC ratio, so its least is at the
 * links' low activities and the parent's least ratio, its most at the opposite corner.
 */
function formationRatio(f: AnchoredFormationInputs): { point: number; low: number; high: number; parentRatio: number; total: number } {
  const p = netOf(f.parentTerms);
  const total = f.links.reduce((a, l) => a + l.fraction, 0);
  const at = (pick: (b: Bounded) => number, parentRatio: number): number =>
    f.links.reduce((a, l) => a + l.fraction * (l.activity ? pick(l.activity) * parentRatio : 1), 0) / total;
  const parentRatio = ratioOf(p.net);
  return { point: at((b) => b.value, parentRatio), low: at((b) => b.low, ratioOf(p.highs)), high: at((b) => b.high, ratioOf(p.lows)), parentRatio, total };
}

export const anchoredModel: ExposureModel<AnchoredModelInputs, AnchoredModelAnswer> = {
  name: 'anchored',
  predict(x: AnchoredModelInputs): AnchoredModelAnswer {
    const common = { model: 'anchored' as const, cmaxRatio: null, cmaxMethod: null, assumptions: x.assumptions, studiesRead: x.studiesRead, variability: null };
    if (x.terms.length === 0 && !x.formation) return { ...common, status: 'grey', missing: x.missing, aucRatio: null, mechanisms: [], uncertainty: null, netChange: null, formation: null };
    const { net, lows, highs } = netOf(x.terms);
    const formed = x.formation ? formationRatio(x.formation) : { point: 1, low: 1, high: 1, parentRatio: 1, total: 1 };
    const aucRatio = formed.point * ratioOf(net);
    const uncertainty: Interval = {
      low: Math.min(aucRatio, formed.low * ratioOf(highs)) / x.spreadFold,
      high: Math.max(aucRatio, formed.high * ratioOf(lows)) * x.spreadFold,
      method: `index studies' confidence limits, each term at its extremes, widened ${x.spreadFold}-fold each side (between-study spread)`,
    };
    const mechanisms: Mechanism[] = x.terms.map((t) => ({
      enzyme: t.enzyme,
      kind: t.activity.value > 1 ? 'induction' : 'reversible',
      // In-vivo ratios cover gut and liver together; the interface has no "whole body" site, so liver stands for it.
      site: 'liver',
      aucRatio: ratioOf(t.cr.value * (t.activity.value - 1)),
    }));
    // A metabolite's formation: each named link's share of it moved alone (the parent's exposure change included).
    for (const l of x.formation?.links ?? [])
      if (l.enzyme && l.activity)
        mechanisms.push({ enzyme: l.enzyme, kind: l.activity.value > 1 ? 'induction' : 'reversible', site: 'liver', aucRatio: (l.fraction * l.activity.value * formed.parentRatio + formed.total - l.fraction) / formed.total });
    const formation = x.formation ? { ratio: formed.point, parentRatio: formed.parentRatio } : null;
    return { ...common, status: 'answered', missing: x.missing, aucRatio, mechanisms, uncertainty, netChange: net, formation };
  },
};
