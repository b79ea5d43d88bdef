/** GET /api/search, GET /api/substances/{id}, GET /api/kb, GET /health. */
import type { FastifyInstance } from 'fastify';
import { describeSubstance } from '../../core/index.js';
import { kbStats } from '../../core/index.js';
import { resolveSubstance, searchSubstances } from '../../core/index.js';
import type { ServerContext } from '../context.js';
import { errorResponses, openObject, searchHit } from '../schemas.js';

export function lookupRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.get<{ Querystring: { q: string; limit?: string } }>(
    '/api/search',
    {
      schema: {
        summary: 'Find substances by name, synonym, brand or slang (typo-tolerant)',
        tags: ['lookup'],
        querystring: {
          type: 'object',
          required: ['q'],
          properties: {
            q: { type: 'string', minLength: 1, maxLength: 100, description: 'What the person typed' },
            limit: { type: 'string', pattern: '^(?:[1-9]|[1-4][0-9]|50)$', description: 'How many results, 1–50 (default 10)' },
          },
        },
        response: { 200: { type: 'array', items: searchHit }, 400: errorResponses[400], 413: errorResponses[413] },
      },
    },
    async (req) => {
      const limit = req.query.limit ? Number(req.query.limit) : 10;
      return searchSubstances(ctx.kb, req.query.q, limit).map(({ id, name, kind, matched, score }) => ({ id, name, kind, matched, score }));
    },
  );

  app.get<{ Params: { id: string } }>(
    '/api/substances/:id',
    {
      schema: {
        summary: 'A substance with its constituents, receptors, enzymes, PK, findings, legal status and sources',
        tags: ['lookup'],
        params: { type: 'object', required: ['id'], properties: { id: { type: 'string', minLength: 1, maxLength: 100 } } },
        response: {
          200: {
            type: 'object',
            additionalProperties: true,
            required: ['substance'],
            properties: { substance: openObject, sources: { type: 'array', items: openObject } },
          },
          404: errorResponses[404],
        },
      },
    },
    async (req) => {
      const s = resolveSubstance(ctx.kb, req.params.id, 'id');
      return describeSubstance(ctx.kb, s.id);
    },
  );

  app.get(
    '/api/kb',
    {
      schema: {
        summary: 'Knowledge-base version, counts and the jurisdictions with legal status',
        tags: ['meta'],
        response: {
          200: {
            type: 'object',
            additionalProperties: true,
            required: ['version', 'substances'],
            properties: {
              version: { type: 'string' },
              substances: { type: 'number' },
              jurisdictionList: { type: 'array', items: { type: 'object', properties: { id: { type: 'string' }, name: { type: 'string' } } } },
            },
          },
        },
      },
    },
    async () => {
      const seen = new Map<string, string>();
      for (const l of ctx.kb.data.legal) if (!seen.has(l.jurisdiction)) seen.set(l.jurisdiction, l.jurisdictionName ?? l.jurisdiction);
      const jurisdictionList = [...seen].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name));
      return { ...kbStats(ctx.kb.data), jurisdictionList };
    },
  );

  app.get(
    '/health',
    {
      schema: {
        summary: 'Liveness, KB version and anonymous request counts per route',
        tags: ['meta'],
        response: {
          200: {
            type: 'object',
            properties: {
              ok: { type: 'boolean' },
              kbVersion: { type: 'string' },
              uptimeS: { type: 'number' },
              counts: { type: 'object', additionalProperties: { type: 'number' }, description: 'Requests per route; nothing else is kept' },
            },
          },
        },
      },
    },
    async () => ({ ok: true, kbVersion: ctx.kb.data.version, uptimeS: Math.round(process.uptime()), counts: Object.fromEntries(ctx.counts) }),
  );
}
