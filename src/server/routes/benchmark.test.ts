import Fastify from 'fastify';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { benchmarkRoutes } from './benchmark.js';

describe('GET /api/benchmark (issue 11 §6)', () => {
  it('serves build/benchmark.json as it is, and 404 with a hint before the benchmark has run', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ct-bench-'));
    const file = join(dir, 'benchmark.json');
    const app = Fastify();
    benchmarkRoutes(app, file);
    await app.ready();
    const missing = await app.inject('/api/benchmark');
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ code: 'HTTP_NOT_FOUND', details: { field: 'benchmark' } });
    expect(missing.json().hint).toContain('crosstalk benchmark');
    writeFileSync(file, JSON.stringify({ kbVersion: 'abc', revision: 'def', entries: [{ id: 'x' }] }));
    const ok = await app.inject('/api/benchmark');
    expect(ok.statusCode).toBe(200);
    expect(ok.headers['content-type']).toContain('application/json');
    expect(ok.json()).toEqual({ kbVersion: 'abc', revision: 'def', entries: [{ id: 'x' }] });
    await app.close();
  });
});
