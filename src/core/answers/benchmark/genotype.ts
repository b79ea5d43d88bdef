import { phenotypeOfGroup, type Phenotype } from '../../inputs/pgx.js';

/**
 * The phenotype a study selected its participants by, read from the record's free-text `genotype` ("CYP2D6 poor
 * metabolisers", "CYP2C9 *3/*3", "CYP2D6 EM1 (one functional gene)"), so the benchmark predicts the population the
 * study measured. Normal/extensive metabolisers are the reference and give no entry; text it cannot read gives none.
 */
export function phenotypesOfGenotype(genotype: string | undefined): Record<string, Phenotype> {
  if (!genotype) return {};
  const enzyme = /\b(CYP\d[A-Z]\d+)\b/i.exec(genotype)?.[1]?.toLowerCase();
  if (!enzyme) return {};
  const phenotype = phenotypeOfGroup(genotype);
  return phenotype && phenotype !== 'NM' ? { [enzyme]: phenotype } : {};
}
