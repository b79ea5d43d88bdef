/**
 * The error-code registry: each code's HTTP status and a hint on how to fix it (STYLE.md "Errors").
 * Codes are upper snake case with an area prefix; a retired code is never reused.
 * docs/errors.md lists every code; a test keeps the two in step.
 */
export const ERRORS = {
  // Knowledge base (compiler, validation)
  KB_YAML_SYNTAX: { status: 500, hint: 'Fix the YAML syntax at the line shown.' },
  KB_SCHEMA: { status: 500, hint: 'Fix the field shown; see kb/README.md for the record shape.' },
  KB_UNKNOWN_UNIT: { status: 500, hint: 'Use one of the units listed in kb/README.md.' },
  KB_WRONG_DIMENSION: { status: 500, hint: 'This field takes a different kind of unit (see kb/README.md).' },
  KB_NEEDS_MW: { status: 500, hint: 'Give the substance a molecular weight (mw) so mass units can be converted.' },
  KB_DUPLICATE_ID: { status: 500, hint: 'Ids are unique across substances, targets and sources.' },
  KB_UNRESOLVED_REF: { status: 500, hint: 'Create the referenced record or fix the id.' },
  KB_MISSING_SOURCE: { status: 500, hint: 'Cite a source id that exists in kb/sources/.' },
  KB_BAD_VALUE: { status: 500, hint: 'The value is outside what the field allows.' },
  KB_NOT_BUILT: { status: 500, hint: 'Run `crosstalk kb build`.' },
  // User input
  INPUT_UNKNOWN_SUBSTANCE: { status: 404, hint: 'Check the spelling or try one of the suggestions.' },
  INPUT_BAD_REGIMEN: { status: 400, hint: 'Write a regimen like "200 mg bid 7d" or "2 g".' },
  INPUT_BAD_UNIT: { status: 400, hint: 'Use mg, g, µg, mL or mg/kg.' },
  INPUT_BAD_DOSE: { status: 400, hint: 'Give a positive dose within a plausible range.' },
  INPUT_BAD_CLAIM: { status: 400, hint: 'Rephrase the claim in one of the forms listed.' },
  INPUT_INVALID: { status: 400, hint: 'Fix the field shown.' },
  INPUT_TOO_LARGE: { status: 413, hint: 'Ask for less: the cap is in the message.' },
  INPUT_SAME_SUBSTANCE: { status: 400, hint: 'Choose two different substances.' },
  // Engine
  ENGINE_NO_DATA: { status: 422, hint: 'The KB lacks a parameter this answer needs; the answer is grey (no data).' },
  ENGINE_NONFINITE: { status: 500, hint: 'A computation produced a non-finite number; this is a bug.' },
  // Simulator
  SIM_NONFINITE_STATE: { status: 500, hint: 'The ODE state became non-finite; report the inputs.' },
  SIM_STEP_LIMIT: { status: 422, hint: 'The solver hit its step limit; shorten the horizon or loosen tolerances.' },
  SIM_MISSING_PARAMETER: { status: 422, hint: 'The KB lacks a parameter the simulator needs.' },
  // Simulator warnings (returned as data, never thrown)
  SIM_WARN_STIFFNESS_SUSPECTED: { status: 200, hint: 'Many small steps: the model may be stiff; the algebraic liver (default) avoids this.' },
  SIM_WARN_MANY_REJECTIONS: { status: 200, hint: 'Many rejected steps; results are still within tolerance.' },
  SIM_UNAVAILABLE: { status: 503, hint: 'The simulator could not run this request; the static prediction is still available.' },
  // HTTP
  HTTP_NOT_FOUND: { status: 404, hint: 'Check the path; the API is described at /openapi.json.' },
  HTTP_RATE_LIMITED: { status: 429, hint: 'Too many requests; wait a minute and retry.' },
  HTTP_UNSUPPORTED_MEDIA_TYPE: { status: 415, hint: 'Send JSON with content-type: application/json.' },
  SERVER_BUG: { status: 500, hint: 'An unexpected error; this is a bug. Please report the request.' },
  // Tools
  TOOL_NO_CHROMIUM: { status: 501, hint: 'Install Debian chromium (apt-get install chromium) for PDF export.' },
} as const;

export type ErrorCode = keyof typeof ERRORS;

export interface ErrorDetails {
  field?: string;
  file?: string;
  line?: number;
  column?: number;
  suggestions?: string[];
  [key: string]: unknown;
}

/** The one error class: a code from the registry, a message naming the field, and details. */
export class CrosstalkError extends Error {
  readonly code: ErrorCode;
  readonly details: ErrorDetails;

  constructor(code: ErrorCode, message: string, details: ErrorDetails = {}) {
    super(message);
    this.name = 'CrosstalkError';
    this.code = code;
    this.details = details;
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

export type Result<T> = { ok: true; value: T } | { ok: false; issues: Issue[] };
