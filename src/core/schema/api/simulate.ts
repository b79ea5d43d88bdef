import { z } from 'zod';
import { PhenotypeJson } from './requests.js';

/** One concentration–time series: plasma concentration (µM) against time (h). */
export const SeriesJson = z.object({ label: z.string(), timesH: z.array(z.number()), concUM: z.array(z.number()) }).strict();
export type SeriesJson = z.infer<typeof SeriesJson>;

/** The population's 5th, 50th and 95th percentile of the combined curve, from `n` virtual people. */
export const BandJson = z
  .object({ timesH: z.array(z.number()), p5UM: z.array(z.number()), p50UM: z.array(z.number()), p95UM: z.array(z.number()), n: z.number().int() })
  .strict();
export type BandJson = z.infer<typeof BandJson>;

/**
 * POST /api/simulate: the victim's main analyte alone and with the perpetrator (the dynamic simulator), the
 * exposure ratios, and an optional population band. Phenotypes fixed by the request are listed; every other
 * enzyme is NM on the curves.
 */
export const SimulateResultJson = z
  .object({
    victim: z.object({ id: z.string(), name: z.string(), analyte: z.string(), analyteName: z.string(), dose: z.string() }).strict(),
    perpetrator: z.object({ id: z.string(), name: z.string(), dose: z.string() }).strict(),
    /** Enzymes that clear a simulated compound and have phenotypes: the ones a request may fix. */
    polymorphicEnzymes: z.array(z.string()),
    /** Phenotypes fixed for the curves and the population, by enzyme id. */
    phenotypes: z.record(z.string(), PhenotypeJson),
    /** The population's seed (null without a population). */
    seed: z.number().int().nullable(),
    tEndH: z.number(),
    alone: SeriesJson,
    combined: SeriesJson,
    band: BandJson.nullable(),
    aucRatio: z.number().nullable(),
    cmaxRatio: z.number().nullable(),
    aucMetric: z.string().nullable(),
    explanations: z.array(z.string()),
    notes: z.array(z.string()),
  })
  .strict();
export type SimulateResultJson = z.infer<typeof SimulateResultJson>;
