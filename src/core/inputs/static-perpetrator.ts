import type { CompoundDose } from '../kb/constituents.js';
import type { KbIndex } from '../kb/kb-index.js';
import type { Relation, Substance } from '../kb/types.js';
import { kaFromTmax, peakPerUnitDose } from '../models/one-compartment.js';
import {
  DEFAULT_KA_PER_H,
  onsetFraction,
  type ConcentrationOption,
  type EnzymeEffect,
  type PerpetratorInput,
  type Physiology,
} from '../models/static/static-ddi.js';
import { asPerHour } from '../units/branded.js';
import { statement, type Statement } from '../schema/statement.js';
import { cmaxAtDose, ENZYME_EFFECT_ACTIONS, perpetratorEffects, pkValue, type ParamUse } from './pk-inputs.js';
import type { Scenario } from './scenario.js';
import type { StaticVictimInputs } from './static-victim.js';
import { perpetratorTransporterEffects, transportersOf } from './static-transport.js';

/** A label's or the FDA table's classification of a perpetrator at an enzyme (qualitative, not a model input). */
export interface ClinicalClassNote {
  substance: string;
  enzyme: string;
  action: string;
  clinicalClass: 'strong' | 'moderate' | 'weak';
  sources: string[];
}

export interface StaticPerpetratorInputs {
  perpetrators: PerpetratorInput[];
  /** Alternative constants per perpetrator (by input name) and enzyme, for the uncertainty range. */
  alternatives: Record<string, Record<string, EnzymeEffect[]>>;
  relations: Relation[];
  clinicalClasses: ClinicalClassNote[];
  compounds: string[];
  parameters: ParamUse[];
  notes: Statement[];
  missing: Statement[];
  sources: string[];
}

/** Hepatic CYP3A4 turnover (1/h, Yang et al. 2008 via ddir), used for an enzyme the KB gives no kdeg: an assumption. */
const FALLBACK_KDEG_PER_H = 0.0193;

type PerpCompound = CompoundDose & { systemic?: boolean; parent?: string };

/**
 * Perpetrator compounds (products expanded; circulating inhibitory metabolites added, with Cmax per dose of their
 * parent) with their concentrations, constants and enzyme-turnover onset at the scenario's regimen.
 */
export function staticPerpetratorInputs(
  kb: KbIndex,
  sc: Scenario,
  victim: StaticVictimInputs,
  phys: Physiology,
  option: ConcentrationOption,
  timeCourse: boolean,
  gutSolubilityCap: boolean = GUT_SOLUBILITY_CAP,
): StaticPerpetratorInputs {
  const out: StaticPerpetratorInputs = { perpetrators: [], alternatives: {}, relations: [], clinicalClasses: [], compounds: [], parameters: [], notes: [], missing: [], sources: [] };
  const victimEnzymes = new Set(victim.fmScenarios.flatMap((s) => Object.keys(s.fm).filter((e) => (s.fm[e] ?? 0) > 0)));
  const compounds = withCirculatingMetabolites(kb, sc.perpetratorCompounds);
  // A product expanded into its constituents (St John's wort → hyperforin) keeps its own clinical class on the
  // answer: the label-level fact stays in view whatever the constituents' data allow.
  if (!compounds.some((c) => c.compoundId === sc.perpetrator.id)) classNotes(kb, sc.perpetrator.id, victimEnzymes, out, false);
  const reg = sc.perpetratorDose.regimen;
  const durationH = reg?.intervalH ? (reg.durationD ?? Infinity) * 24 : 0;
  const victimAtH = sc.victimAtH ?? (Number.isFinite(durationH) ? Math.max(0, durationH - 24) : Infinity);
  for (const c of compounds) {
    // The analyte itself (THC when cannabis is checked against THC) is dose, not a perpetrator of itself.
    if (c.compoundId === sc.analyte.id) continue;
    const eff = perpetratorEffects(kb, c.compoundId);
    classNotes(kb, c.compoundId, victimEnzymes, out, true, Object.keys(eff.effects));
    // Transporter constants at the victim's transporters (MODEL.md §7) make a compound a perpetrator too.
    const tr = victim.transport ? perpetratorTransporterEffects(kb, c.compoundId, sc.analyte, transportersOf(victim.transport)) : undefined;
    const hitsTransporter = tr !== undefined && Object.keys(tr.effects).length > 0;
    const hitsEnzyme = Object.keys(eff.effects).some((e) => victim.fmScenarios.some((s) => (s.fm[e] ?? 0) > 0));
    if (!hitsEnzyme && !hitsTransporter) continue;
    const input = compoundInput(kb, sc, c, eff.effects, option, out, gutSolubilityCap);
    if (!input) continue;
    if (hitsTransporter) {
      input.transporters = tr.effects;
      out.parameters.push(...tr.used);
      out.sources.push(...tr.used.map((u) => u.source));
      out.relations.push(...tr.relations);
    }
    out.parameters.push(...eff.used);
    // Incubation-binding notes only for the enzymes this victim depends on.
    const bindingNotes = [...victimEnzymes].flatMap((e) => eff.notes[e] ?? []);
    out.notes.push(...bindingNotes);
    out.sources.push(...eff.used.map((u) => u.source), ...bindingNotes.flatMap((n) => n.sources));
    out.relations.push(...eff.relations);
    out.alternatives[input.name] = eff.alternatives;
    if (timeCourse) {
      Object.assign(input, enzymeOnset(kb, sc, c, input, eff.effects, phys, victimAtH, out));
      transporterOnset(kb, sc, c, input, phys, victimAtH, out);
    }
    out.perpetrators.push(input);
    out.compounds.push(c.compoundId);
  }
  return out;
}

/** Circulating metabolites that inhibit (norfluoxetine, hydroxyitraconazole) act alongside their parent. */
function withCirculatingMetabolites(kb: KbIndex, comps: CompoundDose[]): PerpCompound[] {
  const all: PerpCompound[] = [...comps];
  for (const c of comps)
    for (const m of kb.substance(c.compoundId)?.metabolites ?? [])
      if (kb.substance(m.substance) && !all.some((x) => x.compoundId === m.substance))
        all.push({ ...c, compoundId: m.substance, name: kb.substance(m.substance)!.name, path: [...c.path, m.substance], systemic: true, parent: c.compoundId, basis: `circulating metabolite of ${c.name}; Cmax per dose of ${c.name}` });
  return all;
}

/**
 * Clinical classes of a compound at the victim's enzymes, and (for compounds) effects the KB records without a
 * constant: the effect is known to exist, its size is not. Never read that as "no interaction".
 */
function classNotes(kb: KbIndex, id: string, victimEnzymes: Set<string>, out: StaticPerpetratorInputs, compound: boolean, withConstants: string[] = []): void {
  for (const r of kb.relationsOf(id)) {
    if (!ENZYME_EFFECT_ACTIONS.has(r.action) || !victimEnzymes.has(r.object)) continue;
    if (r.clinicalClass) out.clinicalClasses.push({ substance: id, enzyme: r.object, action: r.action, clinicalClass: r.clinicalClass, sources: r.sources });
    if (!compound) {
      if (r.clinicalClass) out.sources.push(...r.sources);
      continue;
    }
    if (withConstants.includes(r.object)) continue;
    out.missing.push(
      statement('MISSING_CONSTANTS', 'missing', {
        induction: r.action === 'inducer',
        compound: kb.substance(id)?.name ?? id,
        enzyme: kb.target(r.object)?.name ?? r.object,
        clinicalClass: r.clinicalClass ?? null,
      }),
    );
    out.sources.push(...r.sources);
  }
}

/** Concentrations and absorption of one perpetrator compound at the regimen; undefined (with a missing note) if the KB cannot give them. */
/**
 * Whether the static model caps an oral perpetrator's gut concentrations at its aqueous solubility (issue 12 §6).
 * Off: settled on the benchmark's tune split (docs/model-choices.md), where the cap moved nothing beyond noise (GMFE
 * 1.5759 → 1.5763) — the poorly soluble perpetrators with a recorded solubility (itraconazole, ketoconazole,
 * atazanavir, ritonavir) dissolve in the stomach or come as enabling formulations, so an equilibrium solubility at
 * intestinal pH understates what the gut wall sees.
 */
export const GUT_SOLUBILITY_CAP: boolean = false;

function compoundInput(kb: KbIndex, sc: Scenario, c: PerpCompound, enzymes: Record<string, EnzymeEffect>, option: ConcentrationOption, out: StaticPerpetratorInputs, gutSolubilityCap: boolean): PerpetratorInput | undefined {
  const s = kb.substance(c.compoundId)!;
  const reg = sc.perpetratorDose.regimen;
  const name = c.compoundId === sc.perpetrator.id ? s.name : `${s.name} (${c.systemic ? `metabolite of ${kb.substance(c.parent!)?.name}` : `from ${sc.perpetrator.name}`})`;
  const miss = (code: string, params: Record<string, string>): undefined => void out.missing.push(statement(code, 'missing', params));
  if (c.doseMg === undefined) return reg ? miss('MISSING_CONTENT', { compound: s.name, product: sc.perpetrator.name }) : miss('MISSING_DOSE', { product: sc.perpetrator.name });
  if (!s.mw) return miss('MISSING_MW', { compound: s.name });
  const ex = cmaxAtDose(kb, c.compoundId, c.doseMg, reg?.intervalH ?? null, sc.weightKg, 'human', reg?.route);
  const fuQ = pkValue(kb, c.compoundId, 'fu');
  if (!ex) return miss('MISSING_CMAX', { compound: s.name });
  if (!fuQ) return miss('MISSING_FU', { compound: s.name });
  const note = (code: string, params: Record<string, string | number> = {}): void => void out.notes.push(statement(code, 'assumption', { compound: s.name, ...params }));
  const systemicRoute = reg !== undefined && !['po', 'iv'].includes(reg.route);
  if (systemicRoute) note('ASSUME_ROUTE_SYSTEMIC', { route: reg!.route });
  if (ex.otherRoute) note('ASSUME_EXPOSURE_OTHER_ROUTE', { note: ex.note.split('; ').pop()! });
  const ka = pkValue(kb, c.compoundId, 'ka');
  const rb = pkValue(kb, c.compoundId, 'rb');
  // Without a reported ka, the observed tmax and t½ pin one down (one compartment); the FDA default 6 /h is the last
  // resort, and a conservative one: it maximises the gut and inlet concentrations.
  const tmaxQ = ex.profile.tmax ?? pkValue(kb, c.compoundId, 'tmax');
  const hl = ex.profile.halfLife ?? pkValue(kb, c.compoundId, 'halfLife');
  const kaFromT = !ka && tmaxQ && hl ? kaFromTmax(tmaxQ.value, Math.LN2 / hl.value) : undefined;
  if (!ka && kaFromT) note('ASSUME_KA_FROM_TMAX', { ka: kaFromT, tmax: tmaxQ!.value, halfLife: hl!.value });
  else if (!ka) note('ASSUME_KA_DEFAULT');
  if (!rb) note('ASSUME_RB_ONE');
  if (fuQ.value < 0.01) note('ASSUME_FU_FLOOR', { fu: fuQ.value });
  out.parameters.push(
    { substance: c.compoundId, name: 'dose per administration', value: c.doseMg, unit: 'mg', source: sc.perpetratorDose.source, verified: true, assumption: false, note: c.basis },
    { substance: c.compoundId, name: 'Cmax (total, at this regimen)', value: ex.cmaxUM, unit: 'µM', source: ex.profile.cmax!.source, verified: ex.profile.cmax!.verified, assumption: false, note: ex.note },
    { substance: c.compoundId, name: 'fu,p', value: fuQ.value, unit: 'fraction', source: fuQ.source, verified: fuQ.verified, assumption: false },
  );
  if (ka) out.parameters.push({ substance: c.compoundId, name: 'ka', value: ka.value, unit: '1/h', source: ka.source, verified: ka.verified, assumption: false });
  if (option === 'average_u' && ex.cavUM !== undefined)
    out.parameters.push({ substance: c.compoundId, name: 'Cav,ss (total, at this regimen)', value: ex.cavUM, unit: 'µM', source: ex.profile.auc?.source ?? ex.profile.cmax!.source, verified: false, assumption: false, note: ex.cavNote });
  else if (option === 'average_u') note('ASSUME_CAV_FROM_PEAK');
  out.sources.push(ex.profile.cmax!.source, fuQ.source);
  // Issue 12 §6: an oral dose's gut concentrations are capped at the compound's aqueous solubility where the KB has it.
  const sol = s.solubility && gutSolubilityCap && c.doseMg !== undefined ? s.solubility : undefined;
  if (sol) {
    out.parameters.push({ substance: c.compoundId, name: 'aqueous solubility (gut cap)', value: sol.value, unit: 'µM', source: sol.source, verified: sol.verified, assumption: false, note: sol.note });
    out.sources.push(sol.source);
    note('NOTE_GUT_SOLUBILITY_CAP', { solubility: sol.value });
  }
  return {
    ...(sol ? { solubilityUM: sol.value } : {}),
    name,
    route: c.systemic || systemicRoute ? 'systemic' : reg?.route === 'iv' ? 'iv' : 'oral',
    doseUmol: (c.doseMg * 1000) / s.mw.value,
    cmaxUM: ex.cmaxUM,
    cavUM: ex.cavUM,
    // Regulatory basic models floor fu,p at 0.01 (MODEL.md §1.1).
    fuP: Math.max(fuQ.value, 0.01),
    rb: rb?.value,
    fa: pkValue(kb, c.compoundId, 'fa')?.value,
    fg: pkValue(kb, c.compoundId, 'fg')?.value,
    kaPerH: asPerHour(ka?.value ?? kaFromT ?? DEFAULT_KA_PER_H), // ka from a converted KB quantity (1/h) or tmax
    enzymes,
  };
}

/**
 * How long the victim's exposure meets the perpetrator's effect on turnover (`tEff`: the victim's dose time plus its
 * elimination, at most 48 h), and how long one dose of the perpetrator stays near its peak (`single`: AUC/Cmax of one
 * dose; ∞ for repeated dosing).
 */
function exposureHours(kb: KbIndex, sc: Scenario, c: PerpCompound, input: PerpetratorInput, victimAtH: number): { tEff: number; single: number } {
  const victimHalfLife = pkValue(kb, sc.analyte.id, 'halfLife')?.value;
  const tEff = victimAtH + Math.min(48, (victimHalfLife ?? 6) / Math.LN2);
  const perpHl = pkValue(kb, c.compoundId, 'halfLife');
  const perpK = perpHl ? Math.LN2 / perpHl.value : undefined;
  const single = !sc.perpetratorDose.regimen?.intervalH && perpK ? 1 / (perpK * peakPerUnitDose(input.kaPerH ?? DEFAULT_KA_PER_H, perpK, null)) : Infinity;
  return { tEff, single };
}

/**
 * A transporter's induced expression builds with its turnover like an enzyme's (the KB has no transporter turnover:
 * the hepatic CYP3A4 value stands in, said so), so a short regimen or a single dose meets part of it.
 */
function transporterOnset(kb: KbIndex, sc: Scenario, c: PerpCompound, input: PerpetratorInput, phys: Physiology, victimAtH: number, out: StaticPerpetratorInputs): void {
  if (!input.transporters) return;
  const { tEff, single } = exposureHours(kb, sc, c, input, victimAtH);
  if (!Number.isFinite(tEff)) return;
  for (const [t, e] of Object.entries(input.transporters)) {
    if (!e.induction) continue;
    const kdeg = phys.kdegLiverPerH[t];
    if (kdeg === undefined) out.notes.push(statement('ASSUME_KDEG_FALLBACK', 'assumption', { enzyme: kb.target(t)?.name ?? t, kdeg: FALLBACK_KDEG_PER_H }));
    input.transporters[t] = { ...e, induction: { ...e.induction, onset: onsetFraction(kdeg ?? FALLBACK_KDEG_PER_H, Math.min(tEff, single)) } };
  }
}

/**
 * Enzyme turnover: a short regimen has not reached the steady-state TDI or induction effect. Induction builds at
 * kdeg; inactivation at kdeg + kobs, which the static model computes from the exposure time (tdiTimeH). One dose of
 * an inactivator does not stay at its peak: the enzyme sees the equivalent of the peak for AUC/Cmax hours (one
 * compartment), after which it recovers; repeated dosing keeps it there.
 */
function enzymeOnset(
  kb: KbIndex,
  sc: Scenario,
  c: PerpCompound,
  input: PerpetratorInput,
  enzymes: Record<string, EnzymeEffect>,
  phys: Physiology,
  victimAtH: number,
  out: StaticPerpetratorInputs,
): Pick<PerpetratorInput, 'inductionOnset' | 'tdiTimeH'> {
  const s: Substance = kb.substance(c.compoundId)!;
  const inductionOnset: Record<string, number> = {};
  const { tEff, single } = exposureHours(kb, sc, c, input, victimAtH);
  if (!Number.isFinite(tEff)) return { inductionOnset };
  let tdiTimeH: number | undefined;
  for (const [e, x] of Object.entries(enzymes)) {
    const kdeg = phys.kdegLiverPerH[e];
    const enzyme = kb.target(e)?.name ?? e;
    if (x.emaxFold !== undefined) {
      if (kdeg === undefined) out.notes.push(statement('ASSUME_KDEG_FALLBACK', 'assumption', { enzyme, kdeg: FALLBACK_KDEG_PER_H }));
      // A single dose drives induction only while it is there (about AUC/Cmax hours), as for inactivation below: one
      // 600 mg rifampicin dose does not build days of enzyme (issue 12 §7, settled on tune in docs/model-choices.md).
      inductionOnset[e] = onsetFraction(kdeg ?? FALLBACK_KDEG_PER_H, Math.min(tEff, single));
    }
    const inactivates = x.KIuM !== undefined || x.kinactOverKIPerHPerUM !== undefined;
    // The static model needs the enzyme's turnover to size inactivation; without it the term is left out, and said so.
    if (inactivates && kdeg === undefined) out.missing.push(statement('MISSING_KDEG', 'missing', { compound: s.name, enzyme }));
    if (inactivates) tdiTimeH = Math.min(tEff, single);
  }
  if (tdiTimeH !== undefined && single < tEff) out.notes.push(statement('ASSUME_TDI_SINGLE_DOSE', 'assumption', { compound: s.name, hours: single }));
  return { inductionOnset, tdiTimeH };
}
