import { describe, expect, it } from 'vitest';
import { anchoredModel, MAX_INHIBITED_SHARE } from './index.js';

const b = (value: number, low = value, high = value) => ({ value, low, high });
const run = (terms: { enzyme: string; cr: ReturnType<typeof b>; activity: ReturnType<typeof b> }[], spreadFold = 1) =>
  anchoredModel.predict({ terms, studiesRead: ['s1'], missing: [], assumptions: [], spreadFold });

describe('anchored model (MODEL.md §6, REQ-12.8)', () => {
  it('inhibition: AUCR = 1/(1 − Σ CR·IR)', () => {
    const a = run([{ enzyme: 'cyp3a4', cr: b(0.9), activity: b(0.2) }, { enzyme: 'cyp2d6', cr: b(0.05), activity: b(0.5) }]);
    expect(a.aucRatio).toBeCloseTo(1 / (1 - 0.9 * 0.8 - 0.05 * 0.5), 12);
    expect(a.studiesRead).toEqual(['s1']);
    expect(a.cmaxRatio).toBeNull();
  });

  it('induction: AUCR = 1/(1 + CR·IC)', () => {
    expect(run([{ enzyme: 'cyp3a4', cr: b(0.8), activity: b(11) }]).aucRatio).toBeCloseTo(1 / (1 + 0.8 * 10), 12);
  });

  it('caps the inhibited share so a CR and IR of 1 give a finite ratio', () => {
    expect(run([{ enzyme: 'cyp3a4', cr: b(1), activity: b(0) }]).aucRatio).toBeCloseTo(1 / (1 - MAX_INHIBITED_SHARE), 9);
  });

  it('the interval spans each term at its extremes, widened by the spread', () => {
    const a = run([{ enzyme: 'cyp3a4', cr: b(0.8, 0.7, 0.9), activity: b(0.5, 0.4, 0.6) }], 2);
    expect(a.uncertainty!.low).toBeCloseTo(1 / (1 - 0.7 * 0.4) / 2, 12);
    expect(a.uncertainty!.high).toBeCloseTo((1 / (1 - 0.9 * 0.6)) * 2, 12);
  });

  it('a metabolite: formation Σ F·a·AUCR(parent)/Σ F (unnamed links unmoved) times its own elimination ratio', () => {
    const parentTerms = [{ enzyme: 'cyp2d6', cr: b(0.8), activity: b(0.1) }];
    const parentRatio = 1 / (1 - 0.8 * 0.9);
    const links = [{ enzyme: 'cyp2d6', fraction: 0.6, activity: b(0.1) }, { enzyme: null, fraction: 0.4, activity: null }];
    const formed = (0.6 * 0.1 * parentRatio + 0.4) / 1.0;
    const alone = anchoredModel.predict({ terms: [], formation: { parentTerms, links }, studiesRead: ['s1'], missing: [], assumptions: [], spreadFold: 1 });
    expect(alone.aucRatio).toBeCloseTo(formed, 12);
    expect(alone.formation).toEqual({ ratio: expect.closeTo(formed, 12), parentRatio: expect.closeTo(parentRatio, 12) });
    expect(alone.mechanisms).toContainEqual({ enzyme: 'cyp2d6', kind: 'reversible', site: 'liver', aucRatio: expect.closeTo(formed, 12) });
    // Its own elimination through an inhibited enzyme multiplies in: CR 0.75, a 0.2.
    const both = anchoredModel.predict({ terms: [{ enzyme: 'cyp2c19', cr: b(0.75), activity: b(0.2) }], formation: { parentTerms, links }, studiesRead: ['s1'], missing: [], assumptions: [], spreadFold: 1 });
    expect(both.aucRatio).toBeCloseTo(formed / (1 - 0.75 * 0.8), 12);
  });

  it("a metabolite's interval: formation at its low corner (links' low activity, parent's least ratio) and high corner", () => {
    const parentTerms = [{ enzyme: 'cyp3a4', cr: b(0.5, 0.4, 0.6), activity: b(0.5, 0.4, 0.6) }];
    const a = anchoredModel.predict({ terms: [], formation: { parentTerms, links: [{ enzyme: 'cyp3a4', fraction: 1, activity: b(0.5, 0.4, 0.6) }] }, studiesRead: [], missing: [], assumptions: [], spreadFold: 2 });
    // Parent net at its corners: least ratio from the largest Σ CR(a − 1) (0.4·(0.6 − 1) = −0.16), most from −0.36.
    expect(a.uncertainty!.low).toBeCloseTo((0.4 / (1 - 0.16)) / 2, 12);
    expect(a.uncertainty!.high).toBeCloseTo((0.6 / (1 - 0.36)) * 2, 12);
  });

  it('grey with what is missing when no term has both numbers', () => {
    const a = anchoredModel.predict({ terms: [], studiesRead: [], missing: [{ code: 'MISSING_ANCHORED_IR', role: 'missing', params: {}, evidence: null, sources: [] }], assumptions: [], spreadFold: 3 });
    expect(a.status).toBe('grey');
    expect(a.aucRatio).toBeNull();
    expect(a.missing).toHaveLength(1);
  });
});
