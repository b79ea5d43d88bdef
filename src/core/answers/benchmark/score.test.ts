import { describe, expect, it } from 'vitest';
import { foldError, guestBand, guestLimit, scoreSet, summaryFigures, withinGuest, withinTwoFold } from './score.js';

describe('benchmark metrics, hand-computed (issue 11 §2)', () => {
  it('fold error and 2-fold: the boundary counts', () => {
    expect(foldError(3, 2)).toBe(1.5);
    expect(foldError(1, 2.5)).toBe(2.5);
    expect(withinTwoFold(4, 2)).toBe(true);
    expect(withinTwoFold(0.5, 1)).toBe(true);
    expect(withinTwoFold(4.01, 2)).toBe(false);
  });

  it('Guest limit, δ = 1: (1 + 2(R − 1))/R, with R inverted below 1', () => {
    expect(guestLimit(2)).toBeCloseTo(1.5, 12); // (1 + 2)/2
    expect(guestLimit(0.5)).toBeCloseTo(1.5, 12); // same as R = 2
    expect(guestLimit(10)).toBeCloseTo(1.9, 12); // (1 + 18)/10
    expect(guestLimit(1)).toBe(1);
    // R = 2: accepted from 2/1.5 = 1.333 to 2 × 1.5 = 3
    expect(withinGuest(2.9, 2)).toBe(true);
    expect(withinGuest(3.1, 2)).toBe(false);
    expect(withinGuest(1.3, 2)).toBe(false);
    expect(withinGuest(1.34, 2)).toBe(true);
    // R = 0.5: from 0.5/1.5 = 0.333 to 0.75
    expect(withinGuest(0.7, 0.5)).toBe(true);
    expect(withinGuest(0.8, 0.5)).toBe(false);
    expect(withinGuest(0.3, 0.5)).toBe(false);
  });

  it('observed 0.8–1.25: a prediction counts when it is also within 0.8–1.25', () => {
    expect(withinGuest(1.1, 1)).toBe(true);
    expect(withinGuest(0.8, 1.25)).toBe(true);
    expect(withinGuest(1.3, 1)).toBe(false);
    expect(withinGuest(1.3, 1.25)).toBe(false);
    expect(withinGuest(0.79, 0.9)).toBe(false);
  });

  it('a set: shares, GMFE, bias, coverage and grey counted as a miss in the separate figure', () => {
    const m = scoreSet([
      { observed: 2, predicted: 4 }, // 2-fold exactly: in; Guest 1.333–3: out
      { observed: 1, predicted: 1 }, // both in
      { observed: 10, predicted: 5, low: 8, high: 12 }, // 2-fold in; Guest 5.26–19: out; range covers 10
      { observed: 3, predicted: null }, // grey
    ]);
    expect(m.n).toBe(4);
    expect(m.nAnswered).toBe(3);
    expect(m.answered).toBe(0.75);
    expect(m.within2).toBe(1);
    expect(m.guest).toBeCloseTo(1 / 3, 12);
    // mean |log10| = (0.30103 + 0 + 0.30103)/3 → 10^0.2007 = 2^(2/3)
    expect(m.gmfe).toBeCloseTo(2 ** (2 / 3), 12);
    expect(m.bias).toBeCloseTo(1, 12);
    expect(m.coverage).toBe(1);
    expect(m.nWithRange).toBe(1);
    expect(m.within2All).toBe(0.75);
    expect(m.guestAll).toBe(0.25);
  });

  it('bias is the geometric mean of pred/obs; coverage counts an observation outside the range', () => {
    const m = scoreSet([
      { observed: 1, predicted: 2, low: 1.5, high: 3 },
      { observed: 2, predicted: 8, low: 4, high: 16 },
    ]);
    expect(m.bias).toBeCloseTo(Math.sqrt(2 * 4), 12);
    expect(m.gmfe).toBeCloseTo(Math.sqrt(8), 12);
    expect(m.coverage).toBe(0);
  });

  it('an empty set or an all-grey set gives null figures, never NaN', () => {
    expect(summaryFigures(scoreSet([]))).toEqual({ n: 0, answered: null, within2: null, guest: null, gmfe: null, bias: null, coverage: null });
    expect(summaryFigures(scoreSet([{ observed: 2, predicted: null }]))).toEqual({ n: 1, answered: 0, within2: null, guest: null, gmfe: null, bias: null, coverage: null });
  });

  it('summary figures are rounded to 3 decimals', () => {
    expect(summaryFigures(scoreSet([{ observed: 3, predicted: 1 }, { observed: 1, predicted: 1 }, { observed: 1, predicted: 1 }])).within2).toBe(0.667);
  });

  it('the Guest band for plots agrees with withinGuest at its edges', () => {
    const band = guestBand(0.05, 20);
    expect(band[0]!.observed).toBeCloseTo(0.05, 12);
    for (const b of band) {
      expect(withinGuest(b.low * 1.0001, b.observed)).toBe(true);
      expect(withinGuest(b.high * 0.9999, b.observed)).toBe(true);
      expect(withinGuest(b.high * 1.01, b.observed)).toBe(false);
    }
    expect(band.find((b) => b.observed === 1.25)).toEqual({ observed: 1.25, low: 0.8, high: 1.25 });
  });
});
