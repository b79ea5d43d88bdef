/**
 * Entity recognition over the KB's names: substances (names, synonyms, brands, slang), substance classes,
 * targets and enzymes, classes of them ("opioid receptors", "liver enzymes"), effect classes, jurisdictions and
 * species. Longest match wins; a single long word within a small edit distance of a substance name is read as
 * that substance (typos: "mitragynin", "kratum").
 */
import type { KbIndex } from '../../kb/kb-index.js';
import { namesOf, normalizeName } from '../../kb/names.js';
import type { Target } from '../../kb/types.js';
import { levenshtein } from '../../units/units.js';
import { isKnownWord, lemmatise } from './lemma.js';
import { foldTypography } from './normalise.js';
import {
  ANY_MEDICINE,
  EFFECT_ALIASES,
  ENZYME_CLASSES,
  EVERYWHERE,
  FUNCTION_WORDS,
  JURISDICTION_ALIASES,
  SPECIES_WORDS,
  SUBSTANCE_CLASS_ALIASES,
  TARGET_CLASS_ALIASES,
} from './lexicon-en.js';
import type { Entity, EntityType, Token } from './types.js';

interface LexEntry {
  type: EntityType;
  ids: string[];
  label: string;
  /** Short or ambiguous names are read only when written in capitals (MG, DEA …). */
  capsOnly?: boolean;
  /** Lower wins among entries of one key (a name beats a synonym; a target beats a substance slang). */
  rank: number;
}

interface Lexicon {
  byKey: Map<string, LexEntry[]>;
  maxLen: number;
  /** Single-word substance names for typo matching. */
  fuzzy: { word: string; entry: LexEntry }[];
  /** First words of multi-word names that belong to one substance only ("nitrous" of nitrous oxide). */
  heads: Map<string, LexEntry | null>;
}

/** Common English words that are also slang names: read as the substance only in context (never on their own). */
const AMBIGUOUS = new Set(['pay', 'ice', 'acid', 'herb', 'speed', 'crystal', 'blow', 'dope', 'wax', 'bud', 'dab', 'mit', 'sc', 'sg', 'mp', 'ma', 'ee', 'dea', 'e', 'h', 'k', 'g', 'nos', 'm1', 'esl', 'mhd', 'odv', 't4', 'thom', 'grass', 'x', 'smack', 'coke', 'molly', 'pot']);
/** Ambiguous names that are still worth reading in lower case (forum spelling). */
const LOWER_OK = new Set(['pot', 'coke', 'molly', 'grass', 'smack', 'acid', 'speed']);
/** Short slang that is no English word and names one substance, read in lower case too ("mix Xanax with oxy"). */
const SHORT_LOWER_OK = new Set(['oxy']);

const key = (words: string[]): string => words.join(' ');
const keysOf = (name: string): string[] => {
  const n = normalizeName(foldTypography(name));
  if (!n) return [];
  const words = n.split(' ');
  const base = [key(words), key(words.map(lemmatise)), words.join('')];
  // "Alcohol dehydrogenase (class I)" is also read without its parenthesis.
  const bare = normalizeName(foldTypography(name.replace(/\s*\([^)]*\)\s*/g, ' ')));
  if (bare && bare !== n) base.push(bare, bare.replace(/ /g, ''));
  // "P-glycoprotein (P-gp, MDR1)": each name in the parenthesis is a name too.
  for (const inner of name.match(/\(([^)]*)\)/g) ?? [])
    for (const alias of inner.slice(1, -1).split(/[,;]/)) {
      const a = normalizeName(foldTypography(alias));
      if (a.length >= 3 && !/^(class|type|subtype|unspecified)/.test(a)) base.push(a, a.replace(/ /g, ''));
    }
  return [...new Set(base)];
};

function add(lex: Lexicon, k: string, e: LexEntry): void {
  if (!k) return;
  const list = lex.byKey.get(k) ?? [];
  if (!list.some((x) => x.type === e.type && x.ids.join() === e.ids.join())) list.push(e);
  lex.byKey.set(k, list);
  lex.maxLen = Math.max(lex.maxLen, k.split(' ').length);
}

function classTargets(kb: KbIndex, word: string): Target[] {
  return kb.data.targets.filter((t) => (t.kind === 'receptor' || t.kind === 'ion-channel' || t.kind === 'transporter') && normalizeName(`${t.name} ${t.family ?? ''}`).includes(word));
}

const cache = new WeakMap<KbIndex, Lexicon>();
export function lexiconOf(kb: KbIndex): Lexicon {
  const hit = cache.get(kb);
  if (hit) return hit;
  const lex: Lexicon = { byKey: new Map(), maxLen: 1, fuzzy: [], heads: new Map() };
  const RANK = { name: 0, id: 0, synonym: 1, brand: 1, latin: 1, slang: 2 } as const;
  for (const s of kb.allSubstances()) {
    const type: EntityType = s.kind === 'class' ? 'substance-class' : 'substance';
    const ids = type === 'substance-class' ? kb.allSubstances().filter((m) => m.classes.includes(s.id)).map((m) => m.id) : [s.id];
    for (const n of namesOf(s)) {
      const norm = normalizeName(n.name);
      const ambiguous = AMBIGUOUS.has(norm);
      const capsOnly = (norm.length <= 3 && !/\d/.test(norm) && n.type !== 'name' && n.type !== 'id' && !SHORT_LOWER_OK.has(norm)) || (ambiguous && !LOWER_OK.has(norm));
      // Ties go to the compound or medicine over a product of it ("7-OH" is the alkaloid before the concentrated product).
      const e: LexEntry = { type, ids, label: s.name, capsOnly, rank: RANK[n.type] + (type === 'substance-class' ? 0.5 : 0) + (s.kind === 'metabolite' ? 0.05 : 0) + (s.kind === 'product' ? 0.1 : 0) };
      for (const k of keysOf(n.name)) add(lex, k, e);
      if (!norm.includes(' ') && norm.length >= 6 && !ambiguous) lex.fuzzy.push({ word: norm, entry: e });
      const head = norm.split(' ')[0]!;
      if (type === 'substance' && norm.includes(' ') && head.length >= 6 && !/\d/.test(head)) {
        const prev = lex.heads.get(head);
        lex.heads.set(head, prev === undefined || (prev && prev.ids[0] === s.id) ? e : null);
      }
    }
    if (type === 'substance-class') for (const k of keysOf(s.id.replace(/-/g, ' '))) add(lex, k, { type, ids, label: s.name, rank: 1 });
  }
  for (const [alias, classId] of Object.entries(SUBSTANCE_CLASS_ALIASES)) {
    const cls = kb.substance(classId);
    if (!cls) continue;
    const ids = kb.allSubstances().filter((m) => m.classes.includes(classId)).map((m) => m.id);
    for (const k of keysOf(alias)) add(lex, k, { type: 'substance-class', ids, label: cls.name, rank: 1 });
  }
  const medicines = kb.allSubstances().filter((m) => m.kind === 'medicine').map((m) => m.id);
  for (const phrase of ANY_MEDICINE) for (const k of keysOf(phrase)) add(lex, k, { type: 'substance-class', ids: medicines, label: 'other medications', rank: 2 });
  for (const t of kb.data.targets) {
    const names = [t.name, t.id, ...t.synonyms];
    for (const n of names) {
      const norm = normalizeName(n);
      const capsOnly = norm.length <= 3 && !/\d/.test(norm);
      const e: LexEntry = { type: 'target', ids: [t.id], label: t.synonyms[0] && t.synonyms[0].length <= 8 ? t.synonyms[0] : t.name, capsOnly, rank: 0 };
      for (const k of keysOf(n)) add(lex, k, e);
      // "mu opioid agonist": a receptor's name without the word receptor, when something specific remains.
      if (/ receptor$/.test(norm) && norm.split(' ').length >= 3) for (const k of keysOf(n.replace(/\s*receptor$/i, ''))) add(lex, k, { ...e, rank: 0.3 });
      // "CB1 receptor", "D2 receptors": the name followed by its kind word.
      if (t.kind !== 'enzyme' && !norm.endsWith('receptor')) for (const k of keysOf(`${n} receptor`)) add(lex, k, { ...e, capsOnly: false });
      if (t.kind === 'enzyme') for (const k of keysOf(`${n} enzyme`)) add(lex, k, { ...e, capsOnly: false });
      // "a CB1 blocker", "CB1 antagonist": the target named as what blocks it.
      if (t.kind !== 'enzyme') for (const w of ['antagonist', 'blocker']) for (const k of keysOf(`${n} ${w}`)) add(lex, k, { ...e, capsOnly: false });
    }
  }
  // Target classes: "<word> receptors" for every family word the KB's targets carry, and everyday aliases.
  for (const [alias, word] of Object.entries(TARGET_CLASS_ALIASES)) {
    const ts = classTargets(kb, word);
    if (ts.length < 1) continue;
    const label = `${word === 'mu opioid' ? 'mu opioid' : word} receptors`;
    for (const suffix of ['receptor', 'system', 'site', 'pathway', 'antagonist', 'blocker', 'agonist']) for (const k of keysOf(`${alias} ${suffix}`)) add(lex, k, { type: 'target-class', ids: ts.map((t) => t.id), label, rank: 0.5 });
  }
  for (const [alias, c] of Object.entries(ENZYME_CLASSES)) {
    const ts = kb.data.targets.filter((t) => (c.kinds ?? []).includes(t.kind) || c.families.some((f) => normalizeName(t.family ?? '').startsWith(f)));
    if (ts.length === 0) continue;
    for (const k of keysOf(alias)) add(lex, k, { type: 'target-class', ids: ts.map((t) => t.id), label: c.label, rank: 0.5 });
  }
  // CYP subfamilies ("CYP3A", "CYP2C"): the enzymes whose id starts with them.
  const subfamilies = new Set(kb.data.targets.filter((t) => /^cyp\d[a-z]\d+$/.test(t.id)).map((t) => t.id.replace(/\d+$/, '')));
  for (const sf of subfamilies) {
    const ts = kb.data.targets.filter((t) => t.id.startsWith(sf) && /\d$/.test(t.id));
    for (const k of [sf, `${sf} enzyme`]) add(lex, k, { type: 'target-class', ids: ts.map((t) => t.id), label: sf.toUpperCase(), rank: 0.5 });
  }
  // Effects: the KB's names and ids, and everyday names.
  for (const e of kb.data.effects) {
    for (const n of [e.name, e.id.replace(/-/g, ' ')]) for (const k of keysOf(n)) add(lex, k, { type: 'effect', ids: [e.id], label: e.name, rank: 0 });
  }
  for (const [alias, word] of Object.entries(EFFECT_ALIASES)) {
    const es = kb.data.effects.filter((e) => normalizeName(`${e.id} ${e.name}`).includes(word));
    if (es.length === 0) continue;
    for (const k of keysOf(alias)) add(lex, k, { type: 'effect', ids: es.map((e) => e.id), label: es[0]!.name, rank: 0.5 });
  }
  // Named harms in risk notes ("cannabinoid hyperemesis syndrome"): an effect a risk record stands for.
  for (const r of kb.data.risks)
    if (r.kind === 'other' || r.kind === 'hepatotoxicity') for (const k of keysOf(r.title)) if (k.split(' ').length >= 2) add(lex, k, { type: 'effect', ids: [`risk:${r.id}`], label: r.title, rank: 0.2 });
  // Jurisdictions: names from the legal records, ISO codes (capitals only), everyday names.
  const names = new Map<string, string>();
  for (const l of kb.data.legal) names.set(l.jurisdiction, l.jurisdictionName);
  for (const [code, name] of names) {
    for (const k of keysOf(name.replace(/\s*\(.*\)$/, ''))) add(lex, k, { type: 'jurisdiction', ids: [code], label: name, rank: 0 });
    for (const k of keysOf(code)) add(lex, k, { type: 'jurisdiction', ids: [code], label: name, capsOnly: true, rank: 1 });
  }
  for (const [alias, code] of Object.entries(JURISDICTION_ALIASES))
    for (const k of keysOf(alias)) add(lex, k, { type: 'jurisdiction', ids: [code], label: names.get(code) ?? code, rank: 0.5, capsOnly: alias.length <= 2 && alias !== 'us' && alias !== 'uk' });
  for (const w of EVERYWHERE) add(lex, w, { type: 'jurisdiction', ids: ['*'], label: 'everywhere', rank: 0 });
  for (const [w, sp] of Object.entries(SPECIES_WORDS)) add(lex, w, { type: 'species', ids: [sp], label: sp, rank: 3 });
  add(lex, 'in vitro', { type: 'species', ids: ['in-vitro'], label: 'in vitro', rank: 0 });
  add(lex, 'in vivo', { type: 'species', ids: ['in-vivo'], label: 'in vivo', rank: 0 });
  add(lex, 'test tube', { type: 'species', ids: ['in-vitro'], label: 'in vitro', rank: 0 });
  cache.set(kb, lex);
  return lex;
}

const isCaps = (raw: string): boolean => raw === raw.toUpperCase() && /[A-Z]/.test(raw);

/** The entities in a token stream, left to right, longest match first. */
/** "Other medications" as an entity at token `at`: what a claim means when it names one substance and an interaction. */
export function anyMedicineEntity(kb: KbIndex, at: number): Entity {
  const ids = kb.allSubstances().filter((m) => m.kind === 'medicine').map((m) => m.id);
  return { type: 'substance-class', ids, label: 'other medications', from: at, to: at + 1 };
}

export function findEntities(kb: KbIndex, tokens: Token[]): Entity[] {
  const lex = lexiconOf(kb);
  const out: Entity[] = [];
  let i = 0;
  while (i < tokens.length) {
    let found: Entity | undefined;
    for (let n = Math.min(lex.maxLen, tokens.length - i); n >= 1 && !found; n--) {
      const span = tokens.slice(i, i + n);
      if (span.some((t) => t.norm.length === 1 && !/[a-z0-9]/.test(t.norm))) continue;
      const keys = spanKeys(span);
      for (const k of keys) {
        const cands = (lex.byKey.get(k) ?? []).filter((e) => !e.capsOnly || span.every((t) => isCaps(t.raw) || /^\d+$/.test(t.norm)));
        // A short name after a number is a unit ("300 mg"), not a substance.
        const prev = tokens[i - 1];
        const ok = cands.filter((e) => !(prev && /^\d+(\.\d+)?$/.test(prev.norm) && n === 1 && span[0]!.norm.length <= 3 && e.type !== 'target'));
        if (ok.length === 0) continue;
        ok.sort((a, b) => a.rank - b.rank);
        const best = ok[0]!;
        found = { type: best.type, ids: best.ids, label: best.label, from: i, to: i + n };
        break;
      }
    }
    if (!found) found = headEntity(lex, tokens[i]!, i) ?? fuzzyEntity(lex, tokens[i]!, i);
    if (found) {
      out.push(found);
      i = found.to;
    } else i++;
  }
  // "Smoking weed", "smoking cannabis": a route word before a substance is how it is taken, not tobacco smoke (whose
  // synonyms include "smoking"); the substance that follows is the one meant.
  return out.filter((e, k) => {
    const next = out[k + 1];
    const routeOnly = e.to - e.from === 1 && ROUTE_WORDS.has(tokens[e.from]!.norm);
    return !(routeOnly && next && next.from === e.to && (next.type === 'substance' || next.type === 'substance-class'));
  });
}

const ROUTE_WORDS = new Set(['smoking', 'smoke', 'smoked', 'vaping', 'vape', 'drinking', 'chewing', 'snorting']);

/** Keys a span may match: as written, as base forms, joined; with a possessive merged ("John's" → johns) and a plural dropped ("SSRIs"). */
function spanKeys(span: Token[]): string[] {
  const norms = span.map((t) => t.norm);
  // A name never ends in a possessive: "clopidogrel's" is clopidogrel followed by 's.
  if (norms.at(-1) === "'s") return [];
  const merged: string[] = [];
  for (const w of norms) if (w === "'s" && merged.length) merged[merged.length - 1] += 's'; else merged.push(w);
  const keys = [key(norms), key(span.map((t) => t.lemma)), norms.join(''), key(merged), merged.join('')];
  const last = norms.at(-1) ?? '';
  if (last.length > 3 && last.endsWith('s')) keys.push(key([...merged.slice(0, -1), last.slice(0, -1)]));
  return [...new Set(keys)];
}

function headEntity(lex: Lexicon, t: Token, i: number): Entity | undefined {
  const e = lex.heads.get(t.norm);
  if (!e || lex.byKey.has(t.norm) || isKnownWord(t.lemma) || FUNCTION_WORDS.has(t.norm)) return undefined;
  return { type: e.type, ids: e.ids, label: e.label, from: i, to: i + 1 };
}

function fuzzyEntity(lex: Lexicon, t: Token, i: number): Entity | undefined {
  const w = t.norm;
  if (w.length < 6 || FUNCTION_WORDS.has(w) || isKnownWord(t.lemma) || /\d/.test(w)) return undefined;
  const allowed = w.length <= 8 ? 1 : 2;
  let best: { d: number; e: LexEntry } | undefined;
  for (const f of lex.fuzzy) {
    if (Math.abs(f.word.length - w.length) > allowed) continue;
    const d = levenshtein(w, f.word);
    if (d <= allowed && (!best || d < best.d || (d === best.d && f.entry.rank < best.e.rank))) best = { d, e: f.entry };
  }
  return best ? { type: best.e.type, ids: best.e.ids, label: best.e.label, from: i, to: i + 1 } : undefined;
}
