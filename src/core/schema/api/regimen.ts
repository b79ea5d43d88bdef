import { z } from 'zod';
import { GUIDANCE_BASES, GUIDANCE_KINDS, GUIDANCE_MECHANISMS } from '../guidance.js';
import { EvidenceLevel, EvidenceSummaryJson, Tier } from './common.js';
import { StatementParam } from './statement.js';

/** The regimen view's pieces in check answers (issue 14): worst pair, verdict, combined effects, doses, guidance. */

/** The pair that heads the list: the worst tier, then the most severe shared effect. */
export const WorstPairJson = z
  .object({
    a: z.string(),
    b: z.string(),
    aName: z.string(),
    bName: z.string(),
    tier: Tier,
    severity: z.enum(['high', 'moderate', 'low', 'none', 'unknown']),
    likelihood: z.enum(['established', 'probable', 'possible', 'theoretical', 'unknown']),
  })
  .strict()
  .meta({ description: 'The worst pair of the list; null when fewer than two distinct substances remain' });

/** The overall verdict as a statement code with its parameters and its English text. */
export const RegimenVerdictJson = z
  .object({
    code: z.enum(['REGIMEN_VERDICT', 'REGIMEN_NO_PAIRS']),
    params: z.record(z.string(), StatementParam),
    evidence: EvidenceLevel.nullable(),
    text: z.string(),
  })
  .strict();

const EffectContributionJson = z
  .object({
    substance: z.string().meta({ description: 'The substance checked' }),
    substanceName: z.string(),
    via: z.string().meta({ description: 'The KB contributor: the substance, one of its constituents, or a class it belongs to' }),
    viaName: z.string(),
    strength: z.enum(['major', 'moderate', 'minor']),
    evidence: EvidenceLevel,
    sources: z.array(z.string()),
  })
  .strict();

/** One effect class across all the substances checked, with every contributor; no combined score. */
export const RegimenEffectJson = z
  .object({
    id: z.string(),
    name: z.string(),
    severity: z.enum(['high', 'moderate', 'low']),
    contributors: z.array(EffectContributionJson),
    substances: z.array(z.string()).meta({ description: 'Distinct substances checked that add to it' }),
    flagged: z.boolean().meta({ description: 'Three or more substances add to CNS or respiratory depression, serotonergic toxicity or QT prolongation' }),
    evidence: EvidenceSummaryJson,
    text: z.string(),
  })
  .strict();

/** The dose a substance was checked at, where it came from, and what it can be changed to. */
export const DoseUsedJson = z
  .object({
    substance: z.string(),
    substanceName: z.string(),
    basis: z.enum(['usage-pattern', 'usual-dose', 'constituents', 'none']),
    pattern: z
      .object({
        id: z.string(),
        name: z.string(),
        kind: z.enum(['everyday', 'medicine']),
        default: z.boolean(),
        assumption: z.boolean(),
        verified: z.boolean(),
        reasoning: z.string().optional(),
        note: z.string().optional(),
      })
      .strict()
      .nullable(),
    doses: z.array(z.object({ substance: z.string(), substanceName: z.string(), regimen: z.string() }).strict()),
    implied: z.array(z.object({ substance: z.string(), substanceName: z.string(), mg: z.number() }).strict()).meta({ description: 'Compound amounts a product dose implies, from its recorded content (mg)' }),
    alternatives: z.array(z.object({ id: z.string(), name: z.string(), kind: z.enum(['everyday', 'medicine']) }).strict()).meta({ description: "Usage patterns to pass as usage: {<substance>: <id>}" }),
    sources: z.array(z.string()),
    text: z.string(),
  })
  .strict();

/** One line of what to do, cited; never dosing or timing advice for recreational use. */
export const GuidanceItemJson = z
  .object({
    id: z.string(),
    kind: z.enum(GUIDANCE_KINDS),
    audience: z.enum(['everyone', 'clinician']),
    text: z.string(),
    basis: z.enum(GUIDANCE_BASES),
    evidence: EvidenceLevel,
    sources: z.array(z.string()),
    locator: z.string().optional(),
    matched: z.object({ effects: z.array(z.string()), mechanisms: z.array(z.enum(GUIDANCE_MECHANISMS)), classes: z.array(z.string()) }).strict(),
  })
  .strict();
