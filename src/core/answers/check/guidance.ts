/**
 * What to do (issue 14 §4): the KB's guidance lines (kb/guidance/) that match a pair or a regimen — an effect class
 * two or more of the substances add to, a mechanism the answer shows (a raised or lowered exposure, mutual
 * inhibition), a class one of the substances belongs to. A line applies when every criterion it lists matches.
 */
import { withConstituents } from '../../kb/constituents.js';
import type { KbIndex } from '../../kb/kb-index.js';
import type { GuidanceLine, Substance } from '../../kb/types.js';
import type { GUIDANCE_MECHANISMS } from '../../schema/guidance.js';

export type GuidanceMechanism = (typeof GUIDANCE_MECHANISMS)[number];

export interface GuidanceContext {
  /** Effect classes at least two of the substances add to. */
  effects: Set<string>;
  mechanisms: Set<GuidanceMechanism>;
  /** Classes of the substances and their constituents. */
  classes: Set<string>;
}

export interface GuidanceItem {
  id: string;
  kind: GuidanceLine['kind'];
  audience: GuidanceLine['audience'];
  text: string;
  basis: GuidanceLine['basis'];
  evidence: GuidanceLine['evidence'];
  sources: string[];
  locator?: string;
  /** What made it apply. */
  matched: { effects: string[]; mechanisms: GuidanceMechanism[]; classes: string[] };
}

/** What pairMechanisms reads of a pair answer (structural, so check/types.ts can import this module's types). */
export interface PairMechanismInputs {
  pk: { result: { status: string; aucRatio: number | null } | { error: string } }[];
  mutualInhibition: unknown;
  tierReasons: { code: string; params: Record<string, unknown> }[];
}

/** AUC ratio beyond which an exposure change counts as a mechanism worth guidance (the tier rule's yellow threshold). */
const EXPOSURE_UP = 1.25;
const EXPOSURE_DOWN = 0.8;

/** Mechanisms a pair's answer shows: predicted exposure changes, a clinical inhibitor or inducer class, mutual inhibition. */
export function pairMechanisms(p: PairMechanismInputs): Set<GuidanceMechanism> {
  const m = new Set<GuidanceMechanism>();
  for (const e of p.pk) {
    const r = 'status' in e.result && e.result.status === 'predicted' ? (e.result.aucRatio ?? null) : null;
    if (r !== null && r >= EXPOSURE_UP) m.add('exposure-increase');
    if (r !== null && r <= EXPOSURE_DOWN) m.add('exposure-decrease');
  }
  for (const t of p.tierReasons) if (t.code === 'TIER_CLASS') m.add(t.params.inducer ? 'exposure-decrease' : 'exposure-increase');
  if (p.mutualInhibition) m.add('mutual-inhibition');
  return m;
}

export function classesOf(kb: KbIndex, subs: Substance[]): Set<string> {
  return new Set(subs.flatMap((s) => withConstituents(kb, s.id).flatMap((id) => kb.substance(id)?.classes ?? [])));
}

const ORDER: GuidanceLine['kind'][] = ['warning-signs', 'seek-help', 'naloxone', 'not-alone', 'monitoring', 'label-advice', 'alternatives'];

/** The guidance lines that apply, in reading order (warning signs and getting help before clinician advice). */
export function selectGuidance(kb: KbIndex, ctx: GuidanceContext): GuidanceItem[] {
  const out: GuidanceItem[] = [];
  for (const g of kb.data.guidance ?? []) {
    const effects = g.appliesTo.effects.filter((e) => ctx.effects.has(e));
    const mechanisms = g.appliesTo.mechanisms.filter((x) => ctx.mechanisms.has(x));
    const classes = g.appliesTo.classes.filter((c) => ctx.classes.has(c));
    const ok = (given: unknown[], hit: unknown[]): boolean => given.length === 0 || hit.length > 0;
    if (!ok(g.appliesTo.effects, effects) || !ok(g.appliesTo.mechanisms, mechanisms) || !ok(g.appliesTo.classes, classes)) continue;
    out.push({ id: g.id, kind: g.kind, audience: g.audience, text: g.text, basis: g.basis, evidence: g.evidence, sources: g.sources, ...(g.locator ? { locator: g.locator } : {}), matched: { effects, mechanisms, classes } });
  }
  return out.sort((a, b) => ORDER.indexOf(a.kind) - ORDER.indexOf(b.kind) || Number(a.audience === 'clinician') - Number(b.audience === 'clinician'));
}
