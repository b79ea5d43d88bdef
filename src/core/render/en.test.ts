/** Plain-language headlines: a ratio inside the FDA no-interaction band is not given a direction. */
import { describe, expect, it } from 'vitest';
import { statement } from '../schema/statement.js';
import { renderEn } from './en.js';

const dyn = (ratio: number) => renderEn(statement('PLAIN_DYNAMIC', 'plain', { perpetrator: 'P', analyte: 'V', ratio, low: 0.5, high: 2, tmaxShiftH: 0 }));
const anc = (ratio: number) => renderEn(statement('PLAIN_ANCHORED', 'plain', { perpetrator: 'P', analyte: 'V', ratio, low: 0.5, high: 2, studies: 2 }));

describe('plain headlines of the dynamic and anchored models', () => {
  it('inside 0.8–1.25: "not … meaningfully", no "raise"/"lower"', () => {
    for (const r of [0.81, 1, 1.24]) {
      expect(dyn(r)).toMatch(/not predicted to change V exposure meaningfully/);
      expect(anc(r)).toMatch(/not estimated to change V exposure meaningfully/);
      expect(dyn(r) + anc(r)).not.toMatch(/\b(raise|lower)\b/);
    }
  });
  it('at and beyond the band edges: the direction is stated', () => {
    expect(dyn(1.25)).toMatch(/predicted to raise V exposure about 1\.25-fold/);
    expect(anc(0.8)).toMatch(/estimated to lower V exposure/);
    expect(anc(3)).toMatch(/estimated to raise V exposure about 3\.00-fold/);
  });
});
