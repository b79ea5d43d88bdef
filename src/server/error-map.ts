/**
 * Map every failure to the registry's status and a JSON body {code, message, hint, details} (STYLE.md
 * "Errors"). Fastify's own errors (schema validation, bad JSON, oversized bodies, rate limits) are translated
 * into registry codes with the registry's templates, so a client sees one error shape and only registered codes.
 * Anything unexpected is a SERVER_BUG without internals.
 */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { crosstalkError, isCrosstalkError, MAX_BODY_BYTES, MAX_ERROR_ISSUES, MAX_ERROR_PROBLEM_CHARS, REQUEST_TIMEOUT_MS, type ApiSchemas, type CrosstalkError } from '../core/index.js';

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

/** A problem's text cut to MAX_ERROR_PROBLEM_CHARS: a framework message may quote a whole URL or value. */
export const clip = (text: string): string => (text.length > MAX_ERROR_PROBLEM_CHARS ? `${text.slice(0, MAX_ERROR_PROBLEM_CHARS - 1)}…` : text);

/**
 * One error for a rejected input, bounded in size whatever was sent: each distinct problem once (Ajv with
 * allErrors repeats some), the first MAX_ERROR_ISSUES in details.issues and the rest only counted
 * (details.moreIssues). The message holds the first problem and the count of the others. A size problem wins:
 * INPUT_TOO_LARGE with its cap.
 */
export function validationBody(issues: AjvIssue[], context: string): { status: number; body: ErrorBody } {
  const seen = new Set<string>();
  const described: { field: string; keyword: string; problem: string; message: string; limit: unknown }[] = [];
  for (const i of issues) {
    const field = clip(fieldOf(i, context));
    const problem = clip(problemOf(i));
    const message = `${field}: ${problem}`;
    if (seen.has(message)) continue;
    seen.add(message);
    described.push({ field, keyword: i.keyword, problem, message, limit: i.params.limit });
  }
  const tooLarge = described.find((d) => SIZE_KEYWORDS.has(d.keyword));
  const first = tooLarge ?? described[0]!;
  const ordered = [first, ...described.filter((d) => d !== first)];
  const listed = ordered.slice(0, MAX_ERROR_ISSUES);
  const more = ordered.length - listed.length;
  const details = {
    field: first.field,
    ...(tooLarge && typeof tooLarge.limit === 'number' ? { cap: tooLarge.limit } : {}),
    issues: listed.map(({ field, message }) => ({ field, message })),
    ...(more > 0 ? { moreIssues: more } : {}),
  };
  const others = ordered.length - 1;
  const problem = others > 0 ? `${first.problem} (and ${others} more problem${others === 1 ? '' : 's'}; see details.issues)` : first.problem;
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
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return fe.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE'
        ? body(crosstalkError('HTTP_UNSUPPORTED_MEDIA_TYPE', {}, { field: 'content-type' }))
        : body(crosstalkError('HTTP_BAD_REQUEST', { field: 'content-length', problem: 'does not match the body' }, { field: 'content-length' }));
    case 'FST_ERR_BAD_URL':
      return body(crosstalkError('HTTP_BAD_REQUEST', { field: 'url', problem: 'not a valid URL (a % not followed by two hex digits, or bytes that are not UTF-8)' }, { field: 'url' }));
    case 'FST_ERR_MAX_PARAM_LENGTH':
      return body(crosstalkError('INPUT_TOO_LARGE', { field: 'path', problem: 'a path parameter is longer than the server accepts' }, { field: 'path' }));
  }
  const status = typeof fe?.statusCode === 'number' ? fe.statusCode : 500;
  if (status >= 400 && status < 500 && status !== 429)
    return { status: 400, body: crosstalkError('HTTP_BAD_REQUEST', { field: 'request', problem: clip(String(fe.message)) }, { field: 'request' }).toJSON() };
  return body(crosstalkError('SERVER_BUG', {}, {}));
}

/** Fastify error handler: one shape for every error. Stacks of unexpected errors go to stderr only. */
export function errorHandler(err: unknown, req: FastifyRequest, reply: FastifyReply): void {
  const { status, body } = toErrorBody(err);
  if (body.code === 'SERVER_BUG') process.stderr.write(`crosstalk server bug [${req.id}]: ${(err as Error)?.stack ?? String(err)}\n`);
  // Framework errors (a bad URL) arrive before the onRequest hook that sets the id: set it here too.
  void reply.header('x-request-id', req.id);
  // Busy or throttled: say when to come back (RFC 9110 Retry-After, seconds).
  const retry = (body.details as { retryAfterS?: unknown }).retryAfterS;
  if (typeof retry === 'number') void reply.header('retry-after', String(retry));
  void reply.code(status).type('application/json; charset=utf-8').send(body);
}

/** Fastify's `frameworkErrors`: a bad URL or an over-long parameter, answered in the one error shape. */
export function frameworkErrorHandler(err: unknown, req: FastifyRequest, reply: FastifyReply): void {
  errorHandler(err, req, reply);
}

/** Bodies for errors found before Fastify has a request (HTTP syntax, timeouts, header size): the one shape. */
export function clientErrorResponse(code: string | undefined): string | null {
  if (code === 'ECONNRESET') return null;
  const e =
    code === 'ERR_HTTP_REQUEST_TIMEOUT'
      ? crosstalkError('HTTP_TIMEOUT', { ms: REQUEST_TIMEOUT_MS })
      : code === 'HPE_HEADER_OVERFLOW'
        ? crosstalkError('HTTP_HEADERS_TOO_LARGE', {}, { field: 'headers' })
        : crosstalkError('HTTP_BAD_REQUEST', { field: 'request', problem: 'not valid HTTP' }, { field: 'request' });
  const text = JSON.stringify(e.toJSON());
  return `HTTP/1.1 ${e.status} ${e.status === 408 ? 'Request Timeout' : e.status === 431 ? 'Request Header Fields Too Large' : 'Bad Request'}\r\nContent-Length: ${Buffer.byteLength(text)}\r\nContent-Type: application/json; charset=utf-8\r\nConnection: close\r\n\r\n${text}`;
}
