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
/** Bytes in an HTTP request body: a regimen or a claim is a few hundred bytes. */
export const MAX_BODY_BYTES = 64 * 1024;

/** Search results one API request may ask for. */
export const MAX_SEARCH_RESULTS = 50;
/** Search results the CLI may ask for (`search --limit`). */
export const MAX_SEARCH_RESULTS_CLI = 100;
/** Search results when none is asked for. */
export const DEFAULT_SEARCH_RESULTS = 10;

/** Body weight for a prediction, kg (exclusive). */
export const MAX_WEIGHT_KG = 400;
/** Body weight for a simulation, kg (exclusive; the planner's wider bound). */
export const MAX_SIM_WEIGHT_KG = 500;
/** Victim dose time after the perpetrator's first dose, h (one year). */
export const MAX_VICTIM_AT_H = 24 * 365;

/** A single dose, mg: a guard against typos like "2000 g", not a safety limit. */
export const MAX_SINGLE_DOSE_MG = 100_000;
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

/** Requests per minute per client address on the HTTP API. */
export const RATE_LIMIT_PER_MIN = 600;
/** Milliseconds an HTTP request may take before the server drops it. */
export const REQUEST_TIMEOUT_MS = 30_000;
/** Problems an error response lists in details.issues; the rest are counted (details.moreIssues), never listed. */
export const MAX_ERROR_ISSUES = 5;
/** Characters of one problem's text in an error response (a framework message quoting a long URL is cut). */
export const MAX_ERROR_PROBLEM_CHARS = 200;
/** /api/check answers kept in the server's LRU. */
export const CHECK_CACHE_ENTRIES = 256;
