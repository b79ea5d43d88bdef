/**
 * Self-consistency of a drug parameterised from its own oral CL/F (MODEL.md §2.2).
 *
 * CLint,u = (CL/F)·Fa·Fg/fu,p is exact only for linear PK. When a compound inhibits or inactivates
 * the enzymes that clear it (CBD: CYP3A4/2C19/2C9/UGT Ki,u 0.06–0.5 µM; mitragynine: CYP3A4 TDI),
 * the dynamic model applies that auto-inhibition on top of a clearance that was *measured* with it
 * already acting, so the simulated exposure at the very dose the CL/F came from no longer matches
 * the data (rat CBD 100 mg/kg: simulated AUC 12× the observed). The fix here is ordinary
 * single-substance parameterisation: scale the hepatic intrinsic clearances by one factor so that
 * the compound alone, at the profile's dose, reproduces AUC0-inf = Dose/(CL/F) — or, for a profile
 * measured at steady state, AUCτ = Dose/(CL/F) over a dosing interval once its own inhibition has
 * built up (paroxetine's CL/F comes from steady-state levels with CYP2D6 already inactivated). No
 * interaction outcome enters. Pure: no clock, no I/O.
 */
import { brentRoot } from '../../ode/brent.js';
import { asLitresPerHour, asMilligrams } from '../../units/branded.js';
import { summarise, type ExposureSummary } from './metrics.js';
import { InteractionModel } from './model.js';
import { ArmRunner } from './run.js';
import { DEFAULT_SOLVE, type DrugParams, type Physiology } from './types.js';

/** True when the drug reversibly inhibits or inactivates an enzyme that clears it. */
export function hasAutoInhibition(d: DrugParams): boolean {
  const own = new Set(d.enzymes.filter((e) => e.clintLiverLPerH > 0).map((e) => e.enzyme));
  return d.inhibits.some((x) => x.site !== 'gut' && own.has(x.enzyme)) || d.inactivates.some((x) => x.site !== 'gut' && own.has(x.enzyme));
}

/** Drug with every hepatic intrinsic clearance multiplied by `s`. */
export function scaleHepaticClint(d: DrugParams, s: number): DrugParams {
  return { ...d, clintOtherLPerH: asLitresPerHour(d.clintOtherLPerH * s), enzymes: d.enzymes.map((e) => ({ ...e, clintLiverLPerH: e.clintLiverLPerH * s })) };
}

/** The drug alone (its metabolites not simulated) given `doseMg` orally every `tauH` hours, `doses` times, run to `horizonH`. */
function aloneOral(d: DrugParams, phys: Physiology, doseMg: number, tauH: number, doses: number, horizonH: number): ExposureSummary {
  const m = new InteractionModel([{ ...d, metabolites: [] }], phys, true);
  const events = Array.from({ length: doses }, (_, i) => ({ drugId: d.id, tH: i * tauH, amountMg: asMilligrams(doseMg), route: 'po' as const }));
  return summarise(new ArmRunner(m, DEFAULT_SOLVE).run(events, horizonH).drugs[0]!);
}

/** AUC0-inf (µM·h) of a single oral dose of the drug alone. */
export function singleDoseAuc(d: DrugParams, phys: Physiology, doseMg: number, horizonH: number): number {
  const s = aloneOral(d, phys, doseMg, 0, 1, horizonH);
  return s.aucInfUMH ?? s.aucUMH;
}

/** The calibration simulates 10 half-lives, within 72–2000 h: long enough for λz, short enough to run fast. */
const CALIBRATION_HALF_LIVES = 10, CALIBRATION_MIN_H = 72, CALIBRATION_MAX_H = 2000;

/**
 * AUC over the last dosing interval (µM·h) of the drug alone given `doseMg` every `tauH` hours, `doses` times:
 * the steady-state AUCτ once the horizon covers the drug's and its enzymes' approach to steady state.
 */
export function steadyStateIntervalAuc(d: DrugParams, phys: Physiology, doseMg: number, tauH: number, doses: number): number {
  return aloneOral(d, phys, doseMg, tauH, doses, doses * tauH).aucLastIntervalUMH;
}

/**
 * Doses needed to reach steady state: the horizon covers STEADY_STATE_HALF_LIVES of the slower of the drug's
 * half-life and the slowest turnover among the enzymes it inhibits or inactivates (the inactivated enzyme's
 * re-synthesis sets how long auto-inactivation takes to settle), within the calibration's hour bounds.
 */
const STEADY_STATE_HALF_LIVES = 6;
export function stepsToSteadyState(d: DrugParams, phys: Physiology, halfLifeH: number, tauH: number): number {
  const own = new Set([...d.inhibits, ...d.inactivates].map((x) => x.enzyme));
  const kdegs = [...own].map((e) => phys.enzymes[e]?.kdegLiverPerH).filter((k): k is number => k !== undefined && k > 0);
  const slowestH = Math.max(halfLifeH, ...kdegs.map((k) => Math.LN2 / k));
  const horizonH = Math.min(CALIBRATION_MAX_H, Math.max(CALIBRATION_MIN_H, STEADY_STATE_HALF_LIVES * slowestH));
  return Math.max(2, Math.ceil(horizonH / tauH));
}

export interface Calibration {
  scale: number;
  /** Simulated AUC0-inf at the profile dose before and after scaling, and the target (µM·h). */
  aucBeforeUMH: number;
  aucAfterUMH: number;
  targetUMH: number;
  converged: boolean;
}

/**
 * Factor s on the hepatic CLint such that the drug alone at `doseMg` gives AUC0-inf = Dose/(CL/F).
 * `clFLPerH` is the oral clearance the parameters were derived from; the drug is simulated for
 * 10 half-lives (72–2000 h) and AUC0-inf extrapolated by λz. Searched over s ∈ [1/100, 1e4]
 * (Brent on ln s; AUC falls monotonically with s). Not converged → the nearest bound, flagged.
 */
/** Search range of the CLint factor s, and Brent's tolerance on ln s. */
const SCALE_MIN = 0.01, SCALE_MAX = 1e4, LN_SCALE_TOL = 1e-6;

export function calibrateAutoInhibition(d: DrugParams, phys: Physiology, doseMg: number, clFLPerH: number, halfLifeH: number, steadyStateTauH?: number): Calibration {
  // a single dose's AUC0-inf and a steady-state AUCτ both equal Dose/(CL/F) for the clearance they were measured at
  const target = ((doseMg / clFLPerH) / d.mwGPerMol) * 1000; // mg·h/L → µM·h
  const horizonH = Math.min(CALIBRATION_MAX_H, Math.max(CALIBRATION_MIN_H, CALIBRATION_HALF_LIVES * halfLifeH));
  const doses = steadyStateTauH ? stepsToSteadyState(d, phys, halfLifeH, steadyStateTauH) : 0;
  const auc = (x: DrugParams): number => (steadyStateTauH ? steadyStateIntervalAuc(x, phys, doseMg, steadyStateTauH, doses) : singleDoseAuc(x, phys, doseMg, horizonH));
  const f = (ls: number): number => Math.log(auc(scaleHepaticClint(d, Math.exp(ls))) / target);
  const before = auc(d);
  const lo = Math.log(SCALE_MIN), hi = Math.log(SCALE_MAX);
  const flo = f(lo), fhi = f(hi);
  if (!(flo > 0 && fhi < 0)) {
    const s = Math.exp(fhi >= 0 ? hi : lo);
    return { scale: s, aucBeforeUMH: before, aucAfterUMH: auc(scaleHepaticClint(d, s)), targetUMH: target, converged: false };
  }
  const ls = brentRoot(f, lo, hi, LN_SCALE_TOL);
  const s = Math.exp(ls);
  return { scale: s, aucBeforeUMH: before, aucAfterUMH: auc(scaleHepaticClint(d, s)), targetUMH: target, converged: true };
}
