/**
 * Piecewise integration between discontinuities (MODEL.md §2.3): a bolus dose is a jump in the state,
 * so the integrator stops exactly at each event, applies it and restarts with a fresh step size.
 * The solver knows nothing of drugs: an event is a time and a function that edits the state.
 */
import { fail } from '../errors.js';
import type { Rhs, StepObserver, Stepper, StepperOptions } from './stepper.js';
import { MAX_ODE_STEPS } from '../limits.js';

export interface StateEvent {
  tH: number;
  /** Edit the state in place (e.g. add a dose to a depot). */
  apply: (y: Float64Array) => void;
}

export interface EventSolveOptions extends StepperOptions {
  /** Total step budget for the whole run (default 1e6), so no input can hang the solver. */
  maxSteps?: number;
}

/** Called when the integrator reaches an event time, before the events at that time are applied. */
export type EventHook = (tH: number, y: Float64Array) => void;

/**
 * Integrate from t0 to tEnd through the events (which need not be sorted; events at the same time are
 * applied in the given order). `y` holds the initial state on entry and y(tEnd) on return.
 */
export function solveWithEvents(
  solver: Stepper,
  f: Rhs,
  y: Float64Array,
  t0: number,
  tEnd: number,
  events: readonly StateEvent[],
  opts: EventSolveOptions = {},
  observer?: StepObserver,
  beforeEvent?: EventHook,
): void {
  if (!Number.isFinite(t0) || !Number.isFinite(tEnd) || tEnd < t0)
    fail('INPUT_INVALID', { field: 'ode.tEnd', problem: `need finite t0 <= tEnd, got ${t0}..${tEnd}` }, { field: 'tEnd' });
  solver.maxSteps = opts.maxSteps ?? MAX_ODE_STEPS;
  const sorted = events.map((e, i) => ({ e, i })).sort((a, b) => a.e.tH - b.e.tH || a.i - b.i);
  let t = t0;
  let k = 0;
  // Restart the step-size selection after each discontinuity (h0 undefined: Hairer's initial step): continuing with
  // the previous segment's step was measured (bench/sim.ts, 7-day qd) to cost more steps and to put 5e-3 errors into
  // Cmax ratios, because a dose makes the problem fast again. h0 is part of the object from the start: assigning it on
  // every segment to an object made without it changed V8's layout of that object on every run (a field generalisation
  // per arm, issue 12 §12).
  const segOpts: StepperOptions = { ...opts, h0: undefined };
  while (k < sorted.length && sorted[k]!.e.tH <= t) {
    const ev = sorted[k]!.e;
    if (!Number.isFinite(ev.tH)) fail('INPUT_INVALID', { field: `ode.events[${k}].tH`, problem: 'not finite' }, { field: `events[${k}].tH` });
    if (ev.tH >= t0) { beforeEvent?.(ev.tH, y); ev.apply(y); }
    k++;
  }
  while (t < tEnd) {
    const next = k < sorted.length ? Math.min(sorted[k]!.e.tH, tEnd) : tEnd;
    if (!Number.isFinite(next)) fail('INPUT_INVALID', { field: `ode.events[${k}].tH`, problem: 'not finite' }, { field: `events[${k}].tH` });
    if (next > t) {
      solver.integrate(f, t, y, next, segOpts, observer);
      t = next;
    }
    if (t >= tEnd) break;
    beforeEvent?.(t, y);
    while (k < sorted.length && sorted[k]!.e.tH <= t) { sorted[k]!.e.apply(y); k++; }
  }
}
