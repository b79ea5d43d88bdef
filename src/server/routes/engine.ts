/** POST /api/check, /api/predict, /api/claim, /api/explain: parse input, call core, serialize. */
import type { FastifyInstance } from 'fastify';
import { ApiSchemas as S, buildBrief, check, checkText, MAX_SUBSTANCES, predict, renderBrief, resolveSubstance } from '../../core/index.js';
import type { ServerContext } from '../context.js';
import { mayRunDynamic } from '../operations.js';
import { component, errorResponses, requestSchema } from '../schemas.js';

/**
 * The check answer as a JSON string, from the LRU when possible. The key is the KB version plus the
 * resolved ids in the order given (so "weed, kratom" and "cannabis, kratom" share an entry and every
 * answer stays byte-identical to the CLI's), and the cached value is already serialized: stringifying
 * a ~90 kB answer costs as much as computing it.
 */
export function checkJson(ctx: ServerContext, names: string[], usage?: Record<string, string>): string {
  const { ids, key, hit } = checkKey(ctx, names, usage);
  if (hit !== undefined) return hit;
  const json = JSON.stringify(check(ctx.kb, ids, { usage }));
  ctx.checkCache.set(key, json);
  return json;
}

function checkKey(ctx: ServerContext, names: string[], usage?: Record<string, string>): { ids: string[]; key: string; hit: string | undefined } {
  const ids = names.map((n, i) => resolveSubstance(ctx.kb, n, `substances[${i}]`).id);
  // Usage keys are resolved by check itself (errors name `usage.<name>`); the key only needs them stable.
  const usageKey = usage ? JSON.stringify(Object.entries(usage).sort()) : '';
  const key = `${ctx.kb.data.version}|${ids.join(',')}|${usageKey}`;
  return { ids, key, hit: ctx.checkCache.get(key) };
}

/**
 * As checkJson, with an answer not in the cache computed on the work pool when there is one: eight substances
 * are 28 pairs and take seconds, which must not hold up the event loop.
 */
export async function checkJsonOffLoop(ctx: ServerContext, names: string[], usage?: Record<string, string>): Promise<string> {
  const { ids, key, hit } = checkKey(ctx, names, usage);
  if (hit !== undefined) return hit;
  if (!ctx.pool) return checkJson(ctx, names, usage);
  // Many clients asking the same new question at once share one computation (and one place in the queue).
  const pending = inFlight.get(key);
  if (pending) return pending;
  const job = ctx.pool.run({ kind: 'check', ids, ...(usage ? { usage } : {}) }).then((json) => {
    ctx.checkCache.set(key, json);
    return json;
  });
  inFlight.set(key, job);
  try {
    return await job;
  } finally {
    inFlight.delete(key);
  }
}

/** Check answers being computed, by cache key. */
const inFlight = new Map<string, Promise<string>>();

export function engineRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.post<{ Body: S.CheckRequest }>(
    '/api/check',
    {
      schema: {
        summary: `Every pair of 2–${MAX_SUBSTANCES} substances: shared receptors and enzymes, exposure change both ways, tier and evidence`,
        tags: ['engine'],
        body: requestSchema(S.CheckRequest),
        response: { 200: component(S.CheckResultJson, 'Every pair with its statements and evidence'), ...errorResponses },
      },
    },
    async (req, reply) => {
      const json = await checkJsonOffLoop(ctx, req.body.substances, req.body.usage);
      return reply.type('application/json; charset=utf-8').send(json);
    },
  );

  app.post<{ Body: S.PredictRequest }>(
    '/api/predict',
    {
      schema: {
        summary: "How much the perpetrator changes the victim's exposure (mechanistic static model, or the simulator), with range and mechanism",
        tags: ['engine'],
        body: requestSchema(S.PredictRequest),
        response: { 200: component(S.PredictionJson, 'The prediction; ratios are null when the KB lacks data (grey)'), ...errorResponses },
      },
    },
    // A prediction that may run the simulator goes to the work pool; a static or anchored one is cheap.
    async (req, reply) =>
      ctx.pool && mayRunDynamic(req.body)
        ? reply.type('application/json; charset=utf-8').send(await ctx.pool.run({ kind: 'predict', body: req.body }))
        : predict(ctx.kb, req.body),
  );

  app.post<{ Body: S.ClaimRequest }>(
    '/api/claim',
    {
      schema: {
        summary: 'Check the claims in a text ("Kratom only acts on opioid receptors. CBD inhibits CYP2D6.") against the KB',
        tags: ['engine'],
        body: requestSchema(S.ClaimRequest),
        response: { 200: component(S.ClaimCheckJson, 'Each claim: how it was read, its verdict, reasons with evidence and sources, caveats; a summary'), ...errorResponses },
      },
    },
    async (req) => checkText(ctx.kb, req.body.text),
  );

  app.post<{ Body: S.ExplainRequest }>(
    '/api/explain',
    {
      schema: {
        summary: 'The evidence brief for a pair as Markdown, HTML or JSON (every statement cited)',
        tags: ['engine'],
        body: requestSchema(S.ExplainRequest),
        response: {
          200: {
            description: 'The brief: JSON (format json), Markdown (md) or HTML (html)',
            content: {
              'application/json': { schema: component(S.BriefJson, 'JSON brief') },
              'text/markdown': { schema: { type: 'string' } },
              'text/html': { schema: { type: 'string' } },
            },
          },
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
