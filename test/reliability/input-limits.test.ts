/**
 * Issue 15 §4: input sanity. The caps of src/core/limits.ts admit every regimen of the clinical benchmark and
 * reject what slipped through before (a huge static dose, a body weight of 5e-324 kg, 100 g every hour, a
 * duration under a day, "1e-300 mg" read as two words); every rejection names the field it came from.
 */
import { describe, expect, it } from 'vitest';
import { checkDoseCaps, parseRegimen } from '../../src/core/units/parse-regimen.js';
import { loadKbWithRetry, useTestApp } from '../api/helpers.js';

const app = useTestApp();
const post = (url: string, payload: object) => app().inject({ method: 'POST', url, payload });

describe('the caps admit every regimen of the clinical benchmark (issue 15 §4)', () => {
  it('parses every victimDose and perpetratorDose in kb/clinical, and every usual dose', async () => {
    const kb = await loadKbWithRetry();
    const texts = new Set<string>();
    for (const c of kb.data.clinical) for (const t of [c.victimDose, c.perpetratorDose]) if (t) texts.add(t);
    for (const s of kb.data.substances) if (s.usualDose?.regimen) texts.add(s.usualDose.regimen);
    expect(texts.size).toBeGreaterThan(50);
    const rejected = [...texts].filter((t) => {
      try {
        parseRegimen(t, 'dose');
        return false;
      } catch {
        return true;
      }
    });
    expect(rejected).toEqual([]);
  });
});

describe('the regimen grammar reads words whole and applies the caps', () => {
  it('reads scientific notation as one number', () => {
    expect(parseRegimen('1e-3 mg').amount).toBe(0.001);
    expect(parseRegimen('2.5e2mg bid 7d')).toMatchObject({ amount: 250, unit: 'mg', intervalH: 12 });
    expect(() => parseRegimen('1e-300 mg', 'victimDose')).toThrowError(/^victimDose: 1e-300 mg per dose is outside the plausible range/);
  });
  it.each([
    ['99999999999 mg', /victimDose: 99999999999 mg in one dose is beyond any plausible amount/],
    ['100 g inhaled q1h 365d', /victimDose: 2400000 mg per day is outside the plausible range/],
    ['5 mg qd 0.5d', /victimDose: could not read '0.5d'.*a duration from 1d to 365d/],
    ['100 sprays', /victimDose: 100 sprays per dose/],
    ['5000 mL', /victimDose: 5000 mL per dose/],
    ['50 mL/kg', /victimDose: 50 mL\/kg per dose/],
    ['2 g/kg', /victimDose: 2000 mg\/kg per dose/],
  ])('rejects %s, naming the field', (text, message) => {
    expect(() => parseRegimen(text, 'victimDose')).toThrowError(message);
  });
  it('per day counts the doses of a day, and a dose every other day counts once', () => {
    expect(() => checkDoseCaps(parseRegimen('100 g q48h 7d'), 'x')).not.toThrow();
    expect(() => parseRegimen('100 g qid 2d')).not.toThrow();
    expect(() => parseRegimen('100 g q4h 2d')).toThrowError(/600000 mg per day/);
  });
});

describe('the API rejects implausible input, naming the field (issue 15 §4)', () => {
  it.each([
    ['a huge victim dose in a static prediction', { victim: 'midazolam', perpetrator: 'ketoconazole', model: 'static', victimDose: '99999999999 mg' }, 'victimDose'],
    ['1e-300 mg', { victim: 'midazolam', perpetrator: 'ketoconazole', perpetratorDose: '1e-300 mg' }, 'perpetratorDose'],
    ['a body weight of 5e-324 kg', { victim: 'midazolam', perpetrator: 'ketoconazole', weightKg: 5e-324 }, 'weightKg'],
    ['100 g inhaled every hour for a year', { victim: 'midazolam', perpetrator: 'cannabis', model: 'dynamic', perpetratorDose: '100 g inhaled q1h 365d' }, 'perpetratorDose'],
    ['half a day', { victim: 'midazolam', perpetrator: 'ketoconazole', perpetratorDose: '200 mg bid 0.5d' }, 'perpetratorDose'],
  ])('%s', async (_name, body, field) => {
    const r = await post('/api/predict', body);
    expect(r.statusCode).toBe(400);
    expect(r.json().details.field).toBe(field);
    expect(r.json().message.startsWith(`${field}:`)).toBe(true);
  });
  it('a simulation with an hourly 100 g regimen is rejected before it runs', async () => {
    const r = await post('/api/simulate', { victim: 'midazolam', perpetrator: 'cannabis', victimDose: '7.5 mg', perpetratorDose: '100 g inhaled q1h 14d' });
    expect(r.statusCode).toBe(400);
    expect(r.json().code).toBe('INPUT_DOSE_IMPLAUSIBLE');
  });
});
