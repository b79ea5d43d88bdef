/**
 * Issue 15 §6: solver outputs never negative. A fast first-order elimination (y' = −k·y, k = 500 /h) with a loose
 * tolerance drives explicit DOPRI5 to its stability boundary, where the accepted states and the dense output
 * oscillate around zero. With `nonNegative` every state and every interpolated value stays ≥ 0, and the solution
 * still matches the closed form within the tolerance.
 */
import { describe, expect, it } from 'vitest';
import { Dopri5 } from './dopri5.js';

const K = 500;
const rhs = (_t: number, y: Float64Array, dy: Float64Array): void => {
  dy[0] = -K * y[0]!;
  dy[1] = K * y[0]! - 0.1 * y[1]!; // what leaves the first compartment enters the second
};

function run(nonNegative: boolean): { minState: number; minDense: number; final: Float64Array } {
  const s = new Dopri5(2);
  const y = Float64Array.from([1, 0]);
  let minState = Infinity;
  let minDense = Infinity;
  s.integrate(rhs, 0, y, 20, { rtol: 1e-3, atol: 1e-6, nonNegative }, (sol, t0, t1) => {
    minState = Math.min(minState, sol.yEnd[0]!, sol.yEnd[1]!);
    for (let k = 1; k <= 8; k++) minDense = Math.min(minDense, sol.interpolate(t0 + ((t1 - t0) * k) / 9, 0));
  });
  return { minState, minDense, final: y };
}

describe('non-negative solutions (issue 15 §6)', () => {
  it('the test problem does go negative without the option (so the test can fail)', () => {
    const { minState, minDense } = run(false);
    expect(Math.min(minState, minDense)).toBeLessThan(0);
  });
  it('with nonNegative, no state and no dense value is negative, and the answer is still right', () => {
    const { minState, minDense, final } = run(true);
    expect(minState).toBeGreaterThanOrEqual(0);
    expect(minDense).toBeGreaterThanOrEqual(0);
    expect(final[0]).toBeGreaterThanOrEqual(0);
    expect(final[0]).toBeLessThan(1e-5);
    // the second compartment: 1 unit in at once, then first-order loss at 0.1 /h (closed form)
    expect(Math.abs(final[1]! - Math.exp(-0.1 * 20)) / Math.exp(-0.1 * 20)).toBeLessThan(5e-3);
  });
});
