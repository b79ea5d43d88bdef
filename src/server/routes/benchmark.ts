/**
 * GET /api/benchmark — the last clinical benchmark run (build/benchmark.json, written by `crosstalk benchmark`),
 * read-only, for the web app's Validation page. The file is read again only when it changes.
 */
import type { FastifyInstance } from 'fastify';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { BUILD_DIR } from '../../store/kb-store.js';

export const BENCHMARK_JSON = join(BUILD_DIR, 'benchmark.json');

export function benchmarkRoutes(app: FastifyInstance, file = BENCHMARK_JSON): void {
  let cached: { mtimeMs: number; text: string } | null = null;
  app.get(
    '/api/benchmark',
    {
      schema: {
        summary: 'The clinical interaction benchmark: every scored study, predicted by each model beside the observed ratio, with the figures per split',
        tags: ['meta'],
        response: {
          200: { type: 'object', additionalProperties: true, required: ['kbVersion', 'entries'], properties: { kbVersion: { type: 'string' }, revision: { type: 'string' }, entries: { type: 'array', items: { type: 'object', additionalProperties: true } } } },
          404: { type: 'object', required: ['code', 'message'], properties: { code: { type: 'string' }, message: { type: 'string' }, hint: { type: 'string' }, details: { type: 'object', additionalProperties: true } } },
        },
      },
    },
    async (_req, reply) => {
      if (!existsSync(file))
        return reply.code(404).send({
          code: 'HTTP_NOT_FOUND',
          message: 'benchmark: no benchmark has been run on this server (build/benchmark.json is missing)',
          hint: 'Run `npx crosstalk benchmark` (or `npm run validate:ddi`), then reload.',
          details: { field: 'benchmark' },
        });
      const { mtimeMs } = statSync(file);
      if (!cached || cached.mtimeMs !== mtimeMs) cached = { mtimeMs, text: readFileSync(file, 'utf8') };
      // Already JSON: send the text as it is rather than parse and re-serialise a large document.
      return reply.type('application/json; charset=utf-8').send(cached.text);
    },
  );
}
