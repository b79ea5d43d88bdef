/**
 * Findings in context: "mitragynine relieves neuropathic but not inflammatory pain", "CBD's effect on memory was
 * shown in mice, not people". Evidence: the KB's findings (species, model, context, contexts where no effect was seen).
 */
import type { KbIndex } from '../../kb/kb-index.js';
import type { Finding } from '../../kb/types.js';
import { normalizeName } from '../../kb/names.js';
import { lemmatise } from './lemma.js';
import { idsOf, idsWithParents, judge, speciesFits, st, subjectLabel, supportedWithCaveat } from './evidence.js';
import type { Judgement, Reading } from './types.js';

const words = (xs: string[]): Set<string> => new Set(xs.flatMap((x) => normalizeName(x).split(' ').map(lemmatise)));

export function checkContext(kb: KbIndex, r: Reading): Judgement {
  if (r.predicate === 'blocked-by') return checkBlockedBy(kb, r);
  if (r.predicate === 'converts') return checkConverts(kb, r);
  const ids = new Set(r.subjects.flatMap((s) => [...idsOf(kb, s), ...idsWithParents(kb, s)]));
  const params = { subject: subjectLabel(r), context: r.context.join(' '), excluded: r.excluded.join(' '), species: r.species ?? '' };
  const scored = kb.data.findings
    .filter((f) => f.interventions.some((i) => ids.has(i.substance)))
    .map((f) => {
      const notSeen = words(f.notSeenIn);
      // A model or title may name both sides of a contrast ("neuropathic and inflammatory pain models"): there, a word
      // of the not-seen side counts as not seen; context and endpoint say where the effect was seen.
      const core = words([...f.context, f.endpoint]);
      const seen = new Set([...core, ...[...words([f.model, f.title])].filter((w) => !notSeen.has(w))]);
      // Dose phrases ("600 mg") are matched as phrases in the finding's texts.
      const notSeenText = f.notSeenIn.map((x) => normalizeName(x)).join(' | ');
      const seenText = [...f.context, f.endpoint, f.title].map((x) => normalizeName(x)).join(' | ');
      const doseAgainst = r.context.filter((w) => / /.test(w) && notSeenText.includes(w) && !seenText.includes(w)).length;
      const doseHit = r.context.filter((w) => / /.test(w) && seenText.includes(w)).length;
      // `distinct`: claim words only the seen side has ("neuropathic"), not words both sides share ("pain").
      const distinct = r.context.filter((w) => seen.has(w) && !notSeen.has(w)).length + doseHit;
      return { f, hit: r.context.filter((w) => seen.has(w)).length + doseHit, distinct, against: r.context.filter((w) => notSeen.has(w) && !seen.has(w)).length + doseAgainst, excludedOk: r.excluded.filter((w) => notSeen.has(w)).length };
    })
    .filter((x) => x.hit + x.against > 0)
    .sort((a, b) => b.hit + b.against + b.excludedOk - (a.hit + a.against + a.excludedOk));
  if (scored.length === 0) return judge('not-supported', st('CLAIM_CONTEXT_NONE', params), []);
  const best = scored[0]!;
  const f = best.f;
  const reasons = [reason(f)];
  if (best.against > 0 && (best.distinct === 0 || r.context.some((w) => / /.test(w)))) return judge(r.negated ? 'supported' : 'contradicted', st('CLAIM_CONTEXT_NOT_SEEN', { ...params, notSeenIn: f.notSeenIn.join(', ') }), reasons);
  if (r.excluded.length > 0 && best.excludedOk === 0 && words([...f.context, f.endpoint]).has(r.excluded[0]!)) return judge('contradicted', st('CLAIM_CONTEXT_SEEN_IN_EXCLUDED', params), reasons);
  // A species the finding names among those where the effect was not seen ("just as much in rat plasma").
  if (r.species && words(f.notSeenIn).has(r.species)) return judge(r.negated ? 'supported' : 'contradicted', st('CLAIM_CONTEXT_NOT_SEEN', { ...params, notSeenIn: f.notSeenIn.join(', ') }), reasons);
  if (!speciesFits(r.species, f.evidence, f.species)) return judge('insufficient-evidence', st('CLAIM_CONTEXT_OTHER_SPECIES', { ...params, found: f.species }), reasons);
  const opposite = (r.predicate === 'increase' && f.direction === 'decrease') || (r.predicate === 'decrease' && f.direction === 'increase' && !/pain|latency|antinocicept/.test(f.endpoint));
  if (opposite) return judge('contradicted', st('CLAIM_CONTEXT_OPPOSITE', { ...params, direction: f.direction }), reasons);
  if (r.negated) return judge('contradicted', st('CLAIM_CONTEXT_HELD', params), reasons);
  return supportedWithCaveat(r, st('CLAIM_CONTEXT_HELD', params), reasons, [f.species]);
}

function reason(f: Finding) {
  return st('CLAIM_REASON_FINDING', { title: f.title, species: f.species, notSeenIn: f.notSeenIn.join('; ') }, f.evidence, [f.source]);
}

/** Findings of the subject (or what contains it) whose words overlap the claim's context words, best first. */
function findingsOf(kb: KbIndex, r: Reading, extra: (f: Finding) => boolean = () => true): Finding[] {
  const ids = new Set(r.subjects.flatMap((s) => [...idsOf(kb, s), ...idsWithParents(kb, s)]));
  const score = (f: Finding): number => {
    const seen = words([...f.context, f.endpoint, f.model, f.title]);
    return r.context.filter((w) => seen.has(w)).length;
  };
  return kb.data.findings.filter((f) => f.interventions.some((i) => ids.has(i.substance)) && extra(f)).sort((a, b) => score(b) - score(a));
}

/** "A CB1 blocker reversed mitragynine's deficits": a finding whose effect was blocked at the named target. */
function checkBlockedBy(kb: KbIndex, r: Reading): Judgement {
  const target = r.objects[0]!;
  const params = { subject: subjectLabel(r), context: r.context.join(' '), target: target.label, species: r.species ?? '' };
  const withBlock = findingsOf(kb, r, (f) => f.blockedBy.length > 0);
  const hit = withBlock.filter((f) => f.blockedBy.some((b) => b.target && target.ids.includes(b.target)));
  const ctxOk = (f: Finding): boolean => r.context.length === 0 || r.context.some((w) => words([...f.context, f.endpoint, f.title]).has(w));
  const relevant = hit.filter(ctxOk);
  if (relevant.length > 0) {
    const f = relevant[0]!;
    if (!speciesFits(r.species, f.evidence, f.species)) return judge('insufficient-evidence', st('CLAIM_CONTEXT_OTHER_SPECIES', { ...params, found: f.species }), [reason(f)]);
    return r.negated ? judge('contradicted', st('CLAIM_BLOCKED_HELD', params), [reason(f)]) : supportedWithCaveat(r, st('CLAIM_BLOCKED_HELD', params), [reason(f)], [f.species]);
  }
  const other = withBlock.filter((f) => ctxOk(f) && !f.blockedBy.some((b) => b.target && target.ids.includes(b.target)));
  if (other.length > 0) return judge(r.negated ? 'supported' : 'contradicted', st('CLAIM_BLOCKED_ELSEWHERE', { ...params, blockers: other[0]!.blockedBy.map((b) => b.agent).join(', ') }), other.slice(0, 3).map(reason));
  if (hit.length > 0) return judge('insufficient-evidence', st('CLAIM_BLOCKED_OTHER_CONTEXT', params), hit.slice(0, 3).map(reason));
  return judge('not-supported', st('CLAIM_CONTEXT_NONE', params), []);
}

/** "7-OH turns into pseudoindoxyl in human plasma": a metabolite link or a finding of the conversion. */
function checkConverts(kb: KbIndex, r: Reading): Judgement {
  const from = r.subjects[0]!;
  const to = r.objects[0]!;
  const params = { subject: from.label, product: to.label, species: r.species ?? '', context: r.context.join(' ') };
  const names = to.ids.flatMap((id) => [kb.substance(id)?.name ?? id, ...(kb.substance(id)?.synonyms ?? [])]).map((n) => normalizeName(n));
  const fs = findingsOf(kb, { ...r, subjects: [from] }, (f) => names.some((n) => normalizeName(`${f.endpoint} ${f.title}`).includes(n)));
  const links = from.ids.flatMap((id) => (kb.substance(id)?.metabolites ?? []).filter((m) => to.ids.includes(m.substance)));
  if (fs.length > 0) {
    const f = fs[0]!;
    const notSeen = words(f.notSeenIn);
    const claimWords = [...r.context, ...(r.species ? [r.species] : [])];
    if (claimWords.some((w) => notSeen.has(w) && !words([...f.context, f.species]).has(w))) return judge(r.negated ? 'supported' : 'contradicted', st('CLAIM_CONTEXT_NOT_SEEN', { ...params, notSeenIn: f.notSeenIn.join(', ') }), [reason(f)]);
    if (r.negated) return judge('contradicted', st('CLAIM_CONVERTS_HELD', params), [reason(f)]);
    return supportedWithCaveat(r, st('CLAIM_CONVERTS_HELD', params), [reason(f)], [f.species]);
  }
  if (links.length > 0) {
    const reasons = links.map((m) => st('CLAIM_REASON_METABOLITE', { parent: from.label, metabolite: to.label, enzyme: m.enzyme ?? '' }, null, m.sources));
    return r.negated ? judge('contradicted', st('CLAIM_CONVERTS_HELD', params), reasons) : judge('supported', st('CLAIM_CONVERTS_HELD', params), reasons);
  }
  return judge('not-supported', st('CLAIM_CONTEXT_NONE', { ...params, subject: from.label }), []);
}
