/**
 * POST /api/simulate: concentration-time curves alone vs combined, and a population band, from the
 * dynamic simulator. Bounded: population size and horizon are capped and the cap is in the error.
 */
import type { FastifyInstance } from 'fastify';
import { CrosstalkError } from '../../core/index.js';
import type { ServerContext } from '../context.js';
import { errorResponses, openObject, substanceName } from '../schemas.js';
import { runSimulation, SIM_CAPS, type SimulateBody } from '../simulate-adapter.js';

export function simulateRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.post<{ Body: SimulateBody }>(
    '/api/simulate',
    {
      schema: {
        summary: `Concentration-time curves alone vs combined, with a population band (population ≤ ${SIM_CAPS.population}, horizon ≤ ${SIM_CAPS.horizonH} h, population × horizon ≤ ${SIM_CAPS.personHours} person-hours)`,
        tags: ['engine'],
        body: {
          type: 'object',
          additionalProperties: false,
          required: ['victim', 'perpetrator'],
          properties: {
            victim: substanceName,
            perpetrator: substanceName,
            victimDose: { type: 'string', maxLength: 60, description: 'Regimen, e.g. "7.5 mg" (default: the KB usual dose)' },
            perpetratorDose: { type: 'string', maxLength: 60, description: 'Regimen, e.g. "2 g tid 7d"' },
            phenotype: { type: 'string', enum: ['PM', 'IM', 'NM', 'UM'], description: 'CYP2D6 phenotype of the simulated person (default NM)' },
            population: { type: 'integer', minimum: 0, description: `Virtual people for the band (0 = none; cap ${SIM_CAPS.population})` },
            horizonH: { type: 'number', exclusiveMinimum: 0, description: `Hours to simulate (cap ${SIM_CAPS.horizonH})` },
            seed: { type: 'integer', minimum: 0, maximum: 4294967295 },
          },
          example: { victim: 'midazolam', perpetrator: 'kratom', population: 50, horizonH: 24 },
        },
        response: { 200: openObject, ...errorResponses, 503: { ...errorResponses[500], description: 'Simulator not available in this build' } },
      },
    },
    async (req) => {
      const b = req.body;
      if (b.population !== undefined && b.population > SIM_CAPS.population)
        throw new CrosstalkError('INPUT_TOO_LARGE', `population: ${b.population} virtual people requested; the cap is ${SIM_CAPS.population}`, { field: 'population', cap: SIM_CAPS.population });
      if (b.horizonH !== undefined && b.horizonH > SIM_CAPS.horizonH)
        throw new CrosstalkError('INPUT_TOO_LARGE', `horizonH: ${b.horizonH} h requested; the cap is ${SIM_CAPS.horizonH} h`, { field: 'horizonH', cap: SIM_CAPS.horizonH });
      return runSimulation(ctx.kb, b);
    },
  );
}
