/**
 * Adaptive Bogacki–Shampine 3(2) integrator ("BS3", MATLAB's ode23) with FSAL: three new right-hand
 * side evaluations per step against six for DOPRI5, which pays at loose tolerances (populations run
 * at rtol 1e-3, where a 5th-order method takes steps far shorter than its accuracy needs).
 *
 * Method and coefficients: Bogacki P, Shampine LF. Appl Math Lett 1989;2:321. Dense output is the
 * cubic Hermite interpolant of (y0, f0, y1, f1), third order like the method (Shampine LF, Reichelt
 * MW. SIAM J Sci Comput 1997;18:1, §3). Controller, initial step and factor limits follow DOPRI5
 * (Hairer, Nørsett & Wanner, Solving ODEs I, §II.4) with exponents for an error estimate of order 3.
 *
 * No stiffness test: BS3 has no two stages at the same time point to estimate h·λ from (Hairer's
 * test for DOPRI5 uses k6 and k7); a stability-limited run shows up as many rejected steps instead.
 */
import { CrosstalkError } from '../errors.js';
import { initialStep, type Rhs, type SolverStats, type SolverWarning, type StepObserver, type Stepper, type StepperOptions } from './stepper.js';

const C2 = 1 / 2, C3 = 3 / 4;
const A21 = 1 / 2, A32 = 3 / 4;
const B1 = 2 / 9, B2 = 1 / 3, B3 = 4 / 9;
// error estimate: 3rd-order weights minus the embedded 2nd-order ones (7/24, 1/4, 1/3, 1/8)
const E1 = -5 / 72, E2 = 1 / 12, E3 = 1 / 9, E4 = -1 / 8;
const SAFE = 0.9, BETA = 0.04, EXPO1 = 1 / 3 - BETA * 0.75, FACC1 = 5, FACC2 = 0.1;

/** One reusable BS3 workspace for systems of a fixed dimension. */
export class Bs3 implements Stepper {
  readonly n: number;
  readonly order = 3;
  private readonly k1: Float64Array;
  private readonly k2: Float64Array;
  private readonly k3: Float64Array;
  private readonly k4: Float64Array;
  private readonly y1: Float64Array;
  private readonly ys: Float64Array;
  private readonly k1Prev: Float64Array;
  private readonly yPrev: Float64Array;
  private hLast = 0;
  private tLast = 0;
  readonly stats: SolverStats = { steps: 0, accepted: 0, rejected: 0, rhsEvals: 0 };
  readonly warnings: SolverWarning[] = [];
  maxSteps = 1_000_000;

  get fStart(): Float64Array { return this.k1Prev; }
  get fEnd(): Float64Array { return this.k4; }
  get yStart(): Float64Array { return this.yPrev; }
  get yEnd(): Float64Array { return this.y1; }

  constructor(n: number) {
    if (!Number.isInteger(n) || n <= 0) throw new CrosstalkError('INPUT_INVALID', `ode.n: dimension must be a positive integer, got ${n}`, { field: 'n' });
    this.n = n;
    const mk = (): Float64Array => new Float64Array(n);
    this.k1 = mk(); this.k2 = mk(); this.k3 = mk(); this.k4 = mk(); this.y1 = mk(); this.ys = mk();
    this.k1Prev = mk(); this.yPrev = mk();
  }

  resetStats(): void {
    this.stats.steps = 0; this.stats.accepted = 0; this.stats.rejected = 0; this.stats.rhsEvals = 0;
    this.warnings.length = 0;
  }

  /** See `Stepper.integrate`; the same contract as `Dopri5.integrate`. */
  integrate(f: Rhs, t0: number, y: Float64Array, t1: number, opts: StepperOptions = {}, observer?: StepObserver): number {
    const n = this.n;
    if (y.length !== n) throw new CrosstalkError('INPUT_INVALID', `ode.y: expected length ${n}, got ${y.length}`, { field: 'y' });
    if (!(t1 > t0)) return opts.h0 ?? 0;
    const rtol = opts.rtol ?? 1e-6;
    const atolS = typeof opts.atol === 'number' ? opts.atol : 1e-9;
    const atolV = typeof opts.atol === 'object' ? opts.atol : null;
    const hmax = Math.min(opts.hmax ?? Infinity, t1 - t0);
    const { k1, k2, k3, k4, y1, ys } = this;
    checkFinite(y, t0);
    f(t0, y, k1);
    this.stats.rhsEvals++;
    let h = opts.h0 && opts.h0 > 0 ? Math.min(opts.h0, hmax) : (this.stats.rhsEvals++, initialStep(f, t0, y, k1, k2, ys, hmax, rtol, atolS, atolV, 3));
    let t = t0;
    let facold = 1e-4;
    let reject = false;
    let rejectedHere = 0, acceptedHere = 0;
    let hUncut = 0;
    while (t < t1) {
      if (this.stats.steps >= this.maxSteps)
        throw new CrosstalkError('SIM_STEP_LIMIT', `ode: step limit ${this.maxSteps} reached at t = ${t}`, { field: 'maxSteps', tH: t });
      if (h < 1e-14 * Math.max(1, Math.abs(t)))
        throw new CrosstalkError('SIM_STEP_LIMIT', `ode: step size underflow (h = ${h}) at t = ${t}`, { field: 'h', tH: t });
      let last = false;
      if (t + 1.01 * h >= t1) { hUncut = Math.max(hUncut, h); h = t1 - t; last = true; }
      this.stats.steps++;
      for (let i = 0; i < n; i++) ys[i] = y[i]! + h * A21 * k1[i]!;
      f(t + C2 * h, ys, k2);
      for (let i = 0; i < n; i++) ys[i] = y[i]! + h * A32 * k2[i]!;
      f(t + C3 * h, ys, k3);
      for (let i = 0; i < n; i++) y1[i] = y[i]! + h * (B1 * k1[i]! + B2 * k2[i]! + B3 * k3[i]!);
      const tph = t + h;
      f(tph, y1, k4); // FSAL: k4 = f(t + h, y1) is the next step's k1
      this.stats.rhsEvals += 3;
      let err = 0;
      for (let i = 0; i < n; i++) {
        const e = h * (E1 * k1[i]! + E2 * k2[i]! + E3 * k3[i]! + E4 * k4[i]!);
        const sk = (atolV ? atolV[i]! : atolS) + rtol * Math.max(Math.abs(y[i]!), Math.abs(y1[i]!));
        const q = e / sk;
        err += q * q;
      }
      err = Math.sqrt(err / n);
      if (!Number.isFinite(err)) {
        checkFinite(y, t);
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
        const yP = this.yPrev, kP = this.k1Prev;
        for (let i = 0; i < n; i++) { yP[i] = y[i]!; kP[i] = k1[i]!; }
        this.hLast = h;
        this.tLast = t;
        checkFinite(y1, tph);
        for (let i = 0; i < n; i++) { y[i] = y1[i]!; k1[i] = k4[i]!; }
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
    if (rejectedHere > 20 && rejectedHere > acceptedHere)
      this.warnings.push({ code: 'SIM_WARN_MANY_REJECTIONS', message: `more than half the steps were rejected (${rejectedHere}/${rejectedHere + acceptedHere}) on [${t0}, ${t1}]`, tH: t0 });
    return Math.max(h, Math.min(hUncut, opts.hmax ?? Infinity));
  }

  /** Cubic Hermite interpolant of component i at time t inside the last accepted step. */
  interpolate(t: number, i: number): number {
    const h = this.hLast, th = (t - this.tLast) / h, th1 = 1 - th;
    const y0 = this.yPrev[i]!, d = this.y1[i]! - y0;
    return y0 + th * (d + th1 * ((2 * th - 1) * d + h * (th1 * this.k1Prev[i]! - th * this.k4[i]!)));
  }

  /** d/dt of the Hermite interpolant of component i at time t inside the last accepted step. */
  interpolateDerivative(t: number, i: number): number {
    const h = this.hLast, th = (t - this.tLast) / h;
    return (6 * th * (1 - th) * (this.y1[i]! - this.yPrev[i]!)) / h + (1 - th) * (1 - 3 * th) * this.k1Prev[i]! + th * (3 * th - 2) * this.k4[i]!;
  }

  lastStep(): { t0: number; t1: number } {
    return { t0: this.tLast, t1: this.tLast + this.hLast };
  }
}

function checkFinite(y: Float64Array, t: number): void {
  for (let i = 0; i < y.length; i++) {
    if (!Number.isFinite(y[i]!))
      throw new CrosstalkError('SIM_NONFINITE_STATE', `ode: state component ${i} is ${y[i]} at t = ${t}`, { field: `y[${i}]`, tH: t });
  }
}
