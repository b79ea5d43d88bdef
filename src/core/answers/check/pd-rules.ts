/**
 * Mechanism-level pharmacodynamic rules (issue 17). They read the `role` of effect-class contributors, never a
 * substance id, so a substance the rules were not written for is covered as soon as its record carries a role.
 *
 * - MAO inhibition + a serotonin releaser, reuptake inhibitor, agonist or precursor → serotonin toxicity, severity
 *   high. Red when the MAOI is irreversible (its label contraindicates serotonergic drugs: nardil-label-druglib) and
 *   the partner's serotonergic role rests on human evidence; amber otherwise — reversible MAOIs (moclobemide,
 *   linezolid) are the stated exception: their labels warn rather than forbid, though deaths are recorded for some
 *   combinations (those come in as pair-level records).
 * - MAO inhibition + a sympathomimetic → hypertensive crisis, severity high; red/amber by the same split
 *   (nardil-label-athlete-copy: sympathomimetics contraindicated; methylphenidate-teva-hk: non-selective irreversible).
 * - A respiratory depressant on each side → respiratory depression, severity high, listing each one's strength and
 *   evidence; red when both sides bring a major label-level depressant (the opioid–benzodiazepine boxed warning,
 *   fda-opioid-benzo-2016), amber otherwise.
 */
import type { KbIndex } from '../../kb/kb-index.js';
import type { EvidenceLevel } from '../../schema/quantity.js';
import type { PdRole } from '../../schema/records.js';
import { EVIDENCE_RANK } from '../evidence/labels.js';
import { contributorsFor } from './pd-members.js';
import type { Tier } from './types.js';

export interface RoleHit {
  member: string;
  role: PdRole;
  effect: string;
  strength: 'major' | 'moderate' | 'minor';
  evidence: EvidenceLevel;
  sources: string[];
  via: string | null;
  appliesTo?: string;
}

// A side's roles depend only on the KB and the side, and a check walks the same sides many times (regimens,
// every-pair walks): remember them per KB.
const roleCache = new WeakMap<KbIndex, Map<string, RoleHit[]>>();

/** Every role a side brings, over all effect classes (own entries and class entries it inherits). */
export function rolesOf(kb: KbIndex, ids: readonly string[]): RoleHit[] {
  const cache = roleCache.get(kb) ?? new Map<string, RoleHit[]>();
  roleCache.set(kb, cache);
  const key = ids.join('|');
  const hit = cache.get(key);
  if (hit) return hit;
  const out: RoleHit[] = [];
  for (const e of kb.data.effects)
    for (const c of contributorsFor(kb, e, ids))
      if (c.role) out.push({ member: c.member, role: c.role, effect: e.id, strength: c.strength, evidence: c.evidence, sources: c.sources, via: c.via, ...(c.appliesTo ? { appliesTo: c.appliesTo } : {}) });
  cache.set(key, out);
  return out;
}

export type RuleId = 'serotonin-maoi' | 'hypertensive-maoi' | 'respiratory-depression';

export interface RuleHit {
  rule: RuleId;
  severity: 'high';
  tier: Tier;
  /** The weaker of the two sides' evidence for their roles: how sure the mechanism is. */
  evidence: EvidenceLevel;
  /** The side roles that made the rule fire (first side, second side). */
  a: RoleHit[];
  b: RoleHit[];
  /** Sources of the rule itself (the labels it generalises). */
  ruleSources: string[];
}

const SEROTONERGIC: readonly PdRole[] = ['serotonin-reuptake-inhibitor', 'serotonin-releaser', 'serotonin-agonist', 'serotonin-precursor'];
const MAOI: readonly PdRole[] = ['mao-inhibitor-irreversible', 'mao-inhibitor-reversible'];
/** Evidence at which a role counts as shown in people (case reports and up). */
const HUMAN_RANK = EVIDENCE_RANK.human_case;

export const RULE_SOURCES: Record<RuleId, string[]> = {
  'serotonin-maoi': ['nardil-label-druglib', 'zoloft-pm-canada'],
  'hypertensive-maoi': ['nardil-label-athlete-copy', 'methylphenidate-teva-hk'],
  'respiratory-depression': ['fda-opioid-benzo-2016'],
};

const best = (xs: RoleHit[]): RoleHit => xs.reduce((p, x) => (EVIDENCE_RANK[x.evidence] > EVIDENCE_RANK[p.evidence] ? x : p));
const weaker = (x: EvidenceLevel, y: EvidenceLevel): EvidenceLevel => (EVIDENCE_RANK[x] <= EVIDENCE_RANK[y] ? x : y);
const uniq = (xs: RoleHit[]): RoleHit[] => xs.filter((x, i) => xs.findIndex((y) => y.member === x.member && y.role === x.role) === i);

/** MAOI on one side, a partner role on the other, either orientation. */
function maoiRule(rule: RuleId, partnerRoles: readonly PdRole[], a: RoleHit[], b: RoleHit[]): RuleHit[] {
  const out: RuleHit[] = [];
  for (const [m, p, flip] of [[a, b, false], [b, a, true]] as const) {
    const maoi = uniq(m.filter((x) => MAOI.includes(x.role)));
    const partner = uniq(p.filter((x) => partnerRoles.includes(x.role)));
    if (!maoi.length || !partner.length) continue;
    const irreversible = maoi.filter((x) => x.role === 'mao-inhibitor-irreversible');
    const bm = best(irreversible.length ? irreversible : maoi);
    const bp = best(partner);
    const red = irreversible.length > 0 && EVIDENCE_RANK[bp.evidence] >= HUMAN_RANK && EVIDENCE_RANK[bm.evidence] >= HUMAN_RANK;
    out.push({ rule, severity: 'high', tier: red ? 'red' : 'amber', evidence: weaker(bm.evidence, bp.evidence), a: flip ? partner : maoi, b: flip ? maoi : partner, ruleSources: RULE_SOURCES[rule] });
  }
  return out.slice(0, 1);
}

function respiratoryRule(a: RoleHit[], b: RoleHit[]): RuleHit[] {
  const ra = uniq(a.filter((x) => x.role === 'respiratory-depressant'));
  const rb = uniq(b.filter((x) => x.role === 'respiratory-depressant'));
  if (!ra.length || !rb.length) return [];
  const majorLabel = (xs: RoleHit[]): boolean => xs.some((x) => x.strength === 'major' && x.evidence === 'label');
  return [{ rule: 'respiratory-depression', severity: 'high', tier: majorLabel(ra) && majorLabel(rb) ? 'red' : 'amber', evidence: weaker(best(ra).evidence, best(rb).evidence), a: ra, b: rb, ruleSources: RULE_SOURCES['respiratory-depression'] }];
}

/** The mechanism rules that fire for a pair. */
export function pdRulesFor(kb: KbIndex, aIds: readonly string[], bIds: readonly string[]): RuleHit[] {
  const a = rolesOf(kb, aIds);
  const b = rolesOf(kb, bIds);
  return [...maoiRule('serotonin-maoi', SEROTONERGIC, a, b), ...maoiRule('hypertensive-maoi', ['sympathomimetic'], a, b), ...respiratoryRule(a, b)];
}
