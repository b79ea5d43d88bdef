/**
 * Check every pair among two or more substances: shared pathways, exposure change both ways, effect overlap and a
 * tier, answered as codes (answers/check/) and rendered in English (render/check.ts) for every caller.
 */
import { fail } from '../errors.js';
import { resolveSubstance } from '../kb/fuzzy-match.js';
import type { KbIndex } from '../kb/kb-index.js';
import type { Substance } from '../kb/types.js';
import { MAX_SUBSTANCES as MAX_CHECK_SUBSTANCES } from '../limits.js';
import { renderPair } from '../render/check.js';
import { analysePairAnswer, ref } from './check/pair.js';
import { EDUCATIONAL_NOTICE, type CheckResult, type PairAnalysis } from './check/types.js';

export { EDUCATIONAL_NOTICE, MAX_CHECK_SUBSTANCES };
export type { CheckResult, PairAnalysis, PairAnswer, PkEntry, SharedEffect, SharedNode, SideAction, Statement, SubstanceRef, Tier } from './check/types.js';

/** One pair, rendered. */
export function analysePair(kb: KbIndex, a: Substance, b: Substance): PairAnalysis {
  return renderPair(analysePairAnswer(kb, a, b));
}

/** Check every pair among two or more substances. Example: check(kb, ['cannabis', 'kratom']).pairs[0].tier */
export function check(kb: KbIndex, names: string[]): CheckResult {
  if (!Array.isArray(names) || names.length < 2)
    fail('INPUT_INVALID', { field: 'substances', problem: 'give at least two substances to compare' }, { field: 'substances' });
  if (names.length > MAX_CHECK_SUBSTANCES)
    fail('INPUT_TOO_LARGE', { field: 'substances', problem: `${names.length} given; at most ${MAX_CHECK_SUBSTANCES} can be checked at once` }, { field: 'substances', cap: MAX_CHECK_SUBSTANCES });
  const subs = names.map((n, i) => resolveSubstance(kb, n, `substances[${i}]`));
  const pairs: PairAnalysis[] = [];
  for (let i = 0; i < subs.length; i++)
    for (let j = i + 1; j < subs.length; j++) if (subs[i]!.id !== subs[j]!.id) pairs.push(analysePair(kb, subs[i]!, subs[j]!));
  return { kbVersion: kb.data.version, notice: EDUCATIONAL_NOTICE, substances: subs.map((s) => ref(kb, s)), pairs };
}
