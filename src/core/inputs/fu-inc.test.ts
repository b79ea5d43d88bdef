import { describe, expect, it } from 'vitest';
import type { Relation, Substance } from '../kb/types.js';
import type { Quantity } from '../schema/quantity.js';
import { bindingLipophilicity, fuIncAustin, fuIncHallifaxHouston, incubationBinding, type IncubationDefaults } from './fu-inc.js';

// Worked values: the equations as read (kb/sources/fu-inc.yaml), evaluated by hand (python, 6 digits).
// Hallifax–Houston: fu = 1/(1 + C·10^(0.072·x² + 0.067·x − 1.126)); Austin: fu = 1/(1 + C·10^(0.56·x − 1.41)).
describe('microsomal binding equations', () => {
  it.each([
    [2.89, 1, 0.681831, 0.382285],
    [2.89, 0.1, 0.955417, 0.860893],
    [4.05, 0.2, 0.70225, 0.409464],
    [0.5, 1, 0.922308, 0.930985],
    [3, 1, 0.65426, 0.349395],
  ])('logP/D %f at %f mg/mL: Hallifax–Houston %f, Austin %f', (x, c, hh, au) => {
    expect(fuIncHallifaxHouston(x, c)).toBeCloseTo(hh, 5);
    expect(fuIncAustin(x, c)).toBeCloseTo(au, 5);
  });

  it('no protein, no binding; more protein or lipophilicity, more binding', () => {
    expect(fuIncHallifaxHouston(4, 0)).toBe(1);
    expect(fuIncAustin(4, 0)).toBe(1);
    for (const f of [fuIncHallifaxHouston, fuIncAustin]) {
      expect(f(3, 1)).toBeLessThan(f(3, 0.25));
      expect(f(4, 0.25)).toBeLessThan(f(2, 0.25));
    }
  });
});

const q = (value: number, source = 's'): Quantity => ({ value, unit: 'x', source, verified: true, original: { value, unit: 'x' } }) as unknown as Quantity;
const sub = (over: Partial<Substance>): Substance => ({ id: 'x', name: 'X', ...over }) as Substance;
const rel = (over: Partial<Relation>): Relation => ({ id: 'r', subject: 'x', object: 'cyp3a4', action: 'inhibitor', species: 'human', system: 'HLM', evidence: 'in_vitro', sources: [], ...over }) as Relation;
const D: IncubationDefaults = { method: 'hallifax-houston', proteinMgPerMl: 0.25, proteinSource: 'assume-protein' };

describe('which lipophilicity the equations read', () => {
  it('logP for a base, logD7.4 for acids and neutrals, computed for an acid from logP and pKa', () => {
    expect(bindingLipophilicity(sub({ ionClass: 'base', logP: q(3), logD74: q(1) }))).toMatchObject({ value: 3, kind: 'logP' });
    expect(bindingLipophilicity(sub({ ionClass: 'neutral', logP: q(3), logD74: q(2.5) }))).toMatchObject({ value: 2.5, kind: 'logD7.4' });
    expect(bindingLipophilicity(sub({ ionClass: 'neutral', logP: q(3) }))).toMatchObject({ value: 3, kind: 'logP' });
    const acid = bindingLipophilicity(sub({ ionClass: 'acid', logP: q(2), pKa: q(4.6) }));
    expect(acid).toMatchObject({ kind: 'logD7.4 from logP and pKa' });
    expect((acid as { value: number }).value).toBeCloseTo(2 - Math.log10(1 + 10 ** 2.8), 9);
  });
  it('says what is missing instead of guessing', () => {
    expect(bindingLipophilicity(sub({ logP: q(3) }))).toHaveProperty('missing');
    expect(bindingLipophilicity(sub({ ionClass: 'base' }))).toHaveProperty('missing');
    expect(bindingLipophilicity(sub({ ionClass: 'acid', logP: q(2) }))).toHaveProperty('missing');
  });
});

describe('the correction applied to one constant', () => {
  const base = sub({ ionClass: 'base', logP: q(2.89, 'logp-src') });
  it('keeps an unbound constant and uses a measured fu,inc first', () => {
    expect(incubationBinding(rel({ ki: { ...q(1), bound: 'unbound' } }), 'ki', base, D)).toMatchObject({ kind: 'unbound', fuInc: 1 });
    expect(incubationBinding(rel({ ki: { ...q(1), bound: 'total' }, fuInc: q(0.4) }), 'ki', base, D)).toMatchObject({ kind: 'measured', fuInc: 0.4 });
  });
  it('predicts at the assay protein when given, else at the assumed one (and says so)', () => {
    const own = incubationBinding(rel({ ki: { ...q(1), bound: 'total' }, microsomalProtein: q(1, 'assay') }), 'ki', base, D);
    expect(own).toMatchObject({ kind: 'predicted', proteinMgPerMl: 1, proteinAssumed: false, sources: ['logp-src', 'assay'] });
    expect(own.fuInc).toBeCloseTo(0.681831, 5);
    const assumed = incubationBinding(rel({ ki: { ...q(1), bound: 'total' } }), 'ki', base, D);
    expect(assumed).toMatchObject({ kind: 'predicted', proteinMgPerMl: 0.25, proteinAssumed: true, sources: ['logp-src', 'assume-protein'] });
    expect(assumed.label).toMatch(/assumed/);
  });
  it('never corrects silently: no physchem, a cell assay or the method switched off give none with a reason', () => {
    expect(incubationBinding(rel({ ki: { ...q(1), bound: 'total' } }), 'ki', sub({}), D)).toMatchObject({ kind: 'none', fuInc: 1, reason: expect.stringMatching(/ion class/) });
    expect(incubationBinding(rel({ ki: { ...q(1), bound: 'total' }, system: 'cryopreserved human hepatocytes' }), 'ki', base, D)).toMatchObject({ kind: 'none' });
    expect(incubationBinding(rel({ ki: { ...q(1), bound: 'total' } }), 'ki', base, { ...D, method: 'none' })).toMatchObject({ kind: 'none' });
  });
});
