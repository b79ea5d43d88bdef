import { z } from 'zod';
import {
  DEFAULT_SEARCH_RESULTS,
  MAX_API_HORIZON_H,
  MAX_API_POPULATION,
  MAX_CLAIM_TEXT_LENGTH,
  MAX_NAME_LENGTH,
  MAX_REGIMEN_LENGTH,
  MAX_SEARCH_RESULTS,
  MAX_SEED,
  MAX_SUBSTANCES,
  MAX_VICTIM_AT_H,
  MAX_WEIGHT_KG,
  MIN_WEIGHT_KG,
} from '../../limits.js';

/**
 * Every request the API (and the CLI) accepts, as closed objects: an unknown field is an error naming it. Limits
 * come from src/core/limits.ts. Examples (`meta.examples`) go into docs/openapi.json, and a test sends each one.
 */
export const SubstanceName = z
  .string()
  .min(1)
  .max(MAX_NAME_LENGTH)
  .meta({ description: 'A name, synonym, brand, slang name or id (typo suggestions on failure)' });

export const RegimenText = z.string().max(MAX_REGIMEN_LENGTH);

export const SubstanceList = z.array(SubstanceName).min(2).max(MAX_SUBSTANCES);

/** POST /api/check */
export const CheckRequest = z
  .object({
    substances: SubstanceList.meta({ description: `Two to ${MAX_SUBSTANCES} substances; every pair is analysed` }),
    usage: z
      .record(SubstanceName, z.string().min(1).max(64))
      .optional()
      .meta({ description: "A usage pattern per substance (name as given, or id), e.g. {\"cannabis\": \"medicine\"}; others are checked at their everyday default. The answer's doses[].alternatives list the patterns." }),
  })
  .strict()
  .meta({ examples: [{ substances: ['cannabis', 'kratom'] }, { substances: ['kratom', 'oxycodone', 'alprazolam'] }, { substances: ['cannabis', 'kratom'], usage: { cannabis: 'medicine' } }] });
export type CheckRequest = z.infer<typeof CheckRequest>;

/** POST /api/predict */
export const PredictRequest = z
  .object({
    victim: SubstanceName.meta({ description: 'The substance whose exposure may change' }),
    perpetrator: SubstanceName.meta({ description: 'The substance that may change it' }),
    victimDose: RegimenText.optional().meta({ description: 'Regimen, e.g. "7.5 mg" (default: the KB usual dose, else the everyday usage pattern, e.g. a joint of cannabis; the answer names it in victim.usage)' }),
    perpetratorDose: RegimenText.optional().meta({ description: 'Regimen, e.g. "200 mg bid 7d" (default: the KB usual dose, else the everyday usage pattern; named in perpetrator.usage)' }),
    analyte: SubstanceName.optional().meta({ description: 'A metabolite or constituent whose exposure is the question' }),
    model: z
      .enum(['static', 'dynamic', 'anchored'])
      .optional()
      .meta({ description: 'static, dynamic (the simulator) or anchored (from other pairs’ clinical studies); omitted: the best estimate (anchored, else static — dynamic first for a single perpetrator dose —, else dynamic)' }),
    victimAt: z.number().min(0).max(MAX_VICTIM_AT_H).optional().meta({ description: 'Hours after the first perpetrator dose' }),
    victimRoute: z.enum(['po', 'iv', 'inhaled', 'oromucosal', 'sublingual']).optional().meta({ description: "The victim's route when no victim dose is given (a route in victimDose wins)" }),
    weightKg: z.number().min(MIN_WEIGHT_KG).max(MAX_WEIGHT_KG).optional().meta({ description: `Body weight, ${MIN_WEIGHT_KG}–${MAX_WEIGHT_KG} kg (default 70)` }),
    phenotypes: z
      .record(z.string().max(20), z.enum(['PM', 'IM', 'NM', 'RM', 'UM']))
      .optional()
      .meta({ description: "The victim's phenotype per enzyme, e.g. {\"cyp2d6\": \"PM\"} (default: normal)" }),
  })
  .strict()
  .meta({
    examples: [
      { victim: 'midazolam', perpetrator: 'kratom' },
      { victim: 'midazolam', perpetrator: 'itraconazole', victimDose: '7.5 mg', perpetratorDose: '200 mg qd 4d' },
    ],
  });
export type PredictRequest = z.infer<typeof PredictRequest>;

/** POST /api/claim */
export const ClaimRequest = z
  .object({
    text: z
      .string()
      .min(1)
      .max(MAX_CLAIM_TEXT_LENGTH)
      .meta({ description: 'One claim or a whole text (a forum post, a product page): each sentence or clause is checked' }),
  })
  .strict()
  .meta({ examples: [{ text: 'CBD inhibits CYP2D6' }, { text: 'Kratom only acts on opioid receptors. It is legal everywhere and has no potential for dependence.' }] });
export type ClaimRequest = z.infer<typeof ClaimRequest>;

/** POST /api/explain */
export const ExplainRequest = z
  .object({
    substances: z.array(SubstanceName).min(2).max(2).meta({ description: 'Exactly two substances' }),
    format: z.enum(['md', 'html', 'json']).default('json'),
    jurisdiction: z
      .string()
      .regex(/^[A-Z]{2}(?:-[A-Z0-9]{1,3})?$/)
      .optional()
      .meta({ description: 'ISO 3166 code for the legal section, e.g. US, US-CA, DE' }),
  })
  .strict()
  .meta({
    examples: [
      { substances: ['cannabis', 'kratom'] },
      { substances: ['cannabis', 'kratom'], format: 'md', jurisdiction: 'US-FL' },
    ],
  });
export type ExplainRequest = z.input<typeof ExplainRequest>;

/** The phenotypes an enzyme can be fixed to (which ones apply depends on the enzyme). */
export const PhenotypeJson = z.enum(['PM', 'IM', 'NM', 'RM', 'UM']);
export type PhenotypeJson = z.infer<typeof PhenotypeJson>;

/** The seed when a request gives none: the same request always gives the same population. */
export const DEFAULT_SIM_SEED = 20240318;

/** POST /api/simulate */
export const SimulateRequest = z
  .object({
    victim: SubstanceName,
    perpetrator: SubstanceName,
    victimDose: RegimenText.optional().meta({ description: 'Regimen, e.g. "7.5 mg" (default: the KB usual dose, or that of each constituent)' }),
    perpetratorDose: RegimenText.optional().meta({ description: 'Regimen, e.g. "2 g tid 7d"' }),
    phenotypes: z
      .record(z.string().regex(/^[a-z0-9-]+$/).max(MAX_NAME_LENGTH), PhenotypeJson)
      .optional()
      .meta({
        description:
          'Fixed phenotypes by enzyme id, e.g. {"cyp2d6": "PM"}: applied to the curves and to every virtual person. Only enzymes that clear a simulated compound are accepted (the response lists them in polymorphicEnzymes); every other enzyme is NM on the curves and sampled in the population.',
      }),
    population: z.number().int().min(0).max(MAX_API_POPULATION).optional().meta({ description: `Virtual people for the band (0 = none; cap ${MAX_API_POPULATION})` }),
    horizonH: z.number().gt(0).max(MAX_API_HORIZON_H).optional().meta({ description: `Hours to simulate (cap ${MAX_API_HORIZON_H}; default: the regimens' length)` }),
    seed: z.number().int().min(0).max(MAX_SEED).optional().meta({ description: `Random seed of the population (default ${DEFAULT_SIM_SEED})` }),
    ancestry: z.enum(['european', 'east-asian']).optional().meta({ description: 'Phenotype frequency table of the population (default european)' }),
  })
  .strict()
  .meta({
    examples: [
      { victim: 'midazolam', perpetrator: 'kratom', victimDose: '7.5 mg', perpetratorDose: '2 g', population: 50, horizonH: 24 },
      { victim: 'kratom', perpetrator: 'cannabis', phenotypes: { cyp2d6: 'PM' }, population: 20, horizonH: 48, seed: 7 },
    ],
  });
export type SimulateRequest = z.infer<typeof SimulateRequest>;

/** GET /api/search */
export const SearchQuery = z
  .object({
    q: z.string().min(1).max(MAX_NAME_LENGTH).meta({ description: 'What the person typed', examples: ['krat', 'weed'] }),
    // A query value is text: the pattern spells out 1 … MAX_SEARCH_RESULTS (50); test/api checks the two agree.
    limit: z
      .string()
      .regex(/^(?:[1-9]|[1-4][0-9]|50)$/)
      .optional()
      .meta({ description: `How many results, 1–${MAX_SEARCH_RESULTS} (default ${DEFAULT_SEARCH_RESULTS})`, examples: ['5'] }),
  })
  .strict();
export type SearchQuery = z.infer<typeof SearchQuery>;

/** GET /api/substances/{id} */
export const SubstanceParams = z
  .object({ id: SubstanceName.meta({ description: 'An id or any name of the substance', examples: ['kratom'] }) })
  .strict();
export type SubstanceParams = z.infer<typeof SubstanceParams>;

/** `crosstalk study <id>`: a published study re-run from single-substance inputs. */
export const StudyRequest = z.object({ id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/).max(MAX_NAME_LENGTH) }).strict();
export type StudyRequest = z.infer<typeof StudyRequest>;
