import { z } from 'zod';
import { EvidenceSummaryJson, RangeJson } from './common.js';
import { StatementJson } from './statement.js';

/** One enzyme's share of a predicted change, at the gut or the liver. */
export const MechanismJson = z
  .object({
    enzyme: z.string(),
    kind: z.enum(['reversible', 'time-dependent', 'induction', 'uptake', 'efflux']),
    site: z.enum(['gut', 'liver', 'kidney']),
    aucRatio: z.number(),
  })
  .strict();
export type MechanismJson = z.infer<typeof MechanismJson>;

/** A published study of the pair (or a related product), shown beside the prediction and never read by the model. */
export const ObservedStudyJson = z
  .object({
    id: z.string(),
    match: z.enum(['exact', 'related-product']),
    perpetrator: z.string(),
    victim: z.string(),
    aucRatio: z.number().optional(),
    cmaxRatio: z.number().optional(),
    analyte: z.string().optional(),
    /** Whether the study measured the exposure asked about; false for the parent's studies beside a metabolite question (and the reverse). */
    measuresAsked: z.boolean(),
    species: z.string(),
    victimDose: z.string().optional(),
    perpetratorDose: z.string().optional(),
    victimAtH: z.number().optional(),
    victimRoute: z.string().optional(),
    genotype: z.string().optional(),
    n: z.number().optional(),
    locator: z.string().optional(),
    evidence: z.string(),
    sources: z.array(z.string()),
    summary: z.string().optional(),
  })
  .strict();
export type ObservedStudyJson = z.infer<typeof ObservedStudyJson>;

/** A label's or the FDA table's class of the perpetrator at an enzyme (qualitative; not a model input). */
export const ClinicalClassNoteJson = z
  .object({
    substance: z.string(),
    enzyme: z.string(),
    action: z.string(),
    clinicalClass: z.enum(['strong', 'moderate', 'weak']),
    sources: z.array(z.string()),
  })
  .strict();
export type ClinicalClassNoteJson = z.infer<typeof ClinicalClassNoteJson>;

/** One model input with its value, unit and where it came from (a KB source or a named assumption). */
export const ParamUseJson = z
  .object({
    substance: z.string(),
    name: z.string(),
    value: z.number(),
    unit: z.string(),
    source: z.string(),
    verified: z.boolean(),
    assumption: z.boolean(),
    derived: z.string().optional(),
    note: z.string().optional(),
  })
  .strict();
export type ParamUseJson = z.infer<typeof ParamUseJson>;

export const MagnitudeClass = z.enum([
  'strong-inhibition',
  'moderate-inhibition',
  'weak-inhibition',
  'none',
  'weak-induction',
  'moderate-induction',
  'strong-induction',
  'metabolite',
  'unknown',
]);

/**
 * How much the perpetrator changes the victim's exposure: ratios (null when grey, never a guess), their range,
 * the mechanisms, every input used, the evidence chain and observed studies of the pair.
 */
const USAGE_FIELD = z
  .string()
  .optional()
  .meta({ description: "The everyday usage pattern that stood in for a dose the question did not give (e.g. 'a THC-dominant joint, smoked'); absent when a dose was given or a reference dose stood in" });

export const PredictionJson = z
  .object({
    victim: z
      .object({ id: z.string(), name: z.string(), analyte: z.string(), analyteName: z.string(), dose: z.string(), doseSource: z.string(), usage: USAGE_FIELD })
      .strict(),
    perpetrator: z
      .object({ id: z.string(), name: z.string(), dose: z.string(), doseSource: z.string(), usage: USAGE_FIELD, compounds: z.array(z.string()) })
      .strict(),
    model: z.enum(['static', 'dynamic', 'anchored', 'none']),
    basis: z.enum(['theoretical', 'referenced']),
    status: z.enum(['predicted', 'no-interaction-expected', 'grey']),
    aucRatio: z.number().nullable(),
    cmaxRatio: z.number().nullable(),
    cmaxMethod: z.string().nullable(),
    magnitudeClass: MagnitudeClass,
    range: RangeJson.nullable(),
    mechanisms: z.array(MechanismJson),
    gutRatio: z.number().nullable(),
    liverRatio: z.number().nullable(),
    /** Inhibitor concentrations per compound (µM): hepatic inlet, gut, unbound maximum. */
    concentrationsUM: z.record(z.string(), z.object({ ih: z.number(), ig: z.number(), imaxU: z.number() }).strict()),
    parameters: z.array(ParamUseJson),
    assumptions: z.array(z.string()),
    missing: z.array(z.string()),
    warnings: z.array(z.string()),
    evidence: EvidenceSummaryJson,
    uncertainty: z.enum(['low', 'moderate', 'high', 'unknown']),
    observed: z.array(ObservedStudyJson),
    scenarios: z.array(z.object({ source: z.string(), aucRatio: z.number() }).strict()),
    clinicalClasses: z.array(ClinicalClassNoteJson),
    sources: z.array(z.string()),
    /** Ids of the observed clinical studies the model read (the anchored model only; never a study of this pair). */
    studiesRead: z.array(z.string()).optional(),
    /** Between-person variability (dynamic model only), kept apart from `range`, the uncertainty. */
    variability: RangeJson.nullable().optional(),
    /** Every model's answer when the best estimate was asked for; the chosen one has `chosen: true`. */
    models: z
      .array(
        z
          .object({
            model: z.enum(['static', 'dynamic', 'anchored']),
            status: z.enum(['predicted', 'no-interaction-expected', 'grey']),
            aucRatio: z.number().nullable(),
            range: RangeJson.nullable(),
            chosen: z.boolean(),
          })
          .strict(),
      )
      .optional(),
    plain: z.string(),
    technical: z.string(),
    /** What the answer says, as structured statements with their rendered text (being added; will be required). */
    statements: z.array(StatementJson).optional(),
  })
  .strict();
export type PredictionJson = z.infer<typeof PredictionJson>;
