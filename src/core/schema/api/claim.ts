import { z } from 'zod';
import { EvidenceLevel } from './common.js';

export const ClaimKind = z.enum(['unrelated', 'shares-target', 'shares-enzyme', 'increases-exposure', 'decreases-exposure', 'safe-together', 'beneficial', 'treats']);

/** A claim as parsed: its kind, the names as written (`a` acts on `b` for exposure claims), and any named detail. */
export const StructuredClaimJson = z
  .object({ kind: ClaimKind, a: z.string(), b: z.string().optional(), detail: z.string().optional() })
  .strict();
export type StructuredClaimJson = z.infer<typeof StructuredClaimJson>;

export const ReasonJson = z.object({ text: z.string(), evidence: EvidenceLevel.optional(), sources: z.array(z.string()) }).strict();
export type ReasonJson = z.infer<typeof ReasonJson>;

/** A plain-English claim checked against the KB: verdict, one readable sentence, reasons with evidence, caveats. */
export const ClaimResultJson = z
  .object({
    claim: z.string(),
    parsed: StructuredClaimJson.nullable(),
    verdict: z.enum(['supported', 'contradicted', 'not-supported', 'insufficient-evidence', 'unrecognized']),
    summary: z.string(),
    reasons: z.array(ReasonJson),
    sources: z.array(z.string()),
    caveats: z.array(z.string()),
    /** The forms the parser understands (when a claim is unrecognized). */
    forms: z.array(z.string()).optional(),
  })
  .strict();
export type ClaimResultJson = z.infer<typeof ClaimResultJson>;
