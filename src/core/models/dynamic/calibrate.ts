/**
 * Self-consistency of a drug parameterised from its own oral CL/F (MODEL.md §2.2).
 *
 * CLint,u = (CL/F)·Fa·Fg/fu,p is exact only for linear PK. When a compound inhibits or inactivates
 * the enzymes that clear it (CBD: CYP3A4/2C19/2C9/UGT Ki,u 0.06–0.5 µM; mitragynine: CYP3A4 TDI),
 * the dynamic model applies that auto-inhibition on top of a clearance that was *measured* with it
 * already acting, so the simulated exposure at the very dose the CL/F came from no longer matches
 * the data (rat CBD 100 mg/kg: simulated AUC 12× the observed). The fix here is ordinary
 * single-substance parameterisation: scale the hepatic intrinsic clearances by one factor so that
 * the compound alone, at the profile's dose, reproduces AUC0-inf = Dose/(CL/F). No interaction
 * outcome enters. Pure: no clock, no I/O.
 */
import { brentRoot } from '../../ode/brent.js';
import { asLitresPerHour, asMilligrams } from '../../units/branded.js';
import { summarise } from './metrics.js';
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

/** AUC0-inf (µM·h) of a single oral dose of the drug alone. */
export function singleDoseAuc(d: DrugParams, phys: Physiology, doseMg: number, horizonH: number): number {
  const drug: DrugParams = { ...d, metabolites: [] };
  const m = new InteractionModel([drug], phys, true);
  const r = new ArmRunner(m, DEFAULT_SOLVE).run([{ drugId: d.id, tH: 0, amountMg: asMilligrams(doseMg), route: 'po' }], horizonH);
  const s = summarise(r.drugs[0]!);
  return s.aucInfUMH ?? s.aucUMH;
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
/** The calibration simulates 10 half-lives, within 72–2000 h: long enough for λz, short enough to run fast. */
const CALIBRATION_HALF_LIVES = 10, CALIBRATION_MIN_H = 72, CALIBRATION_MAX_H = 2000;
/** Search range of the CLint factor s, and Brent's tolerance on ln s. */
const SCALE_MIN = 0.01, SCALE_MAX = 1e4, LN_SCALE_TOL = 1e-6;

export function calibrateAutoInhibition(d: DrugParams, phys: Physiology, doseMg: number, clFLPerH: number, halfLifeH: number): Calibration {
  const target = ((doseMg / clFLPerH) / d.mwGPerMol) * 1000; // mg·h/L → µM·h
  const horizonH = Math.min(CALIBRATION_MAX_H, Math.max(CALIBRATION_MIN_H, CALIBRATION_HALF_LIVES * halfLifeH));
  const f = (ls: number): number => Math.log(singleDoseAuc(scaleHepaticClint(d, Math.exp(ls)), phys, doseMg, horizonH) / target);
  const before = singleDoseAuc(d, phys, doseMg, horizonH);
  const lo = Math.log(SCALE_MIN), hi = Math.log(SCALE_MAX);
  const flo = f(lo), fhi = f(hi);
  if (!(flo > 0 && fhi < 0)) {
    const s = Math.exp(fhi >= 0 ? hi : lo);
    return { scale: s, aucBeforeUMH: before, aucAfterUMH: singleDoseAuc(scaleHepaticClint(d, s), phys, doseMg, horizonH), targetUMH: target, converged: false };
  }
  const ls = brentRoot(f, lo, hi, LN_SCALE_TOL);
  const s = Math.exp(ls);
  return { scale: s, aucBeforeUMH: before, aucAfterUMH: singleDoseAuc(scaleHepaticClint(d, s), phys, doseMg, horizonH), targetUMH: target, converged: true };
}
