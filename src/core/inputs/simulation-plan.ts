/**
 * From what a user writes ("kratom:2 g qd 7d", species, body weight) to a simulation request:
 * regimen parsing and plant/product → compound expansion use the engine's shared functions
 * (src/core/units/parse-regimen, src/core/kb/constituents); drug parameters come from `drugFromKb`.
 * Compounds of a product without simulation data are skipped with a note, never guessed.
 */
import { CrosstalkError, fail } from '../errors.js';
import { expandToCompounds } from '../kb/constituents.js';
import type { KbIndex } from '../kb/kb-index.js';
import { doseTimesH, parseRegimen, type Regimen } from '../units/parse-regimen.js';
import { drugFromKb, enzymeTurnoverFromKb, type DrugOverrides } from './sim-drug.js';
import { DEFAULT_KDEG_LIVER_PER_H, physiologyFor, type UsedParameter } from './physiology.js';
import type { SubstanceGroup } from '../models/dynamic/interaction.js';
import type { DoseEvent, DrugParams, Physiology, SimRoute, Species } from '../models/dynamic/types.js';
import { MAX_SIM_DAYS, MAX_SIM_WEIGHT_KG } from '../limits.js';
import { asMilligrams } from '../units/branded.js';

/** A run ends one dosing interval after the last dose, and at most this long after it (h). */
const MAX_TAIL_AFTER_LAST_DOSE_H = 24;
/** A single dose (no interval, no --days) is followed for 48 h (assumption: enough for most Cmax and AUC). */
const SINGLE_DOSE_HORIZON_H = 48;

export interface PlanItem {
  substance: string;
  regimen: string;
  /** Time of the first dose (h), e.g. 0.5 for "30 min after". */
  startH?: number;
}

export interface SimulationPlan {
  drugs: DrugParams[];
  physiology: Physiology;
  groups: SubstanceGroup[];
  doses: DoseEvent[];
  tEndH: number;
  parameters: UsedParameter[];
  notes: string[];
  indirect: boolean;
  regimens: { substance: string; regimen: Regimen; compounds: { id: string; doseMg: number }[] }[];
}

/** Parse "substance:regimen" (the regimen may itself contain colons? no: split at the first colon). */
export function parseItem(text: string, index: number): PlanItem {
  const k = text.indexOf(':');
  if (k <= 0 || k === text.length - 1)
    fail('INPUT_NOT_SIM_ITEM', { field: `substances[${index}]`, text }, { field: `substances[${index}]` });
  return { substance: text.slice(0, k).trim().toLowerCase(), regimen: text.slice(k + 1).trim() };
}

function simRoute(r: Regimen, field: string): SimRoute {
  if (r.route === 'sublingual') return 'oromucosal';
  if (r.route === 'po' || r.route === 'iv' || r.route === 'inhaled' || r.route === 'oromucosal') return r.route;
  fail('INPUT_ROUTE_NOT_SIMULATED', { field, route: r.route }, { field });
}

/**
 * `extra` adds undosed compounds (e.g. a metabolite whose exposure is the question) to the group of
 * the item that forms them; they are simulated only when the KB links them to a dosed compound.
 */
/**
 * `overrides` and `adjustPhysiology` exist for sensitivity analyses (study scenarios): they replace
 * an input before the drug parameters are derived, so each variant stays consistent with the
 * compound's own PK. Every replaced value is listed as an assumption.
 */
export function planSimulation(kb: KbIndex, items: PlanItem[], opts: {
  species: Species; weightKg?: number; days?: number; extra?: { compound: string; group: string }[];
  overrides?: Record<string, DrugOverrides>; adjustPhysiology?: (p: Physiology) => Physiology;
}): SimulationPlan {
  if (items.length === 0) fail('INPUT_REQUIRED', { field: 'substances', how: 'give at least one substance:regimen, e.g. "kratom:2 g qd 7d"' }, { field: 'substances' });
  if (opts.weightKg !== undefined && !(opts.weightKg > 0 && opts.weightKg < MAX_SIM_WEIGHT_KG))
    fail('INPUT_OUT_OF_RANGE', { field: 'weight', value: opts.weightKg, expected: `a body weight in kg (0–${MAX_SIM_WEIGHT_KG})` }, { field: 'weight' });
  if (opts.days !== undefined && !(opts.days > 0 && opts.days <= MAX_SIM_DAYS))
    fail('INPUT_OUT_OF_RANGE', { field: 'days', value: opts.days, expected: `a number of days (0–${MAX_SIM_DAYS})` }, { field: 'days' });
  const base = physiologyFor(opts.species, enzymeTurnoverFromKb(kb), opts.weightKg);
  const physiology = opts.adjustPhysiology ? opts.adjustPhysiology(base.physiology) : base.physiology;
  const used = base.used;
  const notes: string[] = [];
  const regimens: SimulationPlan['regimens'] = [];
  const doses: DoseEvent[] = [];
  const groups: SubstanceGroup[] = [];
  const wanted: string[] = [];
  let lastDoseH = 0, interval = MAX_TAIL_AFTER_LAST_DOSE_H;
  items.forEach((it, k) => {
    const field = `substances[${k}].regimen`;
    if (!kb.substance(it.substance)) {
      const near = kb.allSubstances().map((s) => s.id).filter((id) => id.includes(it.substance.slice(0, 3))).slice(0, 5);
      fail('INPUT_UNKNOWN_SUBSTANCE', { field: `substances[${k}]`, query: it.substance, suggestions: near }, { field: `substances[${k}]`, suggestions: near });
    }
    const r = parseRegimen(it.regimen, field);
    const route = simRoute(r, field);
    const times = doseTimesH(r, opts.days ?? 1).map((t) => t + (it.startH ?? 0));
    lastDoseH = Math.max(lastDoseH, times[times.length - 1]!);
    if (r.intervalH) interval = Math.min(interval, r.intervalH);
    const comps = expandToCompounds(kb, it.substance, r, physiology.bodyWeightKg);
    const withDose = comps.filter((c) => c.doseMg !== undefined && c.doseMg > 0);
    for (const c of comps.filter((c) => !(c.doseMg !== undefined && c.doseMg > 0))) notes.push(`${it.substance}: ${c.compoundId} not simulated (${c.basis})`);
    if (withDose.length === 0)
      fail('SIM_MISSING_PARAMETER', { field, parameter: 'a compound dose', substance: it.substance, why: 'the product content is unknown' }, { field });
    const group: SubstanceGroup = { id: it.substance, compounds: [] };
    regimens.push({ substance: it.substance, regimen: r, compounds: withDose.map((c) => ({ id: c.compoundId, doseMg: c.doseMg! })) });
    for (const c of withDose) {
      group.compounds.push(c.compoundId);
      wanted.push(c.compoundId);
      for (const t of times) doses.push({ drugId: c.compoundId, tH: t, amountMg: asMilligrams(c.doseMg!), route }); // expandToCompounds gives mg
    }
    groups.push(group);
  });
  for (const x of opts.extra ?? []) {
    const g = groups.find((gr) => gr.id === x.group);
    if (!g || wanted.includes(x.compound)) continue;
    if (!kb.substance(x.compound)) fail('INPUT_UNKNOWN_SUBSTANCE', { field: 'analyte', query: x.compound, suggestions: [] }, { field: 'analyte' });
    g.compounds.push(x.compound);
    wanted.push(x.compound);
  }
  const drugs: DrugParams[] = [];
  const parameters: UsedParameter[] = [...used];
  let indirect = false;
  for (const id of [...new Set(wanted)]) {
    try {
      const d = drugFromKb(kb, id, physiology, wanted, opts.overrides?.[id]);
      drugs.push(d.drug);
      parameters.push(...d.used);
      notes.push(...d.warnings);
      indirect ||= d.indirect;
    } catch (e) {
      if (e instanceof CrosstalkError && e.code === 'SIM_MISSING_PARAMETER' && groups.some((g) => g.compounds.length > 1 && g.compounds.includes(id))) {
        notes.push(`${id} not simulated: ${e.message}`);
        for (const g of groups) g.compounds = g.compounds.filter((c) => c !== id);
        for (let i = doses.length - 1; i >= 0; i--) if (doses[i]!.drugId === id) doses.splice(i, 1);
        continue;
      }
      throw e;
    }
  }
  parameters.push(...defaultedTurnover(kb, drugs, physiology));
  // a regimen runs to the end of its last interval; a single dose gets 48 h (or --days)
  const tEndH = opts.days !== undefined ? Math.max(opts.days * 24, lastDoseH + 1) : lastDoseH > 0 ? lastDoseH + interval : SINGLE_DOSE_HORIZON_H;
  return { drugs, physiology, groups: groups.filter((g) => g.compounds.length > 0), doses, tEndH, parameters, notes, indirect, regimens };
}

/**
 * Enzyme turnover the KB does not give but the run needs (a drug inactivates or induces the enzyme): the generic
 * default of enzymeTurnoverFromKb stands in, listed here as an assumption so that no default is silent.
 */
function defaultedTurnover(kb: KbIndex, drugs: readonly DrugParams[], physiology: Physiology): UsedParameter[] {
  const needed = new Set(drugs.flatMap((d) => [...d.inactivates, ...d.induces].map((m) => m.enzyme)));
  return [...needed].filter((e) => kb.target(e)?.kind === 'enzyme' && !kb.target(e)?.kdegLiver).map((e) => ({
    owner: 'physiology', name: `kdeg,liver ${e}`, value: physiology.enzymes[e]?.kdegLiverPerH ?? DEFAULT_KDEG_LIVER_PER_H, unit: '1/h',
    source: 'default: CYP3A4 liver turnover for an enzyme without turnover data (params/physiology.md §C)', assumption: true,
  }));
}

/** The CLI's positional "substance:regimen" arguments. */
export function planItemsFromArgs(args: readonly string[]): PlanItem[] {
  return args.map((a, k) => parseItem(a, k));
}
