import { z } from 'zod';
import { EvidenceLevel } from './quantity.js';
import { Id } from './id.js';

/**
 * What a guidance line is about. Warning signs, when to seek help and monitoring are for everyone; `label-advice`
 * and `alternatives` quote what a label or clinical guideline tells prescribers; `naloxone` and `not-alone` are
 * public-health harm-reduction advice for opioid combinations. None of them is ever a dose or a timing for
 * recreational use (the compiler refuses lines that read like one).
 */
export const GUIDANCE_KINDS = ['warning-signs', 'seek-help', 'monitoring', 'label-advice', 'alternatives', 'naloxone', 'not-alone'] as const;

/** Mechanisms a pair or regimen answer can show, so guidance can attach to them. */
export const GUIDANCE_MECHANISMS = [
  // A predicted or classified rise in one substance's exposure (an enzyme or transporter inhibited).
  'exposure-increase',
  // A predicted or classified fall (an enzyme induced).
  'exposure-decrease',
  // Each inhibits an enzyme that clears the other.
  'mutual-inhibition',
] as const;

/** What the line rests on: a drug label, a clinical guideline, a regulator's safety communication, or public-health material. */
export const GUIDANCE_BASES = ['label', 'clinical-guideline', 'regulator', 'public-health'] as const;

/**
 * One line of "what to do", attached to an answer when all of its `appliesTo` criteria match (any one value within a
 * criterion): an effect class at least two substances add to, a mechanism the answer shows, a class one of the
 * substances belongs to. Text is paraphrased and cited.
 */
export const GuidanceLine = z
  .object({
    id: Id,
    kind: z.enum(GUIDANCE_KINDS),
    /** `everyone`: people taking the substances and those around them; `clinician`: prescribers and pharmacists. */
    audience: z.enum(['everyone', 'clinician']),
    appliesTo: z
      .object({
        effects: z.array(Id).default([]),
        mechanisms: z.array(z.enum(GUIDANCE_MECHANISMS)).default([]),
        classes: z.array(Id).default([]),
      })
      .strict()
      .refine((a) => a.effects.length + a.mechanisms.length + a.classes.length > 0, 'give at least one effect, mechanism or class'),
    text: z.string().min(1),
    basis: z.enum(GUIDANCE_BASES),
    evidence: EvidenceLevel,
    sources: z.array(Id).min(1),
    locator: z.string().optional(),
  })
  .strict();
