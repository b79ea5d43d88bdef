/**
 * Legality claims: "kratom is legal everywhere", "weed is banned in Japan", "CBD is federally legal".
 * Evidence: the KB's legal records (substance, jurisdiction, use, status, source). A claim that names no place is
 * judged over every record; where places differ, that is insufficient to say.
 */
import type { KbIndex } from '../../kb/kb-index.js';
import type { LegalStatus } from '../../kb/types.js';
import { judge, st, subjectLabel } from './evidence.js';
import type { ClaimStatement, Judgement, Reading } from './types.js';

/** Does a record's status make the claimed status true, false, or neither? */
function fits(claim: string, s: LegalStatus['status'], use: string | undefined): boolean | null {
  switch (claim) {
    case 'legal':
      if (s === 'legal' || s === 'regulated') return true;
      if (s === 'prescription') return use === 'medical' ? true : false;
      if (s === 'illegal') return false;
      return null; // restricted, varies
    case 'illegal':
      if (s === 'illegal') return true;
      if (s === 'legal' || s === 'regulated') return false;
      if (s === 'prescription') return use === 'medical' ? false : null;
      return null;
    case 'controlled':
      return s === 'legal' ? false : s === 'varies' ? null : true;
    case 'regulated':
      return s === 'regulated' || s === 'prescription' || s === 'restricted' ? true : s === 'legal' || s === 'illegal' ? false : null;
    case 'prescription':
      return s === 'prescription' ? true : s === 'varies' ? null : false;
    default:
      return null;
  }
}

/** Records for the substance; if none, for the plants and products that contain it, or share its constituents. */
function recordsOf(kb: KbIndex, ids: string[]): LegalStatus[] {
  const own = ids.flatMap((id) => kb.legalOf(id));
  if (own.length) return own;
  const parts = ids.flatMap((id) => (kb.substance(id)?.constituents ?? []).flatMap((c) => kb.legalOf(c.substance)));
  if (parts.length) return parts;
  const parents = ids.flatMap((id) => kb.parentsOf(id).map((p) => p.id));
  const viaParents = parents.flatMap((id) => kb.legalOf(id));
  if (viaParents.length) return viaParents;
  const cousins = ids.flatMap((id) => (kb.substance(id)?.constituents ?? []).flatMap((c) => kb.parentsOf(c.substance).map((p) => p.id)));
  return [...new Set(cousins)].flatMap((id) => kb.legalOf(id));
}

const reason = (l: LegalStatus): ClaimStatement => st('CLAIM_REASON_LEGAL', { form: l.form, place: l.jurisdictionName, use: l.use, status: l.status, asOf: l.asOf }, null, [l.source]);

export function checkLegality(kb: KbIndex, r: Reading): Judgement {
  const subj = r.subjects[0]!;
  const all = recordsOf(kb, subj.ids);
  const place = r.objects[0];
  const params = { subject: subjectLabel(r), status: r.predicate, place: place?.label ?? '', use: r.use ?? '' };
  const caveat = [st('CLAIM_CAVEAT_LAW_CHANGES')];
  if (all.length === 0) return judge('not-supported', st('CLAIM_LEGAL_NO_RECORD', params), [], caveat);
  const codes = place?.ids ?? [];
  if (codes.includes('?')) return judge('not-supported', st('CLAIM_LEGAL_NO_RECORD', params), [], caveat);
  let recs = codes.includes('*') || codes.length === 0 ? all : codes.includes('US-*') ? all.filter((l) => l.jurisdiction.startsWith('US-')) : all.filter((l) => codes.includes(l.jurisdiction));
  if (recs.length === 0) return judge('not-supported', st('CLAIM_LEGAL_NO_RECORD', params), [], caveat);
  if (r.use) recs = recs.filter((l) => l.use === r.use || l.use === 'any').length ? recs.filter((l) => l.use === r.use || l.use === 'any') : recs;
  else if (recs.some((l) => l.use !== 'medical')) recs = recs.filter((l) => l.use !== 'medical');
  const judged = recs.map((l) => ({ l, ok: fits(r.predicate, l.status, r.use) }));
  const yes = judged.filter((x) => x.ok === true);
  const no = judged.filter((x) => x.ok === false);
  const unclear = judged.filter((x) => x.ok === null);
  const show = (xs: typeof judged): ClaimStatement[] => xs.slice(0, 6).map((x) => reason(x.l));
  const everywhere = r.exclusivity === 'everywhere';
  const negate = (v: 'supported' | 'contradicted'): 'supported' | 'contradicted' => v;
  if (everywhere || codes.length === 0) {
    if (no.length > 0 && (everywhere || yes.length === 0)) return judge(negate('contradicted'), st(everywhere ? 'CLAIM_LEGAL_EVERYWHERE_BROKEN' : 'CLAIM_LEGAL_NOT', { ...params, count: no.length }), show(no), caveat);
    if (no.length === 0 && unclear.length === 0) return judge('supported', st('CLAIM_LEGAL_HELD', { ...params, count: yes.length }), show(yes), caveat);
    return judge('insufficient-evidence', st('CLAIM_LEGAL_VARIES', { ...params, yes: yes.length, no: no.length }), [...show(yes).slice(0, 3), ...show(no).slice(0, 3)], caveat);
  }
  if (no.length > 0 && yes.length === 0) return judge('contradicted', st('CLAIM_LEGAL_NOT', params), show(no), caveat);
  if (yes.length > 0 && no.length === 0) return judge('supported', st('CLAIM_LEGAL_HELD', params), show(yes), caveat);
  if (yes.length > 0 && no.length > 0) return judge('insufficient-evidence', st('CLAIM_LEGAL_VARIES', { ...params, yes: yes.length, no: no.length }), [...show(yes), ...show(no)], caveat);
  return judge('insufficient-evidence', st('CLAIM_LEGAL_UNCLEAR', params), show(unclear), caveat);
}
