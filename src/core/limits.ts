/**
 * Every cap on what a request may ask for, defined once. The request schemas (src/core/schema/api), the
 * server, the CLI and the engine import these; an error that reports a cap quotes the value from here.
 * The values are today's; the reliability issue sets them.
 */

/** Substances in one check (each pair is analysed, so the work grows with the square). */
export const MAX_SUBSTANCES = 8;
/** Characters in a substance name, synonym, id or search query. */
export const MAX_NAME_LENGTH = 100;
/** Characters in a regimen ("200 mg bid 7d" is 13). */
export const MAX_REGIMEN_LENGTH = 60;
/** Characters in a plain-English claim. */
export const MAX_CLAIM_LENGTH = 500;
/** Characters in a text of claims (a forum post or product page) for the claim checker. */
export const MAX_CLAIM_TEXT_LENGTH = 20_000;
/** Bytes in an HTTP request body: a regimen or a claim is a few hundred bytes. */
export const MAX_BODY_BYTES = 64 * 1024;

/** Search results one API request may ask for. */
export const MAX_SEARCH_RESULTS = 50;
/** Search results the CLI may ask for (`search --limit`). */
export const MAX_SEARCH_RESULTS_CLI = 100;
/** Search results when none is asked for. */
export const DEFAULT_SEARCH_RESULTS = 10;

/**
 * Body weight for a prediction, kg. Assumption: a term newborn weighs about 2.5–4 kg and the heaviest adults a
 * clinic sees about 300 kg; below 2 kg the reference-adult scaling means nothing, and 5e-324 kg is a typo.
 */
export const MIN_WEIGHT_KG = 2;
/** Body weight for a prediction, kg (exclusive). */
export const MAX_WEIGHT_KG = 400;
/** Body weight for a simulation, kg (exclusive; the planner's wider bound). */
export const MAX_SIM_WEIGHT_KG = 500;
/** Victim dose time after the perpetrator's first dose, h (one year). */
export const MAX_VICTIM_AT_H = 24 * 365;

/** A single dose, mg: a guard against typos like "2000 g", not a safety limit. */
export const MAX_SINGLE_DOSE_MG = 100_000;

/** The plausible range of one unit family of regimen amounts: per administration and per day (docs/limits.md). */
export interface DoseCap {
  /** The unit the caps are in; amounts in other units of the family are converted first (g → mg). */
  unit: string;
  minPerDose: number;
  maxPerDose: number;
  maxPerDay: number;
}

/**
 * Caps on what a regimen may ask for, per unit family. They guard against typos and absurd requests (unit slips,
 * "1e-300 mg", "100 g q1h"), not against harm; Crosstalk gives no dosing advice. Assumptions and reasons:
 * - mass: the smallest dose in use is about 0.25 µg (calcitriol), so 0.1 µg; the largest single intakes of a
 *   substance people take are tens of grams (kratom leaf, ethanol), so 100 g per dose and 500 g per day.
 * - mass per kg: the same per-dose range at the lightest and heaviest weights (0.1 µg / 400 kg … 100 g / 70 kg).
 * - volume: liquid products and juices, 0.01 mL (a drop from a dropper is 0.05 mL) to 2 L per dose, 10 L per day.
 * - sprays/puffs: oromucosal and inhaled products use 1–12 actuations at a time; 50 per dose, 500 per day.
 * Every regimen of the clinical benchmark (kb/clinical) lies inside them (test/reliability/input-limits.test.ts).
 */
export const DOSE_CAPS = {
  mass: { unit: 'mg', minPerDose: 1e-4, maxPerDose: MAX_SINGLE_DOSE_MG, maxPerDay: 500_000 },
  massPerKg: { unit: 'mg/kg', minPerDose: 2.5e-7, maxPerDose: 1_500, maxPerDay: 7_500 },
  volume: { unit: 'mL', minPerDose: 0.01, maxPerDose: 2_000, maxPerDay: 10_000 },
  volumePerKg: { unit: 'mL/kg', minPerDose: 1e-4, maxPerDose: 30, maxPerDay: 150 },
  actuation: { unit: 'sprays', minPerDose: 1, maxPerDose: 50, maxPerDay: 500 },
} as const satisfies Record<string, DoseCap>;

/** Duration of a regimen, days: at least one day (a shorter course is a number of doses: "20 mg q8h" without a duration, or a single dose). */
export const MIN_DURATION_D = 1;
/** Duration of a regimen, days. */
export const MAX_DURATION_D = 365;
/** Days a simulation may cover (`simulate --days`). */
export const MAX_SIM_DAYS = 365;

/** Virtual people in one API simulation. */
export const MAX_API_POPULATION = 100;
/** Hours one API simulation may cover (two weeks). */
export const MAX_API_HORIZON_H = 24 * 14;
/** People × hours in one API simulation: a population's cost grows with both. */
export const MAX_API_PERSON_HOURS = 4000;
/** Virtual people in one simulation anywhere (CLI, engine). */
export const MAX_POPULATION = 1_000_000;
/** Subjects whose curves feed a population's percentile band. */
export const MAX_BAND_SUBJECTS = 50;
/** A simulation seed: an unsigned 32-bit integer. */
export const MAX_SEED = 0xffff_ffff;

/** Solver steps before it gives up (SIM_STEP_LIMIT) instead of hanging. */
export const MAX_ODE_STEPS = 1_000_000;

/** Cost units per minute per client on the HTTP API (a cheap request costs 1; see the costs below). */
export const RATE_LIMIT_PER_MIN = 600;
/** What a request costs against the rate limit: cheap reads 1, a brief 2, a dynamic prediction 5. */
export const COST_CHEAP = 1;
export const COST_BRIEF = 2;
export const COST_DYNAMIC_PREDICT = 5;
/** A simulation costs 10, plus 1 per 400 person-hours of population (so at most 20 within MAX_API_PERSON_HOURS). */
export const COST_SIMULATE = 10;
export const COST_PERSON_HOURS_PER_UNIT = 400;
/** Worker threads for heavy requests at most (the server uses one fewer than the CPUs, at least one). */
export const MAX_HEAVY_WORKERS = 4;
/** Heavy requests that may wait for a worker; one more gets 503 HTTP_OVERLOADED with Retry-After at once. */
export const HEAVY_QUEUE = 16;
/** Milliseconds one heavy request may compute on its worker before it is stopped (HTTP_CPU_BUDGET). */
export const HEAVY_BUDGET_MS = 10_000;
/** Milliseconds an HTTP request may take before the server drops it. */
export const REQUEST_TIMEOUT_MS = 30_000;
/** Problems an error response lists in details.issues; the rest are counted (details.moreIssues), never listed. */
export const MAX_ERROR_ISSUES = 5;
/** Characters of one problem's text in an error response (a framework message quoting a long URL is cut). */
export const MAX_ERROR_PROBLEM_CHARS = 200;
/** /api/check answers kept in the server's LRU. */
export const CHECK_CACHE_ENTRIES = 256;
