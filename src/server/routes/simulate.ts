/**
 * POST /api/simulate: concentration-time curves alone vs combined, and a population band, from the
 * dynamic simulator. Bounded: population size, horizon and their product are capped (src/core/limits.ts)
 * and the cap is in the error.
 */
import type { FastifyInstance } from 'fastify';
import { ApiSchemas as S, MAX_API_HORIZON_H, MAX_API_PERSON_HOURS, MAX_API_POPULATION } from '../../core/index.js';
import type { ServerContext } from '../context.js';
import { component, errorResponse, errorResponses, requestSchema } from '../schemas.js';
import { runSimulation } from '../simulate-adapter.js';

export function simulateRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.post<{ Body: S.SimulateRequest }>(
    '/api/simulate',
    {
      schema: {
        summary: `Concentration-time curves alone vs combined, with a population band (population ≤ ${MAX_API_POPULATION}, horizon ≤ ${MAX_API_HORIZON_H} h, population × horizon ≤ ${MAX_API_PERSON_HOURS} person-hours)`,
        tags: ['engine'],
        body: requestSchema(S.SimulateRequest),
        response: {
          200: component(S.SimulateResultJson, 'Curves, ratios and the optional population band'),
          ...errorResponses,
          422: errorResponse('The KB lacks data this simulation needs, or it needs more computing than one request may use (HTTP_CPU_BUDGET)'),
          503: errorResponse('Server busy (HTTP_OVERLOADED, with Retry-After) or the simulator is not available'),
        },
      },
    },
    // On the work pool when there is one: a simulation may take seconds, and the event loop must stay free.
    async (req, reply) => (ctx.pool ? reply.type('application/json; charset=utf-8').send(await ctx.pool.run({ kind: 'simulate', body: req.body })) : runSimulation(ctx.kb, req.body)),
  );
}
