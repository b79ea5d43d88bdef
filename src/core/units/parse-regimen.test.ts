import { describe, expect, it } from 'vitest';
import { amountMg, doseTimesH, parseRegimen } from './parse-regimen.js';

describe('regimen grammar (REQ-3.regimen)', () => {
  it.each([
    ['7.5 mg', { amount: 7.5, unit: 'mg', intervalH: null, durationD: null, route: 'po' }],
    ['2 g', { amount: 2, unit: 'g', intervalH: null }],
    ['400 mg qd 5d', { amount: 400, intervalH: 24, durationD: 5 }],
    ['200 mg bid 7d', { intervalH: 12, durationD: 7 }],
    ['100 mg tid 10d', { intervalH: 8, durationD: 10 }],
    ['10 mg/kg bid 14d', { unit: 'mg/kg', intervalH: 12, durationD: 14 }],
    ['600 mg daily 10d', { intervalH: 24, durationD: 10, frequency: 'qd' }],
    ['20 mg q8h 2d', { intervalH: 8, durationD: 2 }],
    ['0.9 g inhaled tid 14d', { route: 'inhaled', intervalH: 8 }],
    ['600 mg iv', { route: 'iv', intervalH: null }],
    ['4 sprays oromucosal', { unit: 'actuation', route: 'oromucosal' }],
    ['200mg bid 1 week', { amount: 200, intervalH: 12, durationD: 7 }],
  ])('%s', (text, want) => {
    expect(parseRegimen(text)).toMatchObject(want);
  });
  it('points at the word it could not read', () => {
    expect(() => parseRegimen('200 mgg bid', 'perpetratorDose')).toThrowError(
      "perpetratorDose: could not read 'mgg' (word 2 of '200 mgg bid'); expected a unit: mg, g, µg, mL, mg/kg or sprays",
    );
    expect(() => parseRegimen('200 mg twice')).toThrowError(/could not read 'twice' \(word 3/);
    // a daily total does not say how it is split: the error proposes both regimens
    expect(() => parseRegimen('20 mg/kg/day')).toThrowError(/'20 mg\/kg qd'.*'10 mg\/kg bid'/);
    expect(() => parseRegimen('abc mg')).toThrowError(/could not read 'abc'/);
    expect(() => parseRegimen('-5 mg')).toThrowError(/could not read '-5'/);
    expect(() => parseRegimen('0 mg')).toThrowError(/must be positive/);
    expect(() => parseRegimen('5 mg q0h')).toThrowError(/q1h to q168h/);
    expect(() => parseRegimen('5 mg qd 999d')).toThrowError(/1d to 365d/);
  });
  it('dose times and amounts', () => {
    expect(doseTimesH(parseRegimen('200 mg bid 2d'))).toEqual([0, 12, 24, 36]);
    expect(doseTimesH(parseRegimen('200 mg'))).toEqual([0]);
    expect(amountMg(parseRegimen('10 mg/kg'), { weightKg: 70 })).toBe(700);
    expect(amountMg(parseRegimen('0.8 mL/kg'), { weightKg: 0.25, mgPerMl: 12 })).toBeCloseTo(2.4, 12);
    expect(() => amountMg(parseRegimen('5 mL'), { weightKg: 70 })).toThrowError(/mL needs a liquid product/);
    expect(() => amountMg(parseRegimen('2000 g'), { weightKg: 70 })).toThrowError(/beyond any plausible amount/);
  });
});
