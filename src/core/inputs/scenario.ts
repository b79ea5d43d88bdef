import { fail } from '../errors.js';
import { expandToCompounds, withConstituents, type CompoundDose } from '../kb/constituents.js';
import { resolveSubstance } from '../kb/fuzzy-match.js';
import type { KbIndex } from '../kb/kb-index.js';
import type { Substance } from '../kb/types.js';
import { MAX_VICTIM_AT_H, MAX_WEIGHT_KG } from '../limits.js';
import { PHENOTYPE_MULTIPLIERS, PHENOTYPES, type Phenotype } from './pgx.js';
import { parseRegimen, type Regimen, type Route } from '../units/parse-regimen.js';
import { fmScenarios } from './pk-inputs.js';

/** An everyday usage pattern standing in for a dose not given (a joint of cannabis), resolved by the caller. */
export interface UsageDose {
  id: string;
  name: string;
  regimen: string;
  /** A typical-use estimate rather than a number read in a source. */
  assumption: boolean;
  sources: string[];
}

/** A prediction question as the user (or a study record) asks it: names and regimen strings, not yet resolved. */
export interface PredictRequest {
  victim: string;
  perpetrator: string;
  victimDose?: string;
  perpetratorDose?: string;
  /**
   * Set by `predict` (core/predict.ts) from the substance's everyday usage pattern when no dose is given and the KB
   * has no reference dose; never by the benchmark, whose studies state their doses (REQ-14.3).
   */
  victimUsage?: UsageDose;
  perpetratorUsage?: UsageDose;
  /** False: a dose not given stays not given (the benchmark). Default true. */
  everydayUse?: boolean;
  /** Metabolite or constituent whose exposure is the question. */
  analyte?: string;
  model?: 'static' | 'dynamic' | 'anchored';
  /** Hours after the first perpetrator dose at which the victim is given. */
  victimAt?: number;
  /** The victim's route when no victim dose is given (a route written in `victimDose` wins). */
  victimRoute?: Route;
  weightKg?: number;
  /** The victim's phenotype per enzyme (e.g. { cyp2d6: 'PM' }), for a person or study population of known genotype. */
  phenotypes?: Record<string, Phenotype>;
}

/** A dose as used: the parsed regimen, its text, and where it came from (`user`, a KB source id, or `none`). */
export interface DoseChoice {
  regimen: Regimen | undefined;
  text: string;
  source: string;
  /** True when the user gave no dose and the KB's reference dose stands in. */
  defaulted: boolean;
  /** Set when the route came from the request, apart from the dose (the text then carries it). */
  routeOverride?: Route;
  /** Set when the substance's everyday usage pattern stands in (a joint of cannabis), not a reference dose. */
  pattern?: UsageDose;
}

/**
 * Everything a model needs to know about the question, resolved once at the edge: substances (products expanded to
 * their constituents at the perpetrator's regimen), parsed regimens with their provenance, the victim dose time,
 * body weight and species. Nothing below this re-resolves a name or re-parses a regimen.
 */
export interface Scenario {
  victim: Substance;
  perpetrator: Substance;
  /** The compound whose exposure is the question: the victim, one of its constituents, or a metabolite. */
  analyte: Substance;
  victimDose: DoseChoice;
  perpetratorDose: DoseChoice;
  /** Victim dose time in h after the perpetrator's first dose, when the request gives it. */
  victimAtH: number | undefined;
  weightKg: number;
  /** False when the default adult weight stands in. */
  weightGiven: boolean;
  species: 'human';
  /** Perpetrator compounds with their dose per administration at `perpetratorDose` (products expanded). */
  perpetratorCompounds: CompoundDose[];
  /** Only a swallowed victim dose meets the gut wall and the liver on first pass. */
  victimRoute: 'oral' | 'iv';
  /** The analyte is a metabolite of the victim (not one of its constituents). */
  metaboliteQuestion: boolean;
  model: 'static' | 'dynamic' | 'anchored' | undefined;
  /** Phenotypes of the victim by enzyme id; empty = the reference (normal) phenotype everywhere. */
  phenotypes: Record<string, Phenotype>;
}

/** Default body weight (kg) of an adult when the question gives none (the reference adult of MODEL.md §1.5). */
export const DEFAULT_WEIGHT_KG = 70;

/**
 * The dose a question uses: the one given, else the KB's reference dose, else the everyday usage pattern the caller
 * resolved (cannabis: a joint, 0.32 g inhaled — the dose `check` and `explain` use by default).
 */
function doseChoice(s: Substance, given: string | undefined, field: string, usage: UsageDose | undefined): DoseChoice {
  if (given !== undefined) return { regimen: parseRegimen(given, field), text: given, source: 'user', defaulted: false };
  if (s.usualDose) return { regimen: parseRegimen(s.usualDose.regimen, `${field} (KB usual dose of ${s.name})`), text: s.usualDose.regimen, source: s.usualDose.source, defaulted: true };
  if (usage) return { regimen: parseRegimen(usage.regimen, `${field} (everyday use of ${s.name}: ${usage.name})`), text: usage.regimen, source: usage.sources[0] ?? 'none', defaulted: true, pattern: usage };
  return { regimen: undefined, text: 'not given', source: 'none', defaulted: false };
}

/**
 * A route given apart from the dose (a study whose IV arm's amount is unknown) applies to the reference dose that
 * stands in, even when the KB's reference dose names another route; a route written in the asked dose itself wins.
 */
function withRoute(d: DoseChoice, route: Route | undefined): DoseChoice {
  if (!route || (d.regimen?.routeGiven && !d.defaulted)) return d;
  if (!d.regimen) return { ...d, text: `${d.text} (${route})`, routeOverride: route };
  if (d.regimen.route === route) return d;
  const r = d.regimen;
  const text = [`${r.amount} ${r.unit}`, route, r.intervalH ? r.frequency : '', r.durationD ? `${r.durationD}d` : ''].filter(Boolean).join(' ');
  return { ...d, regimen: { ...r, route, routeGiven: true, text }, text, routeOverride: route };
}

/** Pick the constituent whose exposure answers the question: the analyte, else the main one with PK data. */
function chooseAnalyte(kb: KbIndex, victim: Substance, analyte: string | undefined): Substance {
  if (analyte) return resolveSubstance(kb, analyte, 'analyte');
  const comps = expandToCompounds(kb, victim.id, undefined, DEFAULT_WEIGHT_KG);
  const withFm = comps.filter((c) => fmScenarios(kb, c.compoundId).scenarios.length > 0);
  const pool = withFm.length ? withFm : comps;
  pool.sort((a, b) => b.weight - a.weight);
  return kb.substance(pool[0]!.compoundId)!;
}

/** Resolve and check a prediction request once; every input error names its field. */
export function buildScenario(kb: KbIndex, req: PredictRequest): Scenario {
  const weightKg = req.weightKg ?? DEFAULT_WEIGHT_KG;
  if (!(weightKg > 0 && weightKg < MAX_WEIGHT_KG))
    fail('INPUT_INVALID', { field: 'weight', problem: `${weightKg} kg is not a plausible body weight (0–${MAX_WEIGHT_KG} kg)` }, { field: 'weight' });
  const victim = resolveSubstance(kb, req.victim, 'victim');
  const perpetrator = resolveSubstance(kb, req.perpetrator, 'perpetrator');
  if (victim.id === perpetrator.id)
    fail('INPUT_SAME_SUBSTANCE', { field: 'perpetrator', problem: `'${req.perpetrator}' is the same substance as the victim` }, { field: 'perpetrator' });
  if (req.victimAt !== undefined && !(req.victimAt >= 0 && req.victimAt <= MAX_VICTIM_AT_H))
    fail('INPUT_INVALID', { field: 'victimAt', problem: `${req.victimAt} h must be between 0 and ${MAX_VICTIM_AT_H}` }, { field: 'victimAt' });
  const victimDose = withRoute(doseChoice(victim, req.victimDose, 'victimDose', req.victimUsage), req.victimRoute);
  const perpetratorDose = doseChoice(perpetrator, req.perpetratorDose, 'perpetratorDose', req.perpetratorUsage);
  const analyte = chooseAnalyte(kb, victim, req.analyte);
  return {
    victim,
    perpetrator,
    analyte,
    victimDose,
    perpetratorDose,
    victimAtH: req.victimAt,
    weightKg,
    weightGiven: req.weightKg !== undefined,
    species: 'human',
    perpetratorCompounds: expandToCompounds(kb, perpetrator.id, perpetratorDose.regimen, weightKg),
    victimRoute: (victimDose.regimen?.route ?? victimDose.routeOverride ?? 'po') !== 'po' ? 'iv' : 'oral',
    metaboliteQuestion: analyte.id !== victim.id && withConstituents(kb, victim.id).every((x) => x !== analyte.id),
    model: req.model,
    phenotypes: checkPhenotypes(req.phenotypes ?? {}),
  };
}

/** Phenotypes keyed by enzyme id (case-insensitive), each one the KB's table has a multiplier for. */
function checkPhenotypes(given: Record<string, Phenotype>): Record<string, Phenotype> {
  const out: Record<string, Phenotype> = {};
  for (const [k, ph] of Object.entries(given)) {
    const enzyme = k.toLowerCase();
    if (PHENOTYPE_MULTIPLIERS[enzyme]?.[ph] === undefined)
      fail('INPUT_BAD_PHENOTYPE', { text: `${k}=${ph}`, phenotypes: PHENOTYPES }, { field: `phenotypes.${k}`, known: Object.keys(PHENOTYPE_MULTIPLIERS) });
    out[enzyme] = ph;
  }
  return out;
}
