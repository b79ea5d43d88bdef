/**
 * What an arm records while the solver runs, one accepted step at a time: per-drug exposure (Cmax/Tmax
 * overall and in the last dosing interval, the AUC at the last dose, terminal samples for λz) and the
 * states at requested grid times. Cmax comes from the dense output — the zero of dC/dt located by Brent's
 * method inside the step — never from the grid (MODEL.md §2.4).
 */
import { fail } from '../../errors.js';
import { brentRoot, type DenseStep } from '../../ode/index.js';
import { AUC, CEN, STRIDE, type InteractionModel } from './model.js';

export interface DrugExposure {
  /** AUC0–tEnd of plasma total concentration (µM·h). */
  aucUMH: number;
  cmaxUM: number;
  tmaxH: number;
  /** Time of the drug's last dose, or null when it was not dosed (metabolite, or not in this arm). */
  lastDoseH: number | null;
  /** AUC over [lastDose, tEnd] (the last dosing interval when tEnd = lastDose + τ). */
  aucLastUMH: number;
  cmaxLastUM: number;
  tmaxLastAfterDoseH: number;
  /** Dense-output samples in the terminal window (for λz). */
  terminalTimesH: number[];
  terminalCpUM: number[];
  /** Total amount dosed (µmol) and amount accounted for at tEnd (mass balance). */
  dosedUmol: number;
}

/** Terminal samples per drug, evenly spaced over the second half of [last dose, tEnd]. */
export const TERMINAL_POINTS = 12;
/** Brent tolerance for the time of a peak inside a step, relative to max(1 h, t). */
const PEAK_TIME_TOL = 1e-10;

/** Per-drug exposure over an arm, updated from each accepted step. */
export class ExposureTracker {
  private readonly cmax: Float64Array; private readonly tmax: Float64Array;
  private readonly cmaxL: Float64Array; private readonly tmaxL: Float64Array;
  private readonly aucAtLast: Float64Array;
  private readonly termT: number[][] = []; private readonly termC: number[][] = [];
  private readonly termGrid: number[][] = [];
  private readonly termPos: Int32Array;

  constructor(private readonly m: InteractionModel, private readonly lastDose: readonly (number | null)[], tEndH: number, keepTerminal: boolean) {
    const n = m.nDrugs;
    this.cmax = new Float64Array(n); this.tmax = new Float64Array(n); this.cmaxL = new Float64Array(n); this.tmaxL = new Float64Array(n);
    this.aucAtLast = new Float64Array(n);
    this.termPos = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      this.termT.push([]); this.termC.push([]);
      const ld = lastDose[i] ?? 0;
      const a = ld + 0.5 * (tEndH - ld);
      this.termGrid.push(keepTerminal ? Array.from({ length: TERMINAL_POINTS }, (_, k) => a + ((tEndH - a) * (k + 1)) / TERMINAL_POINTS) : []);
    }
  }

  /** A central amount `x` of drug i at time t: a candidate for the overall and the last-interval peak. */
  consider(i: number, t: number, x: number): void {
    const c = x / this.m.vc[i]!;
    if (c > this.cmax[i]!) { this.cmax[i] = c; this.tmax[i] = t; }
    const ld = this.lastDose[i] ?? null;
    if (ld !== null && t >= ld && c > this.cmaxL[i]!) { this.cmaxL[i] = c; this.tmaxL[i] = t - ld; }
  }

  /** One accepted step [tOld, tNew]: step ends, an interior peak, the AUC at the last dose, terminal samples. */
  observe(sol: DenseStep, tOld: number, tNew: number): void {
    const ys = sol.yStart, ye = sol.yEnd, fs = sol.fStart, fe = sol.fEnd;
    for (let i = 0; i < this.m.nDrugs; i++) {
      const c = i * STRIDE + CEN;
      const ld = this.lastDose[i] ?? null;
      if (ld !== null && ld > 0 && ld >= tOld && ld < tNew) this.aucAtLast[i] = sol.interpolate(ld, i * STRIDE + AUC);
      this.consider(i, tOld, ys[c]!);
      this.consider(i, tNew, ye[c]!);
      if (fs[c]! > 0 && fe[c]! < 0) {
        const tr = brentRoot((t) => sol.interpolateDerivative(t, c), tOld, tNew, PEAK_TIME_TOL * Math.max(1, tNew));
        this.consider(i, tr, sol.interpolate(tr, c));
      }
      this.sampleTerminal(sol, i, c, tOld, tNew);
    }
  }

  private sampleTerminal(sol: DenseStep, i: number, c: number, tOld: number, tNew: number): void {
    const tg = this.termGrid[i]!;
    while (this.termPos[i]! < tg.length && tg[this.termPos[i]!]! <= tNew) {
      const t = tg[this.termPos[i]!]!;
      if (t >= tOld) { this.termT[i]!.push(t); this.termC[i]!.push(sol.interpolate(t, c) / this.m.vc[i]!); }
      this.termPos[i] = this.termPos[i]! + 1;
    }
  }

  /** Exposures at the end state `y` (tEndH is a peak candidate too). */
  exposures(y: Float64Array, tEndH: number, dosed: Float64Array): DrugExposure[] {
    const out: DrugExposure[] = [];
    for (let i = 0; i < this.m.nDrugs; i++) {
      this.consider(i, tEndH, y[i * STRIDE + CEN]!);
      const auc = y[i * STRIDE + AUC]!;
      const ld = this.lastDose[i] ?? null;
      out.push({
        aucUMH: auc, cmaxUM: this.cmax[i]!, tmaxH: this.tmax[i]!, lastDoseH: ld,
        aucLastUMH: ld !== null ? auc - this.aucAtLast[i]! : auc,
        cmaxLastUM: this.cmaxL[i]!, tmaxLastAfterDoseH: this.tmaxL[i]!,
        terminalTimesH: this.termT[i]!, terminalCpUM: this.termC[i]!, dosedUmol: dosed[i]!,
      });
    }
    return out;
  }
}

/**
 * Full states at requested grid times (right-continuous at dose times), interpolated inside each step.
 * `centralOnly` fills only the central amounts (the rest stay 0): populations need only concentration
 * bands, and interpolating every state was most of the cost of a banded subject.
 */
export class GridRecorder {
  readonly states: Float64Array[] = [];
  private g = 0;

  constructor(private readonly m: InteractionModel, readonly gridH: number[], private readonly centralOnly: boolean) {
    for (let k = 1; k < gridH.length; k++) if (!(gridH[k]! >= gridH[k - 1]!)) fail('INPUT_INVALID', { field: 'sim.gridH', problem: 'times must be ascending' }, { field: 'gridH' });
  }

  observe(sol: DenseStep, tOld: number, tNew: number): void {
    const { m, gridH: grid } = this;
    while (this.g < grid.length && grid[this.g]! < tNew) {
      const t = grid[this.g]!;
      if (t >= tOld) {
        const row = new Float64Array(m.nStates);
        if (this.centralOnly) for (let i = 0; i < m.nDrugs; i++) row[i * STRIDE + CEN] = sol.interpolate(t, i * STRIDE + CEN);
        else { for (let k = 0; k < m.nStates; k++) row[k] = sol.interpolate(t, k); m.depotsAt(row, t, row); }
        this.states.push(row);
      } else { const row = Float64Array.from(sol.yStart); m.depotsAt(row, tOld, row); this.states.push(row); } // grid point before the first step
      this.g++;
    }
  }

  /** Grid times at or after the end take the final state. */
  finish(y: Float64Array): void {
    while (this.g < this.gridH.length) { this.states.push(Float64Array.from(y)); this.g++; }
  }
}
