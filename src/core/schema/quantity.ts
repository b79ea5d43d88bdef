import { z } from 'zod';

/** Evidence levels, weakest to strongest (MODEL.md §4.1). */
export const EVIDENCE_LEVELS = [
  'in_silico',
  'in_vitro',
  'animal',
  'human_case',
  'human_observational',
  'human_controlled',
  'label',
] as const;
export const EvidenceLevel = z.enum(EVIDENCE_LEVELS);
export type EvidenceLevel = z.infer<typeof EvidenceLevel>;

/** How a number was obtained when it is not read directly from its source. */
export const Derivation = z.enum([
  'IC50/2',
  'back-calculated',
  'linearTDI',
  'unit-converted',
  'computed',
  'label-range-midpoint',
]);

/**
 * One cited number as curated in YAML: a value, its unit, and where it was read.
 * `verified: true` only when someone on the project read the number in `source`.
 * `low`/`high` are a reported range or spread in the same unit.
 */
/** The kinds of `low`–`high` a quantity may carry (issue 16 §3). */
export const INTERVAL_KINDS = ['range', 'ci90', 'ci95', 'iqr', 'p5-p95', 'p2.5-p97.5', 'sd-band', 'plausible', 'bounds', 'unstated'] as const;

export const QuantityInput = z
  .object({
    value: z.number().refine(Number.isFinite, 'must be a finite number'),
    unit: z.string().min(1),
    low: z.number().optional(),
    high: z.number().optional(),
    /** A standard deviation of the individual values (never a standard error: that is `sem`). */
    sd: z.number().nonnegative().optional(),
    /** A standard error of the mean, as some papers report instead of an SD. */
    sem: z.number().nonnegative().optional(),
    /**
     * What `low`–`high` is (issue 16 §3): `range` (min–max of individuals, or a span the source gives), `ci90`/`ci95`,
     * `iqr`, `p5-p95`, `p2.5-p97.5` (e.g. a label's "95 % limits" across people), `sd-band` (mean ± 1 SD),
     * `plausible` (an assumption's plausible range), `bounds` (a computed number's lower and upper estimates from
     * alternative inputs or derivations, which its note explains), `unstated` (neither the source nor the derivation
     * says what the span is: shown as such rather than guessed).
     */
    interval: z.enum(INTERVAL_KINDS).optional(),
    /** When the number was measured on one enantiomer (e.g. `S` for esomeprazole data on an omeprazole record). */
    enantiomer: z.enum(['R', 'S', '(+)', '(-)', 'racemate']).optional(),
    stat: z.enum(['mean', 'median', 'geomean', 'single', 'model', 'point']).optional(),
    bound: z.enum(['total', 'unbound']).optional(),
    source: z.string().min(1),
    verified: z.boolean(),
    locator: z.string().optional(),
    derived: Derivation.optional(),
    note: z.string().optional(),
  })
  .strict();
export type QuantityInput = z.infer<typeof QuantityInput>;

/** A curated quantity after unit conversion: `value` is in `unit`, the canonical unit of its dimension. */
export interface Quantity {
  value: number;
  unit: string;
  low?: number;
  high?: number;
  sd?: number;
  sem?: number;
  interval?: QuantityInput['interval'];
  enantiomer?: QuantityInput['enantiomer'];
  stat?: QuantityInput['stat'];
  bound?: 'total' | 'unbound';
  source: string;
  verified: boolean;
  locator?: string;
  derived?: QuantityInput['derived'];
  note?: string;
  /** The value and unit as written in the YAML, kept for display and audit. */
  original: { value: number; unit: string };
}
