/**
 * The claim grammar: tokens and entities → a reading of one claim (its kind, predicate, subjects, objects and
 * qualifiers), or null when no kind fits. Kinds are chosen by what the sentence names (substances, targets,
 * effects, places) and by its cue words, not by fixed sentence shapes, so word order and filler words vary freely.
 */
import type { KbIndex } from '../../kb/kb-index.js';
import { anyMedicineEntity, findEntities } from './entities.js';
import { contextVocabulary, contrastVocabulary } from './context-words.js';
import { Cues, SUBSTANCE, contextWords, ctxWord, dedupe, doses, exclusivityOf, magnitudeIsBound, magnitudeOf, relationPredicate, scopeEndOf, speciesOf, unknownPlaceOf } from './grammar-parts.js';
import {
  AFFECT, BENEFIT, CAUSE, COMBINE, CONTEXT_SYNONYMS, DAMAGE, DANGER, ONLY_IDIOMS, SAFE_IDIOMS, DEPENDENCE_CUES, EXPOSURE_DOWN, EXPOSURE_NOUNS, EXPOSURE_UP, FEDERAL, INTERACT,
  LEGAL_CUES, NEGATION, PAIR_RELATED, PAIR_UNRELATED, QUESTION_START, RELATION_CUES, SAFE, TREAT, USE_ADULT, USE_MEDICAL,
} from './lexicon-en.js';
import type { ClaimKind, Entity, Reading, Token } from './types.js';

export interface Parse {
  reading: Reading | null;
  entities: Entity[];
  /** Token indices the grammar read (entities and cue words). */
  used: Set<number>;
}

const TARGET = new Set(['target', 'target-class']);
/** Strong legality words: enough on their own; weaker ones ("controlled", "prescription") need a place. */
const STRONG_LEGAL = new Set(['legal', 'illegal', 'ban', 'prohibit', 'outlaw', 'lawful', 'unlawful', 'legalize', 'decriminalize', 'criminalize', 'illicit', 'schedule', 'scheduled', 'forbidden']);

/** Read one claim. */
export function readClaim(kb: KbIndex, tokens: Token[]): Parse {
  const entities = findEntities(kb, tokens);
  const c = new Cues(tokens, entities.filter((e) => e.type !== 'species'));
  for (const e of entities) for (let i = e.from; i < e.to; i++) c.used.add(i);
  const of = (types: Set<string>): Entity[] => entities.filter((e) => types.has(e.type));
  const subs = dedupe(of(SUBSTANCE));
  // "by/in the liver" names liver enzymes only beside a metabolism verb ("metabolised by the liver"); "builds up in
  // the liver" says nothing about enzymes.
  const metabolismVerb = tokens.some((t) => ['metabolize', 'metabolism', 'break', 'broken', 'process', 'clear', 'eliminate', 'degrade'].includes(t.lemma));
  const targets = of(TARGET).filter((e) => metabolismVerb || !(tokens[e.from]?.norm === 'by' || tokens[e.from]?.norm === 'in'));
  const effects = of(new Set(['effect']));
  // "wrecks your liver", "bad for the liver": liver injury named by a harm verb beside the organ.
  const liver = tokens.findIndex((t) => t.lemma === 'liver');
  if (effects.length === 0 && liver >= 0 && tokens.some((t) => DAMAGE.has(t.lemma) || DAMAGE.has(t.norm))) {
    const ids = kb.data.effects.filter((e) => /hepat|liver/.test(e.id)).map((e) => e.id);
    if (ids.length) effects.push({ type: 'effect', ids, label: kb.data.effects.find((e) => e.id === ids[0])!.name, from: liver, to: liver + 1 });
  }
  const places = of(new Set(['jurisdiction']));
  const species = speciesOf(tokens, entities);
  const question = tokens.at(-1)?.norm === '?' || (QUESTION_START.has(tokens[0]?.lemma ?? '') && tokens.length > 2 && !['not'].includes(tokens[1]?.norm ?? ''));
  const base = (kind: ClaimKind, predicate: string, subjects: Entity[], objects: Entity[]): Reading => ({
    kind, predicate, subjects, objects, negated: false, question, species, context: [], excluded: [],
  });
  const inEntity = (i: number): boolean => entities.some((e) => i >= e.from && i < e.to);
  // Negation and exclusivity belong to the first clause that makes the claim ("X lowers Y, never raises it").
  const scopeEnd = scopeEndOf(tokens, entities);
  const idiomTokens = new Set<number>();
  const idioms = (list: string[][]): boolean => {
    let hit = false;
    for (const ph of list) for (const at of c.phrases(ph)) { hit = true; for (let j = 0; j < ph.length; j++) idiomTokens.add(at + j); }
    return hit;
  };
  const safeIdiom = idioms(SAFE_IDIOMS);
  const onlyIdiom = idioms(ONLY_IDIOMS);
  const negations = (skip: Set<number> = new Set()): number =>
    c.take(c.any(NEGATION).filter((i) => !skip.has(i) && !idiomTokens.has(i) && !inEntity(i) && i < scopeEnd)).length;
  const excl = onlyIdiom ? 'only' : exclusivityOf(c, scopeEnd);
  /** Negations among the few words before a cue ("is not legal", "has no potential for dependence", "non-addictive"). */
  const negationsNear = (cue: number): number => {
    const from = Math.max(0, cue - 5);
    return c.take(c.any(NEGATION).filter((i) => i >= from && i <= cue && !idiomTokens.has(i) && !inEntity(i))).length;
  };
  // "less addictive than opioids", "stronger than morphine": a comparison the KB's records cannot rank.
  const than = tokens.findIndex((t) => t.norm === 'than');
  // Only against another substance ("than opioids"); "more than doubles" is a size.
  const comparison = than > 0 && entities.some((e) => SUBSTANCE.has(e.type) && (e.from === than + 1 || (e.from === than + 2 && ['the', 'a', 'an', 'regular', 'most', 'other'].includes(tokens[than + 1]!.norm)))) && tokens.slice(Math.max(0, than - 3), than).some((t) => ['less', 'more', 'worse', 'better', 'safer', 'weaker', 'stronger', 'higher', 'lower', 'riskier'].includes(t.norm) || /er$/.test(t.norm));
  const done = (r: Reading): Parse => {
    if (comparison) r.comparison = true;
    return { reading: r, entities, used: c.used };
  };
  if (subs.length === 0) return { reading: null, entities, used: c.used };

  // Legality: a legal word and a place, or a strong legal word.
  const legal = c.any(LEGAL_CUES).filter((i) => !['study', 'trial', 'experiment'].includes(tokens[i + 1]?.lemma ?? ''));
  const federal = c.any(FEDERAL);
  if (legal.length > 0 && (places.length > 0 || federal.length > 0 || legal.some((i) => STRONG_LEGAL.has(tokens[i]!.lemma) || STRONG_LEGAL.has(tokens[i]!.norm)))) {
    c.take([...legal, ...federal]);
    const w = tokens[legal[0]!]!;
    let status = LEGAL_CUES[w.lemma] ?? LEGAL_CUES[w.norm]!;
    // The negation that belongs to the legal word is right before it ("not legal", "isn't banned").
    const neg = negationsNear(legal[0]!) % 2 === 1;
    if (neg) status = status === 'legal' ? 'illegal' : 'legal';
    const unknownPlace = places.length === 0 && federal.length === 0 ? unknownPlaceOf(tokens, entities) : undefined;
    const r = base('legality', status, [subs[0]!], unknownPlace ? [unknownPlace] : places.length ? places : federal.length ? [{ type: 'jurisdiction', ids: ['US'], label: 'United States (federal)', from: federal[0]!, to: federal[0]! + 1 }] : []);
    const allStates = c.phrase(['all', '50', 'state']) >= 0 || c.phrase(['every', 'state']) >= 0 || c.phrase(['all', 'state']) >= 0;
    if (allStates) r.objects = [{ type: 'jurisdiction', ids: ['US-*'], label: 'every US state', from: 0, to: 0 }];
    if (r.objects.some((o) => o.ids.includes('*'))) r.exclusivity = 'everywhere';
    if (allStates) r.exclusivity = 'everywhere';
    const med = c.take(c.any(USE_MEDICAL));
    const adult = c.take(c.any(USE_ADULT));
    r.use = med.length ? 'medical' : adult.length ? 'adult' : undefined;
    return done(r);
  }

  // Dependence, addiction, withdrawal, tolerance.
  const dep = c.find((w) => Object.hasOwn(DEPENDENCE_CUES, w) || w === 'habit-forming');
  if (dep.length > 0 && effects.length === 0) {
    c.take(dep);
    const treat = c.take(c.any(TREAT));
    const kindWord = DEPENDENCE_CUES[tokens[dep[0]!]!.lemma] ?? DEPENDENCE_CUES[tokens[dep[0]!]!.norm] ?? 'dependence';
    const r = base('dependence', treat.length ? 'treats-withdrawal' : kindWord, [subs[0]!], []);
    r.negated = negationsNear(dep[0]!) % 2 === 1;
    return done(r);
  }

  // Effects: a substance (or two, "together") and an effect class.
  if (effects.length > 0) {
    const treat = c.take(c.any(TREAT).filter((i) => !inEntity(i)));
    c.take(c.any(CAUSE));
    c.take(c.any(COMBINE));
    const r = base('effect', treat.length ? 'treat' : 'cause', subs, [effects[0]!]);
    r.negated = negations() % 2 === 1;
    if (excl) r.exclusivity = excl;
    return done(r);
  }

  // "CBD has no drug interactions", "kratom interacts with everything": one substance and an interaction word, read
  // against medicines in general, as "… with other medications" would be.
  if (subs.length === 1 && targets.length === 0) {
    const ix = c.any(INTERACT).filter((i) => !inEntity(i));
    if (ix.length > 0) {
      subs.push(anyMedicineEntity(kb, ix[0]!));
      c.take(c.any(['drug', 'medication', 'medicine', 'med', 'anything', 'everything']).filter((i) => !inEntity(i)));
    }
  }

  // "Kratom is safe", "CBD is harmless", "7-OH is dangerous": one substance judged safe or not, with nothing it is
  // combined with, no effect named and no benefit claimed.
  if (subs.length === 1 && targets.length === 0 && c.any([...BENEFIT, ...TREAT, ...COMBINE]).length === 0) {
    const safeIdx = c.any(SAFE).filter((i) => !inEntity(i) && !['good', 'cool'].includes(tokens[i]!.lemma));
    const dangerIdx = c.any(DANGER).filter((i) => !inEntity(i));
    if (safeIdx.length + dangerIdx.length > 0 || (safeIdiom && c.any(INTERACT).length === 0)) {
      c.take([...safeIdx, ...dangerIdx]);
      const neg = negations() % 2 === 1;
      const claimsSafe = (dangerIdx.length === 0) !== neg;
      return done(base('safety', claimsSafe ? 'safe' : 'dangerous', [subs[0]!], []));
    }
  }

  // "Kratom is an opioid", "kratom is a kind of opioid", "kratom works like an opioid": a substance and a class
  // with nothing else said of them.
  if (subs.length === 2 && subs[0]!.type === 'substance' && subs[1]!.type === 'substance-class' && targets.length === 0) {
    const between = tokens.slice(subs[0]!.to, subs[1]!.from).map((t) => t.lemma);
    const like = between.some((w) => ['like', 'similar', 'mimic'].includes(w));
    const isA = between.some((w) => ['be', 'count', 'classify', 'consider'].includes(w));
    const other = c.any([...INTERACT, ...SAFE, ...DANGER, ...COMBINE, ...EXPOSURE_UP, ...EXPOSURE_DOWN]).filter((i) => !inEntity(i) && tokens[i]!.lemma !== 'like');
    if ((like || isA) && other.length === 0 && c.any(PAIR_UNRELATED).length === 0) {
      c.take(c.any(['like', 'similar', 'mimic', 'kind', 'type', 'form', 'class', 'work', 'act', 'a', 'an']));
      const r = base('membership', like ? 'like' : 'member', [subs[0]!], [subs[1]!]);
      r.negated = negations() % 2 === 1;
      return done(r);
    }
  }

  if (subs.length >= 2) {
    // Pair: unrelated / related / shared receptors or enzymes.
    const unrelatedIdx = c.any(PAIR_UNRELATED);
    const nothingInCommon = c.phrase(['nothing', 'in', 'common']) >= 0 || c.phrase(['nothing', 'to', 'do']) >= 0;
    const relatedIdx = c.any(PAIR_RELATED).filter((i) => tokens[i]!.lemma !== 'both' || targets.length > 0 || c.any(['share', 'same', 'common']).length > 0);
    // "X and Y: A turns into B", "7-OH converts to pseudoindoxyl": a conversion, read as a finding in context.
    const converts = c.phrase(['turn', 'into']) >= 0 || c.any(['convert', 'become', 'transform']).length > 0 || c.phrase(['metabolize', 'into']) >= 0 || c.phrase(['metabolize', 'to']) >= 0;
    if (converts) {
      c.take(c.any(['turn', 'into', 'convert', 'become', 'transform', 'to']));
      const r = base('context', 'converts', [subs[0]!], [subs[1]!]);
      r.context = contextWords(kb, tokens, c);
      r.negated = negations() % 2 === 1;
      return done(r);
    }
    const exposureIdx = c.any(EXPOSURE_NOUNS).filter((i) => !['effect', 'strong', 'weak'].includes(tokens[i]!.lemma) || c.any([...EXPOSURE_UP, ...EXPOSURE_DOWN]).length > 0);
    // "Fluconazole has no effect on warfarin", "does kratom affect oxycodone": between two substances, an effect verb or
    // noun without levels or a direction is a claim that they interact (or, negated, that they do not).
    const affectIdx = targets.length === 0 && exposureIdx.length === 0 && c.any([...EXPOSURE_UP, ...EXPOSURE_DOWN]).length === 0 ? c.any(AFFECT) : [];
    const interactIdx = [...c.any(INTERACT), ...affectIdx];
    const safeIdx = c.any(SAFE);
    const dangerIdx = c.any(DANGER);
    const benefitIdx = c.any(BENEFIT);
    const scope = c.any(['receptor', 'target', 'site']).length ? 'targets' : c.any(['enzyme', 'metabolize', 'metabolism', 'liver', 'cyp', 'p450']).length ? 'enzymes' : 'any';
    const relationVerb = c.any(RELATION_CUES).length > 0;
    const shareCue = relatedIdx.length > 0 || (targets.length > 0 && !relationVerb);
    if (unrelatedIdx.length > 0 || nothingInCommon || (shareCue && interactIdx.length + safeIdx.length + dangerIdx.length + exposureIdx.length === 0)) {
      const un = c.take(unrelatedIdx);
      c.take(relatedIdx);
      c.take(c.any(['common', 'do', 'system', 'receptor', 'enzyme', 'target', 'pathway', 'mechanism', 'work', 'act']));
      const neg = negations(new Set(un)) % 2 === 1;
      const unrelated = (un.length > 0 || nothingInCommon) !== neg;
      const r = base('pair', unrelated ? 'unrelated' : 'related', subs.slice(0, 2), targets.slice(0, 1));
      r.context = [scope];
      return done(r);
    }
    if (targets.length === 0 && (exposureIdx.length > 0 || c.any([...EXPOSURE_UP, ...EXPOSURE_DOWN]).filter((i) => !['high', 'low'].includes(tokens[i]!.lemma)).length > 0)) {
      if (interactIdx.length + safeIdx.length + dangerIdx.length === 0 || exposureIdx.length > 0) return done(readExposure(c, base, subs, tokens, negations));
    }
    if (interactIdx.length + safeIdx.length + dangerIdx.length + benefitIdx.length > 0 || safeIdiom || c.any(COMBINE).filter((i) => tokens[i]!.lemma !== 'with' || subs.length === 2).length > 0) {
      c.take([...interactIdx, ...safeIdx, ...dangerIdx, ...benefitIdx, ...c.any(COMBINE)]);
      const neg = negations() % 2 === 1;
      let predicate: string;
      if (safeIdiom && dangerIdx.length === 0) predicate = neg ? 'dangerous' : 'safe';
      else if (benefitIdx.length) predicate = 'benefit';
      else if (dangerIdx.length) predicate = neg ? 'safe' : 'dangerous';
      else if (safeIdx.length) predicate = neg ? 'dangerous' : 'safe';
      else if (interactIdx.length) predicate = 'interact';
      else predicate = neg ? 'dangerous' : 'safe'; // "never mix X and Y" / "you can mix X with Y"
      const r = base('interaction', predicate, subs.slice(0, 2), []);
      r.negated = predicate === 'interact' && neg;
      return done(r);
    }
  }

  // "A CB1 blocker reversed mitragynine's learning deficits": an effect blocked at a target (a finding in context).
  const blockerWord = c.find((w) => ['blocker', 'antagonist', 'blocking', 'antagonism'].includes(w), true);
  const reversal = c.any(['reverse', 'abolish', 'prevent', 'cancel', 'block']).filter((i) => !blockerWord.includes(i)).length > 0;
  if (targets.length > 0 && blockerWord.length > 0 && reversal) {
    c.take([...blockerWord, ...c.any(['reverse', 'abolish', 'prevent', 'cancel', 'block', 'by'])]);
    const r = base('context', 'blocked-by', [subs[0]!], targets.slice(0, 1));
    r.context = contextWords(kb, tokens, c);
    r.negated = negations() % 2 === 1;
    return done(r);
  }

  // A receptor named together with a context some finding contrasts ("in inflammatory pain") is a finding in context,
  // not a bare relation: fall through to the context reading below.
  const contrast = contrastVocabulary(kb);
  const contrastWords = c.find((w) => contrast.has(w) || contrast.has(CONTEXT_SYNONYMS[w] ?? '')).filter((i) => !inEntity(i));
  // Relations (and exclusivity): a substance and a target, enzyme, transporter or class of them.
  if (targets.length > 0 && contrastWords.length === 0) {
    const predicate = relationPredicate(c);
    const r = base(excl ? 'exclusivity' : 'relation', predicate, subs.slice(0, 1), targets);
    r.negated = negations() % 2 === 1;
    if (excl) r.exclusivity = excl;
    // "SSRIs never mess with liver enzymes": a negated relation with a class means none of its members.
    if (r.negated && !excl && targets[0]!.type === 'target-class') {
      r.kind = 'exclusivity';
      r.exclusivity = 'any';
    }
    return done(r);
  }

  // Findings in context: the substance and words the KB's findings use (neuropathic, memory, in mice …).
  const vocab = contextVocabulary(kb);
  const ctx = c.find((w) => vocab.has(w) || vocab.has(CONTEXT_SYNONYMS[w] ?? '')).filter((i) => !inEntity(i));
  if (ctx.length > 0) {
    c.take(ctx);
    c.take(c.any(TREAT));
    const but = tokens.findIndex((t, i) => (t.norm === 'not' && i > 0 && ['but', 'and', ','].includes(tokens[i - 1]!.norm)) || t.norm === 'except' || t.norm === 'unlike');
    const inc = ctx.filter((i) => but < 0 || i < but).map((i) => ctxWord(tokens[i]!, vocab));
    const exc = but < 0 ? [] : ctx.filter((i) => i > but).map((i) => ctxWord(tokens[i]!, vocab));
    const r = base('context', c.any(EXPOSURE_DOWN).length || c.any(TREAT).length ? 'decrease' : c.any(EXPOSURE_UP).length ? 'increase' : 'show', subs, []);
    r.context = [...inc, ...doses(tokens)];
    r.excluded = exc;
    r.negated = negations(new Set(but >= 0 ? [but] : [])) % 2 === 1;
    return done(r);
  }
  return { reading: null, entities, used: c.used };
}

function readExposure(c: Cues, base: (k: ClaimKind, p: string, s: Entity[], o: Entity[]) => Reading, subs: Entity[], tokens: Token[], negations: () => number): Reading {
  const up = c.take(c.any(EXPOSURE_UP));
  const down = c.take(c.any(EXPOSURE_DOWN));
  c.take(c.any(EXPOSURE_NOUNS));
  c.take(c.any(['make', 'by', 'cause']));
  // The victim is the substance whose levels are named ("midazolam exposure", "levels of midazolam", "kratom's").
  const victimScore = (e: Entity): number => {
    // What directly follows the name ("midazolam levels", "kratom's", "THC blood levels"), unless a verb comes first.
    const after = EXPOSURE_UP.has(tokens[e.to]?.lemma ?? '') || EXPOSURE_DOWN.has(tokens[e.to]?.lemma ?? '') ? [] : tokens.slice(e.to, e.to + 2).map((t) => t.lemma);
    const before = tokens.slice(Math.max(0, e.from - 3), e.from).map((t) => t.lemma);
    return (after.some((w) => EXPOSURE_NOUNS.has(w) || w === "'s") ? 2 : 0) + (before.some((w) => ['level', 'exposure', 'concentration', 'of'].includes(w)) ? 1 : 0) + (before.includes('by') ? -3 : 0);
  };
  const [a, b] = subs as [Entity, Entity];
  const context: string[] = [];
  if (c.phrase(['active', 'metabolite']) >= 0) context.push('active-metabolite');
  if (c.any(['strong', 'weak', 'effective', 'potent', 'effect', 'work']).length > 0) context.push('effect');
  const victim = victimScore(b) >= victimScore(a) ? b : a;
  const perp = victim === a ? b : a;
  const dir = up.length && !down.length ? 1 : down.length && !up.length ? -1 : up.length && down.length ? (Math.min(...up) < Math.min(...down) ? 1 : -1) : 1;
  // "Quitting smoking raises clozapine levels": stopping the perpetrator undoes its effect, so the claim is that the
  // perpetrator moves levels the other way while it is taken.
  const stopping = tokens.slice(Math.max(0, perp.from - 2), perp.from).some((t) => ['quit', 'quitting', 'stop', 'stopping', 'cessation'].includes(t.norm) || t.lemma === 'quit');
  const sign = stopping ? -dir : dir;
  if (stopping) context.push('stopping');
  const r = base('exposure', sign > 0 ? 'raise' : 'lower', [perp], [victim]);
  r.magnitude = magnitudeOf(tokens, dir);
  if (stopping && r.magnitude !== undefined) r.magnitude = 1 / r.magnitude;
  if (r.magnitude !== undefined && magnitudeIsBound(tokens)) r.magnitudeBound = true;
  r.context = context;
  if (r.magnitude !== undefined && r.magnitude < 1 && sign > 0) r.predicate = 'lower';
  r.negated = negations() % 2 === 1;
  return r;
}

