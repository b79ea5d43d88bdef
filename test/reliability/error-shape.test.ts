/**
 * Issue 15 §3: one error shape everywhere, bounded in size. Every non-2xx answer, including Fastify's own (bad
 * URL, over-long parameter, media type, body size, parser) and raw HTTP errors, is {code, message, hint, details}
 * with a registry code; a huge invalid body gets a small answer listing each problem once.
 */
import { connect } from 'node:net';
import { describe, expect, it } from 'vitest';
import { ApiSchemas, MAX_ERROR_ISSUES } from '../../src/core/index.js';
import { useTestApp } from '../api/helpers.js';

const app = useTestApp();
const json = { 'content-type': 'application/json' };

function expectErrorShape(r: { statusCode: number; body: string; headers: Record<string, unknown> }, status: number, code: string): void {
  expect(r.statusCode).toBe(status);
  const parsed = ApiSchemas.ErrorBodyJson.safeParse(JSON.parse(r.body));
  expect(parsed.success, r.body.slice(0, 300)).toBe(true);
  expect(parsed.data!.code).toBe(code);
  expect(r.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
}

describe('one error shape for framework errors (issue 15 §3)', () => {
  it.each([
    ['bad percent-encoding in the URL', { method: 'GET' as const, url: '/api/substances/%E0%A4%A' }, 400, 'HTTP_BAD_REQUEST'],
    ['over-long path parameter', { method: 'GET' as const, url: `/api/substances/${'a'.repeat(200)}` }, 413, 'INPUT_TOO_LARGE'],
    ['text/plain body', { method: 'POST' as const, url: '/api/check', payload: 'x', headers: { 'content-type': 'text/plain' } }, 415, 'HTTP_UNSUPPORTED_MEDIA_TYPE'],
    ['xml body', { method: 'POST' as const, url: '/api/check', payload: '<a/>', headers: { 'content-type': 'application/xml' } }, 415, 'HTTP_UNSUPPORTED_MEDIA_TYPE'],
    ['body over the byte cap', { method: 'POST' as const, url: '/api/check', payload: 'x'.repeat(70_000), headers: json }, 413, 'INPUT_TOO_LARGE'],
    ['broken JSON', { method: 'POST' as const, url: '/api/check', payload: '{', headers: json }, 400, 'INPUT_INVALID'],
    ['unknown route', { method: 'GET' as const, url: '/nope' }, 404, 'HTTP_NOT_FOUND'],
    ['unknown method', { method: 'DELETE' as const, url: '/api/check' }, 404, 'HTTP_NOT_FOUND'],
  ])('%s', async (_name, req, status, code) => {
    expectErrorShape(await app().inject(req), status, code);
  });

  it('a 60 KB invalid body gets a small answer: the first few problems, each once, and a count of the rest', async () => {
    const payload = JSON.stringify(Object.fromEntries(Array.from({ length: 5000 }, (_, i) => [`k${i}`, i])));
    expect(payload.length).toBeGreaterThan(55_000);
    expect(payload.length).toBeLessThan(64 * 1024);
    const r = await app().inject({ method: 'POST', url: '/api/predict', payload, headers: json });
    expectErrorShape(r, 400, 'INPUT_INVALID');
    expect(r.body.length).toBeLessThan(2_000);
    const b = r.json();
    expect(b.details.issues).toHaveLength(MAX_ERROR_ISSUES);
    // 2 missing fields + 5,000 unknown ones, each counted once.
    expect(b.details.moreIssues).toBe(5002 - MAX_ERROR_ISSUES);
    const messages = b.details.issues.map((i: { message: string }) => i.message);
    expect(new Set(messages).size).toBe(messages.length);
    expect(b.message).toContain('and 5001 more problems');
  });

  it('raw HTTP that is not HTTP gets the error shape on the socket', async () => {
    await app().listen({ port: 0, host: '127.0.0.1' });
    const { port } = app().server.address() as { port: number };
    const text = await new Promise<string>((resolve) => {
      let out = '';
      const s = connect(port, '127.0.0.1', () => s.write('GARBAGE\r\n\r\n'));
      s.on('data', (d) => (out += d.toString()));
      s.on('close', () => resolve(out));
      s.on('error', () => resolve(out));
    });
    expect(text).toMatch(/^HTTP\/1\.1 400/);
    const body = JSON.parse(text.slice(text.indexOf('\r\n\r\n') + 4));
    expect(ApiSchemas.ErrorBodyJson.parse(body).code).toBe('HTTP_BAD_REQUEST');
  });
});
