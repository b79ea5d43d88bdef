import { z } from 'zod';
import type { Relation } from '../../kb/types.js';
import { SubstanceKind } from './common.js';
import {
  ClinicalStudyJson,
  FindingJson,
  LegalStatusJson,
  PkProfileJson,
  relationObject,
  RiskNoteJson,
  SourceJson,
  SubstanceJson,
} from './records-json.js';

/** A relation with the name and kind of its receptor or enzyme, and the constituent it belongs to (`via`). */
const ObjectKind = z.enum(['receptor', 'ion-channel', 'enzyme', 'transporter', 'other', 'unknown']);
export const RelationViewJson = relationObject
  .extend({ via: z.string().optional(), objectName: z.string(), objectKind: ObjectKind })
  .strict() as unknown as z.ZodType<Relation & { via?: string; objectName: string; objectKind: z.infer<typeof ObjectKind> }>;

/** GET /api/substances/{id}: a substance with its constituents, receptors, enzymes, PK, findings, legal status and sources. */
export const SubstanceDescriptionJson = z
  .object({
    substance: SubstanceJson,
    constituents: z.array(
      z.object({ id: z.string(), name: z.string(), kind: SubstanceKind, content: z.string().optional(), share: z.string().optional() }).strict(),
    ),
    partOf: z.array(z.object({ id: z.string(), name: z.string() }).strict()),
    metabolites: z.array(z.object({ id: z.string(), name: z.string(), enzyme: z.string().optional() }).strict()),
    targets: z.array(RelationViewJson),
    enzymes: z.array(RelationViewJson),
    pk: z.array(PkProfileJson),
    findings: z.array(FindingJson),
    legal: z.array(LegalStatusJson),
    effects: z.array(
      z.object({ id: z.string(), name: z.string(), strength: z.string(), evidence: z.string(), via: z.string().optional() }).strict(),
    ),
    risks: z.array(RiskNoteJson),
    clinical: z.array(ClinicalStudyJson),
    /** Rolled-up records (findings, risk notes, interaction studies) → the constituent or product they come from. */
    via: z.record(z.string(), z.string()),
    /** Display names of the substances `via` and the interaction studies name by id. */
    names: z.record(z.string(), z.string()),
    sources: z.array(SourceJson),
    /** Each source's tier: primary, secondary, weak (issue 16 §1) or assumption. */
    sourceTiers: z.record(z.string(), z.enum(['primary', 'secondary', 'weak', 'assumption'])),
  })
  .strict();
export type SubstanceDescriptionJson = z.infer<typeof SubstanceDescriptionJson>;
