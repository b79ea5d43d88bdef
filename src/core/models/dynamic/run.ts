/**
 * One simulated arm: dose events → piecewise DOPRI5 → per-drug exposure metrics. Cmax/Tmax come from
 * the dense output (zero of dC/dt located by Brent's method inside the step), never from the grid;
 * AUC from the integral state (MODEL.md §2.4). Allocation per run is limited to the result objects.
 */
import { fail } from '../../errors.js';
import { Dopri5, solveWithEvents, type DenseStep, type SolverStats, type SolverWarning, type StateEvent, type Stepper } from '../../ode/index.js';
import { ExposureTracker, GridRecorder, type DrugExposure } from './arm-observers.js';
import { AUC, CEN, ELIM, FAST, GUT, LIV, STRIDE, type InteractionModel } from './model.js';
import type { DoseEvent, SolveSettings } from './types.js';
import { compileRhs, type CompiledRhs } from './rhs-codegen.js';

export type { DrugExposure } from './arm-observers.js';

export interface ArmResult {
  drugs: DrugExposure[];
  /** Full state at each grid time (right-continuous at dose times), when a grid was requested. */
  gridStates: Float64Array[] | null;
  gridH: number[] | null;
  finalState: Float64Array;
  stats: SolverStats;
  warnings: SolverWarning[];
}

/** Floor of the dose scale of the absolute tolerance (µmol), so an arm without doses still has atol > 0. */
const MIN_ATOL_SCALE_UMOL = 1e-12;

/**
 * Tolerance of the algebraic (QSS) liver: well below the integration tolerance, since its error enters every
 * stage — 1e-4·rtol, at most 1e-7. At population tolerances (rtol ≥ 1e-4) 1e-2·rtol, at most 1e-5, is
 * enough (Newton converges quadratically, so this mostly drops the last, confirming iteration): measured on
 * bench/sim.ts (10k × 7 days, rtol 1e-3) it saves 17 % of the Newton iterations (2.4 → 2.0 per call) and
 * moves no AUC or Cmax ratio by more than 1.2e-5.
 */
export function qssToleranceFor(rtol: number): number {
  return rtol >= 1e-4 ? Math.min(1e-5, rtol * 1e-2) : Math.min(1e-7, Math.max(1e-12, rtol * 1e-4));
}

/** The doses of one arm as solver events, with what the tolerances and metrics need to know about them. */
interface DoseSchedule {
  events: StateEvent[];
  /** Time of each drug's last dose (a metabolite inherits its parent's), or null. */
  lastDose: (number | null)[];
  dosedUmol: Float64Array;
  /** Largest single dose per drug and in the whole arm (µmol): the scale of the absolute tolerance. */
  doseScale: Float64Array;
  maxDoseUmol: number;
}

/** Reusable runner for one compiled model (one solver workspace, one state vector). */
export class ArmRunner {
  readonly model: InteractionModel;
  readonly settings: SolveSettings;
  private readonly solver: Stepper;
  private readonly y: Float64Array;
  private readonly atol: Float64Array;
  /** The right-hand side generated for this model's structure (rhs-codegen.ts), or null: the generic one serves. */
  private readonly compiled: CompiledRhs | null;
  /**
   * The state components that change during a segment, or undefined (all). With depots in closed form and the
   * algebraic liver, each drug's GUT, FAST and LIV slots have derivative 0 between doses (6 of the 16 components of a
   * two-drug arm with two enzyme states): the solver skips them, and takes the same steps (StepperOptions.live).
   */
  private readonly live: Int32Array | undefined;

  constructor(model: InteractionModel, settings: SolveSettings) {
    this.model = model;
    this.settings = settings;
    this.compiled = settings.compiledRhs === false ? null : compileRhs(model);
    this.solver = new Dopri5(model.nStates);
    this.y = new Float64Array(model.nStates);
    this.atol = new Float64Array(model.nStates);
    const held = new Set(model.liverQSS && (settings.analyticDepots ?? true) ? [GUT, FAST, LIV] : []);
    this.live = held.size ? Int32Array.from([...Array(model.nStates).keys()].filter((k) => k >= model.nDrugs * STRIDE || !held.has(k % STRIDE))) : undefined;
  }

  /**
   * Simulate one arm. `gridCentralOnly` fills only the central amounts of the grid states (the rest
   * stay 0): populations need only concentration bands, and interpolating every state was most of
   * the cost of a banded subject.
   */
  run(doses: readonly DoseEvent[], tEndH: number, gridH?: readonly number[], keepTerminal = true, gridCentralOnly = false): ArmResult {
    const m = this.model, y = this.y, s = this.solver;
    if (!(tEndH > 0) || !Number.isFinite(tEndH)) fail('INPUT_OUT_OF_RANGE', { field: 'sim.tEndH', value: tEndH, expected: 'a positive finite number of hours' }, { field: 'tEndH' });
    m.initialState(y);
    m.analyticDepots = this.settings.analyticDepots ?? true;
    m.depotRefH = 0;
    m.qssTol = qssToleranceFor(this.settings.rtol);
    s.resetStats();
    const sched = this.schedule(doses, tEndH);
    this.setTolerances(sched);
    const tracker = new ExposureTracker(m, sched.lastDose, tEndH, keepTerminal);
    const grid = gridH ? new GridRecorder(m, [...gridH], gridCentralOnly) : null;
    const observer = (sol: DenseStep, tOld: number, tNew: number): void => {
      tracker.observe(sol, tOld, tNew);
      grid?.observe(sol, tOld, tNew);
    };
    const fast = m.analyticDepots ? this.compiled : null;
    fast?.load();
    solveWithEvents(s, fast ? fast.rhs : m.rhs, y, 0, tEndH, sched.events, {
      rtol: this.settings.rtol, atol: this.atol, maxSteps: this.settings.maxSteps, hmax: this.settings.hmaxH, live: this.live,
      // Every state is an amount, an exposure integral or an enzyme level: none may go below zero (issue 15 §6).
      nonNegative: true,
    }, observer, (tH, ys) => m.advanceDepots(ys, tH));
    m.advanceDepots(y, tEndH); // the state returned holds actual depot amounts
    grid?.finish(y);
    return {
      drugs: tracker.exposures(y, tEndH, sched.dosedUmol), gridStates: grid ? grid.states : null, gridH: grid ? grid.gridH : null,
      finalState: Float64Array.from(y), stats: { ...s.stats }, warnings: [...s.warnings],
    };
  }

  /**
   * Check each dose and turn it into a state event (po doses after the lag time; doses at or after tEnd are
   * dropped). Sets the fast-depot rate of each drug given inhaled or oromucosal (one such route per drug).
   */
  private schedule(doses: readonly DoseEvent[], tEndH: number): DoseSchedule {
    const m = this.model, n = m.nDrugs;
    const drugIndex = new Map(m.drugIds.map((id, i) => [id, i]));
    const sched: DoseSchedule = { events: [], lastDose: new Array<number | null>(n).fill(null), dosedUmol: new Float64Array(n), doseScale: new Float64Array(n), maxDoseUmol: 0 };
    const fastRoute: (string | undefined)[] = new Array(n).fill(undefined);
    m.kaFast.fill(0);
    for (const [k, d] of doses.entries()) {
      const i = drugIndex.get(d.drugId);
      if (i === undefined) fail('INPUT_NOT_ONE_OF', { field: `doses[${k}].drugId`, value: d.drugId, allowed: m.drugIds }, { field: `doses[${k}].drugId` });
      if (!(d.amountMg > 0) || !Number.isFinite(d.amountMg)) fail('INPUT_BAD_DOSE', { field: `doses[${k}].amountMg`, amount: d.amountMg, unit: 'mg' }, { field: `doses[${k}].amountMg` });
      if (!(d.tH >= 0) || !Number.isFinite(d.tH)) fail('INPUT_OUT_OF_RANGE', { field: `doses[${k}].tH`, value: d.tH, expected: 'a finite time ≥ 0 h' }, { field: `doses[${k}].tH` });
      const umol = (d.amountMg / m.mw[i]!) * 1000;
      sched.maxDoseUmol = Math.max(sched.maxDoseUmol, umol);
      sched.doseScale[i] = Math.max(sched.doseScale[i]!, umol);
      const t = d.route === 'po' ? d.tH + m.tlag[i]! : d.tH;
      if (t >= tEndH) continue;
      if (d.route === 'inhaled' || d.route === 'oromucosal') {
        if (fastRoute[i] !== undefined && fastRoute[i] !== d.route)
          fail('INPUT_INVALID', { field: `doses[${k}].route`, problem: `'${d.drugId}' cannot be given both inhaled and oromucosal in one run` }, { field: `doses[${k}].route` });
        fastRoute[i] = d.route;
        m.kaFast[i] = d.route === 'inhaled' ? m.kaInh[i]! : m.kaOro[i]!;
      }
      sched.dosedUmol[i] = sched.dosedUmol[i]! + umol;
      sched.lastDose[i] = Math.max(sched.lastDose[i] ?? -Infinity, d.tH);
      sched.events.push({ tH: t, apply: eventFor(d.route, i * STRIDE, umol, m, i) });
    }
    // A metabolite's "last dosing interval" is its parent's (parents come first in m.order).
    for (const i of m.order) {
      const parent = m.formedFrom[i]!;
      if (sched.lastDose[i] === null && parent >= 0 && sched.lastDose[parent] !== null) sched.lastDose[i] = sched.lastDose[parent]!;
    }
    return sched;
  }

  /**
   * Absolute tolerance scaled to the dose (MODEL.md §2.3: atol relative to the typical state scale): per drug
   * its own largest dose, undosed drugs (metabolites) the largest dose in the run; the AUC state by volume.
   */
  private setTolerances(sched: DoseSchedule): void {
    const m = this.model, n = m.nDrugs, { atolUmol, atolEnzyme, atolGutEnzyme } = this.settings;
    for (let i = 0; i < n; i++) {
      const scale = Math.max(sched.doseScale[i]! > 0 ? sched.doseScale[i]! : sched.maxDoseUmol, MIN_ATOL_SCALE_UMOL);
      for (let k = 0; k < STRIDE; k++) this.atol[i * STRIDE + k] = atolUmol * scale;
      this.atol[i * STRIDE + AUC] = atolUmol * scale / Math.max(m.vc[i]!, 1e-12);
    }
    for (const e of m.enzymeStates) this.atol[e.index] = (e.organ === 'gut' ? atolGutEnzyme : undefined) ?? atolEnzyme ?? atolUmol;
  }
}

function eventFor(route: DoseEvent['route'], o: number, umol: number, m: InteractionModel, i: number): (y: Float64Array) => void {
  switch (route) {
    case 'po': {
      const fa = m.fa[i]!;
      return (y) => { y[o + GUT] = y[o + GUT]! + fa * umol; y[o + ELIM] = y[o + ELIM]! + (1 - fa) * umol; };
    }
    case 'iv':
      return (y) => { y[o + CEN] = y[o + CEN]! + umol; };
    case 'inhaled':
    case 'oromucosal': {
      const f = route === 'inhaled' ? m.fInh[i]! : m.fOro[i]!;
      const ka = route === 'inhaled' ? m.kaInh[i]! : m.kaOro[i]!;
      if (!(f > 0) || !(ka > 0))
        fail('SIM_MISSING_PARAMETER', { field: `drugs.${m.drugIds[i]}.fast.${route}`, parameter: `${route} absorption (fraction and rate)`, substance: m.drugIds[i]!, why: `needed to dose it ${route}` }, { field: `fast.${route}` });
      return (y) => { y[o + FAST] = y[o + FAST]! + f * umol; y[o + ELIM] = y[o + ELIM]! + (1 - f) * umol; };
    }
  }
}

/** Total amount of drug i in the body and its bookkeeping pools (µmol); equals the dose when no metabolite leaves. */
export function accountedUmol(m: InteractionModel, y: Float64Array, i: number): number {
  const o = i * STRIDE;
  let s = 0;
  // the QSS liver holds no mass (its balance is algebraic), so the liver slot is 0 there
  for (let k = 0; k < STRIDE; k++) if (k !== AUC) s += y[o + k]!;
  return s;
}
