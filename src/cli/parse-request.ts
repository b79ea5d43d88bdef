/**
 * Parse a request with the API's zod schema (src/core/schema/api) and turn a failure into the registry's error,
 * naming every field that is wrong: the CLI checks what it is given exactly as the server does, never by hand.
 */
import type { z } from 'zod';
import { crosstalkError, type CrosstalkError } from '../core/index.js';

export interface FieldIssue {
  field: string;
  message: string;
}

/** `['substances', 0]` → `substances[0]`; the request itself (a wrong type of line) is `request`. */
function pathText(path: readonly PropertyKey[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`)).join('') || 'request';
}

/** What was given, short enough for one line (`'abc'`, `12`, `an array`). */
function shown(v: unknown): string {
  if (typeof v === 'string') return `'${v.length > 40 ? `${v.slice(0, 40)}…` : v}'`;
  if (Array.isArray(v)) return 'an array';
  if (v === null) return 'null';
  return typeof v === 'object' ? 'an object' : String(v);
}

function describe(issue: z.core.$ZodIssue): { path: readonly PropertyKey[]; problem: string; size: boolean }[] {
  const path = issue.path;
  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys.map((k) => ({ path: [...path, k], problem: 'unknown field; remove it', size: false }));
    case 'invalid_type':
      if (issue.input === undefined) return [{ path, problem: 'required', size: false }];
      return [{ path, problem: `must be ${issue.expected === 'object' ? 'a JSON object' : `a ${issue.expected}`} (got ${shown(issue.input)})`, size: false }];
    case 'invalid_value':
      return [{ path, problem: `must be one of ${issue.values.map(String).join(', ')}`, size: false }];
    case 'too_big':
      return [{ path, problem: issue.message.replace(/^Too big: expected \w+ to (have|be) /, 'must be '), size: issue.origin === 'string' || issue.origin === 'array' }];
    case 'too_small':
      return [{ path, problem: issue.message.replace(/^Too small: expected \w+ to (have|be) /, 'must be '), size: false }];
    default:
      return [{ path, problem: issue.message, size: false }];
  }
}

/**
 * The error for a failed parse: INPUT_TOO_LARGE when something is over a cap, else INPUT_INVALID; the message
 * names each field (`fieldName` maps a request path to what the user typed, e.g. `victimDose` → `--victim-dose`).
 */
export function requestError(error: z.ZodError, fieldName: (path: string) => string = (p) => p, extra: Record<string, unknown> = {}): CrosstalkError {
  const found = error.issues.flatMap(describe).map((d) => ({ ...d, field: fieldName(pathText(d.path)) }));
  const first = found.find((d) => d.size) ?? found[0]!;
  const issues: FieldIssue[] = found.map((d) => ({ field: d.field, message: `${d.field}: ${d.problem}` }));
  const details = { ...extra, field: first.field, issues };
  const problem = [first, ...found.filter((d) => d !== first)].map((d, i) => (i === 0 ? d.problem : `${d.field}: ${d.problem}`)).join('; ');
  return crosstalkError(first.size ? 'INPUT_TOO_LARGE' : 'INPUT_INVALID', { field: first.field, problem }, details);
}

/** The parsed request, or throw the registry error naming every wrong field. */
export function parseRequest<S extends z.ZodType>(schema: S, value: unknown, fieldName?: (path: string) => string): z.output<S> {
  const r = schema.safeParse(value, { reportInput: true });
  if (!r.success) throw requestError(r.error, fieldName);
  return r.data;
}
