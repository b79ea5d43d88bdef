import { averageToPeakRatio, kaFromTmax } from '../models/one-compartment.js';
import type { KbIndex } from '../kb/kb-index.js';
import type { PkProfile, Relation } from '../kb/types.js';
import type { Quantity } from '../schema/quantity.js';
import type { EvidenceLevel } from '../schema/quantity.js';
import { parseRegimen } from '../units/parse-regimen.js';
import { asMicromolar, type Micromolar } from '../units/branded.js';
import type { EnzymeEffect } from '../models/static/static-ddi.js';
import { statement, type Statement } from '../schema/statement.js';
import { FU_INC_DEFAULTS, incubationBinding, type BoundConstant, type IncubationBinding } from './fu-inc.js';

/** A number the model used, with where it came from (shown in every prediction). */
export interface ParamUse {
  substance: string;
  name: string;
  value: number;
  unit: string;
  source: string;
  verified: boolean;
  assumption: boolean;
  derived?: string;
  note?: string;
}

export interface FmScenario {
  source: string;
  fm: Record<string, number>;
  /** Ranges where the source gives one (else the point). */
  fmLow: Record<string, number>;
  fmHigh: Record<string, number>;
  verified: boolean;
  evidence: EvidenceLevel;
}

export interface EnzymeEvidence {
  enzyme: string;
  relations: Relation[];
}

/**
 * Unbound Ki (µM) from one relation record: Ki or IC50/2, made unbound by incubation binding — measured fu,inc when
 * recorded, else (with the KB) predicted from the perpetrator's lipophilicity (fu-inc.ts), else left total and said so.
 */
export function kiUnboundOf(r: Relation, kb?: KbIndex): { value: number; derived?: string; note?: string; q: Quantity; binding?: IncubationBinding } | undefined {
  const q = r.ki ?? r.ic50;
  if (!q) return undefined;
  let v = r.ki ? q.value : q.value / 2;
  let derived: string | undefined = r.ki ? q.derived : 'IC50/2';
  let note: string | undefined;
  if (kb) {
    const binding = bindingOf(kb, r, r.ki ? 'ki' : 'ic50');
    v *= binding.fuInc;
    if (binding.kind === 'measured' || binding.kind === 'predicted') derived = `${derived ? `${derived}, ` : ''}${binding.label}`;
    else if (binding.kind === 'none') note = binding.label;
    return { value: v, derived, note, q, binding };
  }
  if (q.bound !== 'unbound') {
    if (r.fuInc) {
      v *= r.fuInc.value;
      derived = `${derived ? `${derived}, ` : ''}×fu,inc ${r.fuInc.value}`;
    } else note = 'total (not corrected for incubation binding)';
  }
  return { value: v, derived, note, q };
}

/** The incubation-binding correction of one constant, with the engine's default method and protein assumption. */
export function bindingOf(kb: KbIndex, r: Relation, constant: BoundConstant): IncubationBinding {
  return incubationBinding(r, constant, kb.substance(r.subject), FU_INC_DEFAULTS);
}

/** Statements an answer carries for the corrections it rests on: predicted fu,inc, assumed protein, none applied. */
export function bindingNotes(compoundName: string, enzyme: string, bindings: IncubationBinding[]): Statement[] {
  const out: Statement[] = [];
  const predicted = bindings.filter((b) => b.kind === 'predicted');
  if (predicted.length)
    out.push(statement('ASSUME_FUINC_PREDICTED', 'assumption', { compound: compoundName, enzyme, detail: [...new Set(predicted.map((b) => b.label))].join('; '), proteinAssumed: predicted.some((b) => b.proteinAssumed) }, null, [...new Set(predicted.flatMap((b) => b.sources))]));
  const none = bindings.filter((b) => b.kind === 'none');
  if (none.length) out.push(statement('ASSUME_FUINC_NONE', 'assumption', { compound: compoundName, enzyme, reason: [...new Set(none.map((b) => b.reason ?? ''))].join('; ') }));
  return out;
}

function geomean(xs: number[]): number {
  return Math.exp(xs.reduce((a, x) => a + Math.log(x), 0) / xs.length);
}

/** Prefer human measurements; keep animal ones only when there is nothing else. */
function preferHuman(rs: Relation[]): Relation[] {
  const h = rs.filter((r) => r.species === 'human');
  return h.length > 0 ? h : rs;
}

export interface PerpetratorParams {
  effects: Record<string, EnzymeEffect>;
  /** Alternative values per enzyme from each source, for the uncertainty range. */
  alternatives: Record<string, EnzymeEffect[]>;
  relations: Relation[];
  used: ParamUse[];
  /** Assumption statements the constants rest on (incubation binding predicted, or not corrected and why), per enzyme. */
  notes: Record<string, Statement[]>;
}

/** What one enzyme's constants are gathered into: the effect, its per-source alternatives, the records and values used. */
interface EffectAccumulator {
  kb: KbIndex;
  compoundId: string;
  enzyme: string;
  e: EnzymeEffect;
  alts: EnzymeEffect[];
  used: ParamUse[];
  relations: Relation[];
  notes: Statement[];
}

/** Reversible inhibition: geometric mean of the records' unbound Ki; each record is an alternative. */
function addReversible(acc: EffectAccumulator, rs: Relation[]): void {
  const kis = rs.map((r) => ({ r, k: kiUnboundOf(r, acc.kb) })).filter((x) => x.k);
  if (!kis.length) return;
  acc.e.kiUM = geomean(kis.map((x) => x.k!.value));
  acc.notes.push(...bindingNotes(nameOf(acc), enzymeNameOf(acc), kis.map((x) => x.k!.binding!)));
  for (const x of kis) {
    acc.alts.push({ kiUM: x.k!.value });
    acc.relations.push(x.r);
    acc.used.push({
      substance: acc.compoundId,
      name: `Ki,u ${acc.enzyme}`,
      value: x.k!.value,
      unit: 'µM',
      source: x.k!.q.source,
      verified: x.k!.q.verified,
      assumption: false,
      derived: x.k!.derived,
      note: [x.k!.note, x.r.system, x.r.probe].filter(Boolean).join('; ') || undefined,
    });
  }
}

/**
 * Time-dependent inactivation in the liver: saturable (KI × fu,inc when total, kinact) when any record gives
 * both, else linear (kinact/KI). Gut-specific constants (intestinal microsomes) are kept apart.
 */
function addInactivation(acc: EffectAccumulator, rs: Relation[]): void {
  const { compoundId, enzyme, e } = acc;
  const tdis = rs.filter((r) => r.action === 'tdi');
  const liverTdi = tdis.filter((r) => r.site !== 'gut');
  const gutTdi = tdis.filter((r) => r.site === 'gut');
  const pairs = liverTdi.filter((r) => r.KI && r.kinact);
  if (pairs.length) {
    const bound = pairs.map((r) => bindingOf(acc.kb, r, 'KI'));
    e.KIuM = geomean(pairs.map((r, i) => r.KI!.value * bound[i]!.fuInc));
    e.kinactPerH = geomean(pairs.map((r) => r.kinact!.value));
    acc.notes.push(...bindingNotes(nameOf(acc), enzymeNameOf(acc), bound));
    for (const [i, r] of pairs.entries()) {
      const b = bound[i]!;
      acc.relations.push(r);
      acc.alts.push({ KIuM: r.KI!.value * b.fuInc, kinactPerH: r.kinact!.value });
      acc.used.push({ substance: compoundId, name: `KI,u ${enzyme}`, value: r.KI!.value * b.fuInc, unit: 'µM', source: r.KI!.source, verified: r.KI!.verified, assumption: false, derived: b.kind === 'measured' || b.kind === 'predicted' ? `KI ${r.KI!.value} µM ${b.label}` : undefined, note: [b.kind === 'none' ? b.label : undefined, r.system].filter(Boolean).join('; ') || undefined });
      acc.used.push({ substance: compoundId, name: `kinact ${enzyme}`, value: r.kinact!.value, unit: '1/h', source: r.kinact!.source, verified: r.kinact!.verified, assumption: false });
    }
  } else {
    const lin = liverTdi.filter((r) => r.kinactOverKI);
    if (lin.length) {
      // kinact/KI,u = (kinact/KI) / fu,inc: a smaller unbound KI is a larger efficiency.
      const bound = lin.map((r) => bindingOf(acc.kb, r, 'kinactOverKI'));
      const ratios = lin.map((r, i) => r.kinactOverKI!.value / bound[i]!.fuInc);
      e.kinactOverKIPerHPerUM = geomean(ratios);
      acc.notes.push(...bindingNotes(nameOf(acc), enzymeNameOf(acc), bound));
      for (const [i, r] of lin.entries()) {
        const b = bound[i]!;
        acc.relations.push(r);
        acc.alts.push({ kinactOverKIPerHPerUM: ratios[i]! });
        acc.used.push({ substance: compoundId, name: `kinact/KI,u ${enzyme}`, value: ratios[i]!, unit: '1/(h·µM)', source: r.kinactOverKI!.source, verified: r.kinactOverKI!.verified, assumption: false, derived: b.kind === 'measured' || b.kind === 'predicted' ? `linearTDI; kinact/KI ${r.kinactOverKI!.value} ÷ fu,inc (${b.label})` : 'linearTDI', note: b.kind === 'none' ? b.label : undefined });
      }
    }
  }
  const gp = gutTdi.filter((r) => r.KI && r.kinact);
  if (gp.length) {
    const bound = gp.map((r) => bindingOf(acc.kb, r, 'KI'));
    e.KIGutUM = geomean(gp.map((r, i) => r.KI!.value * bound[i]!.fuInc));
    acc.notes.push(...bindingNotes(nameOf(acc), enzymeNameOf(acc), bound));
    e.kinactGutPerH = geomean(gp.map((r) => r.kinact!.value));
    acc.relations.push(...gp);
  }
}

/** Induction: geometric means of Emax (fold) and EC50 over records that give both. */
function addInduction(acc: EffectAccumulator, rs: Relation[]): void {
  const { compoundId, enzyme, e } = acc;
  const ind = rs.filter((r) => r.action === 'inducer' && r.emaxFold && r.ec50);
  if (!ind.length) return;
  e.emaxFold = geomean(ind.map((r) => r.emaxFold!.value));
  e.ec50UM = geomean(ind.map((r) => r.ec50!.value));
  for (const r of ind) {
    acc.relations.push(r);
    acc.alts.push({ emaxFold: r.emaxFold!.value, ec50UM: r.ec50!.value });
    acc.used.push({ substance: compoundId, name: `induction ${enzyme} Emax (fold)`, value: r.emaxFold!.value, unit: 'fold', source: r.emaxFold!.source, verified: r.emaxFold!.verified, assumption: false });
    acc.used.push({ substance: compoundId, name: `induction ${enzyme} EC50,u`, value: r.ec50!.value, unit: 'µM', source: r.ec50!.source, verified: r.ec50!.verified, assumption: false });
  }
}

/** Relation actions by which a perpetrator changes an enzyme's activity (reversible, time-dependent, induction). */
export const ENZYME_EFFECT_ACTIONS: ReadonlySet<string> = new Set(['inhibitor', 'tdi', 'inducer']);

/**
 * The enzymes the given compounds or their recorded metabolites (which circulate with them) are recorded to inhibit,
 * inactivate or induce — whether or not a constant quantifies it. One reading for every model that asks "does the
 * perpetrator touch this pathway at all?" (the anchored model's unaffected pathways, the static model's transport-only guard).
 */
export function enzymesActedOn(kb: KbIndex, ids: readonly string[]): Set<string> {
  const all = new Set(ids);
  for (const id of ids) for (const m of kb.substance(id)?.metabolites ?? []) all.add(m.substance);
  const out = new Set<string>();
  for (const id of all) for (const r of kb.relationsOf(id)) if (ENZYME_EFFECT_ACTIONS.has(r.action)) out.add(r.object);
  return out;
}

/** Inhibition, inactivation and induction constants of one compound, per enzyme. */
export function perpetratorEffects(kb: KbIndex, compoundId: string): PerpetratorParams {
  const rels = kb.relationsOf(compoundId).filter((r) => ENZYME_EFFECT_ACTIONS.has(r.action));
  const byEnzyme = new Map<string, Relation[]>();
  for (const r of rels) {
    const t = kb.target(r.object);
    if (!t || t.kind !== 'enzyme') continue;
    byEnzyme.set(r.object, [...(byEnzyme.get(r.object) ?? []), r]);
  }
  const effects: Record<string, EnzymeEffect> = {};
  const alternatives: Record<string, EnzymeEffect[]> = {};
  const used: ParamUse[] = [];
  const relations: Relation[] = [];
  const notes: Record<string, Statement[]> = {};
  for (const [enzyme, list] of byEnzyme) {
    const rs = preferHuman(list);
    const acc: EffectAccumulator = { kb, compoundId, enzyme, e: {}, alts: [], used, relations, notes: (notes[enzyme] = []) };
    addReversible(acc, rs);
    addInactivation(acc, rs);
    addInduction(acc, rs);
    if (Object.keys(acc.e).length) {
      effects[enzyme] = acc.e;
      alternatives[enzyme] = acc.alts;
    }
  }
  return { effects, alternatives, relations, used, notes };
}

const nameOf = (acc: EffectAccumulator): string => acc.kb.substance(acc.compoundId)?.name ?? acc.compoundId;
const enzymeNameOf = (acc: EffectAccumulator): string => acc.kb.target(acc.enzyme)?.name ?? acc.enzyme;

/** The victim's fm per enzyme, one scenario per source (sources that disagree stay apart). */
export function fmScenarios(kb: KbIndex, compoundId: string): { scenarios: FmScenario[]; relations: Relation[] } {
  const all = preferHuman(kb.relationsOf(compoundId).filter((r) => r.action === 'substrate' && r.fm));
  const pm = all.filter(isPoorMetaboliserFm);
  const other = all.filter((r) => !isPoorMetaboliserFm(r));
  if (!pm.length || !other.length) return fmScenariosOf(all);
  // Estimates (in vitro, mass balance, labels, assumptions) give the point; a poor-metaboliser fm, a lower bound,
  // raises it where it is higher and adds enzymes the estimates do not name.
  const floor = new Map<string, { value: number; low: number }>();
  for (const r of pm) {
    const f = floor.get(r.object);
    if (!f || r.fm!.value > f.value) floor.set(r.object, { value: r.fm!.value, low: r.fm!.low ?? r.fm!.value });
  }
  const { scenarios } = fmScenariosOf(other);
  const raised = scenarios.map((sc) => {
    const out: FmScenario = { ...sc, fm: { ...sc.fm }, fmLow: { ...sc.fmLow }, fmHigh: { ...sc.fmHigh } };
    const fixed = new Set<string>();
    for (const [e, f] of floor) {
      if ((out.fm[e] ?? 0) >= f.value) continue;
      out.fm[e] = f.value;
      out.fmLow[e] = Math.max(out.fmLow[e] ?? 0, f.low);
      out.fmHigh[e] = Math.max(out.fmHigh[e] ?? f.value, f.value);
      fixed.add(e);
    }
    shrinkOthersToOne(out, fixed);
    return out;
  });
  return { scenarios: raised, relations: all };
}

/** Keep Σ fm ≤ 1: the enzymes in `fixed` keep their values, the others shrink in proportion (with their ranges). */
function shrinkOthersToOne(out: FmScenario, fixed: ReadonlySet<string>): void {
  const total = Object.values(out.fm).reduce((a, b) => a + b, 0);
  if (total <= 1) return;
  const fixedSum = [...fixed].reduce((a, e) => a + (out.fm[e] ?? 0), 0);
  const rest = Object.keys(out.fm).filter((e) => !fixed.has(e));
  const restSum = rest.reduce((a, e) => a + out.fm[e]!, 0);
  const scale = restSum > 0 ? Math.max(0, 1 - fixedSum) / restSum : 0;
  for (const e of rest) {
    out.fm[e]! *= scale;
    out.fmLow[e]! *= scale;
    out.fmHigh[e]! *= scale;
  }
}

function fmScenariosOf(rels: Relation[]): { scenarios: FmScenario[]; relations: Relation[] } {
  const bySource = new Map<string, Relation[]>();
  for (const r of rels) bySource.set(r.fm!.source, [...(bySource.get(r.fm!.source) ?? []), r]);
  const scenarios: FmScenario[] = [];
  for (const [source, rs] of bySource) {
    // One fm per enzyme: a source that gives several values for one enzyme (several genotype comparisons, say)
    // contributes their median as the point and their whole span as its range, never just the last one read.
    const fm: Record<string, number> = {};
    const lo: Record<string, number> = {};
    const hi: Record<string, number> = {};
    for (const [enzyme, group] of groupBy(rs, (r) => r.object)) {
      fm[enzyme] = median(group.map((r) => r.fm!.value));
      lo[enzyme] = Math.min(...group.map((r) => r.fm!.low ?? r.fm!.value));
      hi[enzyme] = Math.min(1, Math.max(...group.map((r) => r.fm!.high ?? r.fm!.value)));
    }
    scenarios.push({
      source,
      fm,
      fmLow: lo,
      fmHigh: hi,
      verified: rs.every((r) => r.fm!.verified),
      evidence: rs[0]!.evidence,
    });
  }
  // Verified sources first, then the fuller picture.
  scenarios.sort((a, b) => Number(b.verified) - Number(a.verified) || Object.keys(b.fm).length - Object.keys(a.fm).length);
  if (scenarios.length <= 1) return { scenarios, relations: rels };
  // Sources that cover different enzymes complement each other (one source on CYP3A4, another on the minor
  // pathways); sources that give different values for the same enzyme are alternatives, kept apart.
  const merge = (base: FmScenario, extra: FmScenario, override: boolean): FmScenario => {
    const out: FmScenario = { ...base, fm: { ...base.fm }, fmLow: { ...base.fmLow }, fmHigh: { ...base.fmHigh } };
    for (const e of Object.keys(extra.fm)) {
      if (e in base.fm && !override) continue;
      out.fm[e] = extra.fm[e]!;
      out.fmLow[e] = extra.fmLow[e]!;
      out.fmHigh[e] = extra.fmHigh[e]!;
    }
    // Keep Σ fm ≤ 1 by shrinking the enzymes the extra source did not speak to.
    shrinkOthersToOne(out, new Set(Object.keys(extra.fm)));
    return out;
  };
  let primary = scenarios[0]!;
  const alternatives: FmScenario[] = [];
  for (const s of scenarios.slice(1)) {
    const overlaps = Object.keys(s.fm).some((e) => e in primary.fm && Math.abs(primary.fm[e]! - s.fm[e]!) > 1e-9);
    if (overlaps) alternatives.push(s);
    else primary = { ...merge(primary, s, false), source: primary.source };
  }
  const alts = alternatives.map((s) => ({ ...merge(primary, s, true), source: s.source, verified: s.verified, evidence: s.evidence }));
  return { scenarios: [primary, ...alts], relations: rels };
}

/** Poor-vs-normal metaboliser studies (genotype or phenotype), read in the source: fm = 1 − AUC normal/AUC poor is a lower bound. */
export const isPoorMetaboliserFm = (r: Relation): boolean => !!r.fm?.verified && /pharmacogen|genotype|phenotype/i.test(r.system ?? '');

/** First profile value for a PK field, preferring the default profile of the species. */
export function pkValue(
  kb: KbIndex,
  compoundId: string,
  field: keyof Pick<PkProfile, 'fu' | 'rb' | 'fa' | 'fg' | 'ka' | 'halfLife' | 'tmax' | 'clF' | 'cl' | 'f' | 'vF' | 'v'>,
  species = 'human',
): Quantity | undefined {
  const def = kb.defaultPk(compoundId, species);
  if (def?.[field]) return def[field];
  for (const p of kb.pkOf(compoundId)) if (p.species === species && p[field]) return p[field];
  return undefined;
}

export interface ExposureAtDose {
  cmaxUM: Micromolar;
  profile: PkProfile;
  /** Accumulation factor applied for repeated dosing (1 for a single dose). */
  accumulation: number;
  doseRefMg: number;
  note: string;
  /** The Cmax came from a different route than the one asked about. */
  otherRoute: boolean;
  /** Average steady-state total concentration over the dosing interval (µM); only for repeated dosing. */
  cavUM?: Micromolar;
  /** How cavUM was obtained. */
  cavNote?: string;
}

/**
 * Total plasma Cmax (µM) at a dose and dosing interval, scaled linearly from the default profile's
 * Cmax at its own dose (linear-PK assumption), with accumulation 1/(1 − e^(−kτ)) for repeated dosing.
 */
export function cmaxAtDose(
  kb: KbIndex,
  compoundId: string,
  doseMg: number,
  intervalH: number | null,
  weightKg: number,
  species = 'human',
  route?: string,
): ExposureAtDose | undefined {
  // A Cmax measured by the route being asked about; another route's Cmax only when none exists (noted), since an
  // IV or inhaled peak says little about an oral one.
  const withCmax = kb.pkOf(compoundId).filter((p) => p.species === species && p.cmax && p.dose);
  const want = route ?? 'po';
  const sameRoute = withCmax.filter((p) => p.route === want);
  const candidates = sameRoute.length > 0 ? sameRoute : withCmax;
  const prof = candidates.find((p) => p.default) ?? candidates[0];
  if (!prof) return undefined;
  const otherRoute = prof.route !== want;
  const halfLife = prof.halfLife?.value ?? pkValue(kb, compoundId, 'halfLife', species)?.value;
  const k = halfLife ? Math.LN2 / halfLife : undefined;
  const refDose = prof.dose!.unit === 'mg/kg' ? prof.dose!.value * weightKg : prof.dose!.value;
  let refTau: number | null = null;
  if (prof.steadyState) {
    try {
      refTau = prof.regimen === 'single' ? 24 : (parseRegimen(prof.regimen).intervalH ?? 24);
    } catch {
      refTau = 24;
    }
  }
  const acc = (tau: number | null): number => (tau && k ? 1 / (1 - Math.exp(-k * tau)) : 1);
  const singleCmax = prof.cmax!.value / (prof.steadyState ? acc(refTau) : 1);
  const a = acc(intervalH);
  const cmax = singleCmax * (doseMg / refDose) * a;
  const note = `Cmax ${prof.cmax!.original.value} ${prof.cmax!.original.unit} at ${prof.dose!.original.value} ${prof.dose!.original.unit}${prof.route !== 'po' ? ` ${prof.route}` : ''}${prof.steadyState ? ' (steady state)' : ''} [${prof.cmax!.source}], scaled linearly to ${Math.round(doseMg * 100) / 100} mg${a > 1.001 ? `, accumulation ×${a.toFixed(2)} (t½ ${halfLife} h, every ${intervalH} h)` : ''}${otherRoute ? `; no ${want} Cmax in the KB, so the ${prof.route} value stands in (an assumption that can overstate an oral peak)` : ''}`;
  const avg = intervalH ? averageAtDose(kb, compoundId, prof, doseMg, refDose, intervalH, refTau, cmax, k, species) : undefined;
  return { cmaxUM: asMicromolar(cmax), profile: prof, accumulation: a, doseRefMg: refDose, note, otherRoute, cavUM: avg?.cavUM, cavNote: avg?.note };
}

/**
 * Average steady-state concentration (µM) at `doseMg` every `intervalH`: from the profile's AUC per dose
 * (AUCτ at steady state equals AUC∞ of one dose), else from CL/F, else from the Cmax with the one-compartment
 * peak-to-average ratio. Linear PK is assumed throughout, as for the Cmax.
 */
function averageAtDose(
  kb: KbIndex,
  compoundId: string,
  prof: PkProfile,
  doseMg: number,
  refDose: number,
  intervalH: number,
  refTau: number | null,
  cmaxUM: number,
  kPerH: number | undefined,
  species: string,
): { cavUM: Micromolar; note: string } | undefined {
  const mw = kb.substance(compoundId)?.mw?.value;
  if (prof.auc && prof.auc.value > 0 && (prof.steadyState ? refTau !== null : true)) {
    const perDose = prof.auc.value * (doseMg / refDose);
    return { cavUM: asMicromolar(perDose / intervalH), note: `average from AUC ${prof.auc.original.value} ${prof.auc.original.unit}${prof.steadyState ? ' (steady state, per interval)' : ' (single dose)'} [${prof.auc.source}] / ${intervalH} h` };
  }
  const clF = prof.clF ?? pkValue(kb, compoundId, 'clF', species);
  if (clF && clF.value > 0 && mw && prof.route === 'po') {
    const cav = (doseMg * 1000) / mw / (clF.value * intervalH);
    return { cavUM: asMicromolar(cav), note: `average = dose / (CL/F ${clF.original.value} ${clF.original.unit} × ${intervalH} h) [${clF.source}]` };
  }
  const kaQ = pkValue(kb, compoundId, 'ka', species)?.value;
  const tmax = (prof.tmax ?? pkValue(kb, compoundId, 'tmax', species))?.value;
  const ka = kaQ ?? (kPerH && tmax ? kaFromTmax(tmax, kPerH) : undefined);
  if (kPerH && ka) {
    const r = averageToPeakRatio(ka, kPerH, intervalH);
    return { cavUM: asMicromolar(cmaxUM * r), note: `average = Cmax × ${r.toFixed(2)} (one-compartment peak-to-average ratio from ${kaQ ? 'ka' : `ka ${ka.toFixed(2)} /h inferred from tmax ${tmax} h`} and t½)` };
  }
  return undefined;
}

function groupBy<T>(xs: readonly T[], key: (x: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const x of xs) m.set(key(x), [...(m.get(key(x)) ?? []), x]);
  return m;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}
