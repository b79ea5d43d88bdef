import { describe, expect, it } from 'vitest';
import { shiftFractions } from './phenotype-shift.js';

describe('fractions of clearance move with the phenotype (MODEL.md §3)', () => {
  it('a CYP2D6 poor metaboliser loses that pathway; the others take its share', () => {
    // D = 1 + (0 − 1)·0.8 = 0.2: CYP3A4 0.1 → 0.5, and the unassigned 0.1 becomes 0.5 of what is left.
    const f = shiftFractions({ cyp2d6: 0.8, cyp3a4: 0.1 }, { cyp2d6: 'PM' });
    expect(f.cyp2d6).toBe(0);
    expect(f.cyp3a4).toBeCloseTo(0.5, 12);
  });
  it('an intermediate metaboliser keeps part of it (CYP2D6 IM multiplier 0.4)', () => {
    const f = shiftFractions({ cyp2d6: 0.5 }, { cyp2d6: 'IM' });
    expect(f.cyp2d6).toBeCloseTo(0.2 / 0.7, 12);
  });
  it('no phenotype, or one the table lacks, changes nothing', () => {
    expect(shiftFractions({ cyp3a4: 0.9 }, {})).toEqual({ cyp3a4: 0.9 });
    expect(shiftFractions({ cyp3a4: 0.9 }, { cyp3a4: 'PM' })).toEqual({ cyp3a4: 0.9 });
  });
});
