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
