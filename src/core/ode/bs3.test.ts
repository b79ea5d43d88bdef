import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Bs3 } from './bs3.js';
import { Dopri5 } from './dopri5.js';
import { solveWithEvents } from './events.js';
import { bateman, batemanPeak, superpose } from './analytic.js';
import { brentRoot } from './brent.js';
import type { Rhs, Stepper } from './stepper.js';

/** gut → central (1-cmt) with elimination tracked, so mass balance can be checked. */
function oneCmt(ka: number, k: number): Rhs {
  return (_t, y, d) => {
    d[0] = -ka * y[0]!;
    d[1] = ka * y[0]! - k * y[1]!;
    d[2] = k * y[1]!;
  };
}

/** Fixed steps of size h: a tolerance no step can fail, and hmax = h0 = h. */
function fixedStepCentral(h: number): number {
  const s = new Bs3(3);
  const y = Float64Array.from([100, 0, 0]);
  s.integrate(oneCmt(1, 0.1), 0, y, 4, { rtol: 1e12, atol: 1e12, h0: h, hmax: h });
  expect(s.stats.steps).toBe(Math.round(4 / h));
  return y[1]!;
}

describe('BS3 (Bogacki–Shampine 3(2))', () => {
  it('is third order: the global error falls ×8 when h halves', () => {
    const exact = bateman(4, 100, 1, 1, 1, 0.1);
    const errs = [0.2, 0.1, 0.05, 0.025].map((h) => Math.abs(fixedStepCentral(h) - exact));
    for (let k = 1; k < errs.length; k++) {
      const ratio = errs[k - 1]! / errs[k]!;
      expect(ratio).toBeGreaterThan(7);
      expect(ratio).toBeLessThan(9);
    }
  });

  it('T1 Bateman at tight tolerance: Cmax, tmax (Brent on the Hermite dense output) and AUC', () => {
    const pk = batemanPeak(100, 1, 50, 1, 0.1);
    const s = new Bs3(4);
    const y = Float64Array.from([100, 0, 0, 0]);
    const f: Rhs = (_t, yy, d) => { d[0] = -yy[0]!; d[1] = yy[0]! - 0.1 * yy[1]!; d[2] = 0.1 * yy[1]!; d[3] = yy[1]! / 50; };
    let cmax = 0, tmax = 0;
    s.integrate(f, 0, y, 400, { rtol: 1e-10, atol: 1e-14 }, (sol, a, b) => {
      if (sol.fStart[1]! > 0 && sol.fEnd[1]! <= 0) {
        tmax = brentRoot((t) => sol.interpolateDerivative(t, 1), a, b);
        cmax = sol.interpolate(tmax, 1) / 50;
      }
    });
    expect(Math.abs(tmax - pk.tmaxH)).toBeLessThan(1e-5);
    expect(Math.abs(cmax - pk.cmax) / pk.cmax).toBeLessThan(1e-8);
    expect(y[3]! / 20).toBeCloseTo(1, 7);
  });

  it('dense output matches the solution inside steps, and its derivative matches f at both ends', () => {
    const s = new Bs3(3);
    const y = Float64Array.from([100, 0, 0]);
    let worst = 0;
    s.integrate(oneCmt(1, 0.1), 0, y, 48, { rtol: 1e-9, atol: 1e-12 }, (sol, a, b) => {
      for (const th of [0.25, 0.5, 0.75]) {
        const t = a + th * (b - a), ref = bateman(t, 100, 1, 1, 1, 0.1);
        worst = Math.max(worst, Math.abs(sol.interpolate(t, 1) - ref) / ref);
      }
      expect(sol.interpolate(a, 1)).toBeCloseTo(sol.yStart[1]!, 12);
      expect(sol.interpolate(b, 1)).toBeCloseTo(sol.yEnd[1]!, 12);
      expect(sol.interpolateDerivative(a, 1)).toBeCloseTo(sol.fStart[1]!, 9);
      expect(sol.interpolateDerivative(b, 1)).toBeCloseTo(sol.fEnd[1]!, 9);
    });
    expect(worst).toBeLessThan(1e-7);
  });

  it('stops exactly at dose events: multiple dosing matches superposition (both steppers)', () => {
    const times = [0, 12, 24, 36];
    const grid = [6, 12, 18, 30, 40, 47.5];
    for (const s of [new Bs3(3), new Dopri5(3)] as Stepper[]) {
      const y = Float64Array.from([0, 0, 0]);
      const out: number[] = [];
      let g = 0;
      solveWithEvents(s, oneCmt(1, 0.1), y, 0, 48, times.map((tH) => ({ tH, apply: (yy) => { yy[0] = yy[0]! + 100; } })), { rtol: 1e-9, atol: 1e-12 }, (sol, _a, b) => {
        while (g < grid.length && grid[g]! <= b) { out.push(sol.interpolate(grid[g]!, 1)); g++; }
      });
      grid.forEach((t, i) => {
        const ref = superpose(t, times, (dt) => bateman(dt, 100, 1, 1, 1, 0.1));
        expect(Math.abs(out[i]! - ref) / ref).toBeLessThan(1e-6);
      });
    }
  });

  it('mass balance: gut + central + eliminated = dose (fast-check)', () => {
    const params = fc.record({
      ka: fc.double({ min: 0.05, max: 10, noNaN: true }),
      k: fc.double({ min: 0.01, max: 2, noNaN: true }),
      dose: fc.double({ min: 0.1, max: 1000, noNaN: true }),
      rtol: fc.constantFrom(1e-3, 1e-6),
    });
    fc.assert(fc.property(params, ({ ka, k, dose, rtol }) => {
      const s = new Bs3(3);
      const y = Float64Array.from([dose, 0, 0]);
      s.integrate(oneCmt(ka, k), 0, y, 48, { rtol, atol: 1e-9 * dose });
      // every RK step conserves linear invariants exactly (up to rounding)
      expect(Math.abs(y[0]! + y[1]! + y[2]! - dose) / dose).toBeLessThan(1e-12);
    }), { numRuns: 60 });
  });

  it('uses 3 new right-hand-side evaluations per step (FSAL)', () => {
    const s = new Bs3(3);
    s.integrate(oneCmt(1, 0.1), 0, Float64Array.from([100, 0, 0]), 48, { rtol: 1e-6, atol: 1e-9 });
    expect(s.stats.rhsEvals).toBe(2 + 3 * s.stats.steps); // f(t0) and Hairer's initial-step probe
  });
});
