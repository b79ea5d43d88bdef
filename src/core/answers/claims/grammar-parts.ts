/**
 * The claim grammar's parts: cue lookup over tokens (Cues), and the small readers of one aspect of a claim — its size,
 * doses, context words, the end of its first clause, an unknown place, the relation verb, exclusivity, species.
 */
import type { KbIndex } from '../../kb/kb-index.js';
import { contextVocabulary } from './context-words.js';
import { CONTEXT_SYNONYMS, DEPENDENCE_CUES, EXCLUSIVE, EXPOSURE_DOWN, EXPOSURE_UP, LEGAL_CUES, MULTIPLIER_WORDS, RELATION_CUES } from './lexicon-en.js';
import type { Entity, Reading, Token } from './types.js';

export const SUBSTANCE = new Set(['substance', 'substance-class']);

export class Cues {
  readonly used = new Set<number>();
  /** Tokens inside a name ("blood" of "blood thinners") are never cue words. */
  private readonly named = new Set<number>();
  constructor(readonly tokens: Token[], entities: Entity[] = []) {
    for (const e of entities) for (let i = e.from; i < e.to; i++) this.named.add(i);
  }
  /** Indices whose base form (or normalised form) passes the test, outside names (or inside too, with `withinNames`). */
  find(test: (w: string) => boolean, withinNames = false): number[] {
    const out: number[] = [];
    this.tokens.forEach((t, i) => {
      if ((withinNames || !this.named.has(i)) && (test(t.lemma) || test(t.norm))) out.push(i);
    });
    return out;
  }
  take(idx: number[]): number[] {
    for (const i of idx) this.used.add(i);
    return idx;
  }
  any(set: Set<string> | string[] | Record<string, unknown>): number[] {
    const has = Array.isArray(set) ? (w: string) => set.includes(w) : set instanceof Set ? (w: string) => set.has(w) : (w: string) => Object.hasOwn(set, w);
    return this.find(has);
  }
  /** Start indices of every occurrence of a phrase. */
  phrases(words: string[]): number[] {
    const out: number[] = [];
    for (let i = 0; i + words.length <= this.tokens.length; i++)
      if (words.every((w, j) => this.tokens[i + j]!.lemma === w || this.tokens[i + j]!.norm === w)) out.push(i);
    return out;
  }
  phrase(words: string[]): number {
    for (let i = 0; i + words.length <= this.tokens.length; i++)
      if (words.every((w, j) => this.tokens[i + j]!.lemma === w || this.tokens[i + j]!.norm === w)) return i;
    return -1;
  }
}

/** A claimed fold change: "doubles" → 2, "2x", "10 times", "3-fold", "by 50%" (with the direction's sign). */
/** "More than 90 %", "at least 3-fold", "over ten times": the size is a bound the change reaches, not a point. */
export function magnitudeIsBound(tokens: Token[]): boolean {
  for (let i = 0; i < tokens.length; i++) {
    const w = tokens[i]!.norm;
    const next = tokens[i + 1]?.norm;
    if ((w === 'more' || w === 'greater' || w === 'over' || w === 'above') && (next === 'than' || /^\d/.test(next ?? '') || w === 'over' || w === 'above')) return true;
    if (w === 'at' && (next === 'least')) return true;
  }
  return false;
}

export function magnitudeOf(tokens: Token[], dir: number): number | undefined {
  for (let i = 0; i < tokens.length; i++) {
    const w = tokens[i]!.norm;
    const m = /^(\d+(?:\.\d+)?)x$/.exec(w);
    if (m) return Number(m[1]);
    const num = /^\d+(?:\.\d+)?$/.test(w) ? Number(w) : undefined;
    const next = tokens[i + 1]?.lemma;
    if (num !== undefined && (next === 'x' || next === 'time' || next === 'fold')) return num;
    if (num !== undefined && next === '%') return dir < 0 ? Math.max(0.01, 1 - num / 100) : 1 + num / 100;
    const mult = MULTIPLIER_WORDS[tokens[i]!.lemma];
    if (mult) return mult;
  }
  return undefined;
}

/** Dose phrases of a claim ("600 mg", "300mg"), as findings write them. */
export function doses(tokens: Token[]): string[] {
  const out: string[] = [];
  tokens.forEach((t, i) => {
    const joined = /^(\d+(?:\.\d+)?)(mg|g)$/.exec(t.norm);
    if (joined) out.push(`${joined[1]} ${joined[2]}`);
    else if (/^\d+(\.\d+)?$/.test(t.norm) && ['mg', 'g'].includes(tokens[i + 1]?.norm ?? '')) out.push(`${t.norm} ${tokens[i + 1]!.norm}`);
  });
  return out;
}

export function contextWords(kb: KbIndex, tokens: Token[], c: Cues): string[] {
  const vocab = contextVocabulary(kb);
  const idx = c.find((w) => vocab.has(w) || vocab.has(CONTEXT_SYNONYMS[w] ?? '')).filter((i) => !c.used.has(i));
  return [...c.take(idx).map((i) => ctxWord(tokens[i]!, vocab)), ...doses(tokens)];
}

/** A context word as the findings write it ("painkilling" → pain). */
export const ctxWord = (t: Token, vocab: Set<string>): string => (vocab.has(t.lemma) ? t.lemma : vocab.has(t.norm) ? t.norm : (CONTEXT_SYNONYMS[t.lemma] ?? CONTEXT_SYNONYMS[t.norm] ?? t.lemma));

/** Where the first clause ends: a comma or linking word after the clause has a substance and something said of it. */
export function scopeEndOf(tokens: Token[], entities: Entity[]): number {
  const firstSub = entities.find((e) => SUBSTANCE.has(e.type));
  if (!firstSub) return tokens.length;
  for (let i = firstSub.to + 1; i < tokens.length; i++) {
    const w = tokens[i]!.norm;
    const next = tokens[i + 1]?.norm;
    if ((w === ',' || w === 'so' || w === 'because' || w === 'which' || w === 'since' || w === 'whereas' || (w === 'but' && next !== 'not')) && i > firstSub.to + 1) {
      const earlierOther = entities.some((e) => e.from > firstSub.from && e.from < i) || tokens.slice(firstSub.to, i).some((t) => RELATION_CUES[t.lemma] || EXPOSURE_UP.has(t.lemma) || EXPOSURE_DOWN.has(t.lemma) || LEGAL_CUES[t.lemma] || DEPENDENCE_CUES[t.lemma]);
      if (earlierOther) return i;
    }
  }
  return tokens.length;
}

/** "legal in Iceland": a capitalised place the KB does not know (answered as no record, never guessed). */
export function unknownPlaceOf(tokens: Token[], entities: Entity[]): Entity | undefined {
  for (let i = 0; i < tokens.length - 1; i++) {
    if (tokens[i]!.norm !== 'in') continue;
    let j = i + 1;
    if (tokens[j]?.norm === 'the') j++;
    const start = j;
    while (j < tokens.length && /^[A-Z]/.test(tokens[j]!.raw) && !entities.some((e) => j >= e.from && j < e.to)) j++;
    if (j > start) return { type: 'jurisdiction', ids: ['?'], label: tokens.slice(start, j).map((t) => t.raw).join(' '), from: start, to: j };
  }
  return undefined;
}

export function relationPredicate(c: Cues): string {
  const idx = c.any(RELATION_CUES);
  const breakDown = c.phrase(['break', 'down']) >= 0 || c.phrase(['broken', 'down']) >= 0;
  const preds = idx.map((i) => RELATION_CUES[c.tokens[i]!.lemma] ?? RELATION_CUES[c.tokens[i]!.norm]!);
  c.take(idx);
  if (breakDown) return 'substrate';
  for (const p of ['substrate', 'inhibit', 'induce', 'activate', 'block', 'bind', 'act']) if (preds.includes(p)) return p;
  return 'act';
}

export function exclusivityOf(c: Cues, scopeEnd: number): Reading['exclusivity'] {
  // "at all" is emphasis, not a quantifier.
  const idx = c.any(EXCLUSIVE).filter((i) => i < scopeEnd && !(c.tokens[i]!.norm === 'all' && c.tokens[i - 1]?.norm === 'at'));
  if (c.phrase(['nothing', 'but']) >= 0 || c.phrase(['nothing', 'other', 'than']) >= 0) return 'only';
  if (idx.length === 0) return undefined;
  c.take(idx);
  const w = c.tokens[idx[0]!]!;
  return EXCLUSIVE[w.lemma] ?? EXCLUSIVE[w.norm];
}

/** The species or system a claim names: only after "in", "on", "for" or "among" (people say …) or a fixed term. */
export function speciesOf(tokens: Token[], entities: Entity[]): string | undefined {
  for (const e of entities) {
    if (e.type !== 'species') continue;
    const prev = tokens[e.from - 1]?.norm ?? '';
    const fixed = ['in-vitro', 'in-vivo'].includes(e.ids[0]!) || ['clinical', 'preclinical', 'trial'].includes(tokens[e.from]!.lemma);
    if (fixed || ['in', 'on', 'for', 'among', 'with', 'to', 'human', 'healthy'].includes(prev)) return e.ids[0];
  }
  return undefined;
}

/** One entity per id set, in order (the same substance named twice is one subject). */
export function dedupe(es: Entity[]): Entity[] {
  const seen = new Set<string>();
  return es.filter((e) => {
    const k = e.ids.join();
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

