import { z } from 'zod';
import { EvidenceLevel } from './common.js';

/** The claim kinds the checker reads (docs/claims.md). */
export const ClaimKind = z.enum(['relation', 'exclusivity', 'pair', 'interaction', 'exposure', 'effect', 'dependence', 'legality', 'context', 'safety', 'membership']);
export const ClaimVerdict = z.enum(['supported', 'contradicted', 'not-supported', 'insufficient-evidence', 'unrecognized']);

/** How the checker read a claim: "CBD — inhibits — CYP2D6 (negated; in people)". */
export const ClaimReadingJson = z
  .object({ subject: z.string(), predicate: z.string(), object: z.string(), qualifiers: z.array(z.string()), text: z.string() })
  .strict();
export type ClaimReadingJson = z.infer<typeof ClaimReadingJson>;

/** One reason for a verdict: a statement code, its English text, the evidence level it rests on, and its sources. */
export const ReasonJson = z
  .object({ code: z.string(), text: z.string(), evidence: EvidenceLevel.nullable(), sources: z.array(z.string()) })
  .strict();
export type ReasonJson = z.infer<typeof ReasonJson>;

/** One claim checked against the KB: how it was read, the verdict, reasons with evidence and sources, caveats. */
export const ClaimResultJson = z
  .object({
    claim: z.string(),
    /** Character offsets of the claim in the text checked (for highlighting). */
    start: z.number().int().nonnegative(),
    end: z.number().int().nonnegative(),
    kind: ClaimKind.nullable(),
    reading: ClaimReadingJson.nullable(),
    verdict: ClaimVerdict,
    /** The verdict in one sentence. */
    summary: z.string(),
    reasons: z.array(ReasonJson),
    sources: z.array(z.string()),
    caveats: z.array(z.string()),
    /** An unrecognized claim: the words not read, and the nearest kinds with an example each. */
    unread: z.array(z.string()).optional(),
    suggestions: z.array(z.object({ kind: ClaimKind, example: z.string() }).strict()).optional(),
  })
  .strict();
export type ClaimResultJson = z.infer<typeof ClaimResultJson>;

/** A text checked claim by claim (POST /api/claim, `crosstalk claim --json`); `verdict` is present when there is one claim. */
export const ClaimCheckJson = z
  .object({
    claims: z.array(ClaimResultJson),
    summary: z.object({ counts: z.record(ClaimVerdict, z.number().int().nonnegative()), text: z.string() }).strict(),
    verdict: ClaimVerdict.optional(),
    /** A citation for every source id the claims name. */
    references: z.array(z.object({ id: z.string(), label: z.string(), url: z.string().optional() }).strict()),
  })
  .strict();
export type ClaimCheckJson = z.infer<typeof ClaimCheckJson>;
