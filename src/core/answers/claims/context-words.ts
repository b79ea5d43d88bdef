/**
 * The words the KB's findings use for their contexts and endpoints (neuropathic, inflammatory, memory, reward …):
 * a claim naming a substance and one of these is read as a finding in context.
 */
import type { KbIndex } from '../../kb/kb-index.js';
import { normalizeName } from '../../kb/names.js';
import { lemmatise } from './lemma.js';
import { FUNCTION_WORDS } from './lexicon-en.js';

/** Words too general to mark a finding (they appear in every kind of claim). */
const GENERAL = new Set(['plasma', 'exposure', 'dose', 'oral', 'single', 'effect', 'chronic', 'acute', 'high', 'low', 'human', 'male', 'female', 'study', 'response', 'relative', 'percentage', 'related', 'product', 'products', 'profile', 'formation', 'after', 'with', 'between', 'among', 'during', 'plus', 'like']);

const cache = new WeakMap<KbIndex, Set<string>>();
export function contextVocabulary(kb: KbIndex): Set<string> {
  const hit = cache.get(kb);
  if (hit) return hit;
  const words = new Set<string>();
  for (const f of kb.data.findings)
    for (const text of [...f.context, ...f.notSeenIn, f.endpoint, f.model])
      for (const w of normalizeName(text).split(' ')) {
        const l = lemmatise(w);
        if (w.length >= 4 && !/\d/.test(w) && !FUNCTION_WORDS.has(w) && !GENERAL.has(w) && !GENERAL.has(l)) words.add(l);
      }
  cache.set(kb, words);
  return words;
}

/** Words of a not-seen context that name a mechanism or a measurement, not a context ("CYP2C19 inhibitor", "parent"). */
const NOT_CONTRAST = new Set(['inhibitor', 'inhibition', 'inhibit', 'substrate', 'parent', 'carrier', 'conversion', 'much', 'smaller', 'plasma', 'exposure', 'chronic', 'acute', 'dose', 'level']);

/**
 * Words that mark a contrast some finding draws — a context where its effect was NOT seen ("inflammatory" beside
 * "neuropathic"). A claim naming one of these is about a finding in context even when it also names a receptor:
 * "mitragynine's relief of inflammatory pain goes through cannabinoid receptors".
 */
const contrastCache = new WeakMap<KbIndex, Set<string>>();
export function contrastVocabulary(kb: KbIndex): Set<string> {
  const hit = contrastCache.get(kb);
  if (hit) return hit;
  const all = contextVocabulary(kb);
  const words = new Set<string>();
  for (const f of kb.data.findings)
    for (const w of normalizeName(f.notSeenIn.join(' ')).split(' ')) {
      const l = lemmatise(w);
      if (all.has(l) && !NOT_CONTRAST.has(l) && !NOT_CONTRAST.has(w)) words.add(l);
    }
  contrastCache.set(kb, words);
  return words;
}
