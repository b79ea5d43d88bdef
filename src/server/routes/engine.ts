/** POST /api/check, /api/predict, /api/claim, /api/explain: parse input, call core, serialize. */
import type { FastifyInstance } from 'fastify';
import { checkClaim } from '../../core/index.js';
import { check } from '../../core/index.js';
import { predict, type PredictRequest } from '../../core/index.js';
import { buildBrief, renderBrief } from '../../core/index.js';
import { resolveSubstance } from '../../core/index.js';
import type { ServerContext } from '../context.js';
import { checkResult, errorResponses, openObject, predictBody, substancesList } from '../schemas.js';

/**
 * The check answer as a JSON string, from the LRU when possible. The key is the KB version plus the
 * resolved ids in the order given (so "weed, kratom" and "cannabis, kratom" share an entry and every
 * answer stays byte-identical to the CLI's), and the cached value is already serialized: stringifying
 * a ~90 kB answer costs as much as computing it.
 */
export function checkJson(ctx: ServerContext, names: string[]): string {
  const ids = names.map((n, i) => resolveSubstance(ctx.kb, n, `substances[${i}]`).id);
  const key = `${ctx.kb.data.version}|${ids.join(',')}`;
  const hit = ctx.checkCache.get(key);
  if (hit !== undefined) return hit;
  const json = JSON.stringify(check(ctx.kb, ids));
  ctx.checkCache.set(key, json);
  return json;
}

export function engineRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.post<{ Body: { substances: string[] } }>(
    '/api/check',
    {
      schema: {
        summary: 'Every pair: shared receptors and enzymes, exposure change both ways, tier and evidence',
        tags: ['engine'],
        body: { type: 'object', additionalProperties: false, required: ['substances'], properties: { substances: substancesList } },
        response: { 200: checkResult, ...errorResponses },
      },
    },
    async (req, reply) => {
      const json = checkJson(ctx, req.body.substances);
      return reply.type('application/json; charset=utf-8').send(json);
    },
  );

  app.post<{ Body: PredictRequest }>(
    '/api/predict',
    {
      schema: {
        summary: 'How much the perpetrator changes the victim\'s exposure (mechanistic static model), with range and mechanism',
        tags: ['engine'],
        body: predictBody,
        response: { 200: { ...openObject, required: ['victim', 'perpetrator', 'status'] }, ...errorResponses },
      },
    },
    async (req) => predict(ctx.kb, req.body),
  );

  app.post<{ Body: { claim: string } }>(
    '/api/claim',
    {
      schema: {
        summary: 'Check a plain-English claim ("cannabis and kratom are unrelated") against the KB',
        tags: ['engine'],
        body: {
          type: 'object',
          additionalProperties: false,
          required: ['claim'],
          properties: { claim: { type: 'string', minLength: 1, maxLength: 500, example: 'cannabis and kratom are pharmacologically unrelated' } },
        },
        response: {
          200: {
            type: 'object',
            additionalProperties: true,
            required: ['claim', 'verdict', 'reasons', 'sources', 'caveats'],
            properties: {
              claim: { type: 'string' },
              verdict: { type: 'string', enum: ['supported', 'contradicted', 'not-supported', 'insufficient-evidence', 'unrecognized'] },
              summary: { type: 'string' },
              reasons: { type: 'array', items: openObject },
              sources: { type: 'array', items: { type: 'string' } },
              caveats: { type: 'array', items: { type: 'string' } },
            },
          },
          ...errorResponses,
        },
      },
    },
    async (req) => checkClaim(ctx.kb, req.body.claim),
  );

  app.post<{ Body: { substances: string[]; format?: 'md' | 'html' | 'json'; jurisdiction?: string } }>(
    '/api/explain',
    {
      schema: {
        summary: 'The evidence brief for a pair as Markdown, HTML or JSON (every statement cited)',
        tags: ['engine'],
        body: {
          type: 'object',
          additionalProperties: false,
          required: ['substances'],
          properties: {
            substances: { ...substancesList, maxItems: 2, description: 'Exactly two substances' },
            format: { type: 'string', enum: ['md', 'html', 'json'], default: 'json' },
            jurisdiction: { type: 'string', pattern: '^[A-Z]{2}(?:-[A-Z0-9]{1,3})?$', description: 'e.g. US, US-CA, DE' },
          },
        },
        response: {
          200: { description: 'JSON brief (format json), or text/markdown / text/html', ...openObject },
          ...errorResponses,
        },
      },
    },
    async (req, reply) => {
      const format = req.body.format ?? 'json';
      const brief = buildBrief(ctx.kb, req.body.substances, { jurisdiction: req.body.jurisdiction, today: ctx.today() });
      if (format === 'json') return brief;
      const text = renderBrief(brief, format);
      const slug = brief.substances.map((s) => s.id).join('-');
      return reply
        .type(format === 'md' ? 'text/markdown; charset=utf-8' : 'text/html; charset=utf-8')
        .header('content-disposition', `inline; filename="crosstalk-${slug}.${format}"`)
        .send(text);
    },
  );
}
