import { z } from 'zod';
import { QuantityInput } from '../quantity.js';
import * as R from '../records.js';
import type { ClinicalStudy, EffectClass, Finding, LegalStatus, PkProfile, Relation, RiskNote, Source, Substance, Target } from '../../kb/types.js';

/**
 * The compiled KB records as responses carry them: the curated record schemas (src/core/schema/records.ts) with
 * every quantity in its converted form (canonical unit, plus the value and unit as written) and every default
 * already applied, so a field with a default is always present.
 */
export const QuantityJson = z
  .object({
    ...QuantityInput.shape,
    original: z.object({ value: z.number(), unit: z.string() }).strict(),
  })
  .strict();

type AnySchema = z.ZodType;

/** The record schema with QuantityInput replaced by QuantityJson, recursively (objects, arrays, optionals, defaults). */
function converted(s: AnySchema): AnySchema {
  if (s === QuantityInput) return QuantityJson;
  if (s instanceof z.ZodOptional) return converted(s.unwrap() as AnySchema).optional();
  if (s instanceof z.ZodNullable) return converted(s.unwrap() as AnySchema).nullable();
  // The compiler applied the default: the field is present in every compiled record.
  if (s instanceof z.ZodDefault) return converted(s.unwrap() as AnySchema);
  if (s instanceof z.ZodArray) return z.array(converted(s.element as AnySchema));
  if (s instanceof z.ZodObject) {
    const shape: Record<string, AnySchema> = {};
    for (const [k, v] of Object.entries(s.shape as Record<string, AnySchema>)) shape[k] = converted(v);
    return z.object(shape).strict();
  }
  return s;
}

/** The converted schema, typed as the KB record type it checks (src/core/kb/types.ts spells those out). */
const conv = <T>(s: AnySchema): z.ZodType<T> => converted(s) as z.ZodType<T>;

export const SubstanceJson = conv<Substance>(R.Substance);
export const TargetJson = conv<Target>(R.Target);
/** A relation as compiled: its id is always set (the compiler derives one when the YAML has none). */
export const relationObject = (converted(R.Relation) as z.ZodObject).extend({ id: R.Id }).strict();
export const RelationJson = relationObject as unknown as z.ZodType<Relation>;
export const PkProfileJson = conv<PkProfile>(R.PkProfile);
export const FindingJson = conv<Finding>(R.Finding);
export const SourceJson = conv<Source>(R.Source);
export const LegalStatusJson = conv<LegalStatus>(R.LegalStatus);
export const EffectClassJson = conv<EffectClass>(R.EffectClass);
export const ClinicalStudyJson = conv<ClinicalStudy>(R.ClinicalStudy);
export const RiskNoteJson = conv<RiskNote>(R.RiskNote);
