import { z } from 'zod';
import { EvidenceLevel, Tier } from './common.js';
import { ClaimResultJson } from './claim.js';
import { StatementParam } from './statement.js';

/** One statement of the brief with its evidence and numbered citations (into `sources`). */
export const BriefItemJson = z
  .object({
    // The statement as data (code from src/core/render/brief-en.ts and its parameters), beside its rendered text;
    // optional while the engine moves to statements, then required.
    code: z.string().regex(/^[A-Z][A-Z0-9_]+$/).optional(),
    params: z.record(z.string(), StatementParam).optional(),
    text: z.string(),
    technical: z.string().optional(),
    evidence: EvidenceLevel.optional(),
    preclinical: z.boolean(),
    cites: z.array(z.number().int()),
  })
  .strict();
export type BriefItemJson = z.infer<typeof BriefItemJson>;

export const BriefSectionJson = z
  .object({
    id: z.enum(['verdict', 'receptor-profiles', 'shared-receptors', 'shared-enzymes', 'doses', 'exposure', 'effects', 'evidence-supports', 'guidance', 'risks', 'medicines', 'legal']),
    title: z.string(),
    items: z.array(BriefItemJson),
  })
  .strict();
export type BriefSectionJson = z.infer<typeof BriefSectionJson>;

/** The evidence brief for a pair (`format: json` of /api/explain): sections of cited statements, checked claims, sources. */
export const BriefJson = z
  .object({
    title: z.string(),
    kbVersion: z.string(),
    substances: z.array(z.object({ id: z.string(), name: z.string() }).strict()),
    tier: Tier,
    tierReasons: z.array(z.string()),
    notice: z.string(),
    sections: z.array(BriefSectionJson),
    claims: z.array(ClaimResultJson),
    sources: z.array(z.object({ n: z.number().int(), id: z.string(), label: z.string(), url: z.string().optional(), type: z.string() }).strict()),
  })
  .strict();
export type BriefJson = z.infer<typeof BriefJson>;
