/**
 * Exposure metrics from a simulated arm (MODEL.md §2.4): λz by log-linear regression on dense-output
 * samples of the terminal phase (r² > 0.99 required), AUC0–∞ = AUC0–t + Clast/λz, t½ = ln2/λz.
 */
import type { DrugExposure } from './run.js';

export interface TerminalFit {
  lambdaZPerH: number;
  r2: number;
  nPoints: number;
}

/** Fewest terminal samples a λz fit uses (the usual NCA minimum). */
const MIN_TERMINAL_POINTS = 3;
/** Smallest r² of a log-linear terminal phase: 0.99, stricter than the usual NCA adjusted-r² rule since the samples are noise-free. */
const MIN_TERMINAL_R2 = 0.99;
/** AUC0-inf extrapolated beyond this share (%) is flagged: the usual NCA acceptance limit of 20 %. */
export const MAX_EXTRAPOLATED_PCT = 20;

/** Fit ln C = a − λz·t on the last k ≥ 3 samples, widening while r² > 0.99; null when no log-linear decline. */
export function fitTerminal(timesH: readonly number[], conc: readonly number[]): TerminalFit | null {
  let best: TerminalFit | null = null;
  for (let k = MIN_TERMINAL_POINTS; k <= timesH.length; k++) {
    const t = timesH.slice(-k), c = conc.slice(-k);
    if (c.some((v) => !(v > 0))) break;
    const lc = c.map(Math.log);
    const mt = t.reduce((a, b) => a + b, 0) / k, ml = lc.reduce((a, b) => a + b, 0) / k;
    let sxy = 0, sxx = 0, syy = 0;
    for (let i = 0; i < k; i++) { sxy += (t[i]! - mt) * (lc[i]! - ml); sxx += (t[i]! - mt) ** 2; syy += (lc[i]! - ml) ** 2; }
    if (sxx === 0) continue;
    const slope = sxy / sxx;
    const r2 = syy === 0 ? 1 : (sxy * sxy) / (sxx * syy);
    if (!(slope < 0) || r2 < MIN_TERMINAL_R2) break;
    best = { lambdaZPerH: -slope, r2, nPoints: k };
  }
  return best;
}

export interface ExposureSummary {
  aucUMH: number;
  aucInfUMH: number | null;
  pctExtrapolated: number | null;
  lambdaZPerH: number | null;
  halfLifeH: number | null;
  cmaxUM: number;
  tmaxH: number;
  aucLastIntervalUMH: number;
  cmaxLastIntervalUM: number;
  tmaxAfterLastDoseH: number;
  warnings: string[];
}

export function summarise(d: DrugExposure): ExposureSummary {
  const fit = fitTerminal(d.terminalTimesH, d.terminalCpUM);
  const warnings: string[] = [];
  let aucInf: number | null = null, pct: number | null = null;
  if (fit) {
    const clast = d.terminalCpUM[d.terminalCpUM.length - 1]!;
    aucInf = d.aucUMH + clast / fit.lambdaZPerH;
    pct = (100 * (aucInf - d.aucUMH)) / aucInf;
    if (pct > MAX_EXTRAPOLATED_PCT) warnings.push(`AUC0-inf extrapolates ${pct.toFixed(0)} % beyond the simulated horizon (> 20 %): lengthen the horizon`);
  } else if (d.cmaxUM > 0) warnings.push('no log-linear terminal phase (r² ≤ 0.99) in the simulated horizon: AUC0-inf and t½ not reported');
  return {
    aucUMH: d.aucUMH, aucInfUMH: aucInf, pctExtrapolated: pct,
    lambdaZPerH: fit?.lambdaZPerH ?? null, halfLifeH: fit ? Math.LN2 / fit.lambdaZPerH : null,
    cmaxUM: d.cmaxUM, tmaxH: d.tmaxH,
    aucLastIntervalUMH: d.aucLastUMH, cmaxLastIntervalUM: d.cmaxLastUM, tmaxAfterLastDoseH: d.tmaxLastAfterDoseH,
    warnings,
  };
}
