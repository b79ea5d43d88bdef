/**
 * The observed studies the clinically anchored model may read (MODEL.md §6), normalised once: verified human ratios
 * read at a locator, the driving enzymes grouped, the victim's route and the perpetrator's amount per day read from
 * the design. Leave-pair-out is applied here, before anything is derived, so nothing of the predicted pair reaches a
 * derivation directly or at one remove. Only src/core/inputs/anchored*.ts read observed outcomes for prediction.
 */
import { withConstituents, expandToCompounds } from '../kb/constituents.js';
import type { KbIndex } from '../kb/kb-index.js';
import type { ClinicalStudy } from '../kb/types.js';
import { amountMg, dosesPerDay, parseRegimen, type Regimen } from '../units/parse-regimen.js';
import { enzymeGroup } from './anchored-index.js';

const DEFAULT_STUDY_WEIGHT_KG = 70;
/** Genotype-selected groups with little or no enzyme activity measure something else than the population effect. */
/** A victim given into a vein, when the regimen string does not say so but the curated formulation does. */
const IV_FORMULATION = /intravenous|\bi\.?v\.?\b/i;
const LOW_ACTIVITY_GENOTYPE = /poor|intermediate|\bPM\b|\bIM\b/i;

/** How much of a perpetrator a study (or a question) gives: amount per day (a single dose counts once). */
export interface Exposure {
  mgPerDay: number | undefined;
  single: boolean;
  text: string;
}

/** One usable observed study, as the derivations read it. */
export interface Observation {
  id: string;
  kind: 'interaction' | 'pharmacogenetic';
  victim: string;
  perpetrator: string | undefined;
  aucRatio: number;
  low: number;
  high: number;
  /** Driving enzymes, grouped (CYP3A5 with CYP3A4), sorted. */
  groups: string[];
  mechanism: string;
  victimRoute: 'oral' | 'iv';
  /** The perpetrator's exposure per compound it delivers (the perpetrator itself for a compound). */
  exposure: Record<string, Exposure>;
  /** The compound carrying most of a product perpetrator (itself for a compound). */
  dominantCompound: string | undefined;
  comparison?: { test: string; reference: string };
  sources: string[];
}

/** Ids that name the same thing as `ids` for leave-pair-out: the substances, their constituents, and products holding them. */
export function relatedIds(kb: KbIndex, ids: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const id of ids) for (const x of withConstituents(kb, id)) out.add(x);
  // Every product or plant that holds one of them, up the chain (compound → product → plant).
  const queue = [...out];
  while (queue.length) {
    for (const p of kb.parentsOf(queue.pop()!)) {
      if (out.has(p.id)) continue;
      out.add(p.id);
      queue.push(p.id);
    }
  }
  return out;
}

/** True when a study is of the predicted pair, in either role naming, whatever its analyte. */
export function isOfPair(c: Pick<ClinicalStudy, 'victim' | 'perpetrator'>, victims: Set<string>, perpetrators: Set<string>): boolean {
  if (!c.perpetrator) return false;
  return (victims.has(c.victim) && perpetrators.has(c.perpetrator)) || (victims.has(c.perpetrator) && perpetrators.has(c.victim));
}

function tryRegimen(text: string | undefined): Regimen | undefined {
  if (!text) return undefined;
  try {
    return parseRegimen(text);
  } catch {
    return undefined;
  }
}

/** Amount per day of each compound a perpetrator delivers at a regimen (products expanded by their content). */
export function exposureOf(kb: KbIndex, perpetrator: string, regimen: Regimen | undefined, text: string, weightKg: number): Record<string, Exposure> {
  const single = regimen ? regimen.intervalH === null : false;
  const perDay = (mg: number | undefined): number | undefined => (mg === undefined || !regimen ? undefined : mg * Math.max(1, dosesPerDay(regimen)));
  const out: Record<string, Exposure> = {};
  let own: number | undefined;
  try {
    own = regimen ? amountMg(regimen, { weightKg }) : undefined;
  } catch {
    own = undefined;
  }
  out[perpetrator] = { mgPerDay: perDay(own), single, text };
  if (!kb.substance(perpetrator)) return out;
  try {
    for (const c of expandToCompounds(kb, perpetrator, regimen, weightKg))
      if (c.compoundId !== perpetrator) out[c.compoundId] = { mgPerDay: perDay(c.doseMg), single, text };
  } catch {
    // A dose the product's content cannot convert: the compounds' amounts stay unknown.
    for (const c of expandToCompounds(kb, perpetrator, undefined, weightKg)) if (c.compoundId !== perpetrator) out[c.compoundId] = { mgPerDay: undefined, single, text };
  }
  return out;
}

/**
 * The victim's route in a study, read as the benchmark's request reads it (buildScenario): a route written in the
 * victim dose, else the study's `victimRoute`, else a curated intravenous formulation, else the route of the dose as
 * written, else the victim's KB usual dose. Only a swallowed dose counts as oral (first pass through gut and liver).
 */
export function studyVictimRoute(kb: KbIndex, c: ClinicalStudy): 'oral' | 'iv' {
  const asRoute = (r: string): 'oral' | 'iv' => (r === 'po' ? 'oral' : 'iv');
  const given = tryRegimen(c.victimDose);
  if (given?.routeGiven) return asRoute(given.route);
  if (c.victimRoute) return asRoute(c.victimRoute);
  if (IV_FORMULATION.test(c.formulation ?? '')) return 'iv';
  if (given) return asRoute(given.route);
  return asRoute(tryRegimen(kb.substance(c.victim)?.usualDose?.regimen)?.route ?? 'po');
}

function dominantOf(kb: KbIndex, id: string): string | undefined {
  if (!kb.substance(id)) return undefined;
  const comps = expandToCompounds(kb, id, undefined, DEFAULT_STUDY_WEIGHT_KG);
  const top = [...comps].sort((a, b) => b.weight - a.weight)[0];
  return top && top.weight >= 0.5 ? top.compoundId : undefined;
}

/**
 * The studies the model may read for a question about (victims, perpetrators): human, a numeric AUC ratio that is
 * verified and located, the parent drug as analyte, no low-activity genotype group, and no study of the pair itself.
 * `excluded` lists the pair's own studies (never read).
 */
export function usableObservations(kb: KbIndex, victims: Set<string>, perpetrators: Set<string>): { observations: Observation[]; excluded: string[] } {
  const observations: Observation[] = [];
  const excluded: string[] = [];
  // A genotype contrast read from a paper behind one of the pair's studies shares its control group (the normal
  // metabolisers without the perpetrator), so it is left out with them. Matched on the source the contrast's ratio
  // was read from against every source the pair's studies name (a study read from a compilation also names the paper).
  const pairPapers = new Set(kb.data.clinical.filter((c) => isOfPair(c, victims, perpetrators)).flatMap((c) => [c.aucRatio?.source, ...c.sources]).filter((x): x is string => !!x));
  for (const c of kb.data.clinical) {
    if (isOfPair(c, victims, perpetrators) || (c.kind === 'pharmacogenetic' && !!c.aucRatio && pairPapers.has(c.aucRatio.source))) {
      excluded.push(c.id);
      continue;
    }
    const q = c.aucRatio;
    if (c.species !== 'human' || !q || !(Number.isFinite(q.value) && q.value > 0) || !q.verified || !q.locator) continue;
    if (c.analyte && c.analyte !== c.victim) continue;
    if (c.kind === 'interaction' && (!c.perpetrator || (c.genotype && LOW_ACTIVITY_GENOTYPE.test(c.genotype)))) continue;
    const perpRegimen = tryRegimen(c.perpetratorDose);
    const weightKg = c.weightKg ?? DEFAULT_STUDY_WEIGHT_KG;
    observations.push({
      id: c.id,
      kind: c.kind,
      victim: c.victim,
      perpetrator: c.perpetrator,
      aucRatio: q.value,
      low: q.low !== undefined && q.low > 0 ? Math.min(q.low, q.value) : q.value,
      high: q.high !== undefined ? Math.max(q.high, q.value) : q.value,
      groups: [...new Set(c.enzymes.map(enzymeGroup))].sort(),
      mechanism: c.mechanism ?? 'unknown',
      victimRoute: studyVictimRoute(kb, c),
      exposure: c.perpetrator ? exposureOf(kb, c.perpetrator, perpRegimen, c.perpetratorDose ?? 'regimen not recorded', weightKg) : {},
      dominantCompound: c.perpetrator ? dominantOf(kb, c.perpetrator) : undefined,
      ...(c.comparison ? { comparison: c.comparison } : {}),
      sources: [q.source, ...c.sources],
    });
  }
  return { observations, excluded };
}
