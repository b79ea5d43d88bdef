import { PHENOTYPE_MULTIPLIERS, type Phenotype } from './pgx.js';

/**
 * How a victim's genotype moves its fractions of clearance (MODEL.md §3): the intrinsic clearance through enzyme e is
 * scaled by the phenotype's multiplier m_e (PM 0 for CYP2D6/2C19, 0.3 for CYP2C9 …; inputs/pgx.ts), so total
 * clearance becomes D = 1 + Σ_e (m_e − 1)·f_e times the reference, and each fraction f_e' = m_e·f_e / D, any other
 * pathway f_j' = f_j / D. The same holds for the anchored model's in-vivo fractions (CR).
 */
export function shiftFractions(f: Record<string, number>, phenotypes: Readonly<Record<string, Phenotype>>): Record<string, number> {
  const m = (e: string): number => multiplierOf(e, phenotypes[e]) ?? 1;
  const d = 1 + Object.entries(f).reduce((acc, [e, v]) => acc + (m(e) - 1) * v, 0);
  return Object.fromEntries(Object.entries(f).map(([e, v]) => [e, (m(e) * v) / d]));
}

/** The multiplier of a phenotype at an enzyme, or undefined when the KB's table has none (then no shift). */
export function multiplierOf(enzyme: string, phenotype: Phenotype | undefined): number | undefined {
  return phenotype === undefined ? undefined : PHENOTYPE_MULTIPLIERS[enzyme]?.[phenotype];
}
