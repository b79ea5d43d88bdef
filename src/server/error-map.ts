/**
 * Map every failure to the registry's status and a JSON body {code, message, hint, details} (STYLE.md
 * "Errors"). Fastify's own errors (schema validation, bad JSON, oversized bodies, rate limits) are translated
 * into registry codes with the registry's templates, so a client sees one error shape and only registered codes.
 * Anything unexpected is a SERVER_BUG without internals.
 */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { crosstalkError, isCrosstalkError, MAX_BODY_BYTES, type ApiSchemas, type CrosstalkError } from '../core/index.js';

export type ErrorBody = ApiSchemas.ErrorBodyJson;

interface AjvIssue {
  instancePath: string;
  keyword: string;
  message?: string;
  params: Record<string, unknown>;
}

/** `/substances/3` + context `body` → `substances[3]`; a missing property names the property itself. */
function fieldOf(issue: AjvIssue, context: string): string {
  const parts = issue.instancePath.split('/').filter(Boolean);
  if (issue.keyword === 'required' && typeof issue.params.missingProperty === 'string') parts.push(issue.params.missingProperty);
  if (issue.keyword === 'additionalProperties' && typeof issue.params.additionalProperty === 'string') parts.push(issue.params.additionalProperty);
  const path = parts.map((p, i) => (/^\d+$/.test(p) ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
  return path || context;
}

/** What is wrong with the field, without the field's name (the registry template puts it in front). */
function problemOf(issue: AjvIssue): string {
  switch (issue.keyword) {
    case 'required':
      return 'required';
    case 'additionalProperties':
      return 'unknown field; remove it';
    case 'type':
      return `must be ${String(issue.params.type)}`;
    case 'maxItems':
      return `at most ${String(issue.params.limit)} items allowed`;
    case 'minItems':
      return `at least ${String(issue.params.limit)} items required`;
    case 'maxLength':
      return `at most ${String(issue.params.limit)} characters allowed`;
    case 'maximum':
      return `over the limit; the cap is ${String(issue.params.limit)}`;
    case 'enum':
      return `must be one of ${(issue.params.allowedValues as unknown[]).join(', ')}`;
    default:
      return issue.message ?? 'is not valid';
  }
}

/** Too many items, characters or too large a number is a size problem: INPUT_TOO_LARGE with the cap. */
const SIZE_KEYWORDS = new Set(['maxItems', 'maxLength', 'maximum']);

export function validationBody(issues: AjvIssue[], context: string): { status: number; body: ErrorBody } {
  const described = issues.map((i) => {
    const field = fieldOf(i, context);
    return { field, keyword: i.keyword, message: `${field}: ${problemOf(i)}`, limit: i.params.limit };
  });
  const tooLarge = described.find((d) => SIZE_KEYWORDS.has(d.keyword));
  const first = tooLarge ?? described[0]!;
  const details = {
    field: first.field,
    ...(tooLarge && typeof tooLarge.limit === 'number' ? { cap: tooLarge.limit } : {}),
    issues: described.map(({ field, message }) => ({ field, message })),
  };
  // Every issue in one message: the registry template's {field}: {problem} holds the first, the rest follow.
  const rest = described.filter((d) => d !== first).map((d) => d.message);
  const problem = [problemOf(issues[described.indexOf(first)]!), ...rest].join('; ');
  const e = crosstalkError(tooLarge ? 'INPUT_TOO_LARGE' : 'INPUT_INVALID', { field: first.field, problem }, details);
  return { status: e.status, body: e.toJSON() };
}

const body = (e: CrosstalkError): { status: number; body: ErrorBody } => ({ status: e.status, body: e.toJSON() });

/** Translate any thrown value into a status and the one error body. */
export function toErrorBody(err: unknown): { status: number; body: ErrorBody } {
  if (isCrosstalkError(err)) return body(err);
  const fe = err as FastifyError & { validation?: AjvIssue[]; validationContext?: string };
  if (fe && Array.isArray(fe.validation)) return validationBody(fe.validation, fe.validationContext ?? 'body');
  switch (fe?.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return body(crosstalkError('INPUT_INVALID', { field: 'body', problem: fe.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' ? 'empty; send a JSON object' : 'not valid JSON' }, { field: 'body' }));
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return body(crosstalkError('INPUT_TOO_LARGE', { field: 'body', problem: `larger than the server accepts (cap ${MAX_BODY_BYTES} bytes)` }, { field: 'body', cap: MAX_BODY_BYTES }));
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return body(crosstalkError('HTTP_UNSUPPORTED_MEDIA_TYPE', {}, { field: 'content-type' }));
  }
  const status = typeof fe?.statusCode === 'number' ? fe.statusCode : 500;
  if (status >= 400 && status < 500 && status !== 429)
    return { status, body: crosstalkError('INPUT_INVALID', { field: 'request', problem: fe.message }, {}).toJSON() };
  return body(crosstalkError('SERVER_BUG', {}, {}));
}

/** Fastify error handler: one shape for every error. Stacks of unexpected errors go to stderr only. */
export function errorHandler(err: unknown, _req: FastifyRequest, reply: FastifyReply): void {
  const { status, body } = toErrorBody(err);
  if (body.code === 'SERVER_BUG') process.stderr.write(`crosstalk server bug: ${(err as Error)?.stack ?? String(err)}\n`);
  void reply.code(status).type('application/json; charset=utf-8').send(body);
}
