import { z } from 'zod';

/**
 * A statement as answers produce it: a code from the render registry (src/core/render/en.ts), its parameters,
 * the evidence level it rests on and its sources. Text is made at the edge by a renderer, never by the engine.
 */
export const StatementParam = z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(z.union([z.string(), z.number()]))]);
export const StatementJson = z
  .object({
    code: z.string().regex(/^[A-Z][A-Z0-9_]+$/),
    /** What part of the answer it is (src/core/schema/statement.ts StatementRole). */
    role: z.enum(['plain', 'technical', 'assumption', 'warning', 'missing']).optional(),
    params: z.record(z.string(), StatementParam),
    /** An EvidenceLevel, `model` for a model's own output, or null for procedural statements (what was assumed). */
    evidence: z.string().nullable(),
    sources: z.array(z.string()),
    /** The statement rendered in English, beside the structure (JSON responses carry both). */
    text: z.string(),
  })
  .strict();
export type StatementJson = z.infer<typeof StatementJson>;
