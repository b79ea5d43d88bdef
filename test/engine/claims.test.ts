/**
 * The claim checker against evidence (issue 13): every example of the issue's "Why" gets the verdict its evidence
 * supports, and the labelled development set (test/fixtures/claims.yaml) scores at least 90 % overall.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkText } from '../../src/core/answers/claims/index.js';
import { loadKb } from '../../src/store/kb-store.js';
import { readLabelled, scoreClaims, scoreTable } from '../../scripts/claims-score-lib.js';

const kb = loadKb();
const one = (text: string) => {
  const r = checkText(kb, text);
  expect(r.claims).toHaveLength(1);
  return r.claims[0]!;
};

describe("issue 13's examples (REQ-13.why)", () => {
  it('"Weed and kratom work on two completely separate systems" is contradicted by shared receptors and enzymes', () => {
    const c = one('Weed and kratom work on two completely separate systems');
    expect(c.verdict).toBe('contradicted');
    expect(c.reading!.subject).toBe('Cannabis and Kratom');
    expect(c.reasons.map((r) => r.text).join(' ')).toMatch(/CYP3A4|CYP2D6|CB1/);
    expect(c.reasons.every((r) => r.sources.length > 0)).toBe(true);
  });
  it('"Kratom only acts on opioid receptors" is contradicted by a non-opioid target', () => {
    const c = one('Kratom only acts on opioid receptors');
    expect(c.verdict).toBe('contradicted');
    expect(c.reasons.map((r) => r.text).join(' ')).toMatch(/adrenergic|5-HT|serotonin/i);
  });
  it('"CBD inhibits CYP2D6" is supported, with the reading shown and an in-vitro caveat', () => {
    const c = one('CBD inhibits CYP2D6');
    expect(c.verdict).toBe('supported');
    expect(c.reading!.text).toBe('Cannabidiol — inhibits — CYP2D6');
    expect(c.reasons[0]!.evidence).toBe('in_vitro');
    expect(c.caveats.join(' ')).toMatch(/lab or animal/);
  });
  it('"Mitragynine acts at adrenergic receptors" is supported (in vitro)', () => {
    expect(one('Mitragynine acts at adrenergic receptors').verdict).toBe('supported');
  });
  it('"Kratom has no potential for dependence" is contradicted by the dependence record', () => {
    const c = one('Kratom has no potential for dependence');
    expect(c.verdict).toBe('contradicted');
    expect(c.reasons.some((r) => r.evidence === 'human_observational')).toBe(true);
  });
  it('"Kratom is legal everywhere" is contradicted by a jurisdiction where it is controlled', () => {
    const c = one('Kratom is legal everywhere');
    expect(c.verdict).toBe('contradicted');
    expect(c.reasons.map((r) => r.text).join(' ')).toMatch(/illegal/);
  });
  it('"THC acts on CB1 receptors" is supported', () => {
    expect(one('THC acts on CB1 receptors').verdict).toBe('supported');
  });
  it('"kratom is safe with alcohol" is contradicted (a recognised risk), and no safety claim is ever supported', () => {
    expect(one('kratom is safe with alcohol').verdict).toBe('contradicted');
    for (const t of ['caffeine is safe with paracetamol', 'LSD and psilocybin are fine to combine', 'you can mix CBD and melatonin'])
      expect(one(t).verdict).not.toBe('supported');
  });
  it('"Rifampicin increases midazolam exposure" is contradicted: the observed AUC ratio is below 0.8', () => {
    const c = one('Rifampicin increases midazolam exposure');
    expect(c.verdict).toBe('contradicted');
    expect(c.reasons.some((r) => r.evidence === 'human_controlled' && /×0\.\d/.test(r.text))).toBe(true);
    expect(one('Rifampicin decreases midazolam exposure').verdict).toBe('supported');
  });
  it('spelling, slang and question forms reach the same verdicts', () => {
    expect(one('Does CBD inhibit CYP2D6?').verdict).toBe('supported');
    expect(one('Rifampin lowers midazolam levels').verdict).toBe('supported');
    expect(one('mitragynine is metabolised by CYP3A4').verdict).toBe(one('mitragynine is metabolized by CYP3A4').verdict);
    expect(one("Kratom isn't addictive").verdict).toBe('contradicted');
  });
});

describe('development set (REQ-13.5)', () => {
  it('scores at least 90 % overall on test/fixtures/claims.yaml', () => {
    const score = scoreClaims(kb, readLabelled(readFileSync('test/fixtures/claims.yaml', 'utf8')));
    const pct = (100 * score.correct) / score.total;
    expect(score.total).toBeGreaterThanOrEqual(150);
    // The table and the misses are printed in the failure message, so a regression says which kinds fell.
    expect(pct, `${scoreTable(score)}\n${score.misses.map((m) => `${m.id}: expected ${m.expected}, got ${m.got} — ${m.text}`).join('\n')}`).toBeGreaterThanOrEqual(90);
  });
});
