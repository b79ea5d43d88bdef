/**
 * Effect contributions are counted only at doses their evidence reaches (dose-reach.ts): CBD's label effects come from
 * 5–20 mg/kg/day, so a joint's fraction of a milligram does not carry them, while Epidiolex at its label dose does.
 */
import { describe, expect, it } from 'vitest';
import { check, KbIndex } from '../../src/core/index.js';
import { dailyDoses } from '../../src/core/answers/check/dose-reach.js';
import { doseUsed } from '../../src/core/answers/check/usage.js';
import { loadKb } from '../../src/store/kb-store.js';

const kb = new KbIndex(loadKb().data);
const names = (xs: { substance: string }[]): string[] => xs.map((x) => x.substance);

describe('effect contributions at the dose in use', () => {
  it('daily amounts follow the regimen: 300 mg bid is 600 mg a day, 5 mg/kg bid at 70 kg is 700 mg', () => {
    const cbd = kb.substance('cbd')!;
    const use = { ...doseUsed(kb, cbd, undefined, 'x'), doses: [{ substance: 'cbd', substanceName: 'CBD', regimen: '300 mg bid' }], implied: [] };
    expect(dailyDoses(kb, use).get('cbd')?.mg).toBeCloseTo(600);
    const epi = kb.substance('epidiolex')!;
    const d = dailyDoses(kb, doseUsed(kb, epi, undefined, 'x'));
    expect(d.get('cbd')?.mgPerKg ?? d.get('epidiolex')?.mgPerKg).toBeCloseTo(10, 0);
  });

  it("a joint does not carry CBD's label effects, and the answer says why with the source of the threshold", () => {
    const pair = check(kb, ['cannabis', 'kratom']).pairs[0]!;
    const hep = pair.sharedEffects.find((e) => e.id === 'hepatotoxicity');
    expect(hep === undefined || !names(hep.a).concat(names(hep.b)).includes('cbd')).toBe(true);
    const said = pair.statements.filter((s) => s.code === 'PAIR_EFFECT_DOSE_NOT_REACHED');
    expect(said.length).toBeGreaterThan(0);
    expect(said.every((s) => s.sources.includes('devinsky-2018'))).toBe(true);
    expect(said[0]!.plain).toMatch(/not evidence of safety/);
  });

  it("CBD at 300 mg a day (within ten-fold of the studied 5 mg/kg/day) keeps its label effects with clobazam", () => {
    const pair = check(kb, ["cbd", "clobazam"]).pairs[0]!;
    const cns = pair.sharedEffects.find((e) => e.id === "cns-depression");
    expect(cns && [...names(cns.a), ...names(cns.b)]).toContain("cbd");
  });

  it("Epidiolex at its label dose keeps CBD's contribution to CNS depression with alcohol", () => {
    const pair = check(kb, ['epidiolex', 'alcohol']).pairs[0]!;
    const cns = pair.sharedEffects.find((e) => e.id === 'cns-depression');
    expect(cns && [...names(cns.a), ...names(cns.b)]).toContain('cbd');
    expect(pair.statements.some((s) => s.code === 'PAIR_EFFECT_DOSE_NOT_REACHED')).toBe(false);
  });
});
