import { withConstituents } from '../kb/constituents.js';
import type { KbIndex } from '../kb/kb-index.js';
import type { Scenario } from './scenario.js';

/** An observed interaction study shown beside a prediction (display only: no model reads it). */
export interface ObservedStudy {
  id: string;
  /** `related-product`: the study used another product carrying the same active compound. */
  match: 'exact' | 'related-product';
  perpetrator: string;
  victim: string;
  aucRatio?: number;
  cmaxRatio?: number;
  analyte?: string;
  /** The study measured the exposure the question asks about (see `measures`); the others are context. */
  measuresAsked: boolean;
  species: string;
  victimDose?: string;
  perpetratorDose?: string;
  /** The rest of the design, so a reader can compare it with the question asked. */
  victimAtH?: number;
  victimRoute?: string;
  genotype?: string;
  n?: number;
  /** Where in the source the ratio was read (table, figure, label section, compilation row). */
  locator?: string;
  evidence: string;
  sources: string[];
  summary?: string;
}

/**
 * Observed studies of the scenario's pair, including via constituents: a study of a related product (kratom tea for
 * kratom, Epidiolex for CBD) counts when it delivers the same active compound, and `match` says which. Studies that
 * measured the analyte asked about come first; those of the same pair that measured another analyte (the parent for a
 * metabolite question, a metabolite for a parent question) follow, each naming its `analyte`.
 */
export function observedFor(kb: KbIndex, sc: Scenario): ObservedStudy[] {
  const perpIds = new Set([sc.perpetrator.id, ...sc.perpetratorCompounds.map((c) => c.compoundId)]);
  const victimIds = new Set([sc.victim.id, sc.analyte.id]);
  const overlaps = (id: string, ids: Set<string>): boolean => ids.has(id) || withConstituents(kb, id).some((x) => ids.has(x));
  return kb.data.clinical
    .filter((c): c is typeof c & { perpetrator: string } => c.kind === 'interaction' && c.perpetrator !== undefined)
    .filter(
      (c) =>
        overlaps(c.perpetrator, perpIds) &&
        (victimIds.has(c.victim) || (c.analyte !== undefined && victimIds.has(c.analyte)) || withConstituents(kb, c.victim).includes(sc.analyte.id)),
    )
    .map((c): ObservedStudy => ({
      match: perpIds.has(c.perpetrator) && (victimIds.has(c.victim) || victimIds.has(c.analyte ?? '')) ? 'exact' : 'related-product',
      perpetrator: c.perpetrator,
      victim: c.victim,
      id: c.id,
      aucRatio: c.aucRatio?.value,
      cmaxRatio: c.cmaxRatio?.value,
      analyte: c.analyte,
      measuresAsked: measures({ analyte: c.analyte, victim: c.victim }, sc),
      species: c.species,
      victimDose: c.victimDose,
      perpetratorDose: c.perpetratorDose,
      victimAtH: c.victimAtH,
      victimRoute: c.victimRoute,
      genotype: c.genotype,
      n: c.n,
      locator: c.aucRatio?.locator ?? c.cmaxRatio?.locator,
      evidence: c.evidence,
      sources: c.sources,
      summary: c.summary,
    }))
    .sort((a, b) => Number(!a.measuresAsked) - Number(!b.measuresAsked));
}

/**
 * Did the study measure the exposure the question asks about? A study that names its analyte measured that one; a
 * study that names none measured its victim (or the victim product's main compound), which answers a parent question
 * and not a metabolite one.
 */
export function measures(o: Pick<ObservedStudy, 'analyte' | 'victim'>, sc: Pick<Scenario, 'analyte' | 'metaboliteQuestion'>): boolean {
  return o.analyte !== undefined ? o.analyte === sc.analyte.id : !sc.metaboliteQuestion;
}
