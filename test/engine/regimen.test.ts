/**
 * Issue 14 §1 and §3: the regimen view (pairs worst first, the worst pair named, combined effect classes with the
 * three-or-more flag), duplicate substances, and the doses check states and lets the user change.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { check } from '../../src/core/answers/check.js';
import { predict } from '../../src/core/predict.js';
import { worstFirst, TIER_SEVERITY_ORDER } from '../../src/core/answers/check/regimen.js';
import type { PairAnalysis } from '../../src/core/answers/check/types.js';
import { isCrosstalkError } from '../../src/core/errors.js';
import { loadKb } from '../../src/store/kb-store.js';

const kb = loadKb();

/** A pair with only what the ordering reads. */
function fake(name: string, tier: PairAnalysis['tier'], effects: ('high' | 'moderate' | 'low')[] = []): PairAnalysis {
  return { a: { id: name, name }, b: { id: `${name}-b`, name: `${name}-b` }, tier, likelihood: 'possible', sharedEffects: effects.map((severity, i) => ({ id: `e${i}`, severity })) } as unknown as PairAnalysis;
}

function thrown(f: () => unknown): { code: string; field?: unknown; message: string } {
  try {
    f();
  } catch (e) {
    if (isCrosstalkError(e)) return { code: e.code, field: e.details.field, message: e.message };
    throw e;
  }
  throw new Error('expected a CrosstalkError');
}

describe('pairs worst first (REQ-14.1 grid)', () => {
  it('orders red, amber, yellow, grey, green; within a tier the more severe shared effect first; otherwise as given', () => {
    const pairs = [fake('g', 'green'), fake('y', 'yellow'), fake('a1', 'amber', ['moderate']), fake('grey', 'grey'), fake('r', 'red'), fake('a2', 'amber', ['high']), fake('a3', 'amber', ['moderate'])];
    expect(worstFirst(pairs).map((p) => p.a.id)).toEqual(['r', 'a2', 'a1', 'a3', 'y', 'grey', 'g']);
  });

  const r = check(kb, ['kratom', 'oxycodone', 'alprazolam']);
  it('kratom + oxycodone + alprazolam: the worst pair is the red oxycodone + alprazolam pair, and it heads the grid', () => {
    const red = r.pairs.filter((p) => p.tier === 'red');
    expect(red.map((p) => [p.a.id, p.b.id].sort().join('+'))).toEqual(['alprazolam+oxycodone']);
    expect(r.worstPair).toMatchObject({ a: 'oxycodone', b: 'alprazolam', tier: 'red' });
    expect([r.pairs[0]!.a.id, r.pairs[0]!.b.id]).toEqual(['oxycodone', 'alprazolam']);
    const ranks = r.pairs.map((p) => TIER_SEVERITY_ORDER.indexOf(p.tier));
    expect(ranks).toEqual([...ranks].sort((x, y) => x - y));
    expect(r.verdict.code).toBe('REGIMEN_VERDICT');
    expect(r.verdict.text).toMatch(/Worst pair: Oxycodone \+ Alprazolam \(red\)/);
  });

  it('flags CNS and respiratory depression when all three add to them, listing each contributor with strength and evidence', () => {
    for (const id of ['cns-depression', 'respiratory-depression']) {
      const e = r.effects.find((x) => x.id === id)!;
      expect(e.flagged).toBe(true);
      expect(e.substances).toEqual(['kratom', 'oxycodone', 'alprazolam']);
      for (const c of e.contributors) {
        expect(['major', 'moderate', 'minor']).toContain(c.strength);
        expect(c.evidence).toBeTruthy();
        expect(c.sources.length).toBeGreaterThan(0);
      }
    }
    expect(r.verdict.text).toMatch(/three substances add to CNS depression/);
    // No invented combined score: the effect carries contributors, not a number.
    expect(Object.keys(r.effects[0]!).sort()).toEqual(['contributors', 'evidence', 'flagged', 'id', 'name', 'severity', 'substances', 'text']);
  });

  it('two depressants are listed together but not flagged; a non-stacking class is never flagged', () => {
    const two = check(kb, ['kratom', 'oxycodone']);
    const cns = two.effects.find((x) => x.id === 'cns-depression')!;
    expect(cns.substances).toHaveLength(2);
    expect(cns.flagged).toBe(false);
    const sedation = r.effects.find((x) => x.id === 'sedation-psychomotor-impairment')!;
    expect(sedation.substances).toHaveLength(3);
    expect(sedation.flagged).toBe(false);
  });
});

describe('duplicates (REQ-14.8)', () => {
  it('check kratom kratom is an error naming the duplicate, not just the disclaimer', () => {
    const e = thrown(() => check(kb, ['kratom', 'kratom']));
    expect(e.code).toBe('INPUT_SAME_SUBSTANCE');
    expect(e.field).toBe('substances');
    expect(e.message).toMatch(/'kratom' and 'kratom' are both Kratom/);
  });

  it('a substance named twice by different names is checked once, with a note naming it', () => {
    const r = check(kb, ['kratom', 'ketum', 'oxycodone']);
    expect(r.substances.map((s) => s.id)).toEqual(['kratom', 'oxycodone']);
    expect(r.pairs).toHaveLength(1);
    expect(r.notes).toHaveLength(1);
    expect(r.notes[0]).toMatchObject({ code: 'CHECK_DUPLICATE', params: { id: 'kratom', given: ['kratom', 'ketum'] } });
    expect(r.notes[0]!.text).toMatch(/Kratom was named more than once/);
  });
});

describe('doses stated and changeable (REQ-14.3)', () => {
  const r = check(kb, ['cannabis', 'kratom']);
  const cannabis = r.doses.find((d) => d.substance === 'cannabis')!;
  const kratom = r.doses.find((d) => d.substance === 'kratom')!;

  it('cannabis is checked at its everyday default (a THC-dominant joint), not the medicine dose, and says so', () => {
    expect(cannabis.basis).toBe('usage-pattern');
    expect(cannabis.pattern).toMatchObject({ id: 'joint', kind: 'everyday', default: true, assumption: true });
    expect(cannabis.doses).toEqual([{ substance: 'cannabis', substanceName: 'Cannabis', regimen: '0.32 g inhaled' }]);
    // The THC the joint implies comes from the KB's content (17.1 % w/w): 0.32 g × 171 mg/g.
    expect(cannabis.implied.find((i) => i.substance === 'thc')!.mg).toBeCloseTo(0.32 * 171, 0);
    expect(cannabis.alternatives.map((a) => a.id)).toEqual(['joint', 'edible', 'cbd-oil', 'medicine']);
    expect(cannabis.text).toMatch(/0\.32 g inhaled/);
    expect(cannabis.text).toMatch(/Other choices: edible/);
    const fromCannabis = r.pairs[0]!.pk.filter((e) => e.perpetrator === 'cannabis');
    expect(fromCannabis.length).toBeGreaterThan(0);
    for (const e of fromCannabis) if ('status' in e.result) expect(e.result.perpetrator.dose).toBe('0.32 g inhaled');
  });

  it('kratom is checked at grams of leaf, with the mitragynine it implies', () => {
    expect(kratom.pattern?.id).toBe('leaf');
    expect(kratom.doses[0]!.regimen).toBe('2 g');
    expect(kratom.implied.find((i) => i.substance === 'mitragynine')!.mg).toBeCloseTo(2 * 19.48, 0);
    for (const d of r.doses) expect(d.sources.length).toBeGreaterThan(0);
  });

  it('the medicine dose is available by name and changes the doses the predictions use', () => {
    const m = check(kb, ['cannabis', 'kratom'], { usage: { cannabis: 'medicine' } });
    const d = m.doses.find((x) => x.substance === 'cannabis')!;
    expect(d.pattern).toMatchObject({ id: 'medicine', kind: 'medicine', default: false });
    const perps = m.pairs[0]!.pk.filter((e) => e.via === 'cannabis' && 'status' in e.result);
    const doses = Object.fromEntries(perps.map((e) => [e.perpetrator, 'status' in e.result ? e.result.perpetrator.dose : '']));
    expect(doses).toEqual({ thc: '2.5 mg bid', cbd: '300 mg' });
    // A usage key is resolved like a substance name (slang included).
    expect(check(kb, ['weed', 'kratom'], { usage: { weed: 'edible' } }).doses[0]!.pattern?.id).toBe('edible');
  });

  it('an unknown pattern, or a usage key that is not one of the substances, is an error naming the field', () => {
    expect(thrown(() => check(kb, ['cannabis', 'kratom'], { usage: { cannabis: 'bong' } }))).toMatchObject({ code: 'INPUT_NOT_ONE_OF', field: 'usage.cannabis' });
    expect(thrown(() => check(kb, ['cannabis', 'kratom'], { usage: { oxycodone: 'medicine' } }))).toMatchObject({ code: 'INPUT_INVALID', field: 'usage.oxycodone' });
  });
});

describe('predict without a dose uses the everyday default, as check does (REQ-14.3)', () => {
  it('cannabis → warfarin is answered at a joint, and says so, where it went grey for want of a dose', () => {
    const p = predict(kb, { victim: 'warfarin', perpetrator: 'cannabis' });
    expect(p.status).not.toBe('grey');
    expect(p.perpetrator.usage).toBe('a THC-dominant joint, smoked');
    expect(p.perpetrator.dose).toBe('0.32 g inhaled');
    const s = p.statements.find((x) => x.code === 'ASSUME_DEFAULT_USAGE');
    expect(s?.params).toMatchObject({ role: 'perpetrator', name: 'Cannabis', estimate: true });
    expect(s?.sources.length).toBeGreaterThan(0);
  });
  it('a dose given, or a reference dose in the KB, wins over the pattern; everydayUse false (the benchmark) leaves the dose out', () => {
    expect(predict(kb, { victim: 'warfarin', perpetrator: 'cannabis', perpetratorDose: '1 g inhaled' }).perpetrator.usage).toBeUndefined();
    expect(predict(kb, { victim: 'midazolam', perpetrator: 'ketoconazole' }).perpetrator.usage).toBeUndefined();
    const off = predict(kb, { victim: 'warfarin', perpetrator: 'cannabis', everydayUse: false });
    expect(off.status).toBe('grey');
    expect(off.perpetrator.usage).toBeUndefined();
  });
});

describe('usage patterns stay out of predictions of clinical studies (REQ-14.3: the benchmark must not change)', () => {
  it('no module of the prediction path (inputs, models, benchmark, predict) reads usagePatterns; only check does', () => {
    const root = new URL('../../src/core/', import.meta.url).pathname;
    const files = (dir: string): string[] => readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? files(join(dir, n)) : n.endsWith('.ts') ? [join(dir, n)] : []));
    const predictionPath = [...files(join(root, 'inputs')), ...files(join(root, 'models')), ...files(join(root, 'answers/benchmark')), ...files(join(root, 'answers')).filter((f) => /\/answers\/predict[^/]*\.ts$/.test(f))];
    expect(predictionPath.length).toBeGreaterThan(10);
    for (const f of predictionPath) expect(readFileSync(f, 'utf8').includes('usagePatterns'), f).toBe(false);
  });
});
