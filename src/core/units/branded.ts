/**
 * Canonical units as branded numbers (STYLE.md §Units; Zod's brands): a `Micromolar` is a number that
 * says it is in µM, so passing ng/mL, or hours where 1/h is expected, fails to compile. At run time a
 * branded number is a plain number: arithmetic on it gives `number`, and nothing is boxed or checked.
 *
 * Where brands come from: the unit converter (`convertQuantities` turns KB quantities into canonical
 * units, `canonical` below brands a converted value by its unit), the named constants of the models,
 * and the `asX` constructors, which mark a trusted boundary — a value read from a converted KB
 * quantity, or the result of arithmetic whose unit the code states. Do not use them to silence a
 * type error on a value whose unit you have not checked.
 *
 * @example const cmax: Micromolar = asMicromolar(q.value); // q converted by the compiler into µM
 */

import { fail } from '../errors.js';

declare const unitBrand: unique symbol;

/** A number in canonical unit `U`. */
export type Branded<U extends string> = number & { readonly [unitBrand]: U };

/** Concentration, µM. */
export type Micromolar = Branded<'µM'>;
/** Time, h. */
export type Hours = Branded<'h'>;
/** Flow or clearance, L/h. */
export type LitresPerHour = Branded<'L/h'>;
/** Dose, mg. */
export type Milligrams = Branded<'mg'>;
/** First-order rate constant, 1/h. */
export type PerHour = Branded<'1/h'>;

/** The brand of each canonical unit string (the units `units.ts` converts to). */
export interface CanonicalBrands {
  'µM': Micromolar;
  h: Hours;
  'L/h': LitresPerHour;
  mg: Milligrams;
  '1/h': PerHour;
}

/** Trusted-boundary constructors: the caller states the value is already in the canonical unit. */
export const asMicromolar = (x: number): Micromolar => x as Micromolar;
export const asHours = (x: number): Hours => x as Hours;
export const asLitresPerHour = (x: number): LitresPerHour => x as LitresPerHour;
export const asMilligrams = (x: number): Milligrams => x as Milligrams;
export const asPerHour = (x: number): PerHour => x as PerHour;

/**
 * Brand a value that the converter has put in canonical unit `unit`: the unit is checked at run time, so a
 * quantity in another unit is an error, never a guess.
 * @example canonical(pk.halfLife, 'h') // Hours
 */
export function canonical<U extends keyof CanonicalBrands>(q: { value: number; unit: string }, unit: U): CanonicalBrands[U] {
  if (q.unit !== unit) fail('INPUT_INVALID', { field: 'unit', problem: `expected a value converted to ${unit}, got '${q.unit}'` });
  return q.value as CanonicalBrands[U];
}
