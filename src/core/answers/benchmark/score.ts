/**
 * The benchmark's figures (issue 11 §2): share within 2-fold, share within the Guest et al. limit, GMFE, bias,
 * coverage of the predicted 5–95 % range and the answered share. Pure arithmetic on (observed, predicted) pairs.
 *
 * @example scoreSet([{ observed: 2, predicted: 3 }]).within2 // 1
 */

/** One scored study as the metrics see it: `predicted` is null when the model answered grey. */
export interface ScorePoint {
  observed: number;
  predicted: number | null;
  /** The prediction's 5th and 95th percentiles, when it has a range. */
  low?: number | null;
  high?: number | null;
}

/** The figures of one set of studies. Shares are 0–1; a figure with nothing to compute it from is null. */
export interface Metrics {
  /** Studies in the set (answered or not). */
  n: number;
  /** Share answered with a number (grey answers and errors are the rest). */
  answered: number | null;
  /** Share of answered studies whose prediction is within 2-fold of the observed ratio. */
  within2: number | null;
  /** Share of answered studies within the Guest et al. (2011) limit, δ = 1. */
  guest: number | null;
  /** Geometric mean fold error, 10^mean|log10(pred/obs)|, over answered studies. */
  gmfe: number | null;
  /** Geometric mean of pred/obs over answered studies (> 1: over-prediction). */
  bias: number | null;
  /** Share of answered studies with a range whose observed ratio lies inside the predicted 5–95 % range. */
  coverage: number | null;
  nAnswered: number;
  /** Studies answered with a range (the denominator of `coverage`). */
  nWithRange: number;
  /** Within 2-fold with grey answers counted as misses (denominator n). */
  within2All: number | null;
  /** Within the Guest limit with grey answers counted as misses (denominator n). */
  guestAll: number | null;
}

/** The Guest limit's δ: the accepted variability of an observed ratio of 1 (Guest et al. 2011 use 1). */
export const GUEST_DELTA = 1;
/** Observed ratios in this band mean "no interaction"; a prediction counts there when it also lies in the band (issue 11). */
export const NO_EFFECT_BAND = { low: 0.8, high: 1.25 } as const;

/** Fold error of a prediction: max(pred/obs, obs/pred), always ≥ 1. */
export function foldError(predicted: number, observed: number): number {
  const r = predicted / observed;
  return r >= 1 ? r : 1 / r;
}

export function withinTwoFold(predicted: number, observed: number): boolean {
  return foldError(predicted, observed) <= 2;
}

/**
 * The Guest et al. limit for an observed ratio R: (δ + 2(R − 1))/R with R taken as 1/R below 1; a prediction is
 * accepted between R/limit and R·limit. Guest EJ et al., Drug Metab Dispos 2011;39:170 (doi:10.1124/dmd.110.036103);
 * the formula as implemented in OSP's qualification tools (`getGuestValues`), read there.
 */
export function guestLimit(observed: number, delta = GUEST_DELTA): number {
  const r = observed >= 1 ? observed : 1 / observed;
  return (delta + 2 * (r - 1)) / r;
}

/**
 * Whether a prediction is within the Guest limit. For an observed ratio in 0.8–1.25 the limit shrinks towards 1
 * (no prediction could pass at exactly 1), so there the prediction counts when it also lies in 0.8–1.25.
 */
export function withinGuest(predicted: number, observed: number, delta = GUEST_DELTA): boolean {
  const inBand = (x: number): boolean => x >= NO_EFFECT_BAND.low && x <= NO_EFFECT_BAND.high;
  if (inBand(observed)) return inBand(predicted);
  const limit = guestLimit(observed, delta);
  return predicted >= observed / limit && predicted <= observed * limit;
}

/**
 * The accepted region of `withinGuest` as a band over observed ratios (log-spaced from `from` to `to`), for plots:
 * for each observed ratio the lowest and highest prediction that counts.
 */
export function guestBand(from = 0.01, to = 100, perDecade = 40): { observed: number; low: number; high: number }[] {
  const steps = Math.max(2, Math.round(Math.log10(to / from) * perDecade));
  const xs = Array.from({ length: steps + 1 }, (_, i) => from * (to / from) ** (i / steps));
  // The band's edges, where the rule changes, belong in the curve so the plot shows the step exactly.
  xs.push(NO_EFFECT_BAND.low, NO_EFFECT_BAND.high);
  return [...new Set(xs)]
    .filter((x) => x >= from && x <= to)
    .sort((a, b) => a - b)
    .map((x) => {
      if (x >= NO_EFFECT_BAND.low && x <= NO_EFFECT_BAND.high) return { observed: x, low: NO_EFFECT_BAND.low, high: NO_EFFECT_BAND.high };
      const limit = guestLimit(x);
      return { observed: x, low: x / limit, high: x * limit };
    });
}

const share = (k: number, n: number): number | null => (n > 0 ? k / n : null);

/** The figures of a set of studies. Observed and predicted ratios must be positive; others are not answered. */
export function scoreSet(points: readonly ScorePoint[]): Metrics {
  const n = points.length;
  const answered = points.filter((p): p is ScorePoint & { predicted: number } => p.predicted !== null && p.predicted > 0 && Number.isFinite(p.predicted));
  const na = answered.length;
  const w2 = answered.filter((p) => withinTwoFold(p.predicted, p.observed)).length;
  const g = answered.filter((p) => withinGuest(p.predicted, p.observed)).length;
  const logs = answered.map((p) => Math.log10(p.predicted / p.observed));
  const ranged = answered.filter((p) => p.low !== null && p.low !== undefined && p.high !== null && p.high !== undefined);
  const covered = ranged.filter((p) => p.observed >= p.low! && p.observed <= p.high!).length;
  return {
    n,
    answered: share(na, n),
    within2: share(w2, na),
    guest: share(g, na),
    gmfe: na ? 10 ** (logs.reduce((a, x) => a + Math.abs(x), 0) / na) : null,
    bias: na ? 10 ** (logs.reduce((a, x) => a + x, 0) / na) : null,
    coverage: share(covered, ranged.length),
    nAnswered: na,
    nWithRange: ranged.length,
    within2All: share(w2, n),
    guestAll: share(g, n),
  };
}

/** The seven figures of the `--json` summary line, rounded to 3 decimals. */
export function summaryFigures(m: Metrics): Pick<Metrics, 'n' | 'answered' | 'within2' | 'guest' | 'gmfe' | 'bias' | 'coverage'> {
  const r = (x: number | null): number | null => (x === null ? null : Math.round(x * 1000) / 1000);
  return { n: m.n, answered: r(m.answered), within2: r(m.within2), guest: r(m.guest), gmfe: r(m.gmfe), bias: r(m.bias), coverage: r(m.coverage) };
}
