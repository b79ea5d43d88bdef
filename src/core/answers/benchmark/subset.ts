/**
 * The cannabis/kratom subset of the benchmark, decided from the KB's classes and constituents rather than a list of
 * ids: a substance belongs when it is in one of the flagship classes, contains a member (a plant, product or
 * medicine), or is a metabolite of a member. A study belongs when its victim, perpetrator or analyte does.
 */
import type { KbIndex } from '../../kb/kb-index.js';
import type { ClinicalStudy } from '../../kb/types.js';

/** The class ids that root the subset: phytocannabinoids (THC, CBD, …) and kratom alkaloids (mitragynine, …). */
export const FLAGSHIP_CLASSES = ['phytocannabinoid', 'kratom-alkaloid'] as const;

/** Every substance id in the subset: class members, then (to a fixed point) their carriers and metabolites. */
export function flagshipSubstances(kb: KbIndex, classes: readonly string[] = FLAGSHIP_CLASSES): Set<string> {
  const roots = new Set(classes);
  const ids = new Set(kb.data.substances.filter((s) => s.classes.some((c) => roots.has(c))).map((s) => s.id));
  for (let grew = true; grew; ) {
    grew = false;
    for (const s of kb.data.substances) {
      if (ids.has(s.id)) {
        for (const m of s.metabolites)
          if (!ids.has(m.substance)) {
            ids.add(m.substance);
            grew = true;
          }
      } else if (s.constituents.some((c) => ids.has(c.substance))) {
        ids.add(s.id);
        grew = true;
      }
    }
  }
  return ids;
}

export function inSubset(c: Pick<ClinicalStudy, 'victim' | 'perpetrator' | 'analyte'>, ids: ReadonlySet<string>): boolean {
  return [c.victim, c.perpetrator, c.analyte].some((x) => x !== undefined && ids.has(x));
}
