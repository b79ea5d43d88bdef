import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { conversionFactor, micromolarToNgPerMl, ngPerMlToMicromolar, suggestUnits } from './units.js';

describe('unit conversion (REQ-2.units)', () => {
  it('ng/mL → µM against hand-computed values', () => {
    // mitragynine MW 398.5: 32.6 ng/mL = 32.6/398.5 µM = 0.08181 µM (≈ 81.9 nM reported by Tanna 2022)
    expect(ngPerMlToMicromolar(32.6, 398.5)).toBeCloseTo(0.081807, 5);
    // CBD MW 314.46: 292.4 ng/mL = 0.92985 µM
    expect(ngPerMlToMicromolar(292.4, 314.46)).toBeCloseTo(0.929848, 5);
    const r = conversionFactor('ng/mL', ['concentration'], 314.46);
    expect(r.ok && r.factor * 292.4).toBeCloseTo(0.929848, 5);
  });
  it('µM → ng/mL round-trips', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-6, max: 1e4, noNaN: true }), fc.double({ min: 50, max: 2000, noNaN: true }), (c, mw) => {
        const back = ngPerMlToMicromolar(micromolarToNgPerMl(c, mw), mw);
        return Math.abs(back / c - 1) < 1e-12;
      }),
    );
  });
  it('time, rate and clearance units reach hours and litres', () => {
    const kinact = conversionFactor('1/min', ['rate']);
    expect(kinact.ok && kinact.factor * 0.068).toBeCloseTo(4.08, 10);
    const cl = conversionFactor('mL/min', ['clearance']);
    expect(cl.ok && cl.factor * 283).toBeCloseTo(16.98, 10);
    const ratio = conversionFactor('1/min/µM', ['secondOrderRate']);
    expect(ratio.ok && ratio.factor * 0.14).toBeCloseTo(8.4, 10);
    const pct = conversionFactor('%', ['fraction']);
    expect(pct.ok && pct.factor * 94).toBeCloseTo(0.94, 12);
  });
  it('an unknown unit is an error with suggestions, a mass unit without MW is an error', () => {
    const r = conversionFactor('ng/ml/h', ['concentration']);
    expect(r.ok).toBe(false);
    expect(r.ok === false && r.reason).toBe('unknown-unit');
    expect(suggestUnits('mgg')).toContain('mg');
    const m = conversionFactor('ng/mL', ['concentration']);
    expect(m.ok === false && m.reason).toBe('needs-mw');
    const d = conversionFactor('h', ['concentration']);
    expect(d.ok === false && d.reason).toBe('wrong-dimension');
  });
});
