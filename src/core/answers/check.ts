/**
 * Check every pair among two or more substances: shared pathways, exposure change both ways, effect overlap and a
 * tier, answered as codes (answers/check/) and rendered in English (render/check.ts, render/regimen.ts) for every
 * caller; the pairs come worst first with the regimen view around them (issue 14): the worst pair, the combined
 * effect classes, the doses used and the guidance that applies.
 */
import { dailyDoses } from './check/dose-reach.js';
import { fail } from '../errors.js';
import { resolveSubstance } from '../kb/fuzzy-match.js';
import type { KbIndex } from '../kb/kb-index.js';
import type { Substance } from '../kb/types.js';
import { MAX_SUBSTANCES as MAX_CHECK_SUBSTANCES } from '../limits.js';
import { renderPair } from '../render/check.js';
import { renderCheckNote, renderDoseUsed, renderRegimenEffect, renderRegimenVerdict } from '../render/regimen.js';
import { pairMechanisms, type GuidanceMechanism } from './check/guidance.js';
import { analysePairAnswer, ref } from './check/pair.js';
import { regimenAnswer } from './check/regimen.js';
import type { CheckNote, CheckResult } from './check/result.js';
import { EDUCATIONAL_NOTICE, type PairAnalysis } from './check/types.js';
import { doseUsed, type DoseUsed } from './check/usage.js';

export { EDUCATIONAL_NOTICE, MAX_CHECK_SUBSTANCES };
export type { PairAnalysis, PairAnswer, PkEntry, SharedEffect, SharedNode, SideAction, Statement, SubstanceRef, Tier } from './check/types.js';
export type { CheckNote, CheckResult } from './check/result.js';

/** One pair, rendered, at each substance's everyday default dose. */
export function analysePair(kb: KbIndex, a: Substance, b: Substance): PairAnalysis {
  return renderPair(analysePairAnswer(kb, a, b));
}

export interface CheckOptions {
  /** A usage pattern per substance (by the name given or its id), e.g. { cannabis: 'medicine' }; others use their default. */
  usage?: Record<string, string>;
}

/** Substances once each, in the order given, with a note naming any given twice (by another name or the same). */
function dedupe(kb: KbIndex, names: string[]): { subs: Substance[]; notes: CheckNote[] } {
  const resolved = names.map((n, i) => ({ given: n, s: resolveSubstance(kb, n, `substances[${i}]`) }));
  const subs: Substance[] = [];
  const notes: CheckNote[] = [];
  for (const { s } of resolved) {
    if (subs.some((x) => x.id === s.id)) continue;
    subs.push(s);
    const given = resolved.filter((r) => r.s.id === s.id).map((r) => r.given);
    if (given.length > 1) {
      const params = { name: s.name, id: s.id, given };
      notes.push({ code: 'CHECK_DUPLICATE', params, text: renderCheckNote('CHECK_DUPLICATE', params) });
    }
  }
  if (subs.length < 2) {
    const d = notes[0]!.params;
    fail('INPUT_SAME_SUBSTANCE', { field: 'substances', problem: `${(d.given as string[]).map((g) => `'${g}'`).join(' and ')} ${(d.given as string[]).length > 2 ? 'are all' : 'are both'} ${d.name}; give at least two different substances to compare` }, { field: 'substances' });
  }
  return { subs, notes };
}

/** The dose each substance is checked at: the pattern named in `usage` (keys resolved like substance names), else the default. */
function dosesOf(kb: KbIndex, subs: Substance[], usage: Record<string, string>): Map<string, DoseUsed> {
  const chosen = new Map<string, string>();
  for (const [name, pattern] of Object.entries(usage)) {
    const s = resolveSubstance(kb, name, `usage.${name}`);
    if (!subs.some((x) => x.id === s.id)) fail('INPUT_INVALID', { field: `usage.${name}`, problem: `${s.name} is not one of the substances checked` }, { field: `usage.${name}` });
    chosen.set(s.id, pattern);
  }
  return new Map(subs.map((s) => [s.id, doseUsed(kb, s, chosen.get(s.id), `usage.${s.id}`)]));
}

/** Check every pair among two or more substances. Example: check(kb, ['cannabis', 'kratom']).pairs[0].tier */
export function check(kb: KbIndex, names: string[], opts: CheckOptions = {}): CheckResult {
  if (!Array.isArray(names) || names.length < 2)
    fail('INPUT_INVALID', { field: 'substances', problem: 'give at least two substances to compare' }, { field: 'substances' });
  if (names.length > MAX_CHECK_SUBSTANCES)
    fail('INPUT_TOO_LARGE', { field: 'substances', problem: `${names.length} given; at most ${MAX_CHECK_SUBSTANCES} can be checked at once` }, { field: 'substances', cap: MAX_CHECK_SUBSTANCES });
  const { subs, notes } = dedupe(kb, names);
  const doses = dosesOf(kb, subs, opts.usage ?? {});
  const pairs: PairAnalysis[] = [];
  const mechanisms = new Set<GuidanceMechanism>();
  for (let i = 0; i < subs.length; i++)
    for (let j = i + 1; j < subs.length; j++) {
      const ans = analysePairAnswer(kb, subs[i]!, subs[j]!, { a: doses.get(subs[i]!.id)!, b: doses.get(subs[j]!.id)! });
      for (const m of pairMechanisms(ans)) mechanisms.add(m);
      pairs.push(renderPair(ans));
    }
  const r = regimenAnswer(kb, subs, pairs, mechanisms, new Map(subs.map((s) => [s.id, dailyDoses(kb, doses.get(s.id)!)])));
  return {
    kbVersion: kb.data.version,
    notice: EDUCATIONAL_NOTICE,
    substances: subs.map((s) => ref(kb, s)),
    pairs: r.pairs,
    worstPair: r.worstPair,
    verdict: { ...r.verdict, text: renderRegimenVerdict(r.verdict) },
    effects: r.effects.map((e) => ({ ...e, text: renderRegimenEffect(e) })),
    doses: subs.map((s) => doses.get(s.id)!).map((d) => ({ ...d, text: renderDoseUsed(d) })),
    guidance: r.guidance,
    notes,
  };
}
