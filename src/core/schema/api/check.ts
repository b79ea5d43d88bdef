import { z } from 'zod';
import { TARGET_ACTIONS, ENZYME_ACTIONS } from '../records.js';
import { EvidenceLevel, EvidenceSummaryJson, Grade, SubstanceKind, Tier } from './common.js';
import { PredictionJson } from './predict.js';
import { FindingJson } from './records-json.js';
import { StatementParam } from './statement.js';
import { DoseUsedJson, GuidanceItemJson, RegimenEffectJson, RegimenVerdictJson, WorstPairJson } from './regimen.js';

/** What one side of a pair does at a shared receptor or enzyme, with its evidence. */
export const SideActionJson = z
  .object({
    substance: z.string(),
    substanceName: z.string(),
    action: z.enum([...TARGET_ACTIONS, ...ENZYME_ACTIONS, 'effect-blocked-at']),
    evidence: EvidenceLevel,
    species: z.string(),
    potency: z.string().optional(),
    relationId: z.string(),
    sources: z.array(z.string()),
  })
  .strict();
export type SideActionJson = z.infer<typeof SideActionJson>;

/** A receptor or enzyme both substances act at, what that means, and how sure we are. */
export const SharedNodeJson = z
  .object({
    id: z.string(),
    name: z.string(),
    kind: z.enum(['target', 'enzyme']),
    a: z.array(SideActionJson),
    b: z.array(SideActionJson),
    interpretation: z.string(),
    evidence: EvidenceSummaryJson,
    findings: z.array(z.string()),
  })
  .strict();
export type SharedNodeJson = z.infer<typeof SharedNodeJson>;

const Contribution = z.object({ substance: z.string(), strength: z.string(), evidence: EvidenceLevel, sources: z.array(z.string()) }).strict();

/** An effect (sedation, respiratory depression …) both substances contribute to. */
export const SharedEffectJson = z
  .object({
    id: z.string(),
    name: z.string(),
    severity: z.enum(['high', 'moderate', 'low']),
    a: z.array(Contribution),
    b: z.array(Contribution),
    evidence: EvidenceSummaryJson,
  })
  .strict();
export type SharedEffectJson = z.infer<typeof SharedEffectJson>;

/** One sentence of the pair analysis, plain and technical, with its topic and evidence. */
export const PairStatementJson = z
  .object({
    id: z.string(),
    topic: z.enum(['relatedness', 'receptor', 'enzyme', 'pk', 'pd', 'finding', 'mutual-inhibition']),
    // The statement as data (render registry code and parameters), beside its rendered text; optional while the
    // engine moves to statements, then required.
    code: z.string().regex(/^[A-Z][A-Z0-9_]+$/).optional(),
    params: z.record(z.string(), StatementParam).optional(),
    plain: z.string(),
    technical: z.string(),
    evidence: EvidenceLevel,
    grade: Grade,
    preclinical: z.boolean(),
    caveat: z.string().optional(),
    sources: z.array(z.string()),
  })
  .strict();
export type PairStatementJson = z.infer<typeof PairStatementJson>;

export const SubstanceRefJson = z
  .object({ id: z.string(), name: z.string(), kind: SubstanceKind, constituents: z.array(z.string()) })
  .strict();
export type SubstanceRefJson = z.infer<typeof SubstanceRefJson>;

/** An exposure prediction one way; `via` names the constituent standing in for a product without a usual dose. */
export const PkEntryJson = z
  .object({
    perpetrator: z.string(),
    victim: z.string(),
    via: z.string().optional(),
    victimVia: z.string().optional(),
    result: z.union([PredictionJson, z.object({ error: z.string() }).strict()]),
  })
  .strict();
export type PkEntryJson = z.infer<typeof PkEntryJson>;

/** How two substances are connected: shared receptors, enzymes and effects, exposure both ways, tier, statements. */
export const PairAnalysisJson = z
  .object({
    a: SubstanceRefJson,
    b: SubstanceRefJson,
    connected: z.boolean(),
    verdict: z.object({ plain: z.string(), technical: z.string(), evidence: EvidenceLevel, grade: Grade }).strict(),
    sharedTargets: z.array(SharedNodeJson),
    sharedEnzymes: z.array(SharedNodeJson),
    sharedEffects: z.array(SharedEffectJson),
    mutualInhibition: z.object({ enzymes: z.array(z.string()), plain: z.string() }).strict().nullable(),
    findings: z.array(FindingJson),
    pk: z.array(PkEntryJson),
    tier: Tier,
    tierReasons: z.array(z.string()),
    severity: z.enum(['high', 'moderate', 'low', 'none', 'unknown']),
    likelihood: z.enum(['established', 'probable', 'possible', 'theoretical', 'unknown']),
    // Today's pair statements (plain/technical). The structured StatementJson form is being introduced under the
    // same name: when it lands, this field changes with it (the API tests fail until it does).
    statements: z.array(PairStatementJson),
    guidance: z.array(GuidanceItemJson),
    sources: z.array(z.string()),
  })
  .strict();
export type PairAnalysisJson = z.infer<typeof PairAnalysisJson>;

/** Every pair of the substances checked, with the educational notice and the KB version. */
export const CheckResultJson = z
  .object({
    kbVersion: z.string(),
    notice: z.string(),
    substances: z.array(SubstanceRefJson),
    pairs: z.array(PairAnalysisJson).meta({ description: 'Every pair, worst first: red, amber, yellow, grey, green, then the most severe shared effect' }),
    worstPair: WorstPairJson.nullable(),
    verdict: RegimenVerdictJson,
    effects: z.array(RegimenEffectJson),
    doses: z.array(DoseUsedJson),
    guidance: z.array(GuidanceItemJson),
    notes: z.array(z.object({ code: z.string(), params: z.record(z.string(), StatementParam), text: z.string() }).strict()).meta({ description: 'Notes about the list, e.g. a substance named twice (checked once)' }),
  })
  .strict();
export type CheckResultJson = z.infer<typeof CheckResultJson>;
