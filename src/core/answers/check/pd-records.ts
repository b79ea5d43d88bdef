/**
 * Pair-level PD records (kb/pd/) that apply to a pair: label contraindications, boxed warnings, label warnings,
 * case series, published deaths and toxic-metabolite combinations, matched on either orientation and through class
 * membership (pd-members.ts). A record's tier follows its kind: what a regulator contraindicates or puts in a boxed
 * warning, and combinations with published deaths, are red; label warnings, case series and toxic metabolites amber.
 */
import type { KbIndex } from '../../kb/kb-index.js';
import type { PdInteraction } from '../../kb/types.js';
import { matchSide, type SideMatch } from './pd-members.js';
import type { Tier } from './types.js';

export interface PdRecordHit {
  record: PdInteraction;
  /** How the pair's first side matched the record (record side a or b, whichever it matched). */
  aMatch: SideMatch;
  bMatch: SideMatch;
}

/** Kinds that make a pair red on their own (issue 17: "any pair a label calls contraindicated is red"). */
export const RED_RECORD_KINDS: readonly PdInteraction['kind'][] = ['contraindication', 'boxed-warning', 'fatality'];

export function recordTier(r: PdInteraction): Tier {
  return RED_RECORD_KINDS.includes(r.kind) ? 'red' : 'amber';
}

/** Every PD record for the pair (sides given as the ids that stand for them: substance, constituents). */
export function pdRecordsFor(kb: KbIndex, aIds: readonly string[], bIds: readonly string[]): PdRecordHit[] {
  const out: PdRecordHit[] = [];
  for (const r of kb.data.pd ?? []) {
    const straight = [matchSide(kb, r.a, aIds, r.except), matchSide(kb, r.b, bIds, r.except)] as const;
    const swapped = [matchSide(kb, r.b, aIds, r.except), matchSide(kb, r.a, bIds, r.except)] as const;
    if (straight[0] && straight[1]) out.push({ record: r, aMatch: straight[0], bMatch: straight[1] });
    else if (swapped[0] && swapped[1]) out.push({ record: r, aMatch: swapped[0], bMatch: swapped[1] });
  }
  return out;
}

/** Class members a record leaves out, when one of them is on a side (the exception is stated, not silent). */
export function excludedRecordsFor(kb: KbIndex, aIds: readonly string[], bIds: readonly string[]): PdRecordHit[] {
  const out: PdRecordHit[] = [];
  for (const r of kb.data.pd ?? []) {
    if (r.except.length === 0) continue;
    const a1 = matchSide(kb, r.a, aIds);
    const b1 = matchSide(kb, r.b, bIds);
    const a2 = matchSide(kb, r.b, aIds);
    const b2 = matchSide(kb, r.a, bIds);
    const hit = a1 && b1 ? { aMatch: a1, bMatch: b1 } : a2 && b2 ? { aMatch: a2, bMatch: b2 } : null;
    if (hit && (r.except.includes(hit.aMatch.substance) || r.except.includes(hit.bMatch.substance))) out.push({ record: r, ...hit });
  }
  return out;
}
