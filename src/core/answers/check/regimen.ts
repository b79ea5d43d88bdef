/**
 * The regimen view (issue 14 §1): every pair of a list, worst first (a Liverpool-style grid), an overall verdict
 * naming the worst pair, the combined effect classes across all substances, and the guidance that applies. Codes
 * and data only; src/core/render/regimen.ts writes the English.
 */
import type { KbIndex } from '../../kb/kb-index.js';
import type { Substance } from '../../kb/types.js';
import type { StatementParams } from '../../schema/statement.js';
import type { EvidenceLevel } from '../../schema/quantity.js';
import { classesOf, selectGuidance, type GuidanceItem, type GuidanceMechanism } from './guidance.js';
import { regimenEffects, type RegimenEffect } from './regimen-effects.js';
import type { DailyDose } from './dose-reach.js';
import type { PairAnalysis, Tier } from './types.js';

/**
 * Worst first: red, amber, yellow, then grey before green — grey means the KB cannot say, which is not the same as
 * nothing expected, so it sits above the pairs where nothing is expected.
 */
export const TIER_SEVERITY_ORDER: readonly Tier[] = ['red', 'amber', 'yellow', 'grey', 'green'];
const LIKELIHOOD_ORDER = ['established', 'probable', 'possible', 'theoretical', 'unknown'] as const;
const SEVERITY_RANK = { high: 3, moderate: 2, low: 1 } as const;

/** Highest-severity shared effect of a pair (3 high, 2 moderate, 1 low, 0 none): the tie-breaker within a tier. */
const effectRank = (p: PairAnalysis): number => Math.max(0, ...p.sharedEffects.map((e) => SEVERITY_RANK[e.severity]));

/** Pairs sorted worst first (stable: ties keep the order the substances were given in). */
export function worstFirst(pairs: PairAnalysis[]): PairAnalysis[] {
  return pairs
    .map((p, i) => ({ p, i }))
    .sort(
      (x, y) =>
        TIER_SEVERITY_ORDER.indexOf(x.p.tier) - TIER_SEVERITY_ORDER.indexOf(y.p.tier) ||
        effectRank(y.p) - effectRank(x.p) ||
        LIKELIHOOD_ORDER.indexOf(x.p.likelihood) - LIKELIHOOD_ORDER.indexOf(y.p.likelihood) ||
        x.i - y.i,
    )
    .map((x) => x.p);
}

export interface WorstPair {
  a: string;
  b: string;
  aName: string;
  bName: string;
  tier: Tier;
  severity: PairAnalysis['severity'];
  likelihood: PairAnalysis['likelihood'];
}

export interface RegimenVerdictAnswer {
  code: 'REGIMEN_VERDICT' | 'REGIMEN_NO_PAIRS';
  params: StatementParams;
  evidence: EvidenceLevel | null;
}

export interface RegimenAnswer {
  pairs: PairAnalysis[];
  worstPair: WorstPair | null;
  verdict: RegimenVerdictAnswer;
  effects: RegimenEffect[];
  guidance: GuidanceItem[];
}

/** Compose the regimen view from the analysed pairs (any order) and the mechanisms each pair showed. */
export function regimenAnswer(
  kb: KbIndex,
  subs: Substance[],
  pairs: PairAnalysis[],
  mechanisms: Set<GuidanceMechanism>,
  daily?: ReadonlyMap<string, ReadonlyMap<string, DailyDose>>,
): RegimenAnswer {
  const sorted = worstFirst(pairs);
  const w = sorted[0];
  const worstPair: WorstPair | null = w ? { a: w.a.id, b: w.b.id, aName: w.a.name, bName: w.b.name, tier: w.tier, severity: w.severity, likelihood: w.likelihood } : null;
  const effects = regimenEffects(kb, subs, daily);
  const count = (t: Tier): number => pairs.filter((p) => p.tier === t).length;
  const verdict: RegimenVerdictAnswer = w
    ? {
        code: 'REGIMEN_VERDICT',
        params: {
          a: w.a.name,
          b: w.b.name,
          tier: w.tier,
          pairs: pairs.length,
          ...Object.fromEntries(TIER_SEVERITY_ORDER.map((t) => [t, count(t)])),
          flagged: effects.filter((e) => e.flagged).map((e) => e.name),
          flaggedCounts: effects.filter((e) => e.flagged).map((e) => e.substances.length),
        },
        evidence: w.verdict.evidence,
      }
    : { code: 'REGIMEN_NO_PAIRS', params: { substances: subs.map((s) => s.name) }, evidence: null };
  const guidance = selectGuidance(kb, {
    effects: new Set(effects.filter((e) => e.substances.length >= 2).map((e) => e.id)),
    mechanisms,
    classes: classesOf(kb, subs),
  });
  return { pairs: sorted, worstPair, verdict, effects, guidance };
}
