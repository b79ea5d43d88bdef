/**
 * The claim grammar on sentences written for it (not the labelled set): tokenising, spelling, negation, questions,
 * exclusivity, magnitude and species, each kind's reading, multi-claim text and unrecognized help (issue 13 §1–4).
 */
import { describe, expect, it } from 'vitest';
import { checkClaims, checkText } from '../../src/core/answers/claims/index.js';
import { readClaim } from '../../src/core/answers/claims/grammar.js';
import { lemmatise } from '../../src/core/answers/claims/lemma.js';
import { americanSpelling, tokenise } from '../../src/core/answers/claims/normalise.js';
import { renderClaimStatement } from '../../src/core/render/claims-en.js';
import { loadKb } from '../../src/store/kb-store.js';

const kb = loadKb();
const read = (text: string) => readClaim(kb, tokenise(text)).reading;
const verdict = (text: string) => checkText(kb, text).claims[0]!.verdict;

describe('tokens (REQ-13.1)', () => {
  it('expands contractions, with and without the apostrophe, and keeps offsets', () => {
    const t = tokenise("CBD doesn’t inhibit CYP3A4; kratom isnt addictive");
    expect(t.map((x) => x.norm)).toEqual(['cbd', 'does', 'not', 'inhibit', 'cyp3a4', ';', 'kratom', 'is', 'not', 'addictive']);
    expect(t[1]!.start).toBe(4);
    expect("CBD doesn’t inhibit".slice(t[1]!.start, t[1]!.end)).toBe('doesn’t');
  });
  it('folds British spellings and verb forms', () => {
    expect(americanSpelling('metabolised')).toBe('metabolized');
    expect(americanSpelling('behaviour')).toBe('behavior');
    expect(americanSpelling('raised')).toBe('raised');
    expect(lemmatise('metabolized')).toBe('metabolize');
    expect(lemmatise('inhibited')).toBe('inhibit');
    expect(lemmatise('receptors')).toBe('receptor');
    expect(lemmatise('doubles')).toBe('double');
    expect(lemmatise('cannabis')).toBe('cannabis');
  });
});

describe('entities (REQ-13.1)', () => {
  it('reads brands, slang and typos as their substance', () => {
    expect(read('Xanax is metabolised by CYP3A4')!.subjects[0]!.ids).toEqual(['alprazolam']);
    expect(read('ganja acts on CB1')!.subjects[0]!.ids).toEqual(['cannabis']);
    expect(read('mitragynin is metabolized by CYP3A4')!.subjects[0]!.ids).toEqual(['mitragynine']);
  });
  it('reads classes of targets, enzymes and substances', () => {
    expect(read('kratom acts on opioid receptors')!.objects[0]!.label).toBe('opioid receptors');
    expect(read('CBD inhibits liver enzymes')!.objects[0]!.ids).toEqual(expect.arrayContaining(['cyp3a4', 'cyp2c19', 'ugt1a9']));
    expect(read('benzos are metabolized by CYP3A4')!.subjects[0]!.type).toBe('substance-class');
  });
  it('never reads a unit after a number as a substance ("300 mg" is not mitragynine)', () => {
    const r = read('CBD at 300 mg lowers anxiety');
    expect(r!.subjects.map((s) => s.ids[0])).toEqual(['cbd']);
  });
});

describe('readings by kind (REQ-13.1)', () => {
  it.each([
    ['CBD inhibits CYP2D6', 'relation', 'inhibit'],
    ['Mitragynine is metabolized by CYP3A4', 'relation', 'substrate'],
    ['THC activates CB1 receptors', 'relation', 'activate'],
    ['Kratom only acts on opioid receptors', 'exclusivity', 'act'],
    ['Weed and kratom work on two completely separate systems', 'pair', 'unrelated'],
    ['THC and CBD both act on CB1', 'pair', 'related'],
    ['kratom is safe with alcohol', 'interaction', 'safe'],
    ['never mix xanax and alcohol', 'interaction', 'dangerous'],
    ['Rifampicin increases midazolam exposure', 'exposure', 'raise'],
    ['grapefruit makes midazolam stronger', 'exposure', 'raise'],
    ['Kratom causes respiratory depression', 'effect', 'cause'],
    ['you get withdrawals from kratom', 'dependence', 'withdrawal'],
    ['Kratom is legal everywhere', 'legality', 'legal'],
    ['weed is banned in Japan', 'legality', 'illegal'],
    ['Mitragynine relieves neuropathic pain but not inflammatory pain', 'context', 'decrease'],
  ])('%s → %s (%s)', (text, kind, predicate) => {
    const r = read(text);
    expect(r?.kind).toBe(kind);
    expect(r?.predicate).toBe(predicate);
  });
  it('reads the victim of an exposure claim from "levels of" and possessives, whatever the order', () => {
    const a = read('midazolam levels are raised by ketoconazole')!;
    expect([a.subjects[0]!.ids[0], a.objects[0]!.ids[0]]).toEqual(['ketoconazole', 'midazolam']);
    const b = read("ketoconazole raises midazolam's blood levels")!;
    expect([b.subjects[0]!.ids[0], b.objects[0]!.ids[0]]).toEqual(['ketoconazole', 'midazolam']);
  });
});

describe('negation, questions, exclusivity, magnitude, species (REQ-13.1)', () => {
  it('negation flips the verdict on the same fact', () => {
    expect(verdict('CBD inhibits CYP3A4')).toBe('supported');
    expect(verdict("CBD doesn't inhibit CYP3A4")).toBe('contradicted');
    expect(verdict('CBD does not inhibit CYP3A4')).toBe('contradicted');
    expect(verdict('kratom is addictive')).toBe('supported');
    expect(verdict('kratom is non-addictive')).toBe('contradicted');
  });
  it('a question is checked as the claim it asks about', () => {
    const r = read('Does CBD inhibit CYP2D6?')!;
    expect(r.question).toBe(true);
    expect(r.negated).toBe(false);
    expect(verdict('Does CBD inhibit CYP2D6?')).toBe('supported');
    expect(verdict('Is kratom safe with alcohol?')).toBe('contradicted');
  });
  it('idioms are not negations: "no problem" asserts safety, "nothing else" exclusivity, "at all" emphasis', () => {
    expect(read('you can mix oxycodone and diazepam, no problem')!.predicate).toBe('safe');
    expect(read('rifampicin only induces CYP3A4, nothing else')!.negated).toBe(false);
    expect(read("CBD doesn't inhibit CYP3A4 at all")!.exclusivity).toBeUndefined();
  });
  it('negation belongs to its clause ("lowers …, never raises them")', () => {
    const r = read('Rifampicin always lowers midazolam levels, never raises them')!;
    expect(r.predicate).toBe('lower');
    expect(r.negated).toBe(false);
  });
  it('reads magnitudes and species', () => {
    expect(read('ketoconazole doubles midazolam levels')!.magnitude).toBe(2);
    expect(read('itraconazole raises midazolam levels 10 times')!.magnitude).toBe(10);
    expect(read('itraconazole raises midazolam levels 3x in humans')!.species).toBe('human');
    expect(read('CBD raised mitragynine levels in rats')!.species).toBe('rat');
  });
  it('a claim naming people is not supported by rat evidence alone', () => {
    expect(verdict('CBD raises kratom levels')).toBe('supported');
    expect(verdict('CBD raises kratom levels in humans')).toBe('insufficient-evidence');
  });
});

describe('text with several claims (REQ-13.3)', () => {
  it('splits sentences and clauses, borrowing a missing subject, and counts verdicts', () => {
    const a = checkClaims(kb, 'Kratom only acts on opioid receptors and is not addictive. CBD inhibits CYP2D6! Is weed legal in Germany?');
    expect(a.claims.map((c) => c.reading?.kind)).toEqual(['exclusivity', 'dependence', 'relation', 'legality']);
    expect(a.claims.map((c) => c.judgement.verdict)).toEqual(['contradicted', 'contradicted', 'supported', 'supported']);
    expect(a.counts.contradicted).toBe(2);
    const t = checkText(kb, 'CBD inhibits CYP2D6');
    expect(t.verdict).toBe('supported');
    expect(checkText(kb, 'CBD inhibits CYP2D6. THC acts on CB1.').verdict).toBeUndefined();
  });
  it('splits a list of predicates and reads "it" as the last subject named', () => {
    const a = checkClaims(kb, 'Our premium kratom capsules are 100% natural, non-addictive and legal in all 50 states. It is safe with all medications.');
    expect(a.claims.map((c) => c.reading?.kind ?? null)).toEqual([null, 'dependence', 'legality', 'interaction']);
    expect(a.claims[2]!.reading!.predicate).toBe('legal');
    expect(a.claims.slice(1).map((c) => c.judgement.verdict)).toEqual(['contradicted', 'contradicted', 'contradicted']);
    expect(a.claims[0]!.unread).toEqual(expect.arrayContaining(['natural']));
  });
  it('a comparison between substances is insufficient evidence; "more than doubles" is a size', () => {
    const c = checkText(kb, 'Kratom is less addictive than opioids').claims[0]!;
    expect(c.reading!.qualifiers).toContain('a comparison');
    expect(c.verdict).toBe('insufficient-evidence');
    expect(read('Epidiolex more than doubles N-desmethylclobazam levels')!.comparison).toBeUndefined();
  });
  it('does not split at "St." or inside "X and Y interact"', () => {
    expect(checkClaims(kb, "St. John's wort induces CYP3A4").claims).toHaveLength(1);
    expect(checkClaims(kb, 'kratom and alcohol interact').claims).toHaveLength(1);
  });
});

describe('unrecognized answers help (REQ-13.4)', () => {
  it('names the words not read and offers the nearest kinds with examples', () => {
    const c = checkText(kb, 'kratom is a lovely plant from Thailand').claims[0]!;
    expect(c.verdict).toBe('unrecognized');
    expect(c.unread).toEqual(expect.arrayContaining(['lovely', 'plant']));
    expect(c.suggestions!.length).toBeGreaterThan(2);
    expect(c.suggestions!.every((s) => s.example.length > 5)).toBe(true);
    expect(c.suggestions!.some((s) => s.example.includes('Kratom'))).toBe(true);
  });
  it('every statement a check produces has English (no raw codes reach the reader)', () => {
    const text = [
      'CBD inhibits CYP2D6', 'Kratom only acts on opioid receptors', 'kratom is safe with alcohol', 'Rifampicin increases midazolam exposure',
      'Kratom has no potential for dependence', 'Kratom is legal everywhere', 'Kratom causes respiratory depression', 'cannabis and kratom have nothing in common',
      'Mitragynine relieves neuropathic pain but not inflammatory pain', 'kratom is a plant', 'Kratom is legal in Iceland', 'CBD and kratom are synergistic',
    ].join('. ');
    for (const c of checkClaims(kb, text).claims)
      for (const s of [c.judgement.headline, ...c.judgement.reasons, ...c.judgement.caveats]) expect(renderClaimStatement(s)).not.toBe(s.code);
  });
});

describe('input limits (REQ-13.3)', () => {
  it('rejects empty and oversized text, naming the field', () => {
    expect(() => checkClaims(kb, '  ')).toThrow(/claim/);
    expect(() => checkClaims(kb, 'x'.repeat(20_001))).toThrow(/text: 20001 characters; at most 20000/);
  });
});

describe('findings in context: a contrast the finding draws (REQ-13.1)', () => {
  it('a receptor named with a context the finding excludes is read as a finding in context, not a bare relation', () => {
    expect(verdict('Cannabinoid receptors are behind kratom\'s relief of inflammatory pain')).toBe('contradicted');
    expect(verdict('Mitragynine relieves neuropathic pain through cannabinoid mechanisms')).toBe('supported');
  });
  it('mechanism words in a not-seen context ("a CYP2C19 inhibitor") do not turn a relation question into a context claim', () => {
    expect(verdict('Is mitragynine a CYP2D6 inhibitor?')).toBe('supported');
  });
});

describe('session-10 shapes: safety of one substance, interactions without a second name, effect verbs, routes', () => {
  it('reads "X is safe / harmless / dangerous" as a safety claim and never supports safety', () => {
    expect(read('Kratom is basically harmless because it is a plant')).toMatchObject({ kind: 'safety', predicate: 'safe' });
    expect(read('Kratom is not dangerous')).toMatchObject({ kind: 'safety', predicate: 'safe' });
    expect(read('7-OH is dangerous')).toMatchObject({ kind: 'safety', predicate: 'dangerous' });
    // Human harms recorded (liver injury, dependence, withdrawal): a claim of safety is contradicted, of danger supported.
    expect(verdict('Kratom is safe')).toBe('contradicted');
    expect(verdict('Kratom is dangerous')).toBe('supported');
    const safe = checkText(kb, 'CBD is harmless').claims[0]!;
    expect(safe.reasons.length).toBeGreaterThan(0);
    expect(safe.caveats.join(' ')).toMatch(/never rates a substance as safe/);
    // A risk note about a combination (smoking and CYP1A2-cleared medicines) is not a harm of caffeine itself.
    expect(verdict('Caffeine is safe')).toBe('insufficient-evidence');
    // A benefit or a combination is not a safety claim about one substance.
    expect(read('Kratom is safe with alcohol')!.kind).toBe('interaction');
  });
  it('reads one substance with an interaction word as against other medications', () => {
    const r = read('CBD has no drug interactions')!;
    expect(r).toMatchObject({ kind: 'interaction', predicate: 'interact', negated: true });
    expect(r.subjects[1]!.label).toBe('other medications');
    const a = checkText(kb, 'CBD has no drug interactions').claims[0]!;
    expect(a.verdict).toBe('contradicted');
    // Studies that gave the two together come first (CBD raised N-desmethylclobazam in people).
    expect(a.reasons[0]!.text).toMatch(/^Observed in people: Cannabidiol →/);
  });
  it('reads an effect verb between two substances as an interaction claim', () => {
    expect(read('Fluconazole has no effect on warfarin')).toMatchObject({ kind: 'interaction', predicate: 'interact', negated: true });
    expect(read('Does kratom affect oxycodone?')).toMatchObject({ kind: 'interaction', predicate: 'interact', negated: false });
    expect(verdict('Fluconazole does not affect warfarin')).toBe('contradicted');
    // With levels and a direction it stays an exposure claim.
    expect(read('Grapefruit juice increases the effect of midazolam')!.kind).toBe('exposure');
  });
  it('reads "smoking weed" as cannabis, and "smoking" alone as tobacco smoke', () => {
    expect(read('Smoking weed with tramadol is fine')!.subjects.map((s) => s.ids[0])).toEqual(['cannabis', 'tramadol']);
    expect(read('Smoking lowers clozapine levels')!.subjects[0]!.ids).toEqual(['tobacco-smoke']);
  });
  it('holds a receptor claim on human data when only animal tissue disagrees, naming the disagreement', () => {
    const a = checkText(kb, 'Mitragynine activates the mu opioid receptor').claims[0]!;
    expect(a.verdict).toBe('supported');
    expect(a.caveats.join(' ')).toMatch(/rat tissue found the opposite action/);
    // In rats the records do conflict.
    expect(verdict('Mitragynine activates the mu opioid receptor in rats')).not.toBe('supported');
  });
});

describe('a prodrug made weaker', () => {
  it('judges "less effective" for a prodrug by its active metabolite, predicted when no study measured it', () => {
    const a = checkText(kb, 'Paroxetine can make codeine less effective').claims[0]!;
    expect(a.verdict).toBe('supported');
    // The reason is the active metabolite (morphine), not the parent's unchanged level; and it is labelled a prediction.
    expect(a.reasons[0]!.text).toMatch(/Paroxetine → Morphine exposure ×0\.\d+/);
    expect(a.caveats.join(' ')).toMatch(/predict/i);
  });
});

describe('session-10 shapes: organs, stopping, bounds and short slang', () => {
  it('reads "metabolised by the liver" as liver enzymes, but not "builds up in the liver"', () => {
    expect(read('Kratom is metabolized by the liver')).toMatchObject({ kind: 'relation', predicate: 'substrate' });
    expect(read('CBD is broken down in the liver')!.objects[0]!.label).toBe('liver enzymes');
    expect(read('Kratom builds up in the liver')?.kind).not.toBe('relation');
    expect(read('Kratom is bad for the liver')!.kind).toBe('effect');
  });
  it('reads "quitting X raises Y" as X lowering Y while taken', () => {
    const r = read('Quitting smoking can raise clozapine levels')!;
    expect(r).toMatchObject({ kind: 'exposure', predicate: 'lower' });
    expect(r.context).toContain('stopping');
    expect(verdict('Quitting smoking can raise clozapine levels')).toBe('supported');
  });
  it('treats "more than 90 %" and "at least 10-fold" as bounds, met by the largest observed change', () => {
    const r = read('Rifampicin reduces the exposure of oral midazolam by more than 90%')!;
    expect(r.magnitudeBound).toBe(true);
    expect(verdict('Rifampicin reduces the exposure of oral midazolam by more than 90%')).toBe('supported');
    expect(verdict('Ketoconazole increases midazolam exposure more than 10-fold')).toBe('supported');
    // A bound far beyond anything observed is still wrong.
    expect(verdict('Itraconazole raises midazolam levels at least 100 times')).toBe('contradicted');
  });
  it('reads short slang in lower case ("oxy") and "heavy drinking" as alcohol', () => {
    expect(read('It is fine to mix Xanax with oxy')!.subjects.map((s) => s.ids[0])).toEqual(['alprazolam', 'oxycodone']);
    expect(read('Heavy drinking damages your liver')!.subjects[0]!.ids).toEqual(['alcohol']);
    // "Drinking" before another substance is how it is taken.
    expect(read('Drinking grapefruit juice with atorvastatin is safe')!.subjects.map((s) => s.ids[0])).toEqual(['grapefruit-juice', 'atorvastatin']);
  });
});

describe('membership claims ("kratom is an opioid")', () => {
  it('reads a substance and a class with "is" or "like" and judges by the class list and the class targets', () => {
    expect(read('Kratom is an opioid')).toMatchObject({ kind: 'membership', predicate: 'member', negated: false });
    expect(read('Kratom is not an opioid')).toMatchObject({ kind: 'membership', negated: true });
    expect(read('Kratom works like an opioid')).toMatchObject({ kind: 'membership', predicate: 'like' });
    // Listed members.
    expect(verdict('Oxycodone is an opioid')).toBe('supported');
    expect(verdict('Xanax is a benzodiazepine')).toBe('supported');
    // Not listed, but acts where opioids act: the label is a matter of definition either way; "acts like" holds.
    expect(verdict('Kratom is an opioid')).toBe('insufficient-evidence');
    expect(verdict('Kratom is not an opioid')).toBe('insufficient-evidence');
    const like = checkText(kb, 'Kratom works like an opioid').claims[0]!;
    expect(like.verdict).toBe('supported');
    expect(like.reasons[0]!.text).toMatch(/Mu opioid receptor/);
    // Listed in other classes and acting nowhere opioids act.
    expect(verdict('CBD is an opioid')).toBe('contradicted');
    expect(verdict('CBD is not an opioid')).toBe('supported');
    // An interaction between a substance and a class stays an interaction.
    expect(read('Kratom is dangerous with benzos')!.kind).toBe('interaction');
  });
});
