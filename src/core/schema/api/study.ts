import { z } from 'zod';

const Ratios = { aucRatio: z.number().nullable(), cmaxRatio: z.number().nullable(), tmaxShiftH: z.number().nullable() };

/** One analyte: the simulated ratios beside the study's reported ones. */
export const AnalyteComparisonJson = z
  .object({
    simulated: z.object({ ...Ratios, aucMetric: z.string() }).strict(),
    reported: z.object({ ...Ratios, clinicalId: z.string(), sources: z.array(z.string()) }).strict().nullable(),
    explanations: z.array(z.string()),
  })
  .strict();

/** A simulator input with its value, unit, and the KB source or named default it came from. */
export const UsedParameterJson = z
  .object({ owner: z.string(), name: z.string(), value: z.number(), unit: z.string(), source: z.string(), assumption: z.boolean(), note: z.string().optional() })
  .strict();

/** `crosstalk study <id> --json`: a published study's design re-run from single-substance inputs. */
export const StudyResultJson = z
  .object({
    study: z.string(),
    title: z.string(),
    translation: z.string(),
    analytes: z.record(z.string(), AnalyteComparisonJson),
    arms: z.array(z.object({ id: z.string(), analytes: z.record(z.string(), AnalyteComparisonJson) }).strict()),
    parameters: z.array(UsedParameterJson),
    sensitivity: z.array(
      z
        .object({
          analyte: z.string(),
          rows: z.array(
            z.object({ parameter: z.string(), value: z.number(), baseline: z.boolean(), aucRatio: z.number().nullable(), cmaxRatio: z.number().nullable() }).strict(),
          ),
        })
        .strict(),
    ),
    notes: z.array(z.string()),
  })
  .strict();
export type StudyResultJson = z.infer<typeof StudyResultJson>;
