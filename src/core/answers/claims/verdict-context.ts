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
  const ids = new Set(r.subjects.flatMap((s) => [...idsOf(kb, s), ...idsWithParents(kb, s)]));
  const params = { subject: subjectLabel(r), context: r.context.join(' '), excluded: r.excluded.join(' '), species: r.species ?? '' };
  const scored = kb.data.findings
    .filter((f) => f.interventions.some((i) => ids.has(i.substance)))
    .map((f) => {
      const seen = words([...f.context, f.endpoint, f.model, f.title]);
      const notSeen = words(f.notSeenIn);
      return { f, hit: r.context.filter((w) => seen.has(w)).length, against: r.context.filter((w) => notSeen.has(w) && !seen.has(w)).length, excludedOk: r.excluded.filter((w) => notSeen.has(w)).length };
    })
    .filter((x) => x.hit + x.against > 0)
    .sort((a, b) => b.hit + b.against + b.excludedOk - (a.hit + a.against + a.excludedOk));
  if (scored.length === 0) return judge('not-supported', st('CLAIM_CONTEXT_NONE', params), []);
  const best = scored[0]!;
  const f = best.f;
  const reasons = [reason(f)];
  if (best.against > 0 && best.hit === 0) return judge(r.negated ? 'supported' : 'contradicted', st('CLAIM_CONTEXT_NOT_SEEN', { ...params, notSeenIn: f.notSeenIn.join(', ') }), reasons);
  if (r.excluded.length > 0 && best.excludedOk === 0 && words([...f.context, f.endpoint]).has(r.excluded[0]!)) return judge('contradicted', st('CLAIM_CONTEXT_SEEN_IN_EXCLUDED', params), reasons);
  if (!speciesFits(r.species, f.evidence, f.species)) return judge('insufficient-evidence', st('CLAIM_CONTEXT_OTHER_SPECIES', { ...params, found: f.species }), reasons);
  const opposite = (r.predicate === 'increase' && f.direction === 'decrease') || (r.predicate === 'decrease' && f.direction === 'increase' && !/pain|latency|antinocicept/.test(f.endpoint));
  if (opposite) return judge('contradicted', st('CLAIM_CONTEXT_OPPOSITE', { ...params, direction: f.direction }), reasons);
  if (r.negated) return judge('contradicted', st('CLAIM_CONTEXT_HELD', params), reasons);
  return supportedWithCaveat(r, st('CLAIM_CONTEXT_HELD', params), reasons, [f.species]);
}

function reason(f: Finding) {
  return st('CLAIM_REASON_FINDING', { title: f.title, species: f.species, notSeenIn: f.notSeenIn.join('; ') }, f.evidence, [f.source]);
}
