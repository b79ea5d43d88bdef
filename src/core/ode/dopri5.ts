/**
 * Adaptive Dormand–Prince 5(4) integrator ("DOPRI5") with FSAL, PI step-size control and the
 * 4th-order continuous extension for dense output.
 *
 * Method and coefficients: Dormand JR, Prince PJ. J Comput Appl Math 1980;6:19; controller, initial
 * step and dense output follow Hairer, Nørsett & Wanner, Solving ODEs I (2nd ed.), §II.4–II.6 and
 * the reference code `dopri5.f` (PI controller with beta = 0.04, safety 0.9, factor limits 0.2–10).
 *
 * Numeric habits (STYLE.md): every work array is allocated once per instance, the right-hand side
 * writes into an output array, nothing is logged, warnings come back as data and a non-finite state
 * or an exhausted step budget throws a typed `CrosstalkError`.
 */
import { fail } from '../errors.js';

import { initialStep, type Rhs, type SolverStats, type SolverWarning, type StepObserver, type Stepper, type StepperOptions } from './stepper.js';
import { MAX_ODE_STEPS } from '../limits.js';

export type { Rhs, SolverStats, SolverWarning, SolverWarningCode, StepObserver } from './stepper.js';
/** Options of `Dopri5.integrate` (the same for every stepper). */
export type Dopri5Options = StepperOptions;

// Dormand–Prince tableau
const C2 = 1 / 5, C3 = 3 / 10, C4 = 4 / 5, C5 = 8 / 9;
const A21 = 1 / 5;
const A31 = 3 / 40, A32 = 9 / 40;
const A41 = 44 / 45, A42 = -56 / 15, A43 = 32 / 9;
const A51 = 19372 / 6561, A52 = -25360 / 2187, A53 = 64448 / 6561, A54 = -212 / 729;
const A61 = 9017 / 3168, A62 = -355 / 33, A63 = 46732 / 5247, A64 = 49 / 176, A65 = -5103 / 18656;
const A71 = 35 / 384, A73 = 500 / 1113, A74 = 125 / 192, A75 = -2187 / 6784, A76 = 11 / 84;
// error estimate coefficients (5th minus 4th order)
const E1 = 71 / 57600, E3 = -71 / 16695, E4 = 71 / 1920, E5 = -17253 / 339200, E6 = 22 / 525, E7 = -1 / 40;
// dense output (Hairer's d-coefficients for the 4th-order continuous extension)
const D1 = -12715105075 / 11282082432, D3 = 87487479700 / 32700410799, D4 = -10690763975 / 1880347072;
const D5 = 701980252875 / 199316789632, D6 = -1453857185 / 822651844, D7 = 69997945 / 29380423;

// Hairer uses h·λ > 3.25; with the PI controller steps settle at h·λ ≈ 3.1 on the stability boundary, so 2.8.
const STIFF_HLAMBDA = 2.8;
const SAFE = 0.9, BETA = 0.04, EXPO1 = 0.2 - BETA * 0.75, FACC1 = 5, FACC2 = 0.1;

/** One reusable DOPRI5 workspace for systems of a fixed dimension. */
export class Dopri5 implements Stepper {
  readonly n: number;
  readonly order = 5;
  // k1, k2, k1Prev and y1, yCur, yPrev change roles after each accepted step (buffers swapped, not copied)
  private k1: Float64Array;
  private k2: Float64Array;
  private readonly k3: Float64Array;
  private readonly k4: Float64Array;
  private readonly k5: Float64Array;
  private readonly k6: Float64Array;
  private y1: Float64Array;
  private readonly ys: Float64Array;
  /** The current state during `integrate` (the caller's array is read at the start and written at the end). */
  private yCur: Float64Array;
  /** The scalar absolute tolerance as a vector, so the error loop has one form. */
  private readonly atolFill: Float64Array;
  private readonly r1: Float64Array;
  private readonly r2: Float64Array;
  private readonly r3: Float64Array;
  private readonly r4: Float64Array;
  private readonly r5: Float64Array;
  /**
   * The components integrated, as runs of consecutive indices [lo, hi) flattened (lo0, hi0, lo1, hi1, …): every loop
   * over the state walks the runs, so a subset costs no indirection per component. `[0, n)` without `live`.
   */
  private readonly allRuns: Int32Array;
  private liveRuns: Int32Array | null = null;
  /** The `live` array `liveRuns` was made from (a runner passes the same one on every call). */
  private liveRunsOf: Int32Array | null = null;
  private denseReady = false;
  /** The last integrate call's `nonNegative`: dense output is clamped at zero too. */
  private nonNegative = false;
  // NaN until the first step: fields of doubles start as doubles (a small integer first would make V8 change the
  // object's layout at the first fractional step and discard the compiled integrator, issue 12 §12)
  private hLast = NaN;
  private tLast = NaN;
  /** Derivative at the start of the most recent accepted step (valid inside an observer). */
  get fStart(): Float64Array {
    return this.k1Prev;
  }
  /** Derivative at the end of the most recent accepted step (valid inside an observer). */
  get fEnd(): Float64Array {
    return this.k1;
  }
  /** State at the start of the most recent accepted step (valid inside an observer). */
  get yStart(): Float64Array {
    return this.yPrev;
  }
  /** State at the end of the most recent accepted step (valid inside an observer). */
  get yEnd(): Float64Array {
    return this.yCur;
  }
  private k1Prev: Float64Array;
  private yPrev: Float64Array;
  readonly stats: SolverStats = { steps: 0, accepted: 0, rejected: 0, rhsEvals: 0 };
  readonly warnings: SolverWarning[] = [];
  /** Step budget shared across calls; reset with `resetStats`. */
  maxSteps = MAX_ODE_STEPS;

  constructor(n: number) {
    if (!Number.isInteger(n) || n <= 0) fail('INPUT_INVALID', { field: 'ode.n', problem: `dimension must be a positive integer, got ${n}` }, { field: 'n' });
    this.n = n;
    const mk = (): Float64Array => new Float64Array(n);
    this.k1 = mk(); this.k2 = mk(); this.k3 = mk(); this.k4 = mk(); this.k5 = mk(); this.k6 = mk();
    this.y1 = mk(); this.ys = mk(); this.yCur = mk(); this.atolFill = mk();
    this.r1 = mk(); this.r2 = mk(); this.r3 = mk(); this.r4 = mk(); this.r5 = mk();
    this.k1Prev = mk(); this.yPrev = mk();
    this.allRuns = Int32Array.of(0, n);
  }

  resetStats(): void {
    this.stats.steps = 0; this.stats.accepted = 0; this.stats.rejected = 0; this.stats.rhsEvals = 0;
    this.warnings.length = 0;
  }

  /**
   * Integrate y' = f(t, y) from t0 to t1 (t1 > t0), overwriting `y` with y(t1).
   * `observer` is called after every accepted step, with dense output available for [tOld, tNew].
   * Returns the proposed next step size (a good first step for a continuation); when the final step
   * was shortened to land on t1, the proposal from before the cut if that is larger.
   *
   * A solver inner loop, kept whole on purpose (the one exception to the 80-line rule, issue 10): the stage
   * evaluations, error norm, PI step control and stiffness test share the loop's state (h, facold, reject,
   * the stage arrays) and follow `dopri5.f` line for line, which is how it is checked against the reference.
   */
  integrate(f: Rhs, t0: number, y: Float64Array, t1: number, opts: Dopri5Options = {}, observer?: StepObserver): number {
    const n = this.n;
    if (y.length !== n) fail('INPUT_INVALID', { field: 'ode.y', problem: `expected length ${n}, got ${y.length}` }, { field: 'y' });
    if (!(t1 > t0)) return opts.h0 ?? 0;
    const rtol = opts.rtol ?? 1e-6;
    const atolS = typeof opts.atol === 'number' ? opts.atol : 1e-9;
    const atolV = typeof opts.atol === 'object' ? opts.atol : null;
    const atol = atolV ?? this.atolFill.fill(atolS);
    const hmax = Math.min(opts.hmax ?? Infinity, t1 - t0);
    const nonNegative = (this.nonNegative = opts.nonNegative ?? false);
    const { k3, k4, k5, k6, ys } = this;
    let { k1, k2, y1, k1Prev, yPrev } = this;
    this.checkFinite(y, t0);
    let yc = this.yCur;
    yc.set(y);
    const runs = this.runsFor(opts.live), nr = runs.length;
    // Components outside `live` are never written below: every state buffer the stages read starts with their values.
    if (opts.live) { ys.set(y); y1.set(y); yPrev.set(y); }
    f(t0, yc, k1);
    this.stats.rhsEvals++;
    let h = opts.h0 && opts.h0 > 0 ? Math.min(opts.h0, hmax) : this.initialStep(f, t0, yc, hmax, rtol, atolS, atolV);
    let t = t0;
    let facold = 1e-4;
    let reject = false;
    let nonstiffRun = 0;
    let stiffCount = 0;
    let rejectedHere = 0;
    let acceptedHere = 0;
    let hUncut = 0; // the controller's proposal before the final step was cut to land on t1
    while (t < t1) {
      if (this.stats.steps >= this.maxSteps)
        fail('SIM_STEP_LIMIT', { problem: `step limit ${this.maxSteps} reached`, tH: t }, { field: 'maxSteps', tH: t });
      if (h < 1e-14 * Math.max(1, Math.abs(t)))
        fail('SIM_STEP_LIMIT', { problem: `step size underflow (h = ${h})`, tH: t }, { field: 'h', tH: t });
      let last = false;
      if (t + 1.01 * h >= t1) { hUncut = Math.max(hUncut, h); h = t1 - t; last = true; }
      this.stats.steps++;
      for (let r = 0; r < nr; r += 2) for (let i = runs[r]!; i < runs[r + 1]!; i++) { ys[i] = yc[i]! + h * A21 * k1[i]!; }
      f(t + C2 * h, ys, k2);
      for (let r = 0; r < nr; r += 2) for (let i = runs[r]!; i < runs[r + 1]!; i++) { ys[i] = yc[i]! + h * (A31 * k1[i]! + A32 * k2[i]!); }
      f(t + C3 * h, ys, k3);
      for (let r = 0; r < nr; r += 2) for (let i = runs[r]!; i < runs[r + 1]!; i++) { ys[i] = yc[i]! + h * (A41 * k1[i]! + A42 * k2[i]! + A43 * k3[i]!); }
      f(t + C4 * h, ys, k4);
      for (let r = 0; r < nr; r += 2) for (let i = runs[r]!; i < runs[r + 1]!; i++) { ys[i] = yc[i]! + h * (A51 * k1[i]! + A52 * k2[i]! + A53 * k3[i]! + A54 * k4[i]!); }
      f(t + C5 * h, ys, k5);
      for (let r = 0; r < nr; r += 2) for (let i = runs[r]!; i < runs[r + 1]!; i++) { ys[i] = yc[i]! + h * (A61 * k1[i]! + A62 * k2[i]! + A63 * k3[i]! + A64 * k4[i]! + A65 * k5[i]!); }
      const tph = t + h;
      f(tph, ys, k6);
      for (let r = 0; r < nr; r += 2) for (let i = runs[r]!; i < runs[r + 1]!; i++) { y1[i] = yc[i]! + h * (A71 * k1[i]! + A73 * k3[i]! + A74 * k4[i]! + A75 * k5[i]! + A76 * k6[i]!); }
      f(tph, y1, k2); // k2 now holds f(t+h, y1) = k7 (FSAL)
      this.stats.rhsEvals += 6;
      // error estimate; the same pass notes a negative or non-finite component of y1 for the checks on acceptance
      let err = 0, negative = false, nonFinite = false;
      for (let r = 0; r < nr; r += 2) for (let i = runs[r]!; i < runs[r + 1]!; i++) {
        const e = h * (E1 * k1[i]! + E3 * k3[i]! + E4 * k4[i]! + E5 * k5[i]! + E6 * k6[i]! + E7 * k2[i]!);
        const yi = y1[i]!;
        const sk = atol[i]! + rtol * Math.max(Math.abs(yc[i]!), Math.abs(yi));
        // A quantity that cannot be negative: a dip below zero counts as error, so a deep one shrinks the step.
        const q = nonNegative && yi < 0 ? Math.max(Math.abs(e), -yi) / sk : e / sk;
        err += q * q;
        if (yi < 0) negative = true;
        else if (!(yi <= Number.MAX_VALUE)) nonFinite = true;
      }
      err = Math.sqrt(err / n); // n, not the live count: a held component counts as one with zero error (see StepperOptions.live)
      if (!Number.isFinite(err)) {
        // A non-finite trial state: shrink the step; throw only if the state itself cannot be advanced.
        this.checkFinite(y, t);
        h *= 0.1;
        reject = true;
        this.stats.rejected++;
        rejectedHere++;
        continue;
      }
      const fac11 = Math.pow(err, EXPO1);
      let fac = fac11 / Math.pow(facold, BETA);
      fac = Math.max(FACC2, Math.min(FACC1, fac / SAFE));
      let hnew = h / fac;
      if (err <= 1) {
        facold = Math.max(err, 1e-4);
        this.stats.accepted++;
        acceptedHere++;
        // stiffness detection (Hairer): compare |k7 - k6| / |y1 - ys|
        if (this.stats.accepted % 10 === 0 || stiffCount > 0) {
          let stnum = 0, stden = 0;
          for (let r = 0; r < nr; r += 2) for (let i = runs[r]!; i < runs[r + 1]!; i++) {
            const a = k2[i]! - k6[i]!; stnum += a * a;
            const b = y1[i]! - ys[i]!; stden += b * b;
          }
          // Counted without a branch: code first run after the optimising compiler has compiled this loop (the first
          // stiff-looking step comes late in a population) has no type feedback, and running it discards the compiled
          // loop — measured: 2 more TurboFan compilations of this function per thread, ~0.3 s of CPU (issue 12 §12).
          const stiff = stden > 0 && h * h * stnum > STIFF_HLAMBDA * STIFF_HLAMBDA * stden ? 1 : 0;
          nonstiffRun = (nonstiffRun + 1) * (1 - stiff); // a stiff step restarts the run of non-stiff ones
          stiffCount = nonstiffRun === 6 ? 0 : stiffCount + stiff;
          if (stiffCount === 15 && stiff === 1)
            this.warnings.push({ code: 'SIM_WARN_STIFFNESS_SUSPECTED', message: 'the problem looks stiff: DOPRI5 steps are stability-limited (consider liverQSS)', tH: t });
        }
        if (nonFinite) this.checkFinite(y1, tph);
        if (nonNegative && negative) {
          // The dip is within tolerance here (else the step was rejected): set it to zero, and keep FSAL exact.
          for (let r = 0; r < nr; r += 2) for (let i = runs[r]!; i < runs[r + 1]!; i++) if (y1[i]! < 0) y1[i] = 0;
          f(tph, y1, k2); this.stats.rhsEvals++;
        }
        // Keep the step for dense output and advance: the start state and derivative become yPrev and k1Prev, the
        // end ones (y1, and k7 in k2) the current — buffers swapped, not copied. Dense coefficients are built
        // lazily from k1Prev, k3..k6, k1 (= k7), yPrev and yCur, valid until the next step.
        let swap = yPrev; yPrev = yc; yc = y1; y1 = swap;
        swap = k1Prev; k1Prev = k1; k1 = k2; k2 = swap;
        this.yPrev = yPrev; this.yCur = yc; this.y1 = y1; this.k1Prev = k1Prev; this.k1 = k1; this.k2 = k2;
        this.denseReady = false;
        this.hLast = h;
        this.tLast = t;
        const tOld = t;
        t = last ? t1 : tph;
        if (observer) observer(this, tOld, t);
        if (Math.abs(hnew) > hmax) hnew = hmax;
        if (reject) hnew = Math.min(hnew, h);
        reject = false;
        h = hnew;
      } else {
        hnew = h / Math.min(FACC1, fac11 / SAFE);
        hUncut = 0;
        reject = true;
        this.stats.rejected++;
        rejectedHere++;
        h = hnew;
      }
    }
    y.set(yc);
    if (rejectedHere > 20 && rejectedHere > acceptedHere)
      this.warnings.push({ code: 'SIM_WARN_MANY_REJECTIONS', message: `more than half the steps were rejected (${rejectedHere}/${rejectedHere + acceptedHere}) on [${t0}, ${t1}]`, tH: t0 });
    return Math.max(h, Math.min(hUncut, opts.hmax ?? Infinity));
  }

  /** Value of component i at time t inside the last accepted step (4th-order continuous extension). */
  interpolate(t: number, i: number): number {
    if (!this.denseReady) this.prepareDense();
    const th = (t - this.tLast) / this.hLast;
    const th1 = 1 - th;
    const v = this.r1[i]! + th * (this.r2[i]! + th1 * (this.r3[i]! + th * (this.r4[i]! + th1 * this.r5[i]!)));
    return this.nonNegative && v < 0 ? 0 : v;
  }

  /** d/dt of the interpolant of component i at time t inside the last accepted step. */
  interpolateDerivative(t: number, i: number): number {
    if (!this.denseReady) this.prepareDense();
    const th = (t - this.tLast) / this.hLast;
    const th1 = 1 - th;
    const r3 = this.r3[i]!, r4 = this.r4[i]!, r5 = this.r5[i]!;
    const q = r3 + th * (r4 + th1 * r5);
    const dq = r4 + (1 - 2 * th) * r5;
    const s = this.r2[i]! + th1 * q;
    const ds = -q + th1 * dq;
    return (s + th * ds) / this.hLast;
  }

  /** Start and end time of the last accepted step. */
  lastStep(): { t0: number; t1: number } {
    return { t0: this.tLast, t1: this.tLast + this.hLast };
  }

  private prepareDense(): void {
    // Called while k1Prev (=k1 of the step), k3..k6, k1 (=k7), yPrev and yCur are valid.
    const n = this.n, h = this.hLast;
    const { k1Prev: k1, k1: k7, k3, k4, k5, k6, yPrev: y0, yCur: y1 } = this;
    for (let i = 0; i < n; i++) {
      const ydiff = y1[i]! - y0[i]!;
      const bspl = h * k1[i]! - ydiff;
      this.r1[i] = y0[i]!;
      this.r2[i] = ydiff;
      this.r3[i] = bspl;
      this.r4[i] = ydiff - h * k7[i]! - bspl;
      this.r5[i] = h * (D1 * k1[i]! + D3 * k3[i]! + D4 * k4[i]! + D5 * k5[i]! + D6 * k6[i]! + D7 * k7[i]!);
    }
    this.denseReady = true;
  }

  /** The runs of `live` (checked: ascending indices below n), or [0, n). */
  private runsFor(live: Int32Array | undefined): Int32Array {
    if (!live) return this.allRuns;
    if (live === this.liveRunsOf && this.liveRuns) return this.liveRuns;
    const out: number[] = [];
    for (let j = 0; j < live.length; j++) {
      const i: number = live[j]!;
      if (!(Number.isInteger(i) && i >= (j > 0 ? live[j - 1]! + 1 : 0) && i < this.n))
        fail('INPUT_INVALID', { field: 'ode.live', problem: `expected ascending indices below ${this.n}, got ${i} at ${j}` }, { field: 'live' });
      if (out.length > 0 && out[out.length - 1] === i) out[out.length - 1] = i + 1;
      else out.push(i, i + 1);
    }
    this.liveRunsOf = live;
    return (this.liveRuns = Int32Array.from(out));
  }

  private checkFinite(y: Float64Array, t: number): void {
    for (let i = 0; i < y.length; i++) {
      if (!Number.isFinite(y[i]!))
        fail('SIM_NONFINITE_STATE', { index: i, value: String(y[i]), tH: t }, { field: `y[${i}]`, tH: t });
    }
  }

  /** Initial step size (Hairer's `hinit`, order 5). k1 must hold f(t0, y0). Uses k2/ys as scratch. */
  private initialStep(f: Rhs, t0: number, y: Float64Array, hmax: number, rtol: number, atolS: number, atolV: Float64Array | null): number {
    this.stats.rhsEvals++;
    return initialStep(f, t0, y, this.k1, this.k2, this.ys, hmax, rtol, atolS, atolV, 5);
  }
}
