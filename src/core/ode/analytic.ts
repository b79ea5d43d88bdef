/**
 * Closed-form linear PK solutions: the fast path for linear models and the oracles for the solver
 * tests (MODEL.md §2.5 T1–T3). Sources: Gibaldi & Perrier, Pharmacokinetics (2nd ed.), ch. 1–2
 * (Bateman function, superposition, two-compartment model with first-order absorption).
 */

/** One-compartment oral (Bateman): concentration at t after a single dose (ka = k handled exactly). */
export function bateman(tH: number, doseAmt: number, f: number, vL: number, kaPerH: number, kPerH: number): number {
  if (tH <= 0) return 0;
  if (Math.abs(kaPerH - kPerH) < 1e-12 * kaPerH) return (f * doseAmt * kPerH * tH * Math.exp(-kPerH * tH)) / vL;
  return ((f * doseAmt * kaPerH) / (vL * (kaPerH - kPerH))) * (Math.exp(-kPerH * tH) - Math.exp(-kaPerH * tH));
}

/** Bateman tmax and Cmax (ka ≠ k). */
export function batemanPeak(doseAmt: number, f: number, vL: number, kaPerH: number, kPerH: number): { tmaxH: number; cmax: number } {
  if (Math.abs(kaPerH - kPerH) < 1e-12 * kaPerH) return { tmaxH: 1 / kPerH, cmax: (f * doseAmt) / (vL * Math.E) };
  const tmaxH = Math.log(kaPerH / kPerH) / (kaPerH - kPerH);
  return { tmaxH, cmax: ((f * doseAmt) / vL) * Math.pow(kaPerH / kPerH, -kPerH / (kaPerH - kPerH)) };
}

/** Superposition of any single-dose response over dose times (valid for linear models only). */
export function superpose(tH: number, doseTimesH: readonly number[], single: (dtH: number) => number): number {
  let c = 0;
  for (const td of doseTimesH) if (tH > td) c += single(tH - td);
  return c;
}

/** Steady-state Bateman concentration at time t into the dosing interval tau (MODEL.md T2). */
export function batemanSteadyState(tH: number, doseAmt: number, f: number, vL: number, kaPerH: number, kPerH: number, tauH: number): number {
  return ((f * doseAmt * kaPerH) / (vL * (kaPerH - kPerH))) *
    (Math.exp(-kPerH * tH) / (1 - Math.exp(-kPerH * tauH)) - Math.exp(-kaPerH * tH) / (1 - Math.exp(-kaPerH * tauH)));
}

export interface TwoCmt {
  vcL: number;
  k10PerH: number;
  k12PerH: number;
  k21PerH: number;
}

/** Macro rate constants α > β of the two-compartment model. */
export function twoCmtRates(p: TwoCmt): { alpha: number; beta: number } {
  const s = p.k10PerH + p.k12PerH + p.k21PerH;
  const prod = p.k10PerH * p.k21PerH;
  const disc = Math.sqrt(Math.max(0, s * s - 4 * prod));
  const alpha = (s + disc) / 2;
  return { alpha, beta: prod / alpha };
}

/** Two-compartment model, first-order absorption: tri-exponential central concentration (ka ∉ {α, β}). */
export function twoCmtOral(tH: number, doseAmt: number, f: number, kaPerH: number, p: TwoCmt): number {
  if (tH <= 0) return 0;
  const { alpha: a, beta: b } = twoCmtRates(p);
  const ka = kaPerH, k21 = p.k21PerH;
  const c = (ka * f * doseAmt) / p.vcL;
  return c * (
    ((k21 - a) / ((ka - a) * (b - a))) * Math.exp(-a * tH) +
    ((k21 - b) / ((ka - b) * (a - b))) * Math.exp(-b * tH) +
    ((k21 - ka) / ((a - ka) * (b - ka))) * Math.exp(-ka * tH)
  );
}

/** Two-compartment IV bolus central concentration. */
export function twoCmtIv(tH: number, doseAmt: number, p: TwoCmt): number {
  if (tH < 0) return 0;
  const { alpha: a, beta: b } = twoCmtRates(p);
  const k21 = p.k21PerH;
  return (doseAmt / p.vcL) * (((a - k21) / (a - b)) * Math.exp(-a * tH) + ((k21 - b) / (a - b)) * Math.exp(-b * tH));
}
