/**
 * Route schemas for Fastify and the OpenAPI document, generated from the zod schemas in src/core/schema/api
 * (z.toJSONSchema, JSON Schema 2020-12: the dialect of OpenAPI 3.1, and one Fastify's Ajv reads). Requests are
 * validated against them; responses are serialized with JSON.stringify (see app.ts) and documented, and test/api
 * parses the response to every documented example with the zod schema, so the document cannot drift from what the
 * engine returns. Response objects used in more than one place are named components (`$ref: 'Prediction#'`).
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { ApiSchemas as S } from '../core/index.js';

export type JsonSchema = Record<string, unknown>;

/** Named response components: each becomes components/schemas/<name> in docs/openapi.json. */
const COMPONENTS: [string, z.ZodType][] = [
  ['Error', S.ErrorBodyJson],
  ['Statement', S.StatementJson],
  ['EvidenceSummary', S.EvidenceSummaryJson],
  ['Quantity', S.QuantityJson],
  ['ParamUse', S.ParamUseJson],
  ['Prediction', S.PredictionJson],
  ['SubstanceRef', S.SubstanceRefJson],
  ['SideAction', S.SideActionJson],
  ['SharedNode', S.SharedNodeJson],
  ['SharedEffect', S.SharedEffectJson],
  ['PairAnalysis', S.PairAnalysisJson],
  ['CheckResult', S.CheckResultJson],
  ['ClaimResult', S.ClaimResultJson],
  ['ClaimCheck', S.ClaimCheckJson],
  ['Brief', S.BriefJson],
  ['Substance', S.SubstanceJson],
  ['RelationView', S.RelationViewJson],
  ['PkProfile', S.PkProfileJson],
  ['Finding', S.FindingJson],
  ['Source', S.SourceJson],
  ['LegalStatus', S.LegalStatusJson],
  ['ClinicalStudy', S.ClinicalStudyJson],
  ['RiskNote', S.RiskNoteJson],
  ['SubstanceDescription', S.SubstanceDescriptionJson],
  ['SearchHit', S.SearchHitJson],
  ['Series', S.SeriesJson],
  ['SimulateResult', S.SimulateResultJson],
  ['KbInfo', S.KbInfoJson],
  ['Health', S.HealthJson],
];

const registry = z.registry<{ id: string }>();
for (const [id, schema] of COMPONENTS) registry.add(schema, { id });

/** Add every component to Fastify (and so to the OpenAPI document) under its name. */
export function addComponents(app: FastifyInstance): void {
  const { schemas } = z.toJSONSchema(registry, { target: 'draft-2020-12', io: 'output', uri: (id) => `${id}#`, unrepresentable: 'throw' });
  for (const [id, js] of Object.entries(schemas)) {
    const { $schema: _dialect, $id: _id, ...rest } = js as JsonSchema;
    app.addSchema({ $id: id, ...rest });
  }
}

/** A reference to a named component, with the response's description. */
export function component(schema: z.ZodType, description: string): JsonSchema {
  const entry = COMPONENTS.find(([, s]) => s === schema);
  if (!entry) throw new Error('schemas.ts: the response schema is not a named component; add it to COMPONENTS');
  return { description, $ref: `${entry[0]}#` };
}

/** The JSON Schema of a request (defaults optional for the client), inlined: requests are small and Ajv checks them. */
export function requestSchema(schema: z.ZodType): JsonSchema {
  const { $schema: _dialect, ...js } = z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'input', unrepresentable: 'throw' }) as JsonSchema;
  return js;
}

/** The JSON Schema of a response that is not a named component, inlined. */
export function responseSchema(schema: z.ZodType, description: string): JsonSchema {
  const { $schema: _dialect, ...js } = z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'output', unrepresentable: 'throw' }) as JsonSchema;
  return { description, ...js };
}

/** An error response: the registry's shape (code, message, hint, details). */
export const errorResponse = (description: string): JsonSchema => component(S.ErrorBodyJson, description);

/** The error responses a route that takes input may give. */
export const errorResponses = {
  400: errorResponse('Bad input (the message names the field)'),
  404: errorResponse('Unknown substance (details.suggestions has the nearest names)'),
  413: errorResponse('Too large: body, list, number or horizon over the cap (details.cap)'),
  422: errorResponse('The KB lacks data this answer needs'),
  429: errorResponse('Rate limited'),
  500: errorResponse('A bug'),
} as const;
