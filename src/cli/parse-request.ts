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

/** `have at most 8 items`, `have at least 1 character`, `be at most 400`, `be more than 0`. */
function bound(origin: string, side: 'most' | 'least', n: number, inclusive = true): string {
  const unit = origin === 'string' ? 'character' : origin === 'array' || origin === 'set' ? 'item' : '';
  if (unit) return `have at ${side} ${n} ${unit}${n === 1 ? '' : 's'}`;
  return inclusive ? `be at ${side} ${n}` : `be ${side === 'most' ? 'less' : 'more'} than ${n}`;
}

/** ` (got 9)` for a number, ` (got 512 characters)` for a long string; nothing when the input was not kept. */
function got(issue: { input?: unknown }): string {
  const v = issue.input;
  if (typeof v === 'number') return ` (got ${v})`;
  if (typeof v === 'string') return ` (got ${v.length} characters)`;
  if (Array.isArray(v)) return ` (got ${v.length})`;
  return '';
}

function describe(issue: z.core.$ZodIssue, allowed: readonly string[]): { path: readonly PropertyKey[]; problem: string; size: boolean }[] {
  const path = issue.path;
  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys.map((k) => ({ path: [...path, k], problem: `unknown field; remove it${path.length === 0 && allowed.length ? ` (fields: ${allowed.join(', ')})` : ''}`, size: false }));
    case 'invalid_type':
      if (issue.input === undefined) return [{ path, problem: 'required', size: false }];
      return [{ path, problem: `must be ${issue.expected === 'object' ? 'a JSON object' : `a ${issue.expected}`} (got ${shown(issue.input)})`, size: false }];
    case 'invalid_value':
      return [{ path, problem: `must be one of ${issue.values.map(String).join(', ')}`, size: false }];
    case 'too_big':
      return [{ path, problem: `must ${bound(issue.origin, 'most', Number(issue.maximum), issue.inclusive)}${got(issue)}`, size: issue.origin === 'string' || issue.origin === 'array' }];
    case 'too_small':
      return [{ path, problem: `must ${bound(issue.origin, 'least', Number(issue.minimum), issue.inclusive)}${got(issue)}`, size: false }];
    case 'invalid_format':
      return [{ path, problem: `${issue.input !== undefined ? `${shown(issue.input)} ` : ''}does not have the expected form${issue.pattern ? ` (${issue.pattern})` : ''}`, size: false }];
    default:
      return [{ path, problem: issue.message, size: false }];
  }
}

/**
 * The error for a failed parse: INPUT_TOO_LARGE when something is over a cap, else INPUT_INVALID; the message
 * names each field (`fieldName` maps a request path to what the user typed, e.g. `victimDose` → `--victim-dose`).
 */
export function requestError(
  error: z.ZodError,
  fieldName: (path: string) => string = (p) => p,
  extra: Record<string, unknown> = {},
  allowed: readonly string[] = [],
): CrosstalkError {
  const found = error.issues.flatMap((i) => describe(i, allowed)).map((d) => ({ ...d, field: fieldName(pathText(d.path)) }));
  const first = found.find((d) => d.size) ?? found[0]!;
  const issues: FieldIssue[] = found.map((d) => ({ field: d.field, message: `${d.field}: ${d.problem}` }));
  const details = { ...extra, field: first.field, issues };
  const problem = [first, ...found.filter((d) => d !== first)].map((d, i) => (i === 0 ? d.problem : `${d.field}: ${d.problem}`)).join('; ');
  return crosstalkError(first.size ? 'INPUT_TOO_LARGE' : 'INPUT_INVALID', { field: first.field, problem }, details);
}

/** The top-level fields of an object schema, to list beside an unknown one. */
export function fieldsOf(schema: z.ZodType): string[] {
  const shape = (schema as { shape?: Record<string, unknown> }).shape;
  return shape && typeof shape === 'object' ? Object.keys(shape) : [];
}

/** The parsed request, or throw the registry error naming every wrong field. */
export function parseRequest<S extends z.ZodType>(schema: S, value: unknown, fieldName?: (path: string) => string): z.output<S> {
  const r = schema.safeParse(value, { reportInput: true });
  if (!r.success) throw requestError(r.error, fieldName, {}, fieldsOf(schema));
  return r.data;
}
