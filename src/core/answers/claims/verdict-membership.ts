/**
 * Membership claims: "kratom is an opioid", "kratom is not an opioid", "kratom works like an opioid". Evidence: the
 * KB's class lists (`classes` of each substance) and the targets a class's members act at. A class is defined here
 * by what most of its members do (opioids: agonists at opioid receptors), so a substance outside the list that acts
 * the same way is named as such rather than forced into yes or no.
 */
import { withConstituents } from '../../kb/constituents.js';
import type { KbIndex } from '../../kb/kb-index.js';
import type { Relation } from '../../kb/types.js';
import { judge, nameOf, st, strongest, subjectLabel, objectLabel, supportedWithCaveat } from './evidence.js';
import type { ClaimStatement, Judgement, Reading } from './types.js';

/** Actions that define what a class does at a target (its members' mechanism), by direction. */
const DEFINING = new Set<Relation['action']>(['agonist', 'partial-agonist', 'positive-allosteric-modulator', 'antagonist', 'inverse-agonist', 'transporter-inhibitor', 'channel-blocker']);
/** Share of a class's members that must act at a target for it to define the class. */
const DEFINING_SHARE = 0.4;

/** Targets (with the action) that at least 40 % of the class's members act at, for classes of two or more members. */
function definingActions(kb: KbIndex, members: readonly string[]): Map<string, Set<string>> {
  const counts = new Map<string, Set<string>>();
  for (const m of members)
    for (const rel of kb.relationsOf(m).filter((x) => DEFINING.has(x.action))) {
      const key = `${rel.object}|${rel.action === 'partial-agonist' ? 'agonist' : rel.action}`;
      counts.set(key, (counts.get(key) ?? new Set()).add(m));
    }
  const out = new Map<string, Set<string>>();
  if (members.length < 2) return out;
  for (const [key, who] of counts)
    if (who.size / members.length >= DEFINING_SHARE) {
      const [target, action] = key.split('|') as [string, string];
      out.set(target, (out.get(target) ?? new Set()).add(action));
    }
  return out;
}

export function checkMembership(kb: KbIndex, r: Reading): Judgement {
  const subject = r.subjects[0]!;
  const cls = r.objects[0]!;
  const params = { subject: subjectLabel(r), object: objectLabel(r) };
  const family = subject.ids.flatMap((id) => withConstituents(kb, id));
  const members = cls.ids;
  const listed = subject.ids.some((id) => members.includes(id));
  const defining = definingActions(kb, members);
  const acting = family.flatMap((id) =>
    kb.relationsOf(id).filter((x) => defining.get(x.object)?.has(x.action === 'partial-agonist' ? 'agonist' : x.action)),
  );
  // One reason per substance, action and target, its sources merged (two studies of mitragynine at MOR are one line).
  const merged = new Map<string, Relation>();
  for (const x of strongest(acting)) {
    const key = `${x.subject}|${x.action}|${x.object}`;
    const prev = merged.get(key);
    merged.set(key, prev ? { ...prev, sources: [...new Set([...prev.sources, ...x.sources])] } : x);
  }
  const reasons: ClaimStatement[] = [...merged.values()]
    .slice(0, 6)
    .map((x) => st('CLAIM_REASON_RELATION', { subject: nameOf(kb, x.subject), action: x.action, object: nameOf(kb, x.object), species: x.species }, x.evidence, x.sources));
  const targets = [...new Set(acting.map((x) => nameOf(kb, x.object)))].slice(0, 3).join(', ');
  // Support that rests only on lab receptor data says so (supportedWithCaveat), as relation claims do.
  const yes = (headline: ClaimStatement, rs: ClaimStatement[]): Judgement =>
    r.negated ? judge('contradicted', headline, rs) : supportedWithCaveat(r, headline, rs, acting.map((x) => x.species));
  const no = (headline: ClaimStatement, rs: ClaimStatement[]): Judgement => judge(r.negated ? 'supported' : 'contradicted', headline, rs);
  if (r.predicate === 'like') {
    if (acting.length > 0) return yes(st('CLAIM_MEMBER_ACTS', { ...params, targets }), reasons);
    if (listed) return yes(st('CLAIM_MEMBER_LISTED', params), []);
    return judge('not-supported', st('CLAIM_MEMBER_NONE', params), []);
  }
  if (listed) return yes(st('CLAIM_MEMBER_LISTED', params), reasons);
  if (acting.length > 0) return judge('insufficient-evidence', st('CLAIM_MEMBER_ACTS_LIKE', { ...params, targets }), reasons);
  const own = subject.ids.flatMap((id) => kb.substance(id)?.classes ?? []).map((c) => kb.substance(c)?.name ?? c);
  if (own.length > 0) return no(st('CLAIM_MEMBER_OTHER_CLASS', { ...params, classes: [...new Set(own)].join(', ') }), []);
  return judge('not-supported', st('CLAIM_MEMBER_NONE', params), []);
}
