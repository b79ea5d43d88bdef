/**
 * JSON schemas for request validation and the OpenAPI document. Response schemas name the top-level
 * fields and leave nested records open (`additionalProperties: true`): the engine's types are the
 * reference, and an over-tight response schema would silently drop fields.
 */
export const errorSchema = {
  type: 'object',
  description: 'Every error: a registry code, a message naming the field, a hint on how to fix it, and details.',
  required: ['code', 'message', 'hint', 'details'],
  properties: {
    code: { type: 'string', example: 'INPUT_UNKNOWN_SUBSTANCE' },
    message: { type: 'string', example: "substances[1]: no substance called 'kratum' in the knowledge base; did you mean Kratom?" },
    hint: { type: 'string' },
    details: {
      type: 'object',
      additionalProperties: true,
      properties: {
        field: { type: 'string' },
        suggestions: { type: 'array', items: { type: 'string' } },
        cap: { type: 'number' },
      },
    },
  },
} as const;

const open = { type: 'object', additionalProperties: true } as const;

/** The usual error responses of a route that takes input. */
export const errorResponses = {
  400: { ...errorSchema, description: 'Bad input (the message names the field)' },
  404: { ...errorSchema, description: 'Unknown substance (details.suggestions has the nearest names)' },
  413: { ...errorSchema, description: 'Too large: body, list or horizon over the cap (details.cap)' },
  422: { ...errorSchema, description: 'The KB lacks data this answer needs' },
  429: { ...errorSchema, description: 'Rate limited' },
  500: { ...errorSchema, description: 'A bug' },
} as const;

export const substanceName = {
  type: 'string',
  minLength: 1,
  maxLength: 100,
  description: 'A name, synonym, brand, slang name or id (typo suggestions on failure)',
} as const;

/** Cap on names per request: matches the engine's MAX_CHECK_SUBSTANCES. */
export const MAX_SUBSTANCES = 8;

export const substancesList = {
  type: 'array',
  minItems: 2,
  maxItems: MAX_SUBSTANCES,
  items: substanceName,
  example: ['cannabis', 'kratom'],
} as const;

export const searchHit = {
  type: 'object',
  required: ['id', 'name', 'kind', 'matched', 'score'],
  properties: {
    id: { type: 'string' },
    name: { type: 'string' },
    kind: { type: 'string' },
    matched: { type: 'string', description: 'The name that matched (synonym, brand, slang, Latin or the name)' },
    score: { type: 'number' },
  },
} as const;

export const checkResult = {
  type: 'object',
  description: 'Every pair: shared receptors and enzymes, exposure both ways, shared effects, tier, statements with evidence',
  required: ['kbVersion', 'notice', 'substances', 'pairs'],
  properties: {
    kbVersion: { type: 'string' },
    notice: { type: 'string' },
    substances: { type: 'array', items: open },
    pairs: { type: 'array', items: open },
  },
} as const;

export const predictBody = {
  type: 'object',
  additionalProperties: false,
  required: ['victim', 'perpetrator'],
  properties: {
    victim: { ...substanceName, description: 'The substance whose exposure may change' },
    perpetrator: { ...substanceName, description: 'The substance that may change it' },
    victimDose: { type: 'string', maxLength: 60, description: 'Regimen, e.g. "7.5 mg" (default: the KB usual dose)' },
    perpetratorDose: { type: 'string', maxLength: 60, description: 'Regimen, e.g. "200 mg bid 7d"' },
    analyte: { ...substanceName, description: 'A metabolite or constituent whose exposure is the question' },
    model: { type: 'string', enum: ['static', 'dynamic'] },
    victimAt: { type: 'number', minimum: 0, maximum: 8760, description: 'Hours after the first perpetrator dose' },
    weightKg: { type: 'number', exclusiveMinimum: 0, maximum: 400 },
  },
  example: { victim: 'midazolam', perpetrator: 'kratom' },
} as const;

export const openObject = open;
