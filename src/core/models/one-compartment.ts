/**
 * One-compartment, first-order-absorption shapes used where the KB has a peak but not the whole curve: the
 * peak-to-average ratio at steady state, the ka that puts the peak at an observed tmax, and the peak per
 * unit F·Dose/V (single dose or steady state). Pure arithmetic; rates in 1/h, times in h.
 */

/**
 * Where ka and k are this close (relative), the Bateman closed form has a removable 0/0; ka is nudged by this
 * relative amount instead, which moves the result by far less than any input's precision.
 */
const KA_EQUALS_K_REL = 1e-6;
const KA_NUDGE = 1.000001;
/** ka search interval for a tmax (1/h): just above k, up to 1e4 /h; bisection steps on the log scale. */
export const KA_SEARCH_MAX_PER_H = 1e4;
const KA_BISECTION_STEPS = 200;

/**
 * Peak-to-average ratio at steady state in a one-compartment model with first-order absorption:
 * Cav,ss / Cmax,ss. F·Dose/V cancels, so only ka, k and τ matter.
 */
export function averageToPeakRatio(kaPerH: number, kPerH: number, tauH: number): number {
  // ka = k has a removable singularity; nudging ka keeps the closed form.
  const ka = Math.abs(kaPerH - kPerH) < KA_EQUALS_K_REL * kPerH ? kPerH * KA_NUDGE : kaPerH;
  const c = (t: number) => (ka / (ka - kPerH)) * (Math.exp(-kPerH * t) / (1 - Math.exp(-kPerH * tauH)) - Math.exp(-ka * t) / (1 - Math.exp(-ka * tauH)));
  // Steady-state time of peak (closed form), clamped to the interval.
  const tPeak = Math.log((ka * (1 - Math.exp(-kPerH * tauH))) / (kPerH * (1 - Math.exp(-ka * tauH)))) / (ka - kPerH);
  const peak = c(Math.min(tauH, Math.max(0, tPeak)));
  return 1 / (kPerH * tauH) / peak;
}

/** ka from Tmax and k for a one-compartment oral model: solve tmax = ln(ka/k)/(ka − k) for ka > k. */
export function kaFromTmax(tmaxH: number, kPerH: number): number | undefined {
  if (!(tmaxH > 0 && kPerH > 0)) return undefined;
  if (tmaxH >= 1 / kPerH) return undefined; // a peak this late needs ka < k (flip-flop): not identifiable
  let lo = kPerH * (1 + 1e-9);
  let hi = KA_SEARCH_MAX_PER_H;
  const t = (ka: number): number => Math.log(ka / kPerH) / (ka - kPerH);
  for (let i = 0; i < KA_BISECTION_STEPS; i++) {
    const mid = Math.sqrt(lo * hi);
    if (t(mid) > tmaxH) lo = mid;
    else hi = mid;
  }
  return Math.sqrt(lo * hi);
}

/**
 * Peak concentration per unit F·Dose/V (1/L·L = dimensionless shape): single dose when `tauH` is null, else at
 * steady state with dosing every `tauH`.
 */
export function peakPerUnitDose(kaPerH: number, kPerH: number, tauH: number | null): number {
  const ka = Math.abs(kaPerH - kPerH) < KA_EQUALS_K_REL * kPerH ? kPerH * KA_NUDGE : kaPerH;
  const accK = tauH ? 1 / (1 - Math.exp(-kPerH * tauH)) : 1;
  const accA = tauH ? 1 / (1 - Math.exp(-ka * tauH)) : 1;
  const t = Math.log((ka * accA) / (kPerH * accK)) / (ka - kPerH);
  const tPeak = tauH ? Math.min(tauH, Math.max(0, t)) : Math.max(0, t);
  return (ka / (ka - kPerH)) * (Math.exp(-kPerH * tPeak) * accK - Math.exp(-ka * tPeak) * accA);
}
