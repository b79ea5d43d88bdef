/**
 * Two-compartment disposition from one oral single-dose profile (MODEL.md §2.2; issue 12 §1): the rule used for every
 * compound whose one-compartment curve (volume Vz/F = (CL/F)/β from the terminal half-life) misses the profile's own
 * Cmax by more than `TWO_CMT_TRIGGER_FOLD`. Lipophilic compounds (cannabinoids, kratom alkaloids) have a terminal
 * volume many times their early distribution volume, so a one-compartment model puts their peak far too low.
 *
 * The family (apparent, i.e. ÷F, volumes): central Vc, peripheral return rate k21 = β/(1 − ρ) with one global ρ, and
 * k12 set so that β (the reported terminal half-life) stays an eigenvalue of the system:
 *
 *   k10 = (CL/F)/Vc,   k12 = (k10 − β)(k21 − β)/β   (β² − (k10 + k12 + k21)β + k10·k21 = 0)
 *
 * which gives Vss = Vc + ρ·(Vz − Vc): Vc = Vz is the one-compartment model (k12 = 0), smaller Vc raises the peak, and the
 * AUC (Dose·F/CL) and the terminal half-life are kept whatever Vc is. ka and Vc are then solved so the tri-exponential
 * oral curve (Gibaldi & Perrier, 2nd ed., ch. 2) peaks at the profile's tmax with the profile's Cmax. Pure numerics;
 * no drug is special here. The choice of ρ and of the trigger is global (docs/model-choices.md).
 */
import { brentRoot } from '../../ode/brent.js';
import { twoCmtRates, type TwoCmt } from '../../ode/analytic.js';

/** Fit a second compartment when the one-compartment Cmax is below the observed one by more than this factor. */
export const TWO_CMT_TRIGGER_FOLD = 1.25;
/** ρ = (Vss − Vc)/(Vz − Vc), i.e. k21 = β/(1 − ρ): the share of the extra terminal volume that is a steady-state volume. */
export const TWO_CMT_VSS_SHARE = 0.1;
/** Search bounds: Vc between Vz·1e-4 and Vz; ka between just above the fastest disposition rate it must exceed and 1e3 /h. */
const VC_MIN_SHARE = 1e-4;
const KA_MAX_PER_H = 1e3;
/** Longest absorption lag the fit may add, as a share of the observed tmax, and its bisection steps. */
export const MAX_LAG_SHARE = 0.75;
const LAG_BISECTIONS = 12;
/** A fitted peak within this log-fold of the observed Cmax counts as reached (2 %). */
const LAG_FOLD_TOLERANCE = 0.02;

export interface TwoCmtFitInput {
  /** Apparent oral clearance CL/F (L/h) and terminal rate β = ln2/t½ (1/h). */
  clFLPerH: number;
  betaPerH: number;
  doseUmol: number;
  cmaxUM: number;
  /** Observed tmax after any lag (h); without it `kaPerH` must be given and only Vc is fitted. */
  tmaxH?: number;
  kaPerH?: number;
  vssShare?: number;
}

export interface TwoCmtFit {
  /** Apparent central volume Vc/F (L) and rate constants (1/h). */
  vcFL: number;
  k12PerH: number;
  k21PerH: number;
  kaPerH: number;
  /** Absorption lag added by the fit (h; 0 when the peak is reached without one). */
  tlagH: number;
  /** Simulated/observed Cmax and tmax of the fitted curve (1 when the fit is exact; a bound was hit otherwise). */
  cmaxFold: number;
  tmaxFold: number | null;
}

/** The family member with apparent central volume vc (F = 1 here: volumes are apparent). */
export function familyMember(clF: number, beta: number, vc: number, rho: number): TwoCmt {
  const k10 = clF / vc;
  const k21 = beta / (1 - rho);
  const k12 = Math.max(0, ((k10 - beta) * (k21 - beta)) / beta);
  return { vcL: vc, k10PerH: k10, k12PerH: k12, k21PerH: k21 };
}

/** Coefficients and rates of the oral tri-exponential C(t) = Σ cᵢ·e^(−λᵢ·t) (F = 1; ka ∉ {α, β}). */
function terms(doseUmol: number, ka: number, p: TwoCmt): { c: [number, number, number]; l: [number, number, number] } {
  const { alpha: a, beta: b } = twoCmtRates(p);
  const k21 = p.k21PerH, s = (ka * doseUmol) / p.vcL;
  return {
    c: [s * (k21 - a) / ((ka - a) * (b - a)), s * (k21 - b) / ((ka - b) * (a - b)), s * (k21 - ka) / ((a - ka) * (b - ka))],
    l: [a, b, ka],
  };
}

/**
 * Peak of the oral tri-exponential curve: the first zero of the analytic dC/dt, bracketed on a log grid of time and
 * refined by Brent (the curve of a linear mammillary system with first-order input has one maximum).
 */
export function oralPeak(doseUmol: number, kaPerH: number, p: TwoCmt): { tmaxH: number; cmax: number } {
  const { c, l } = terms(doseUmol, kaPerH, p);
  const conc = (t: number): number => c[0] * Math.exp(-l[0] * t) + c[1] * Math.exp(-l[1] * t) + c[2] * Math.exp(-l[2] * t);
  const slope = (t: number): number => -(c[0] * l[0] * Math.exp(-l[0] * t) + c[1] * l[1] * Math.exp(-l[1] * t) + c[2] * l[2] * Math.exp(-l[2] * t));
  const tEnd = 40 / Math.min(l[1], kaPerH);
  let prev = 1e-3 / Math.max(kaPerH, l[0]);
  for (let t = prev * 1.25; t < tEnd; t *= 1.25) {
    if (slope(t) <= 0) {
      const tm = brentRoot(slope, prev, t);
      return { tmaxH: tm, cmax: conc(tm) };
    }
    prev = t;
  }
  return { tmaxH: tEnd, cmax: conc(tEnd) };
}

/** ka that puts the peak of the member at tmax (peak time falls as ka rises); null when out of reach. */
function kaForTmax(doseUmol: number, p: TwoCmt, tmaxH: number): number | null {
  const { alpha, beta } = twoCmtRates(p);
  // tri-exponential closed form needs ka ∉ {α, β}: nudge off them
  const f = (lnKa: number): number => {
    let ka = Math.exp(lnKa);
    if (Math.abs(ka - alpha) < 1e-9 * alpha || Math.abs(ka - beta) < 1e-9 * beta) ka *= 1 + 1e-7;
    return oralPeak(doseUmol, ka, p).tmaxH - tmaxH;
  };
  const lo = Math.log(beta * 1.001), hi = Math.log(KA_MAX_PER_H);
  if (!(f(lo) > 0 && f(hi) < 0)) return null;
  return Math.exp(brentRoot(f, lo, hi));
}

/** Cmax of the one-compartment (Vc = Vz) curve with ka from tmax (or the given ka): the trigger's reference. */
export function oneCompartmentPeak(x: TwoCmtFitInput): { cmax: number; kaPerH: number } | null {
  const vz = x.clFLPerH / x.betaPerH;
  const p = familyMember(x.clFLPerH, x.betaPerH, vz, x.vssShare ?? TWO_CMT_VSS_SHARE);
  const ka = x.tmaxH !== undefined ? kaForTmax(x.doseUmol, p, x.tmaxH) : (x.kaPerH ?? null);
  if (ka === null) return null;
  return { cmax: oralPeak(x.doseUmol, ka, p).cmax, kaPerH: ka };
}

/** Best member of the family for one target peak time (after lag): Vc where the peak meets Cmax, else the highest peak. */
function fitForTmax(x: TwoCmtFitInput, rho: number, tmaxH: number | undefined): { p: TwoCmt; ka: number; logFold: number } | null {
  const vz = x.clFLPerH / x.betaPerH;
  const at = (lnVc: number): { p: TwoCmt; ka: number | null } => {
    const p = familyMember(x.clFLPerH, x.betaPerH, Math.exp(lnVc), rho);
    return { p, ka: tmaxH !== undefined ? kaForTmax(x.doseUmol, p, tmaxH) : x.kaPerH! };
  };
  const mismatch = (lnVc: number): number => {
    const { p, ka } = at(lnVc);
    return ka === null ? NaN : Math.log(oralPeak(x.doseUmol, ka, p).cmax / x.cmaxUM);
  };
  // Walk Vc down from Vz in steps of √2: the peak rises as Vc falls until a faster distribution phase forces a slower
  // absorption to keep tmax, after which it falls again. Take the first bracket of the observed Cmax (then Brent), or,
  // when the family cannot reach it, the highest peak on the walk.
  const step = Math.LN2 / 2, hiLn = Math.log(vz * (1 - 1e-9)), minLn = Math.log(vz * VC_MIN_SHARE);
  let prevLn = hiLn, prevF = mismatch(hiLn), bestLn = hiLn, bestF = prevF, lnVc: number | null = null;
  for (let ln = hiLn - step; ln > minLn; ln -= step) {
    const f = mismatch(ln);
    if (!Number.isFinite(f)) break; // tmax out of reach from here on
    if (f >= 0) { lnVc = prevF < 0 ? brentRoot(mismatch, ln, prevLn, 1e-10) : ln; break; }
    if (f > bestF) { bestF = f; bestLn = ln; }
    prevLn = ln; prevF = f;
  }
  lnVc ??= bestLn;
  const { p, ka } = at(lnVc);
  return ka === null || !Number.isFinite(bestF) ? null : { p, ka, logFold: mismatch(lnVc) };
}

/**
 * Vc/F, k12, k21 and ka (ka only when tmax is given) so the oral curve peaks at the observed tmax and Cmax while
 * keeping CL/F and β. When no member reaches the observed Cmax at that tmax (much of the dose would already be cleared
 * by then), an absorption lag is added: the shortest lag (bisection, up to `MAX_LAG_SHARE` of tmax) with which the
 * peak is reached. Null when the one-compartment curve already reaches the observed Cmax within the trigger.
 */
export function fitTwoCompartment(x: TwoCmtFitInput, triggerFold = TWO_CMT_TRIGGER_FOLD): TwoCmtFit | null {
  if (!(x.clFLPerH > 0 && x.betaPerH > 0 && x.doseUmol > 0 && x.cmaxUM > 0)) return null;
  if (x.tmaxH === undefined && x.kaPerH === undefined) return null;
  const rho = x.vssShare ?? TWO_CMT_VSS_SHARE;
  const one = oneCompartmentPeak(x);
  if (one === null || !(x.cmaxUM > triggerFold * one.cmax)) return null;
  let lagH = 0;
  let best = fitForTmax(x, rho, x.tmaxH);
  if (x.tmaxH !== undefined && !(best && best.logFold > -LAG_FOLD_TOLERANCE)) {
    const withLag = fitForTmax(x, rho, x.tmaxH * (1 - MAX_LAG_SHARE));
    if (withLag && withLag.logFold > -LAG_FOLD_TOLERANCE) {
      let lo = 0, hi = MAX_LAG_SHARE;
      best = withLag; lagH = hi * x.tmaxH;
      for (let i = 0; i < LAG_BISECTIONS; i++) {
        const mid = (lo + hi) / 2, f = fitForTmax(x, rho, x.tmaxH * (1 - mid));
        if (f && f.logFold > -LAG_FOLD_TOLERANCE) { hi = mid; best = f; lagH = mid * x.tmaxH; } else lo = mid;
      }
    } else if (withLag && (!best || withLag.logFold > best.logFold)) { best = withLag; lagH = MAX_LAG_SHARE * x.tmaxH; }
  }
  if (!best || best.p.k12PerH === 0) return null;
  const peak = oralPeak(x.doseUmol, best.ka, best.p);
  return {
    vcFL: best.p.vcL, k12PerH: best.p.k12PerH, k21PerH: best.p.k21PerH, kaPerH: best.ka, tlagH: lagH,
    cmaxFold: peak.cmax / x.cmaxUM, tmaxFold: x.tmaxH !== undefined ? (peak.tmaxH + lagH) / x.tmaxH : null,
  };
}
