/** The best-estimate order (issue 12 §9): which model answers, on the real KB. */
import { describe, expect, it } from 'vitest';
import { predict } from '../../src/core/operations.js';
import { loadKb } from '../../src/store/kb-store.js';

const kb = loadKb();

describe('best estimate: a partial anchored answer yields to the mechanistic model (REQ-12.9)', () => {
  it('fluconazole → celecoxib: the anchored model has no in-vivo CYP2C9 ratio for fluconazole, so the static model answers', () => {
    const p = predict(kb, { victim: 'celecoxib', perpetrator: 'fluconazole', perpetratorDose: '200 mg qd 7d' });
    const anchored = p.models?.find((m) => m.model === 'anchored');
    expect(anchored?.status).toBe('predicted'); // it answers, from CYP3A4 alone …
    expect(p.model).toBe('static'); // … but the chosen answer is the one that covers CYP2C9
    expect(p.models?.find((m) => m.chosen)?.model).toBe('static');
  });
  it('a complete anchored answer still comes first (itraconazole → midazolam)', () => {
    const p = predict(kb, { victim: 'midazolam', perpetrator: 'itraconazole', perpetratorDose: '200 mg qd 4d' });
    expect(p.model).toBe('anchored');
  });
  it('a metabolite: the dynamic model first, the anchored mass balance listed beside it (paroxetine → 2-hydroxydesipramine)', () => {
    const p = predict(kb, { victim: 'desipramine', analyte: '2-hydroxydesipramine', perpetrator: 'paroxetine', perpetratorDose: '20 mg qd 5d' });
    expect(p.model).toBe('dynamic');
    const anchored = p.models?.find((m) => m.model === 'anchored');
    expect(anchored?.status).toBe('predicted');
    expect(anchored!.aucRatio!).toBeLessThan(1); // less formed through the inhibited CYP2D6
    expect(p.statements.find((s) => s.code === 'NOTE_BEST_ESTIMATE')?.params['why']).toBe('metabolite');
  });
});

describe('best estimate: a single perpetrator dose is simulated before the static model holds its peak (REQ-12.9)', () => {
  it('CBD 640 mg once → caffeine: no anchored answer (the CYP1A2 index pair is this one), so the dynamic model answers and the static one is listed', () => {
    const p = predict(kb, { victim: 'caffeine', perpetrator: 'cbd', perpetratorDose: '640 mg' });
    expect(p.model).toBe('dynamic');
    expect(p.models?.map((m) => m.model)).toEqual(expect.arrayContaining(['dynamic', 'static']));
    expect(p.statements.find((s) => s.code === 'NOTE_BEST_ESTIMATE')?.params['why']).toMatch(/single-dose/);
  });
  it('the same perpetrator taken repeatedly keeps the static model first', () => {
    const p = predict(kb, { victim: 'caffeine', perpetrator: 'cbd', perpetratorDose: '750 mg bid 24d' });
    expect(p.model).toBe('static');
  });
  it('a transporter-driven static answer stays first even for one dose (single-dose rifampicin → atorvastatin: OATP1B)', () => {
    const p = predict(kb, { victim: 'atorvastatin', perpetrator: 'rifampicin', perpetratorDose: '600 mg' });
    expect(p.model).toBe('static');
    expect(p.statements.find((s) => s.code === 'NOTE_BEST_ESTIMATE')?.params['why']).toBe('transporter');
  });
});

describe('best estimate: a course shorter than three perpetrator half-lives is simulated too (REQ-12.9)', () => {
  // fluconazole's recorded half-life is about 30 h: 3 days of dosing is short of its steady state, 14 days is not
  it('fluconazole 200 mg qd 3d → glimepiride: the dynamic model answers (short course), the static one is listed', () => {
    const p = predict(kb, { victim: 'glimepiride', perpetrator: 'fluconazole', perpetratorDose: '200 mg qd 3d' });
    expect(p.model).toBe('dynamic');
    expect(p.models?.map((m) => m.model)).toEqual(expect.arrayContaining(['dynamic', 'static']));
    expect(p.statements.find((s) => s.code === 'NOTE_BEST_ESTIMATE')?.params['why']).toMatch(/short-course$/);
  });
  it('14 days, or a regimen without a duration (chronic), keeps the static model first', () => {
    for (const perpetratorDose of ['200 mg qd 14d', '200 mg qd']) {
      const p = predict(kb, { victim: 'glimepiride', perpetrator: 'fluconazole', perpetratorDose });
      expect(p.model).toBe('static');
    }
  });
});

describe("best estimate: its range is the chosen model's, narrowed by the tune-calibrated factor (REQ-12.11)", () => {
  it('narrows ln(bound / point) by BEST_RANGE_LOG_FACTOR, quotes it in the headline, and cites the assumption', async () => {
    const { BEST_RANGE_LOG_FACTOR, BEST_RANGE_SOURCE } = await import('../../src/core/answers/best-estimate.js');
    expect(BEST_RANGE_LOG_FACTOR).toBeGreaterThan(0);
    expect(BEST_RANGE_LOG_FACTOR).toBeLessThan(1);
    const q = { victim: 'celecoxib', perpetrator: 'fluconazole', perpetratorDose: '200 mg qd 7d' };
    const p = predict(kb, q);
    const own = p.models!.find((m) => m.chosen)!.range!;
    const r = p.range!;
    const point = p.aucRatio!;
    expect(Math.log(r.high / point)).toBeCloseTo(BEST_RANGE_LOG_FACTOR * Math.log(own.high / point), 10);
    expect(Math.log(point / r.low)).toBeCloseTo(BEST_RANGE_LOG_FACTOR * Math.log(point / own.low), 10);
    const plain = p.statements.find((s) => s.code === 'PLAIN_CHANGE')!;
    expect([plain.params['low'], plain.params['high']]).toEqual([r.low, r.high]);
    expect(p.statements.find((s) => s.code === 'NOTE_BEST_ESTIMATE')!.sources).toContain(BEST_RANGE_SOURCE);
    expect(kb.source(BEST_RANGE_SOURCE)?.type).toBe('assumption');
    // A model asked for by name keeps its own, unnarrowed range.
    const stat = predict(kb, { ...q, model: 'static' });
    expect(stat.range).toEqual(own);
  });
});
