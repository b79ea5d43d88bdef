import { z } from 'zod';
import { EvidenceLevel, QuantityInput } from './quantity.js';
import { Id } from './id.js';

const Q = QuantityInput;
const Text = z.string().min(1);

/** What the literature says drives an observed interaction (curated, never model output). */
export const CLINICAL_MECHANISMS = ['reversible', 'tdi', 'induction', 'mixed', 'transporter', 'genotype', 'unknown'] as const;
/** How a study's ratio was formed. */
export const RATIO_STATISTICS = [
  'gmr', // geometric mean ratio (test/reference)
  'ratio-of-means', // ratio of arithmetic means
  'mean-of-ratios', // arithmetic mean of individual ratios
  'median-ratio',
  'from-clearance', // 1 / clearance ratio
  'digitised', // read from a figure
  'other',
] as const;
/** What `low`/`high` of a ratio mean. */
export const RATIO_INTERVALS = ['90% CI', '95% CI', 'range', 'sd', 'sem', 'none'] as const;

/**
 * An observed outcome of two substances taken together (`kind: interaction`), or of one enzyme genotype against
 * another (`kind: pharmacogenetic`: `analyte` exposure in `comparison.test` vs `comparison.reference`).
 * Shown beside predictions and scored by the benchmark; never an input of the mechanistic models.
 * Doses are in the regimen grammar (`200 mg bid 7d`, `2 mg iv`); `victimAtH` is the victim dose's time in
 * hours after the perpetrator's first dose (the design, so a model can run it faithfully).
 */
export const ClinicalStudy = z
  .object({
    id: Id,
    kind: z.enum(['interaction', 'pharmacogenetic']).default('interaction'),
    victim: Id,
    perpetrator: Id.optional(),
    analyte: Id.optional(),
    species: z.string().default('human'),
    victimDose: z.string().optional(),
    perpetratorDose: z.string().optional(),
    victimAtH: z.number().nonnegative().optional(),
    /**
     * The victim's route when the study gives it but not the dose (e.g. an IV midazolam arm whose amount was not
     * read); a route written in `victimDose` wins.
     */
    victimRoute: z.enum(['po', 'iv', 'inhaled', 'oromucosal', 'sublingual']).optional(),
    /** Mean body weight of the study population, when a per-kg dose was converted (or is given per kg). */
    weightKg: z.number().positive().optional(),
    /** Free text for what the grammar cannot say (titration, loading dose, food); never a substitute for a dose. */
    doseNote: z.string().optional(),
    formulation: z.string().optional(),
    population: z.string().optional(),
    /** Genotype or phenotype of the participants when selected (e.g. `CYP2D6 extensive metabolisers`). */
    genotype: z.string().optional(),
    /** For `kind: pharmacogenetic`: the groups compared (ratio = test / reference). */
    comparison: z.object({ test: Text, reference: Text }).strict().optional(),
    n: z.number().int().positive().optional(),
    aucRatio: Q.optional(),
    cmaxRatio: Q.optional(),
    tmaxShift: Q.optional(),
    /** AUC0-inf, AUC0-t, AUCtau, AUC0-24 ... */
    aucMetric: z.string().optional(),
    statistic: z.enum(RATIO_STATISTICS).optional(),
    interval: z.enum(RATIO_INTERVALS).optional(),
    /** Enzymes or transporters that drive the interaction, as the literature says (curated). */
    enzymes: z.array(Id).default([]),
    mechanism: z.enum(CLINICAL_MECHANISMS).optional(),
    /** Therapeutic or pharmacological class of the victim (kebab-case, e.g. `benzodiazepine`, `statin`). */
    victimClass: Id.optional(),
    /** Id in the earlier development set (`../shared/validation/ddi_dev.yaml`), kept for traceability. */
    devId: z.string().optional(),
    evidence: EvidenceLevel,
    summary: z.string().optional(),
    sources: z.array(Id).min(1),
  })
  .strict()
  .superRefine((c, ctx) => {
    if (c.kind === 'interaction' && !c.perpetrator)
      ctx.addIssue({ code: 'custom', path: ['perpetrator'], message: 'an interaction record names its perpetrator' });
    if (c.kind === 'pharmacogenetic' && !c.comparison)
      ctx.addIssue({ code: 'custom', path: ['comparison'], message: 'a pharmacogenetic record names the groups compared (test, reference)' });
    if (c.kind === 'pharmacogenetic' && c.enzymes.length === 0)
      ctx.addIssue({ code: 'custom', path: ['enzymes'], message: 'a pharmacogenetic record names the enzyme its genotype changes' });
  });

