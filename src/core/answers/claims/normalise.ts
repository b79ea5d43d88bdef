/**
 * Claim text → tokens: Unicode quotes and dashes folded, contractions expanded ("isn't" → is not), lower case,
 * British spellings folded to American (metabolised → metabolized), each token with its base form and its
 * offsets in the original text (so a page can highlight the words read).
 */
import { lemmatise } from './lemma.js';
import type { Token } from './types.js';

/** Contractions and forum spellings without the apostrophe, as the words they stand for. */
const CONTRACTIONS: Record<string, string[]> = {
  "isn't": ['is', 'not'], isnt: ['is', 'not'], "aren't": ['are', 'not'], arent: ['are', 'not'],
  "wasn't": ['was', 'not'], wasnt: ['was', 'not'], "weren't": ['were', 'not'],
  "doesn't": ['does', 'not'], doesnt: ['does', 'not'], "don't": ['do', 'not'], dont: ['do', 'not'],
  "didn't": ['did', 'not'], didnt: ['did', 'not'], "won't": ['will', 'not'], wont: ['will', 'not'],
  "can't": ['can', 'not'], cant: ['can', 'not'], cannot: ['can', 'not'], "couldn't": ['could', 'not'],
  "shouldn't": ['should', 'not'], "wouldn't": ['would', 'not'], "hasn't": ['has', 'not'], "haven't": ['have', 'not'],
  "ain't": ['is', 'not'], "it's": ['it', 'is'], "that's": ['that', 'is'], "there's": ['there', 'is'],
  "you're": ['you', 'are'], "they're": ['they', 'are'], "we're": ['we', 'are'], "i'm": ['i', 'am'], im: ['i', 'am'],
  "you'll": ['you', 'will'], "it'll": ['it', 'will'], "won't've": ['will', 'not'], "nothin'": ['nothing'],
};

/** British stems written with -ise / -isation in British English. */
const ISE_STEMS = ['metabol', 'legal', 'decriminal', 'criminal', 'recogn', 'character', 'sensit', 'synthes', 'util', 'minim', 'maxim', 'optim', 'hospital', 'stabil', 'neutral', 'normal', 'organ', 'real', 'summar', 'categor', 'standard', 'authori', 'emphas', 'special', 'apolog', 'prioriti', 'ionis', 'glucuronid', 'hydroxyl', 'methyl', 'demethyl', 'sulfat', 'conjug'];
const BRITISH: [RegExp, string][] = [
  [/^(behavi|flav|col|hum|fav|neighb|lab|rum|tum|od|vap)our(s|ed|ing)?$/, '$1or$2'],
  [/^an(a)?esthe/, 'anesthe'],
  [/^haem/, 'hem'],
  [/^oes/, 'es'],
  [/^paed/, 'ped'],
  [/^foet/, 'fet'],
  [/^(ana|para|cata)lys(e|es|ed|ing)$/, '$1lyz$2'],
  [/^licence(s|d)?$/, 'license$1'],
  [/^programme(s)?$/, 'program$1'],
  [/^sulph/, 'sulf'],
  [/^centre(s)?$/, 'center$1'],
  [/^litre(s)?$/, 'liter$1'],
  [/^(milli|micro)?gramme(s)?$/, '$1gram$2'],
  [/^ageing$/, 'aging'],
];

export function americanSpelling(w: string): string {
  for (const stem of ISE_STEMS)
    if (w.startsWith(stem)) {
      const rest = w.slice(stem.length);
      const m = /^is(e|es|ed|ing|er|ers|ation|ations)$/.exec(rest);
      if (m) return `${stem}iz${m[1]}`;
    }
  for (const [re, to] of BRITISH) if (re.test(w)) return w.replace(re, to);
  return w;
}

/** Folds typographic characters so one tokeniser reads them all. */
export function foldTypography(s: string): string {
  return s
    .replace(/[\u2018\u2019\u02bc`´]/g, "'")
    .replace(/[\u201c\u201d\u201e«»]/g, '"')
    .replace(/[\u2010-\u2015]/g, '-')
    .replace(/[Δδ]/g, 'delta')
    .replace(/[µμ]/g, 'mu')
    .replace(/[κ]/g, 'kappa')
    .replace(/[σ]/g, 'sigma')
    .replace(/[α]/g, 'alpha')
    .replace(/[β]/g, 'beta')
    .replace(/×/g, 'x');
}

// A word: letters and digits (dots between digits, apostrophes of contractions); or one punctuation mark.
// Hyphens split words ("5-HT1A" → 5 ht1a, "non-addictive" → non addictive), as KB names are normalised.
const WORD = /[\p{L}\p{N}]+(?:(?:\.(?=\p{N})|['\u2019\u02bc](?=\p{L}))[\p{L}\p{N}]+)*['\u2019]?|[?.!;:,()/&+%"\u201c\u201d]/gu;

export function tokenise(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(WORD)) {
    const start = m.index;
    const end = m.index + m[0].length;
    let w = foldTypography(m[0]).toLowerCase();
    if (w.endsWith("'") && w.length > 1) w = w.slice(0, -1);
    const parts = CONTRACTIONS[w] ?? splitPossessive(w);
    for (const p of parts) {
      const norm = americanSpelling(p);
      out.push({ raw: m[0], norm, lemma: lemmatise(norm), start, end });
    }
  }
  return out;
}

/** "kratom's" → kratom 's; "mg's" stays one word. */
function splitPossessive(w: string): string[] {
  if (w.endsWith("'s") && w.length > 2) return [w.slice(0, -2), "'s"];
  return [w.replace(/'/g, '')];
}
