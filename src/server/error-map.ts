/**
 * Map every failure to the registry's status and a JSON body {code, message, hint, details} (STYLE.md
 * "Errors"). Fastify's own errors (schema validation, bad JSON, oversized bodies) are translated into
 * registry codes so a client sees one error shape. Anything unexpected is a 500 without internals.
 */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { CrosstalkError, ERRORS, isCrosstalkError, type ErrorCode, type ErrorDetails } from '../core/index.js';

export interface ErrorBody {
  code: ErrorCode | 'SERVER_BUG' | 'HTTP_NOT_FOUND' | 'HTTP_RATE_LIMITED' | 'HTTP_UNSUPPORTED_MEDIA_TYPE' | 'SIM_UNAVAILABLE';
  message: string;
  hint: string;
  details: ErrorDetails;
}

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

function describeIssue(issue: AjvIssue, field: string): string {
  switch (issue.keyword) {
    case 'required':
      return `${field}: required`;
    case 'additionalProperties':
      return `${field}: unknown field; remove it`;
    case 'type':
      return `${field}: must be ${String(issue.params.type)}`;
    case 'maxItems':
      return `${field}: at most ${String(issue.params.limit)} items allowed`;
    case 'minItems':
      return `${field}: at least ${String(issue.params.limit)} items required`;
    case 'maxLength':
      return `${field}: at most ${String(issue.params.limit)} characters allowed`;
    case 'enum':
      return `${field}: must be one of ${(issue.params.allowedValues as unknown[]).join(', ')}`;
    default:
      return `${field}: ${issue.message ?? 'is not valid'}`;
  }
}

export function validationBody(issues: AjvIssue[], context: string): { status: number; body: ErrorBody } {
  const described = issues.map((i) => {
    const field = fieldOf(i, context);
    return { field, keyword: i.keyword, message: describeIssue(i, field), limit: i.params.limit };
  });
  // Too many items or characters is a size problem: report it as such, with the cap.
  const tooLarge = described.find((d) => d.keyword === 'maxItems' || d.keyword === 'maxLength');
  const code: ErrorCode = tooLarge ? 'INPUT_TOO_LARGE' : 'INPUT_INVALID';
  const first = tooLarge ?? described[0]!;
  return {
    status: ERRORS[code].status,
    body: {
      code,
      message: described.map((d) => d.message).join('; '),
      hint: ERRORS[code].hint,
      details: {
        field: first.field,
        ...(tooLarge ? { cap: tooLarge.limit } : {}),
        issues: described.map(({ field, message }) => ({ field, message })),
      },
    },
  };
}

/** Translate any thrown value into a status and the one error body. */
export function toErrorBody(err: unknown): { status: number; body: ErrorBody } {
  if (isCrosstalkError(err)) return { status: err.status, body: err.toJSON() };
  const fe = err as FastifyError & { validation?: AjvIssue[]; validationContext?: string };
  if (fe && Array.isArray(fe.validation)) return validationBody(fe.validation, fe.validationContext ?? 'body');
  switch (fe?.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY': {
      const e = new CrosstalkError('INPUT_INVALID', `body: ${fe.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' ? 'empty; send a JSON object' : 'not valid JSON'}`, { field: 'body' });
      return { status: 400, body: e.toJSON() };
    }
    case 'FST_ERR_CTP_BODY_TOO_LARGE': {
      const e = new CrosstalkError('INPUT_TOO_LARGE', `body: larger than the server accepts (cap ${BODY_LIMIT_BYTES} bytes)`, { field: 'body', cap: BODY_LIMIT_BYTES });
      return { status: 413, body: e.toJSON() };
    }
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return {
        status: 415,
        body: { code: 'HTTP_UNSUPPORTED_MEDIA_TYPE', message: 'content-type: send application/json', hint: 'Set the header Content-Type: application/json.', details: { field: 'content-type' } },
      };
  }
  const status = typeof fe?.statusCode === 'number' ? fe.statusCode : 500;
  if (status === 429)
    return { status, body: { code: 'HTTP_RATE_LIMITED', message: fe.message, hint: 'Wait a minute and try again.', details: {} } };
  if (status === 503 && fe.code === 'SIM_UNAVAILABLE')
    return { status, body: { code: 'SIM_UNAVAILABLE', message: fe.message, hint: 'Use /api/predict for the static prediction.', details: {} } };
  if (status >= 400 && status < 500)
    return { status, body: { code: 'INPUT_INVALID', message: fe.message, hint: ERRORS.INPUT_INVALID.hint, details: {} } };
  return {
    status: 500,
    body: { code: 'SERVER_BUG', message: 'internal error: this is a bug in Crosstalk; please report what you sent', hint: 'Report the request that caused it.', details: {} },
  };
}

/** Fastify error handler: one shape for every error. Stacks of unexpected errors go to stderr only. */
export function errorHandler(err: unknown, _req: FastifyRequest, reply: FastifyReply): void {
  const { status, body } = toErrorBody(err);
  if (body.code === 'SERVER_BUG') process.stderr.write(`crosstalk server bug: ${(err as Error)?.stack ?? String(err)}\n`);
  void reply.code(status).type('application/json; charset=utf-8').send(body);
}

/** Largest request body accepted (bytes): a regimen or claim is a few hundred bytes. */
export const BODY_LIMIT_BYTES = 64 * 1024;
