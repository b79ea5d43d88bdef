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
          503: errorResponse('Simulator not available in this build'),
        },
      },
    },
    async (req) => runSimulation(ctx.kb, req.body),
  );
}
