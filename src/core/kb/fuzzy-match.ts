import { fail } from '../errors.js';
import type { KbIndex } from './kb-index.js';
import type { Substance } from './types.js';
import { levenshtein } from '../units/units.js';
import { namesOf, normalizeName, type NameType } from './names.js';

export interface SearchHit {
  id: string;
  name: string;
  kind: Substance['kind'];
  /** The name that matched (a synonym, brand, slang or Latin name, or the name itself). */
  matched: string;
  matchType: NameType;
  /** 1 for an exact match, lower for prefix, substring and typo matches. */
  score: number;
}

interface Entry {
  norm: string;
  raw: string;
  type: NameType;
  sub: Substance;
}

const cache = new WeakMap<KbIndex, Entry[]>();
function entries(kb: KbIndex): Entry[] {
  let e = cache.get(kb);
  if (!e) {
    e = kb.allSubstances().flatMap((sub) =>
      namesOf(sub).map((n) => ({ norm: normalizeName(n.name), raw: n.name, type: n.type, sub })),
    );
    cache.set(kb, e);
  }
  return e;
}

function scoreOf(q: string, name: string): number {
  if (q === name) return 1;
  if (name.startsWith(q)) return 0.9 - Math.min(0.2, (name.length - q.length) * 0.01);
  if (name.split(' ').some((w) => w.startsWith(q))) return 0.8 - Math.min(0.2, (name.length - q.length) * 0.005);
  if (q.length >= 4 && name.includes(q)) return 0.7;
  // Typo tolerance: edit distance against the whole name and against each word.
  const cands = [name, ...name.split(' ')];
  let best = Infinity;
  for (const c of cands) best = Math.min(best, levenshtein(q, c));
  const allowed = q.length <= 4 ? 1 : q.length <= 8 ? 2 : 3;
  if (best <= allowed) return 0.6 - best * 0.1;
  return 0;
}

const KIND_BONUS: Record<Substance['kind'], number> = {
  plant: 0.02,
  medicine: 0.015,
  compound: 0.01,
  product: 0.005,
  metabolite: 0,
  class: -0.01,
};

/** Typo-tolerant search over names, synonyms, brands, slang and Latin names. Best first. */
export function searchSubstances(kb: KbIndex, query: string, limit = 10): SearchHit[] {
  const q = normalizeName(query);
  if (!q) return [];
  const best = new Map<string, SearchHit>();
  for (const e of entries(kb)) {
    const s = scoreOf(q, e.norm);
    if (s <= 0) continue;
    const score = Math.round((s + KIND_BONUS[e.sub.kind]) * 1000) / 1000;
    const prev = best.get(e.sub.id);
    if (!prev || score > prev.score)
      best.set(e.sub.id, { id: e.sub.id, name: e.sub.name, kind: e.sub.kind, matched: e.raw, matchType: e.type, score });
  }
  return [...best.values()].sort((a, b) => b.score - a.score || a.name.localeCompare(b.name)).slice(0, limit);
}

/**
 * Resolve a user-typed name to one substance: exact (normalised) name, synonym, brand or slang match.
 * Anything else throws INPUT_UNKNOWN_SUBSTANCE with the nearest names as suggestions.
 */
export function resolveSubstance(kb: KbIndex, query: string, field = 'substance'): Substance {
  const q = normalizeName(query);
  const exact = entries(kb).filter((e) => e.norm === q);
  if (exact.length > 0) {
    // Prefer the substance whose own name or id matches, then plants/medicines over metabolites.
    exact.sort(
      (a, b) =>
        Number(b.type === 'name' || b.type === 'id') - Number(a.type === 'name' || a.type === 'id') ||
        KIND_BONUS[b.sub.kind] - KIND_BONUS[a.sub.kind],
    );
    return exact[0]!.sub;
  }
  const hits = searchSubstances(kb, query, 5);
  const suggestions = hits.map((h) => h.name);
  fail('INPUT_UNKNOWN_SUBSTANCE', { field, query, suggestions: suggestions.slice(0, 3) }, { field, suggestions });
}
