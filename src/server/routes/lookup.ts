/** GET /api/search, GET /api/substances/{id}, GET /api/kb, GET /health. */
import type { FastifyInstance } from 'fastify';
import { ApiSchemas as S, crosstalkError, DEFAULT_SEARCH_RESULTS, describeSubstance, kbStats, resolveSubstance, searchSubstances } from '../../core/index.js';
import type { ServerContext } from '../context.js';
import { component, errorResponse, errorResponses, requestSchema, responseSchema } from '../schemas.js';


export function lookupRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.get<{ Querystring: S.SearchQuery }>(
    '/api/search',
    {
      schema: {
        summary: 'Find substances by name, synonym, brand or slang (typo-tolerant)',
        tags: ['lookup'],
        querystring: requestSchema(S.SearchQuery),
        response: { 200: responseSchema(S.SearchResultJson, 'Hits, best first'), 400: errorResponses[400], 413: errorResponses[413] },
      },
    },
    async (req): Promise<S.SearchResultJson> => {
      const limit = req.query.limit ? Number(req.query.limit) : DEFAULT_SEARCH_RESULTS;
      return searchSubstances(ctx.kb, req.query.q, limit).map(({ id, name, kind, matched, score }) => ({ id, name, kind, matched, score }));
    },
  );

  app.get<{ Params: S.SubstanceParams }>(
    '/api/substances/:id',
    {
      schema: {
        summary: 'A substance with its constituents, receptors, enzymes, PK, findings, legal status and sources',
        tags: ['lookup'],
        params: requestSchema(S.SubstanceParams),
        response: { 200: component(S.SubstanceDescriptionJson, 'Everything the KB knows about the substance'), 400: errorResponses[400], 404: errorResponses[404] },
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
        response: { 200: component(S.KbInfoJson, 'Version, counts, jurisdictions') },
      },
    },
    async (): Promise<S.KbInfoJson> => {
      const seen = new Map<string, string>();
      for (const l of ctx.kb.data.legal) if (!seen.has(l.jurisdiction)) seen.set(l.jurisdiction, l.jurisdictionName ?? l.jurisdiction);
      const jurisdictionList = [...seen].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name));
      return { ...kbStats(ctx.kb.data), jurisdictionList };
    },
  );

  app.get(
    '/ready',
    {
      schema: {
        summary: 'Readiness: the KB is loaded and the work pool is alive (503 HTTP_NOT_READY otherwise); never rate-limited',
        tags: ['meta'],
        response: { 200: responseSchema(S.ReadyJson, 'Ready'), 503: errorResponse('Not ready') },
      },
    },
    async (): Promise<S.ReadyJson> => {
      if (!(ctx.kb.data.substances.length > 0)) throw crosstalkError('HTTP_NOT_READY', { problem: 'the knowledge base is empty' });
      if (ctx.pool && !ctx.pool.alive) throw crosstalkError('HTTP_NOT_READY', { problem: ctx.pool.startFailure ? `a worker thread could not start (${ctx.pool.startFailure.slice(0, 120)})` : 'the work pool is shut down' });
      return {
        ready: true,
        kbVersion: ctx.kb.data.version,
        pool: ctx.pool ? { workers: ctx.pool.opts.workers, busy: ctx.pool.busy, queued: ctx.pool.queued, queueCap: ctx.pool.opts.queue, budgetMs: ctx.pool.opts.budgetMs, stoppedOverBudget: ctx.pool.stopped } : null,
      };
    },
  );

  app.get(
    '/health',
    {
      schema: {
        summary: 'Liveness, KB version and anonymous request counts per route',
        tags: ['meta'],
        response: { 200: component(S.HealthJson, 'Alive') },
      },
    },
    async (): Promise<S.HealthJson> => ({ ok: true, kbVersion: ctx.kb.data.version, uptimeS: Math.round(process.uptime()), counts: Object.fromEntries(ctx.counts) }),
  );
}
