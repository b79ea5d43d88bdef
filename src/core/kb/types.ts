import type { z } from 'zod';
import type { Quantity, QuantityInput } from '../schema/quantity.js';
import type * as R from '../schema/records.js';

/** Replace every curated quantity in a record type by its converted form (canonical units). */
export type Converted<T> = T extends QuantityInput
  ? Quantity
  : T extends (infer U)[]
    ? Converted<U>[]
    : T extends object
      ? { [K in keyof T]: Converted<T[K]> }
      : T;

export type Substance = Converted<z.infer<typeof R.Substance>>;
export type Target = Converted<z.infer<typeof R.Target>>;
export type Relation = Converted<z.infer<typeof R.Relation>> & { id: string };
export type PkProfile = Converted<z.infer<typeof R.PkProfile>>;
export type Finding = Converted<z.infer<typeof R.Finding>>;
export type Source = z.infer<typeof R.Source>;
export type LegalStatus = z.infer<typeof R.LegalStatus>;
export type EffectClass = z.infer<typeof R.EffectClass>;
export type ClinicalStudy = Converted<z.infer<typeof R.ClinicalStudy>>;
export type RiskNote = z.infer<typeof R.RiskNote>;
export type PdInteraction = z.infer<typeof R.PdInteraction>;
export type GuidanceLine = z.infer<typeof R.GuidanceLine>;
export type UsagePattern = z.infer<typeof R.UsagePattern>;

/** Where a record came from in the curated YAML (for error messages and audits). */
export interface Origin {
  file: string;
  line: number;
}

/**
 * The compiled knowledge base: every record with quantities in canonical units (µM, h, 1/h, L/h,
 * L, mg, µM·h, fractions). This is the shape of the JSON bundle and what the engine consumes.
 */
export interface KbData {
  /** Content hash of the compiled records: the KB version. */
  version: string;
  substances: Substance[];
  targets: Target[];
  relations: Relation[];
  pk: PkProfile[];
  findings: Finding[];
  sources: Source[];
  legal: LegalStatus[];
  effects: EffectClass[];
  clinical: ClinicalStudy[];
  risks: RiskNote[];
  /** What-to-do lines (issue 14); optional so hand-built test KBs need not list it. */
  guidance?: GuidanceLine[];
  /** Pair-level pharmacodynamic records (issue 17: label contraindications, boxed warnings, ...); optional likewise. */
  pd?: PdInteraction[];
}
