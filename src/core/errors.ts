/**
 * The error-code registry (STYLE.md "Errors"): each code's HTTP status, message template and a hint on how to
 * fix it. Codes are upper snake case with an area prefix; warnings (`*_WARN_*`) have their own codes and are
 * returned as data, never thrown; a retired code is never reused (see RETIRED_CODES).
 * docs/errors.md is generated from this file (`npm run errors:doc`); a test fails when the two differ.
 *
 * A template names its parameters in braces, and may hold one optional part in square brackets that is left
 * out when any parameter inside it is empty: `'{field}: no substance called {query}[; did you mean {suggestions}?]'`.
 */

/** A value a template can show; lists are joined with ", ". */
export type ParamValue = string | number | boolean | null | readonly (string | number)[];

export interface ErrorSpec<C extends string = string, T extends string = string, W extends boolean = boolean> {
  readonly code: C;
  readonly status: number;
  readonly template: T;
  readonly hint: string;
  readonly warning: W;
}

/** Declare an error: `defineError('KB_UNKNOWN_UNIT', 500, "{field}: unit '{unit}' is not known", 'Use …')`. */
export function defineError<const C extends string, const T extends string>(code: C, status: number, template: T, hint: string): ErrorSpec<C, T, false> {
  return { code, status, template, hint, warning: false };
}

/** Declare a warning: returned beside a result (status 200), never thrown. */
export function defineWarning<const C extends string, const T extends string>(code: C, template: T, hint: string): ErrorSpec<C, T, true> {
  return { code, status: 200, template, hint, warning: true };
}

/** Codes that once existed and were removed: never define them again (clients may still match on them). */
export const RETIRED_CODES: readonly string[] = [];

function registry<const D extends readonly ErrorSpec[]>(specs: D): { readonly [S in D[number] as S['code']]: S } {
  const out: Record<string, ErrorSpec> = {};
  for (const s of specs) {
    // A programming error in this file, caught by every test run: not a CrosstalkError.
    if (!/^[A-Z]+(_[A-Z0-9]+)+$/.test(s.code)) throw new Error(`errors.ts: '${s.code}' is not UPPER_SNAKE_CASE with an area prefix`);
    if (out[s.code]) throw new Error(`errors.ts: '${s.code}' is defined twice`);
    if (RETIRED_CODES.includes(s.code)) throw new Error(`errors.ts: '${s.code}' is retired and may not be reused`);
    if (s.warning !== s.code.includes('_WARN_')) throw new Error(`errors.ts: '${s.code}': warning codes, and only they, contain _WARN_`);
    out[s.code] = s;
  }
  return out as { readonly [S in D[number] as S['code']]: S };
}

export const ERRORS = registry([
  // Knowledge base (compiler, validation)
  defineError('KB_YAML_SYNTAX', 500, '{yamlCode}: {problem}', 'Fix the YAML syntax at the line shown.'),
  defineError('KB_SCHEMA', 500, '{field}: {problem}', 'Fix the field shown; see kb/README.md for the record shape.'),
  defineError('KB_UNKNOWN_UNIT', 500, "{field}: unit '{unit}' is not known[; did you mean {suggestions}?]", 'Use one of the units listed in kb/README.md.'),
  defineError('KB_WRONG_DIMENSION', 500, "{field}: '{unit}' is a {got} unit but {name} takes {expected}", 'This field takes a different kind of unit (see kb/README.md).'),
  defineError('KB_NEEDS_MW', 500, "{field}: '{unit}' is a mass unit; the substance needs an mw to convert it to µM", 'Give the substance a molecular weight (mw) so mass units can be converted.'),
  defineError('KB_DUPLICATE_ID', 500, "{field}: id '{id}' is already used by a record in {previous}", 'Ids are unique across substances, targets and sources.'),
  defineError('KB_UNRESOLVED_REF', 500, "{field}: {kind} '{id}' does not exist", 'Create the referenced record or fix the id.'),
  defineError('KB_MISSING_SOURCE', 500, "{field}: source '{id}' does not exist", 'Cite a source id that exists in kb/sources/.'),
  defineError('KB_BAD_VALUE', 500, '{field}: {problem}', 'The value is outside what the field allows.'),
  defineError('KB_FRACTION_RANGE', 500, '{field}: a fraction must lie between 0 and 1 (got {value})', 'Write fractions as 0–1 (e.g. 0.25, not 25), or use the unit %.'),
  defineError('KB_NEGATIVE', 500, '{field}: must not be negative (got {value})', 'Check the sign and the unit of the value.'),
  defineError('KB_NOT_BUILT', 500, "the knowledge base has {count} error(s); run 'crosstalk kb validate'. First: {first}", 'Run `crosstalk kb validate`, fix the errors it lists, then `crosstalk kb build`.'),
  defineError('KB_BUNDLE_MISSING', 500, "{path}: no compiled knowledge base (missing, unreadable or an older format)", 'Run `crosstalk kb build`; `crosstalk` commands and `npm test` build it themselves when the YAML changed.'),
  defineError('KB_MANIFEST', 500, '{file}: {problem}', 'After an intended change run `node bin/crosstalk.js kb manifest --write` and commit kb/manifest.json with the YAML.'),
  defineError('KB_BUILD_LOCKED', 500, '{path}: another build has held the lock for {waitedS} s', 'Wait for the other build to finish, or delete the lock file if no build is running.'),
  // User input
  defineError('INPUT_UNKNOWN_SUBSTANCE', 404, "{field}: no substance called '{query}' in the knowledge base[; did you mean {suggestions}?]", 'Check the spelling or try one of the suggestions.'),
  defineError('INPUT_AMBIGUOUS_SUBSTANCE', 400, "{field}: '{query}' is a name for more than one substance ({candidates}); say which", 'Type the full name of the one you mean, e.g. one of the candidates listed.'),
  defineError('INPUT_BAD_REGIMEN', 400, "{field}: could not read '{word}' (word {position} of '{text}'); expected {expected}[; did you mean {suggestion}?]", 'Write a regimen like "200 mg bid 7d" or "2 g".'),
  defineError('INPUT_EMPTY_REGIMEN', 400, '{field}: empty; write a dose like "200 mg" or "2 g qd 7d"', 'Write a regimen like "200 mg bid 7d" or "2 g".'),
  defineError('INPUT_BAD_UNIT', 400, '{field}: a dose in {unit} needs a {product} with a known {content}; give the dose in mg', 'Use mg, g, µg, mL or mg/kg.'),
  defineError('INPUT_UNIT_MISMATCH', 400, '{field}: {substance} has its content per {perUnit}; a dose in {unit} cannot be converted (use {use})', 'Give the dose in a unit the product content is recorded in, or in mg.'),
  defineError('INPUT_BAD_DOSE', 400, '{field}: the amount must be positive and finite (got {amount} {unit})', 'Give a positive dose within a plausible range.'),
  defineError('INPUT_DOSE_TOO_LARGE', 400, '{field}: {doseMg} mg in one dose is beyond any plausible amount (cap {capG} g); check the unit', 'Check the unit: g and mg are easy to swap.'),
  defineError('INPUT_DOSE_IMPLAUSIBLE', 400, '{field}: {value} {unit} {per} is outside the plausible range ({min}–{max} {unit}); check the amount and the unit', 'Check the amount and the unit: the ranges are in docs/limits.md.'),
  defineError('INPUT_BAD_CLAIM', 400, 'claim: {problem}', 'Rephrase the claim in one of the forms listed.'),
  defineError('INPUT_INVALID', 400, '{field}: {problem}', 'Fix the field shown.'),
  defineError('INPUT_REQUIRED', 400, '{field}: required ({how})', 'Give the field shown.'),
  defineError('INPUT_NOT_ONE_OF', 400, "{field}: '{value}' is not one of {allowed}", 'Use one of the values listed.'),
  defineError('INPUT_OUT_OF_RANGE', 400, "{field}: '{value}' is not {expected}", 'Give a value in the range shown.'),
  defineError('INPUT_NOT_SIM_ITEM', 400, "{field}: '{text}' is not substance:regimen (e.g. \"kratom:2 g qd 7d\")", 'Join each substance and its regimen with a colon, e.g. "cbd:300 mg qd 7d".'),
  defineError('INPUT_ROUTE_NOT_SIMULATED', 400, "{field}: route '{route}' is not simulated", 'Use po, iv, inhaled, oromucosal or sublingual.'),
  defineError('INPUT_BAD_PHENOTYPE', 400, "phenotype: '{text}' is not ENZYME=PHENOTYPE (e.g. CYP2D6=PM; phenotypes {phenotypes})", 'Write a phenotype as ENZYME=PHENOTYPE, e.g. CYP2D6=PM.'),
  defineError('INPUT_PHENOTYPE_UNUSED', 400, 'phenotype: {enzyme} does not clear any simulated compound', 'Fix a phenotype only for an enzyme that clears one of the simulated substances.'),
  defineError('INPUT_UNKNOWN_STUDY', 404, "study: no scenario '{id}'; known: {known}", 'Use one of the study ids listed (files in scenarios/).'),
  defineError('INPUT_UNREADABLE_FILE', 400, "{field}: cannot read '{path}' ({problem})", 'Check the path (relative to the current directory) and that the file is readable.'),
  defineError('INPUT_UNWRITABLE_FILE', 400, "{field}: cannot write '{path}' ({problem})", 'Check that the folder exists and the path is a file you may write; add --force to replace an existing file.'),
  defineError('INPUT_BAD_JSON', 400, 'line {line}: not valid JSON ({problem})', 'Write one JSON object per line.'),
  defineError('INPUT_TOO_LARGE', 413, '{field}: {problem}', 'Ask for less: the cap is in the message.'),
  defineError('INPUT_SAME_SUBSTANCE', 400, '{field}: {problem}', 'Choose two different substances.'),
  // Engine
  defineError('ENGINE_NO_DATA', 422, '{field}: {problem}', 'The KB lacks a parameter this answer needs; the answer is grey (no data).'),
  defineError('ENGINE_NONFINITE', 500, '{field}: {problem}', 'A computation produced a non-finite number; this is a bug.'),
  // Simulator
  defineError('SIM_NONFINITE_STATE', 500, 'ode: state component {index} is {value} at t = {tH}', 'The ODE state became non-finite; report the inputs.'),
  defineError('SIM_STEP_LIMIT', 422, 'ode: {problem} at t = {tH}', 'The solver hit its step limit; shorten the horizon or loosen tolerances.'),
  defineError('SIM_MISSING_PARAMETER', 422, '{field}: {parameter} missing for {substance} ({why})', 'The KB lacks a parameter the simulator needs.'),
  // Simulator warnings (returned as data, never thrown)
  defineWarning('SIM_WARN_STIFFNESS_SUSPECTED', 'the problem looks stiff: DOPRI5 steps are stability-limited (consider liverQSS)', 'Many small steps: the model may be stiff; the algebraic liver (default) avoids this.'),
  defineWarning('SIM_WARN_MANY_REJECTIONS', 'more than half the steps were rejected ({rejected}/{total}) between t = {t0} and {t1}', 'Many rejected steps; results are still within tolerance.'),
  defineError('SIM_UNAVAILABLE', 503, 'simulate: {problem}', 'The simulator could not run this request; the static prediction is still available.'),
  // HTTP
  defineError('HTTP_NOT_FOUND', 404, 'path: no route {method} {path}; see /docs for the API', 'Check the path; the API is described at /openapi.json.'),
  defineError('HTTP_RATE_LIMITED', 429, 'rate limit: more than {max} requests in {window}; slow down', 'Too many requests; wait a minute and retry.'),
  defineError('HTTP_UNSUPPORTED_MEDIA_TYPE', 415, 'content-type: send application/json', 'Send JSON with content-type: application/json.'),
  defineError('HTTP_BAD_REQUEST', 400, '{field}: {problem}', 'The request itself is malformed (URL, header or HTTP syntax); check the client.'),
  defineError('HTTP_TIMEOUT', 408, 'request: not complete within {ms} ms', 'Send the whole request promptly.'),
  defineError('HTTP_HEADERS_TOO_LARGE', 431, 'headers: larger than the server accepts', 'Send fewer or shorter headers.'),
  defineError('HTTP_OVERLOADED', 503, 'server busy: {problem}; retry after {retryAfterS} s', 'The server is at capacity; retry after the Retry-After header’s seconds.'),
  defineError('HTTP_NOT_READY', 503, 'not ready: {problem}', 'The server is starting or its workers stopped; retry shortly.'),
  defineError('HTTP_CPU_BUDGET', 422, '{field}: needs more than the {budgetMs} ms of computing one request may use; {how}', 'Ask for less: a shorter horizon, fewer people or a simpler regimen.'),
  defineError('SERVER_BUG', 500, 'internal error: this is a bug in Crosstalk; please report what you sent', 'An unexpected error; this is a bug. Please report the request.'),
  // Tools
  defineError('TOOL_NO_CHROMIUM', 501, 'pdf: no Chromium found (looked for {candidates} and $CROSSTALK_CHROMIUM); use --format html and print it from a browser', 'Install Debian chromium (apt-get install chromium) for PDF export.'),
]);

export type ErrorCode = keyof typeof ERRORS;
/** Codes that may be thrown (every code except the warnings). */
export type ThrownCode = { [K in ErrorCode]: (typeof ERRORS)[K]['warning'] extends true ? never : K }[ErrorCode];

type ParamNames<T extends string> = T extends `${string}{${infer P}}${infer Rest}` ? P | ParamNames<Rest> : never;
/** The parameters a code's template names, e.g. `{ field, unit, suggestions }` for KB_UNKNOWN_UNIT. */
export type ErrorParams<C extends ErrorCode> = { [K in ParamNames<(typeof ERRORS)[C]['template']>]: ParamValue };

export interface ErrorDetails {
  field?: string;
  file?: string;
  line?: number;
  column?: number;
  suggestions?: string[];
  [key: string]: unknown;
}

const show = (v: ParamValue | undefined): string => (v === null || v === undefined ? '' : Array.isArray(v) ? v.join(', ') : String(v));

/** Fill a template: `{name}` takes the parameter; `[…]` is dropped when a parameter inside it is empty. */
export function renderTemplate(template: string, params: Readonly<Record<string, ParamValue | undefined>>): string {
  // One pass over the template, so a parameter's value (e.g. 'substances[0]') is never read as template syntax.
  return template.replace(/\[([^\]]*)\]|\{(\w+)\}/g, (_, part: string | undefined, name: string | undefined) => {
    if (name !== undefined) return show(params[name]);
    const names = [...part!.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
    return names.some((k) => show(params[k]) === '') ? '' : part!.replace(/\{(\w+)\}/g, (__, k: string) => show(params[k]));
  });
}

/** The message a code's template gives with these parameters. */
export function errorMessage<C extends ErrorCode>(code: C, params: ErrorParams<C>): string {
  return renderTemplate(ERRORS[code].template, params as Record<string, ParamValue>);
}

/** The one error class: a registry code, the parameters of its template, the rendered message and details. */
export class CrosstalkError extends Error {
  readonly code: ErrorCode;
  readonly params: Readonly<Record<string, ParamValue>>;
  readonly details: ErrorDetails;

  /** Prefer `fail(code, params, details)`; this form (a ready message) remains for code not yet migrated. */
  constructor(code: ErrorCode, message: string, details: ErrorDetails = {}, params: Readonly<Record<string, ParamValue>> = {}) {
    super(message);
    this.name = 'CrosstalkError';
    this.code = code;
    this.details = details;
    this.params = params;
  }

  get status(): number {
    return ERRORS[this.code].status;
  }

  get hint(): string {
    return ERRORS[this.code].hint;
  }

  toJSON(): { code: ErrorCode; message: string; hint: string; details: ErrorDetails } {
    return { code: this.code, message: this.message, hint: this.hint, details: this.details };
  }
}

/** Build (without throwing) the error a code's template gives: `crosstalkError('INPUT_REQUIRED', { field: 'victim', how: '…' })`. */
export function crosstalkError<C extends ThrownCode>(code: C, params: ErrorParams<C>, details: ErrorDetails = {}): CrosstalkError {
  return new CrosstalkError(code, errorMessage(code, params), details, params as Record<string, ParamValue>);
}

/** Throw the rendered error: `fail('INPUT_NOT_ONE_OF', { field: '--model', value: m, allowed: ['static', 'dynamic'] })`. */
export function fail<C extends ThrownCode>(code: C, params: ErrorParams<C>, details: ErrorDetails = {}): never {
  throw crosstalkError(code, params, details);
}

export function isCrosstalkError(e: unknown): e is CrosstalkError {
  return e instanceof CrosstalkError;
}

/** Collected validation issue (checking collects every issue instead of throwing at the first). */
export interface Issue {
  code: ErrorCode;
  message: string;
  file?: string;
  line?: number;
  column?: number;
  field?: string;
}

/** An issue whose message comes from the code's template: `issue('KB_NEGATIVE', { field, value })`. */
export function issue<C extends ErrorCode>(code: C, params: ErrorParams<C>, where: Omit<Issue, 'code' | 'message'> = {}): Issue {
  return { code, message: errorMessage(code, params), ...where };
}

export type Result<T> = { ok: true; value: T } | { ok: false; issues: Issue[] };
