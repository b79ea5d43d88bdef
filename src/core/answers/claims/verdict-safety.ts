/**
 * Safety claims about one substance: "kratom is safe", "CBD is harmless", "7-OH is dangerous". Evidence: the KB's
 * risk notes and the effect classes the substance contributes to. Like "safe to combine", a claim of safety is never
 * `supported`: the most the KB can say is that it records no harm, which is not evidence of safety.
 */
import type { KbIndex } from '../../kb/kb-index.js';
import type { EvidenceLevel } from '../../schema/quantity.js';
import { isPreclinical } from '../evidence/labels.js';
import { substanceFamily } from '../../kb/constituents.js';
import { dedupe, idsOf, judge, nameOf, st, subjectLabel } from './evidence.js';
import type { ClaimStatement, Judgement, Reading } from './types.js';

interface Harm {
  evidence: EvidenceLevel;
  statement: ClaimStatement;
}

/** Risk notes in this order: harms first, then what only makes harm likelier (a product's content varies). */
const KIND_ORDER = ['overdose', 'hepatotoxicity', 'dependence', 'withdrawal', 'impairment', 'pregnancy', 'high-potency', 'adulteration', 'other', 'product-variability'];

function harmsOf(kb: KbIndex, ids: readonly string[]): Harm[] {
  const out: Harm[] = [];
  // A risk note is a harm of the substance itself when every substance it names is of the same family (kratom, its
  // teas and mitragynine); a note that also names other medicines describes a combination, not this substance alone.
  const family = new Set(ids.flatMap((id) => [...substanceFamily(kb, id), ...kb.parentsOf(id).flatMap((p) => substanceFamily(kb, p.id))]));
  const own = kb.data.risks
    .filter((x) => x.substances.some((s) => ids.includes(s)) && x.substances.every((s) => family.has(s)))
    .sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind));
  for (const r of own) out.push({ evidence: r.evidence, statement: st('CLAIM_REASON_RISK', { title: r.title, kind: r.kind }, r.evidence, r.sources) });
  for (const e of kb.data.effects)
    // A minor contribution is a share of a combination's effect (caffeine's to a crisis under MAO inhibition), not a
    // harm of the substance alone.
    for (const c of e.contributors.filter((x) => ids.includes(x.substance) && x.strength !== 'minor'))
      out.push({ evidence: c.evidence, statement: st('CLAIM_REASON_EFFECT', { subject: nameOf(kb, c.substance), effect: e.name, strength: c.strength }, c.evidence, c.sources) });
  return out;
}

export function checkSafety(kb: KbIndex, r: Reading): Judgement {
  const subject = r.subjects[0]!;
  const params = { subject: subjectLabel(r) };
  const harms = harmsOf(kb, idsOf(kb, subject));
  const inPeople = harms.filter((h) => !isPreclinical(h.evidence));
  const reasons = (hs: Harm[]): ClaimStatement[] => dedupe(hs.map((h) => h.statement)).slice(0, 6);
  const depends = st('CLAIM_CAVEAT_SAFETY_DEPENDS', {});
  const claimsSafe = r.predicate === 'safe';
  if (inPeople.length > 0)
    return claimsSafe ? judge('contradicted', st('CLAIM_SAFETY_HARMS', params), reasons(inPeople), [depends]) : judge('supported', st('CLAIM_SAFETY_HARMS', params), reasons(inPeople), [depends]);
  if (harms.length > 0) return judge('insufficient-evidence', st('CLAIM_SAFETY_HARMS_PRECLINICAL', params), reasons(harms), [depends]);
  return judge('insufficient-evidence', st('CLAIM_SAFETY_NONE', params), [], [st('CLAIM_CAVEAT_ABSENCE'), depends]);
}
