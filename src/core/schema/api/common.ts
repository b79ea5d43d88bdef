import { z } from 'zod';
import { EvidenceLevel } from '../quantity.js';

/**
 * Pieces shared by the API's response schemas. Every response object is closed (`.strict()`): a field the
 * engine adds without adding it here fails the API tests instead of reaching clients undocumented.
 */
export { EvidenceLevel };

/** GRADE-style quality of a chain of evidence (MODEL.md §4.2). */
export const Grade = z.enum(['high', 'moderate', 'low', 'very-low']);
export type Grade = z.infer<typeof Grade>;

/** The check's traffic light: red, amber, yellow and green by severity and likelihood; grey when the KB lacks data. */
export const Tier = z.enum(['red', 'amber', 'yellow', 'green', 'grey']);
export type Tier = z.infer<typeof Tier>;

export const SubstanceKind = z.enum(['plant', 'product', 'compound', 'metabolite', 'medicine', 'class']);

/** One link of an evidence chain ("mitragynine inhibits CYP2D6") with its level and grade. */
export const EvidenceLinkJson = z
  .object({
    claim: z.string(),
    level: EvidenceLevel,
    species: z.string().optional(),
    sources: z.array(z.string()),
    predicted: z.boolean().optional(),
    indirect: z.boolean().optional(),
    unverified: z.boolean().optional(),
    grade: Grade,
  })
  .strict();

/** A chain is only as strong as its weakest link: its level, grade, the links and the caveats. */
export const EvidenceSummaryJson = z
  .object({
    level: EvidenceLevel,
    grade: Grade,
    preclinicalOnly: z.boolean(),
    chain: z.array(EvidenceLinkJson),
    caveats: z.array(z.string()),
  })
  .strict();
export type EvidenceSummaryJson = z.infer<typeof EvidenceSummaryJson>;

/** A ratio (or any estimate) with its range and how the range was made. */
export const RangeJson = z.object({ low: z.number(), high: z.number(), method: z.string() }).strict();
