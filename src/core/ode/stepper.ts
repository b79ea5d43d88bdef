/**
 * What every adaptive Runge–Kutta integrator here offers (DOPRI5, Bogacki–Shampine 3(2)): one
 * conformance surface, so the event loop, the arm runner and the tests work with either.
 */

/** Right-hand side: write dy/dt at (t, y) into `dydt`. Must not keep references to the arrays. */
export type Rhs = (t: number, y: Float64Array, dydt: Float64Array) => void;

export interface StepperOptions {
  /** Relative tolerance (default 1e-6, MODEL.md §2.3). */
  rtol?: number;
  /** Absolute tolerance, scalar or per component (default 1e-9). */
  atol?: number | Float64Array;
  /** Largest step in time units (default Infinity). */
  hmax?: number;
  /** First step; estimated (Hairer's `hinit`) when absent. */
  h0?: number;
  /**
   * Every component is a quantity that cannot be negative (amounts, concentrations): a step whose result dips
   * below zero by more than the tolerance is rejected and retried smaller, a dip within it is set to zero, and
   * dense output never returns a negative value (Shampine, Thompson, Kierzenka & Byrne, "Non-negative solutions
   * of ODEs", Appl Math Comput 2005;170:556 — MATLAB's NonNegative option).
   */
  nonNegative?: boolean;
  /**
   * Indices of the components that may change, ascending (default: all). Every other component must have a
   * derivative of exactly 0 and a value ≥ 0 throughout the call — the right-hand side still writes the 0 — as the
   * depots held in closed form and the algebraic liver of the interaction model do: the solver keeps them at their
   * start value and skips them in the stage sums, the error norm and the stiffness test, where each would add exactly
   * 0. The steps taken are therefore the same as without this option (the RMS error norm still divides by the full
   * dimension, and the initial step still sees every component); only the work per step shrinks (issue 12 §12).
   */
  live?: Int32Array;
}

/** Warning codes the solver may return (never thrown, never logged). */
export type SolverWarningCode = 'SIM_WARN_STIFFNESS_SUSPECTED' | 'SIM_WARN_MANY_REJECTIONS';

export interface SolverWarning {
  code: SolverWarningCode;
  message: string;
  tH?: number;
}

export interface SolverStats {
  steps: number;
  accepted: number;
  rejected: number;
  rhsEvals: number;
}

/** Dense output of the most recent accepted step (valid inside a step observer). */
export interface DenseStep {
  /** Value of component i at time t inside the last accepted step. */
  interpolate(t: number, i: number): number;
  /** d/dt of the interpolant of component i at time t inside the last accepted step. */
  interpolateDerivative(t: number, i: number): number;
  lastStep(): { t0: number; t1: number };
  readonly yStart: Float64Array;
  readonly yEnd: Float64Array;
  readonly fStart: Float64Array;
  readonly fEnd: Float64Array;
}

/** Called after each accepted step; use `interpolate`/`interpolateDerivative` inside it. */
export type StepObserver = (solver: DenseStep, tOld: number, tNew: number) => void;

/** An adaptive integrator with a reusable workspace for systems of a fixed dimension. */
export interface Stepper extends DenseStep {
  readonly n: number;
  /** Order of the propagated solution (DOPRI5: 5). */
  readonly order: number;
  readonly stats: SolverStats;
  readonly warnings: SolverWarning[];
  /** Step budget shared across calls; reset with `resetStats`. */
  maxSteps: number;
  resetStats(): void;
  /**
   * Integrate y' = f(t, y) from t0 to t1 (t1 > t0), overwriting `y` with y(t1); returns the
   * proposed next step size.
   */
  integrate(f: Rhs, t0: number, y: Float64Array, t1: number, opts?: StepperOptions, observer?: StepObserver): number;
}

/** Hairer's initial step (`hinit`) for a method of order `order`. k1 must hold f(t0, y0); k2 and ys are scratch. */
export function initialStep(
  f: Rhs, t0: number, y: Float64Array, k1: Float64Array, k2: Float64Array, ys: Float64Array,
  hmax: number, rtol: number, atolS: number, atolV: Float64Array | null, order: number,
): number {
  const n = y.length;
  let dnf = 0, dny = 0;
  for (let i = 0; i < n; i++) {
    const sk = (atolV ? atolV[i]! : atolS) + rtol * Math.abs(y[i]!);
    dnf += (k1[i]! / sk) ** 2;
    dny += (y[i]! / sk) ** 2;
  }
  let h = dnf <= 1e-10 || dny <= 1e-10 ? 1e-6 : Math.sqrt(dny / dnf) * 0.01;
  h = Math.min(h, hmax);
  for (let i = 0; i < n; i++) ys[i] = y[i]! + h * k1[i]!;
  f(t0 + h, ys, k2);
  let der2 = 0;
  for (let i = 0; i < n; i++) {
    const sk = (atolV ? atolV[i]! : atolS) + rtol * Math.abs(y[i]!);
    der2 += ((k2[i]! - k1[i]!) / sk) ** 2;
  }
  der2 = Math.sqrt(der2) / h;
  const der12 = Math.max(Math.abs(der2), Math.sqrt(dnf));
  const h1 = der12 <= 1e-15 ? Math.max(1e-6, Math.abs(h) * 1e-3) : Math.pow(0.01 / der12, 1 / order);
  return Math.min(100 * Math.abs(h), h1, hmax);
}
