import { fail } from '../errors.js';
import type { KbIndex } from './kb-index.js';
import type { Substance } from './types.js';
import { levenshtein } from '../units/units.js';
import { namesOf, normalizeName, type NameType } from './names.js';

/**
 * How a name matched, strongest first. Tiers never mix: every `exact` hit outranks every `prefix` hit, which
 * outranks every `typo` hit, so a recorded street name ("spice") can never lose to a near-spelling of some
 * other drug's name ("ice").
 */
export type MatchTier = 'exact' | 'prefix' | 'typo';

export interface SearchHit {
  id: string;
  name: string;
  kind: Substance['kind'];
  /** The name that matched (a synonym, brand, slang or Latin name, or the name itself). */
  matched: string;
  matchType: NameType;
  tier: MatchTier;
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

/** Shortest query or name that typo matching considers: "k2" must never become "K" (ketamine), nor "spice" "ice". */
const MIN_TYPO_LENGTH = 4;
/** A query found inside a name (not at a word's start) counts from this length. */
const MIN_INNER_LENGTH = 5;

/** Edits allowed between a query and a name, by the shorter of the two (a typo is a small share of the word). */
function allowedEdits(len: number): number {
  if (len < MIN_TYPO_LENGTH) return 0;
  if (len <= 5) return 1;
  if (len <= 11) return 2;
  return 3;
}

/**
 * Same word up to spacing and a plural "s": "7oh" = "7-OH", "somas" = Soma, "nitazene" = nitazenes. The plural
 * needs at least 4 letters on the shorter side, so "gs" is not "G".
 */
function sameWord(q: string, name: string): boolean {
  if (q === name || q.replace(/ /g, '') === name.replace(/ /g, '')) return true;
  const [short, long] = q.length < name.length ? [q, name] : [name, q];
  return short.length >= MIN_TYPO_LENGTH && long === `${short}s`;
}

/** Within a tier, a substance's own name ranks above its synonyms, brands and slang (tie-breaks only). */
const TYPE_BONUS: Record<NameType, number> = { name: 0.03, id: 0.03, synonym: 0.02, brand: 0.02, slang: 0.01, latin: 0.01 };

/**
 * Street slang is short and close to other slang ("barbs" is one letter from Xanax's "bars"), so a typo may only
 * land on slang of at least this many letters ("trank" still finds "tranq").
 */
const MIN_SLANG_TYPO_LENGTH = 5;
/** Score taken off a typo match whose first letter differs from the query's (half an edit). */
const FIRST_LETTER_PENALTY = 0.05;

function match(q: string, name: string, type: NameType): { tier: MatchTier; score: number } | null {
  if (sameWord(q, name)) return { tier: 'exact', score: 0.96 };
  if (name.startsWith(q)) return { tier: 'prefix', score: 0.9 - Math.min(0.1, (name.length - q.length) * 0.005) };
  const words = name.split(' ');
  if (words.some((w) => w.startsWith(q))) return { tier: 'prefix', score: 0.78 - Math.min(0.1, (name.length - q.length) * 0.003) };
  // Inside a word only from five letters: four letters inside a long chemical name are chance ("THCA" sits inside
  // "methcathinone").
  if (q.length >= MIN_INNER_LENGTH && name.includes(q)) return { tier: 'prefix', score: 0.62 };
  // Typos: against the whole name first (0.5 − 0.1 per edit), then against each word of a longer name (0.4 − …).
  // A typo in the first letter is rarer than one later in the word, so on equal edits the name that keeps the
  // first letter ranks higher ("trank" is nearer "tranq" than "crank").
  const minLen = type === 'slang' ? MIN_SLANG_TYPO_LENGTH : MIN_TYPO_LENGTH;
  const firstLetter = (c: string): number => (c[0] === q[0] ? 0 : FIRST_LETTER_PENALTY);
  const whole = levenshtein(q, name);
  if (name.length >= minLen && whole <= allowedEdits(Math.min(q.length, name.length))) return { tier: 'typo', score: 0.5 - whole * 0.1 - firstLetter(name) };
  let best = -Infinity;
  for (const w of words.length > 1 ? words : []) {
    if (w.length < minLen) continue;
    const d = levenshtein(q, w);
    if (d <= allowedEdits(Math.min(q.length, w.length))) best = Math.max(best, 0.4 - d * 0.1 - firstLetter(w));
  }
  return best > -Infinity ? { tier: 'typo', score: best } : null;
}

const KIND_BONUS: Record<Substance['kind'], number> = {
  plant: 0.005,
  medicine: 0.004,
  compound: 0.003,
  product: 0.002,
  metabolite: 0,
  class: 0.001,
};

/**
 * Search names, synonyms, brands, slang and Latin names, best first: exact matches, then prefix and substring
 * matches, then typos. When anything matches exactly, typo matches are left out, so a known street name is
 * never shown beside an unrelated drug that happens to be spelled like it. Queries under 4 letters never
 * match by typo. Example: `searchSubstances(kb, 'tranq')[0].id === 'xylazine'`.
 */
export function searchSubstances(kb: KbIndex, query: string, limit = 10): SearchHit[] {
  const q = normalizeName(query);
  if (!q) return [];
  const best = new Map<string, SearchHit>();
  for (const e of entries(kb)) {
    const m = match(q, e.norm, e.type);
    if (!m) continue;
    const score = Math.round((m.score + TYPE_BONUS[e.type] + KIND_BONUS[e.sub.kind]) * 1000) / 1000;
    const prev = best.get(e.sub.id);
    if (!prev || score > prev.score)
      best.set(e.sub.id, { id: e.sub.id, name: e.sub.name, kind: e.sub.kind, matched: e.raw, matchType: e.type, tier: m.tier, score });
  }
  let hits = [...best.values()];
  if (hits.some((h) => h.tier === 'exact')) hits = hits.filter((h) => h.tier !== 'typo');
  // "Adderall XR", "codeine syrup", "CBD gummies": nothing matches the whole phrase, but it is a known name plus a
  // dosage form. Suggest what the name alone finds, a little lower (the form itself is not in the KB).
  if (hits.length === 0) {
    const words = q.split(' ');
    const core = words.filter((w) => !DOSAGE_FORM_WORDS.has(w));
    if (core.length > 0 && core.length < words.length)
      hits = searchSubstances(kb, core.join(' '), limit).map((h) => ({ ...h, tier: h.tier === 'exact' ? ('prefix' as const) : h.tier, score: Math.round(h.score * 0.85 * 1000) / 1000 }));
  }
  return hits.sort((a, b) => b.score - a.score || a.name.localeCompare(b.name)).slice(0, limit);
}

/** Dosage-form and release words that follow a medicine's name ("Adderall XR", "codeine syrup"). */
const DOSAGE_FORM_WORDS = new Set(['xr', 'er', 'sr', 'cr', 'xl', 'la', 'ir', 'odt', 'dr', 'ec', 'syrup', 'tablet', 'tablets', 'pill', 'pills', 'capsule', 'capsules', 'gummy', 'gummies', 'drops', 'liquid', 'solution', 'injection', 'patch', 'cream', 'spray', 'isolate', 'bar', 'bars', 'vape', 'cart', 'carts']);

/** One is a product, plant or parent of the other, or both carry the same constituent (cannabis and its flower). */
function related(kb: KbIndex, a: Substance, b: Substance): boolean {
  const parts = (s: Substance) => new Set([s.id, ...s.constituents.map((c) => c.substance), ...s.metabolites.map((m) => m.substance)]);
  const pa = parts(a);
  const pb = parts(b);
  if ([...pa].some((x) => pb.has(x))) return true;
  return kb.parentsOf(a.id).some((p) => p.id === b.id) || kb.parentsOf(b.id).some((p) => p.id === a.id);
}

/**
 * Resolve a user-typed name to one substance: an exact (normalised, plural-tolerant) name, id, synonym, brand,
 * slang or Latin name. Nothing is guessed: a near spelling throws INPUT_UNKNOWN_SUBSTANCE with the nearest
 * names as suggestions, and a name recorded for unrelated substances throws INPUT_AMBIGUOUS_SUBSTANCE with
 * the candidates. Example: `resolveSubstance(kb, 'K2').id === 'synthetic-cannabinoid'`.
 */
export function resolveSubstance(kb: KbIndex, query: string, field = 'substance'): Substance {
  const q = normalizeName(query);
  const exact = q ? entries(kb).filter((e) => sameWord(q, e.norm)) : [];
  if (exact.length > 0) {
    // The substance's own name or id settles it ("Epidiolex" is the medicine's name and a brand listed on CBD).
    const own = [...new Set(exact.filter((e) => e.type === 'name' || e.type === 'id').map((e) => e.sub))];
    if (own.length === 1) return own[0]!;
    const subs = [...new Set((own.length > 1 ? exact.filter((e) => own.includes(e.sub)) : exact).map((e) => e.sub))];
    if (subs.length === 1) return subs[0]!;
    // Forms of one thing ("weed": the plant and its flower) resolve to the most general record.
    if (subs.every((a) => subs.every((b) => a === b || related(kb, a, b))))
      return [...subs].sort((a, b) => KIND_BONUS[b.kind] - KIND_BONUS[a.kind] || a.name.localeCompare(b.name))[0]!;
    const candidates = subs.map((s) => s.name).sort();
    fail('INPUT_AMBIGUOUS_SUBSTANCE', { field, query, candidates }, { field, suggestions: candidates });
  }
  const hits = searchSubstances(kb, query, 5);
  const suggestions = hits.map((h) => h.name);
  fail('INPUT_UNKNOWN_SUBSTANCE', { field, query, suggestions: suggestions.slice(0, 3) }, { field, suggestions });
}
