import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Dopri5, type Rhs } from './dopri5.js';
import { solveWithEvents } from './events.js';
import { bateman, batemanPeak, batemanSteadyState, twoCmtOral } from './analytic.js';
import { brentRoot } from './brent.js';
import { CrosstalkError } from '../errors.js';

/** gut → central (1-cmt) with elimination tracked, so mass balance can be checked. */
function oneCmt(ka: number, k: number): Rhs {
  return (_t, y, d) => {
    d[0] = -ka * y[0]!;
    d[1] = ka * y[0]! - k * y[1]!;
    d[2] = k * y[1]!;
  };
}

/** Sample component `i` / v at grid times through the dense output. */
function sampleRun(f: Rhs, y0: number[], tEnd: number, grid: number[], i: number, rtol: number, events: { tH: number; amt: number }[] = []): number[] {
  const s = new Dopri5(y0.length);
  const y = Float64Array.from(y0);
  const out = new Array<number>(grid.length).fill(NaN);
  let g = 0;
  while (g < grid.length && grid[g]! <= 0) { out[g] = y[i]!; g++; }
  solveWithEvents(s, f, y, 0, tEnd, events.map((e) => ({ tH: e.tH, apply: (yy) => { yy[0] = yy[0]! + e.amt; } })), { rtol, atol: 1e-14 }, (sol, _a, b) => {
    while (g < grid.length && grid[g]! <= b) { out[g] = sol.interpolate(grid[g]!, i); g++; }
  });
  return out;
}

describe('DOPRI5 against closed forms (MODEL.md §2.5)', () => {
  it('T1 Bateman: D 100, V 50, ka 1, k 0.1 → tmax 2.5584 h, Cmax 1.5485, AUC 20', () => {
    const pk = batemanPeak(100, 1, 50, 1, 0.1);
    expect(pk.tmaxH).toBeCloseTo(2.5584, 4);
    expect(pk.cmax).toBeCloseTo(1.5485, 4);
    const s = new Dopri5(4);
    const y = Float64Array.from([100, 0, 0, 0]);
    const f: Rhs = (_t, yy, d) => { d[0] = -yy[0]!; d[1] = yy[0]! - 0.1 * yy[1]!; d[2] = 0.1 * yy[1]!; d[3] = yy[1]! / 50; };
    let cmax = 0, tmax = 0;
    s.integrate(f, 0, y, 400, { rtol: 1e-10, atol: 1e-14 }, (sol, a, b) => {
      if (sol.fStart[1]! > 0 && sol.fEnd[1]! <= 0) {
        tmax = brentRoot((t) => sol.interpolateDerivative(t, 1), a, b);
        cmax = sol.interpolate(tmax, 1) / 50;
      }
    });
    expect(tmax).toBeCloseTo(2.5584, 4);
    expect(Math.abs(tmax - pk.tmaxH)).toBeLessThan(1e-6);
    expect(Math.abs(cmax - pk.cmax) / pk.cmax).toBeLessThan(1e-9);
    expect(y[3]!).toBeCloseTo(20, 8);
  });

  it('T2 multiple dosing τ 12 h: steady state matches, Cmax,ss 2.3060 at 2.1602 h', () => {
    const times = Array.from({ length: 30 }, (_, i) => i * 12);
    const grid = Array.from({ length: 1201 }, (_, i) => 348 + i * 0.01);
    const c = sampleRun(oneCmt(1, 0.1), [0, 0, 0], 360, grid, 1, 1e-10, times.map((tH) => ({ tH, amt: 100 })));
    let best = 0, arg = 0;
    c.forEach((v, i) => { if (v / 50 > best) { best = v / 50; arg = grid[i]! - 348; } });
    expect(best).toBeCloseTo(2.3060, 3);
    expect(arg).toBeCloseTo(2.1602, 1);
    for (let i = 0; i < grid.length; i += 50) {
      const ref = batemanSteadyState(grid[i]! - 348, 100, 1, 50, 1, 0.1, 12);
      expect(Math.abs(c[i]! / 50 - ref) / ref).toBeLessThan(2e-5); // 29 doses: e^(-0.1·348) residual is nil
    }
  });

  it('T3 two-compartment oral: tri-exponential, AUC = F·D/CL', () => {
    const p = { vcL: 20, k10PerH: 0.2, k12PerH: 0.5, k21PerH: 0.1 };
    const f: Rhs = (_t, y, d) => {
      d[0] = -1.5 * y[0]!;
      d[1] = 1.5 * y[0]! - (p.k10PerH + p.k12PerH) * y[1]! + p.k21PerH * y[2]!;
      d[2] = p.k12PerH * y[1]! - p.k21PerH * y[2]!;
      d[3] = y[1]! / p.vcL;
    };
    const grid = [0.1, 0.5, 1, 2, 5, 10, 24, 48, 96];
    const c = sampleRun(f, [100, 0, 0, 0], 96, grid, 1, 1e-10);
    grid.forEach((t, i) => {
      const ref = twoCmtOral(t, 100, 1, 1.5, p);
      expect(Math.abs(c[i]! / p.vcL - ref) / ref).toBeLessThan(1e-8);
    });
    const s = new Dopri5(4);
    const y = Float64Array.from([100, 0, 0, 0]);
    s.integrate(f, 0, y, 2000, { rtol: 1e-10, atol: 1e-14 });
    expect(y[3]! / (100 / (p.k10PerH * p.vcL))).toBeCloseTo(1, 8);
  });
});

describe('DOPRI5 properties (fast-check)', () => {
  const params = fc.record({
    ka: fc.double({ min: 0.05, max: 10, noNaN: true }),
    k: fc.double({ min: 0.01, max: 2, noNaN: true }),
    dose: fc.double({ min: 0.1, max: 1000, noNaN: true }),
  });

  it('mass balance: gut + central + eliminated = dose', () => {
    fc.assert(fc.property(params, ({ ka, k, dose }) => {
      const s = new Dopri5(3);
      const y = Float64Array.from([dose, 0, 0]);
      s.integrate(oneCmt(ka, k), 0, y, 48, { rtol: 1e-8, atol: 1e-12 * dose });
      expect(Math.abs(y[0]! + y[1]! + y[2]! - dose) / dose).toBeLessThan(1e-10);
      // An explicit RK step keeps a decaying amount within its absolute tolerance of zero, not exactly above it.
      expect(Math.min(y[0]!, y[1]!)).toBeGreaterThanOrEqual(-10 * 1e-12 * dose);
    }), { numRuns: 60 });
  });

  it('linear model at rtol 1e-10 matches the analytic solution to 1e-8 relative', () => {
    fc.assert(fc.property(params.filter((p) => Math.abs(p.ka - p.k) > 1e-3), ({ ka, k, dose }) => {
      const tEnd = Math.min(5 / k, 200);
      const grid = [0.25, 0.5, 1, 2, 4].map((x) => (x * tEnd) / 4.5);
      const c = sampleRun(oneCmt(ka, k), [dose, 0, 0], tEnd, grid, 1, 1e-10);
      grid.forEach((t, i) => {
        const ref = bateman(t, dose, 1, 1, ka, k);
        expect(Math.abs(c[i]! - ref) / ref).toBeLessThan(1e-8);
      });
    }), { numRuns: 60 });
  });

  it('results are independent of the output grid', () => {
    fc.assert(fc.property(params, fc.array(fc.double({ min: 0.01, max: 47.9, noNaN: true }), { minLength: 1, maxLength: 40 }), ({ ka, k, dose }, extra) => {
      const base = [1, 6, 24];
      const a = sampleRun(oneCmt(ka, k), [dose, 0, 0], 48, base, 1, 1e-6);
      const g2 = [...new Set([...base, ...extra])].sort((x, y) => x - y);
      const b = sampleRun(oneCmt(ka, k), [dose, 0, 0], 48, g2, 1, 1e-6);
      base.forEach((t, i) => expect(b[g2.indexOf(t)]).toBe(a[i]));
    }), { numRuns: 40 });
  });
});

describe('DOPRI5 held components (StepperOptions.live, REQ-12.speed-live)', () => {
  // Two linear chains, with three components between and around them whose derivative is 0 between events (as the
  // closed-form depots and the algebraic liver of the interaction model): one feeds the first chain's rate.
  const HELD = [0, 3, 6];
  const LIVE = Int32Array.from([1, 2, 4, 5, 7]);
  const f: Rhs = (t, y, d) => {
    const input = 0.3 * y[0]! * Math.exp(-0.7 * t);
    d[0] = 0; d[3] = 0; d[6] = 0;
    d[1] = input - 0.4 * y[1]!;
    d[2] = 0.4 * y[1]! - 0.05 * y[2]! + 0.01 * y[5]!;
    d[4] = -1.3 * y[4]! + 0.2 * y[3]!;
    d[5] = 1.3 * y[4]! - 0.02 * y[5]!;
    d[7] = y[2]! / 30;
  };
  const run = (live?: Int32Array) => {
    const s = new Dopri5(8);
    const y = Float64Array.from([5, 0, 0, 2, 1, 0, 7, 0]);
    const dense: number[] = [];
    const events = [6, 12, 30].map((tH, k) => ({ tH, apply: (yy: Float64Array) => { yy[0] = yy[0]! + 4 + k; yy[3] = yy[3]! * 0.5; yy[4] = yy[4]! + 1; } }));
    solveWithEvents(s, f, y, 0, 48, events, { rtol: 1e-4, atol: 1e-8, nonNegative: true, live }, (sol, a, b) => {
      for (const i of [0, 2, 3, 5]) dense.push(sol.interpolate((a + b) / 2, i), sol.interpolateDerivative(b, i));
    });
    return { y, dense, stats: { ...s.stats } };
  };

  it('takes the same steps and gives the same solution and dense output as the full integration', () => {
    const full = run(), held = run(LIVE);
    expect(held.stats).toEqual(full.stats);
    expect(Array.from(held.y)).toEqual(Array.from(full.y));
    expect(held.dense).toEqual(full.dense);
    for (const i of HELD) expect(held.y[i]).not.toBe(0); // held, not zeroed
  });

  it('is not a no-op: naming a changing component as held changes the answer', () => {
    expect(Array.from(run(Int32Array.from([1, 4, 5, 7])).y)).not.toEqual(Array.from(run().y));
  });

  it('rejects indices that are not ascending or not below the dimension', () => {
    for (const live of [[1, 1, 2], [2, 1], [1, 8], [-1, 2]])
      expect(() => new Dopri5(8).integrate(f, 0, new Float64Array(8), 1, { live: Int32Array.from(live) })).toThrow(CrosstalkError);
  });
});

describe('DOPRI5 failure modes', () => {
  it('throws SIM_NONFINITE_STATE on a non-finite state', () => {
    const s = new Dopri5(1);
    const y = Float64Array.from([1]);
    expect(() => s.integrate((t, yy, d) => { d[0] = t > 0.5 ? NaN : yy[0]!; }, 0, y, 1)).toThrow(CrosstalkError);
    expect(() => s.integrate((_t, _y, d) => { d[0] = NaN; }, 0, Float64Array.from([NaN]), 1)).toThrowError(expect.objectContaining({ code: 'SIM_NONFINITE_STATE' }));
  });
  it('throws SIM_STEP_LIMIT instead of hanging', () => {
    const s = new Dopri5(1);
    s.maxSteps = 50;
    expect(() => s.integrate((_t, y, d) => { d[0] = -1e6 * y[0]!; }, 0, Float64Array.from([1]), 100)).toThrowError(expect.objectContaining({ code: 'SIM_STEP_LIMIT' }));
  });
  it('reports stiffness as a warning, not a log line', () => {
    const s = new Dopri5(2);
    s.integrate((_t, y, d) => { d[0] = -2000 * (y[0]! - Math.cos(y[1]!)); d[1] = 1; }, 0, Float64Array.from([1, 0]), 20, { rtol: 1e-6 });
    expect(s.warnings.some((w) => w.code === 'SIM_WARN_STIFFNESS_SUSPECTED')).toBe(true);
  });
});
