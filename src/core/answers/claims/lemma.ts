/**
 * A small English lemmatiser for claim text: plurals and verb forms to their base, checked against the words the
 * grammar knows (`KNOWN`), so `inhibited` → `inhibit`, `metabolizes` → `metabolize`, `benzos` → `benzo`.
 * Unknown words get the plain suffix rules; a wrong base there is harmless (the grammar never looks for it).
 */

/** Irregular forms. */
const IRREGULAR: Record<string, string> = {
  is: 'be', are: 'be', was: 'be', were: 'be', been: 'be', being: 'be', am: 'be',
  does: 'do', did: 'do', done: 'do', doing: 'do',
  has: 'have', had: 'have', having: 'have',
  makes: 'make', made: 'make', making: 'make',
  gets: 'get', got: 'get', gotten: 'get', getting: 'get',
  bound: 'bind', binds: 'bind', binding: 'bind',
  led: 'lead', leads: 'lead',
  mice: 'mouse', people: 'person', men: 'man', women: 'woman', children: 'child', feet: 'foot',
  brought: 'bring', took: 'take', taken: 'take', gave: 'give', given: 'give', went: 'go', gone: 'go',
  fell: 'fall', fallen: 'fall', rose: 'rise', risen: 'rise', shown: 'show', showed: 'show', seen: 'see', saw: 'see',
  worse: 'bad', stronger: 'strong', weaker: 'weak', higher: 'high', lower: 'low',
};

/** Words that end like an inflection but are not one. */
const KEEP = new Set([
  'cannabis', 'this', 'his', 'is', 'was', 'has', 'does', 'gas', 'us', 'thus', 'plus', 'bus', 'virus', 'status', 'vs', 'ms', 'less', 'unless',
  'across', 'process', 'access', 'analysis', 'synthesis', 'tolerance', 'dose', 'always', 'perhaps', 'nervous', 'various', 'serious',
  'dangerous', 'previous', 'obvious', 'famous', 'hepatitis', 'diagnosis', 'sepsis', 'psychosis', 'stasis', 'emesis', 'hyperemesis',
  'kratoms', 'as', 'yes', 'does', 'tetrahydrocannabinol', 'red', 'bed', 'need', 'speed', 'seed', 'weed', 'feed', 'bleed', 'indeed',
  'united', 'limited', 'hundred', 'kindred', 'sacred', 'naked', 'wicked', 'sophisticated', 'less', 'ecstasy', 'during', 'nothing',
  'something', 'anything', 'everything', 'thing', 'king', 'ring', 'sing', 'bring', 'spring', 'string', 'morning', 'evening', 'ping',
  'news', 'series', 'species', 'lsd', 'ghb', 'gbl', 'mdma', 'cbd', 'thc', 'cbn', 'cbg', 'nmda', 'gaba', 'ugt', 'cyp', 'alprazolam',
]);

/** Base forms the grammar reads; candidates found here win. Filled by the lexicon (registerKnown). */
const KNOWN = new Set<string>();
export function registerKnown(words: Iterable<string>): void {
  for (const w of words) KNOWN.add(w);
}

const VOWEL = /[aeiou]/;
function candidates(w: string): string[] {
  const c: string[] = [];
  if (w.endsWith('ies') && w.length > 4) c.push(`${w.slice(0, -3)}y`);
  if (w.endsWith('es')) c.push(w.slice(0, -2), w.slice(0, -1));
  if (w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is')) c.push(w.slice(0, -1));
  if (w.endsWith('ied')) c.push(`${w.slice(0, -3)}y`);
  if (w.endsWith('ed') && w.length > 4) {
    const s = w.slice(0, -2);
    c.push(s, `${s}e`, w.slice(0, -1));
    if (s.length > 2 && s.at(-1) === s.at(-2)) c.push(s.slice(0, -1));
  }
  if (w.endsWith('ing') && w.length > 5) {
    const s = w.slice(0, -3);
    c.push(s, `${s}e`);
    if (s.length > 2 && s.at(-1) === s.at(-2)) c.push(s.slice(0, -1));
  }
  return c;
}

/** The base form of one lower-case word. */
export function lemmatise(w: string): string {
  if (IRREGULAR[w]) return IRREGULAR[w];
  if (KNOWN.has(w) || KEEP.has(w) || w.length <= 3 || /\d/.test(w)) return w;
  const cs = candidates(w);
  const known = cs.find((x) => KNOWN.has(x));
  if (known) return known;
  // Unknown word: the plain rules, most specific first.
  if (w.endsWith('ies') && w.length > 4) return `${w.slice(0, -3)}y`;
  if (/(ches|shes|sses|xes|zes)$/.test(w)) return w.slice(0, -2);
  if (w.endsWith('s') && !/(ss|us|is|ous)$/.test(w)) return w.slice(0, -1);
  if (w.endsWith('ed') && w.length > 4 && VOWEL.test(w.slice(0, -2))) return w.slice(0, -2);
  if (w.endsWith('ing') && w.length > 5 && VOWEL.test(w.slice(0, -3))) return w.slice(0, -3);
  return w;
}

/** Whether the grammar knows this base form (such words are never read as misspelt names). */
export function isKnownWord(w: string): boolean {
  return KNOWN.has(w) || KEEP.has(w);
}
