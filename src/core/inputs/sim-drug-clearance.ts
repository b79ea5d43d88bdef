/**
 * The clearance the dynamic model is built on: which PK profile of a compound to read, and the CL (iv) or
 * CL/F (other routes) it reports, or one derived from what it does report (dose/AUC, V·ln2/t½, or a
 * one-compartment curve through Cmax). A derived value is recorded as an assumption with how it was made.
 */
import { kaFromTmax, peakPerUnitDose } from '../models/one-compartment.js';
import { parseRegimen } from '../units/parse-regimen.js';
import { fail } from '../errors.js';
import type { KbIndex } from '../kb/kb-index.js';
import type { PkProfile } from '../kb/types.js';
import type { Species } from '../models/dynamic/types.js';
import { perKg, type ParamLog } from './param-log.js';

/** ka assumed when a peak-only profile has neither ka nor tmax (FDA default 0.1 /min would put the peak too early). */
export const DEFAULT_KA_FOR_PEAK_PER_H = 1;
/** Dosing interval of a steady-state profile whose regimen names none: once daily (assumption). */
export const DEFAULT_STEADY_STATE_INTERVAL_H = 24;

const ANY_BODY_WEIGHT_KG = 70;

export interface DerivedClearance {
  value: number;
  how: string;
  sources: string[];
  note?: string;
}

/**
 * True when a clearance can be derived from the profile (dose and AUC, or volume and half-life). A parent's dose
 * (`dosedAs`) gives a metabolite's clearance only by mass balance, with the parent's formation fraction (below).
 */
function clearanceDerivable(p: PkProfile, kb: KbIndex): boolean {
  // Only whether a value exists is asked here; the body weight merely scales a per-kg dose, so any positive one decides it.
  if (p.dosedAs) return fromParentMassBalance(p, ANY_BODY_WEIGHT_KG, parentFormation(kb, p)) !== null;
  const dose = p.dose;
  return !!((p.auc && dose) || (p.halfLife && (p.route === 'iv' ? p.v : p.vF)) || (p.route !== 'iv' && p.cmax && dose && p.halfLife));
}

/** Dose/AUC, with AUC in µM·h turned into mg·h/L by the molecular weight (at steady state AUCτ gives the same CL/F). */
function fromDoseOverAuc(p: PkProfile, mwGPerMol: number, bodyWeightKg: number): DerivedClearance | null {
  if (!(p.auc && p.dose && p.auc.value > 0) || p.dosedAs) return null;
  const doseMg = perKg(p.dose, bodyWeightKg);
  const aucMgHPerL = (p.auc.value * mwGPerMol) / 1000;
  const value = doseMg / aucMgHPerL;
  if (!(Number.isFinite(value) && value > 0)) return null;
  return {
    value, how: 'dose/AUC', sources: [...new Set([p.dose.source, p.auc.source])],
    note: p.steadyState ? 'steady-state AUCτ' : 'single-dose AUC taken as AUC0-inf (overestimates CL if it is AUC0-t)',
  };
}

/** V·ln2/t½ (one-compartment; V/F for oral profiles). */
function fromVolumeAndHalfLife(p: PkProfile, bodyWeightKg: number): DerivedClearance | null {
  const vol = p.route === 'iv' ? p.v : p.vF;
  if (!(vol && p.halfLife && p.halfLife.value > 0)) return null;
  const value = (perKg(vol, bodyWeightKg) * Math.LN2) / p.halfLife.value;
  if (!(Number.isFinite(value) && value > 0)) return null;
  return { value, how: `${p.route === 'iv' ? 'V' : 'V/F'}·ln2/t½`, sources: [...new Set([vol.source, p.halfLife.source])], note: 'one-compartment assumption' };
}

/** Dosing interval of a steady-state profile (null for a single dose). */
export function steadyStateIntervalH(p: PkProfile): number | null {
  if (!p.steadyState) return null;
  try {
    return p.regimen && p.regimen !== 'single' ? (parseRegimen(p.regimen).intervalH ?? DEFAULT_STEADY_STATE_INTERVAL_H) : DEFAULT_STEADY_STATE_INTERVAL_H;
  } catch {
    return DEFAULT_STEADY_STATE_INTERVAL_H;
  }
}

/**
 * Last resort for an oral profile that reports only a peak: the one-compartment curve through Cmax (at tmax, or
 * with ka when known) gives V/F, and V/F·k gives CL/F. The same Cmax and t½ feed the static model.
 */
function fromPeak(p: PkProfile, mwGPerMol: number, bodyWeightKg: number): DerivedClearance | null {
  if (!(p.route !== 'iv' && p.cmax && p.dose && p.halfLife && p.halfLife.value > 0 && p.cmax.value > 0) || p.dosedAs) return null;
  const k = Math.LN2 / p.halfLife.value;
  const ka = p.ka?.value ?? (p.tmax ? kaFromTmax(p.tmax.value, k) : undefined) ?? DEFAULT_KA_FOR_PEAK_PER_H;
  const tau = steadyStateIntervalH(p);
  const doseUmol = (perKg(p.dose, bodyWeightKg) * 1000) / mwGPerMol;
  const vF = (doseUmol * peakPerUnitDose(ka, k, tau)) / p.cmax.value;
  const value = vF * k;
  if (!(Number.isFinite(value) && value > 0)) return null;
  const kaHow = p.ka ? 'from the profile' : p.tmax && kaFromTmax(p.tmax.value, k) ? `inferred from tmax ${p.tmax.value} h` : `assumed (${DEFAULT_KA_FOR_PEAK_PER_H} /h)`;
  return {
    value,
    how: 'one-compartment fit through Cmax and t½ (V/F = dose·shape/Cmax, CL/F = k·V/F)',
    sources: [...new Set([p.dose.source, p.cmax.source, p.halfLife.source])],
    note: `ka ${ka.toPrecision(3)} /h ${kaHow}${tau ? `, steady state every ${tau} h` : ''}; a rough clearance: prefer a reported CL/F or AUC`,
  };
}

/**
 * How a metabolite measured after its parent's dose (`dosedAs`) is formed: the parent's molecular weight, the fraction of
 * the parent's clearance that forms it (Σ over the parent's metabolite links to it) and the parent's fraction absorbed.
 */
export interface ParentFormation {
  parent: string;
  parentMwGPerMol: number;
  /** Fraction of the parent's clearance that forms the metabolite (0–1]. */
  fraction: number;
  /** Fraction of an oral parent dose absorbed (1 for an IV dose; the FDA default 1 when not recorded). */
  fa: number;
  faAssumed: boolean;
  sources: string[];
}

/**
 * A metabolite's own clearance by mass balance when the profile's dose is its parent's (`dosedAs`): the amount formed
 * is fraction × Fa × parent dose (µmol), and all of it is cleared, so CL_m = formed / AUC_m — AUC0-inf after a single
 * dose, AUCτ at steady state (from the profile's AUC, else Cav ≈ Cmax·(1 − e^(−kτ))/(kτ), the bolus one-compartment
 * average, which is the lowest average a peak allows). It is the apparent clearance of a compound formed inside the
 * liver — the same footing as an oral CL/F, which is how the model reads it. Null when the profile or parent lacks
 * what it needs.
 */
function fromParentMassBalance(p: PkProfile, bodyWeightKg: number, parent: ParentFormation | undefined): DerivedClearance | null {
  if (!p.dosedAs || !parent || parent.parent !== p.dosedAs || !p.dose || !(parent.fraction > 0) || !(parent.parentMwGPerMol > 0)) return null;
  const formedUmol = (parent.fraction * parent.fa * perKg(p.dose, bodyWeightKg) * 1000) / parent.parentMwGPerMol;
  const tau = steadyStateIntervalH(p);
  let aucUMH: number | undefined;
  let how: string;
  let sources: string[];
  if (p.auc && p.auc.value > 0) {
    aucUMH = p.auc.value;
    how = `mass balance: ${parent.fraction.toPrecision(2)} of ${parent.parent}'s clearance forms it, × Fa ${parent.fa} × the ${parent.parent} dose, over its ${tau ? 'AUCτ' : 'AUC'}`;
    sources = [p.dose.source, p.auc.source];
  } else if (tau && p.cmax && p.cmax.value > 0 && p.halfLife && p.halfLife.value > 0) {
    const kTau = (Math.LN2 / p.halfLife.value) * tau;
    aucUMH = p.cmax.value * tau * ((1 - Math.exp(-kTau)) / kTau);
    how = `mass balance: ${parent.fraction.toPrecision(2)} of ${parent.parent}'s clearance forms it, × Fa ${parent.fa} × the ${parent.parent} dose every ${tau} h, over AUCτ from its steady-state Cmax and t½ (bolus one-compartment average)`;
    sources = [p.dose.source, p.cmax.source, p.halfLife.source];
  } else return null;
  const value = formedUmol / aucUMH;
  if (!(Number.isFinite(value) && value > 0)) return null;
  return {
    value, how, sources: [...new Set([...sources, ...parent.sources])],
    note: `the formation fraction is the parent's recorded one${parent.faAssumed ? '; the parent\'s Fa is not recorded, FDA default 1 (an upper bound on the clearance)' : ''}; an apparent clearance of a compound formed in the liver (read like CL/F)`,
  };
}

/**
 * Clearance (CL for iv, CL/F otherwise; L/h) from a profile without one, in order of preference:
 * dose/AUC, then V·ln2/t½, then a one-compartment fit through Cmax — or, for a metabolite measured after its parent's
 * dose, mass balance on the formed amount. Null when none applies.
 */
export function derivedClearance(p: PkProfile, mwGPerMol: number, bodyWeightKg: number, parent?: ParentFormation): DerivedClearance | null {
  if (p.dosedAs) return fromParentMassBalance(p, bodyWeightKg, parent);
  return fromDoseOverAuc(p, mwGPerMol, bodyWeightKg) ?? fromVolumeAndHalfLife(p, bodyWeightKg) ?? fromPeak(p, mwGPerMol, bodyWeightKg);
}

/**
 * The parent's formation of the metabolite a `dosedAs` profile measures (undefined when the parent records no fraction
 * for it). Fa is the parent's own recorded one (its default profile first), else the FDA default 1, flagged.
 */
export function parentFormation(kb: KbIndex, p: PkProfile): ParentFormation | undefined {
  if (!p.dosedAs) return undefined;
  const parent = kb.substance(p.dosedAs);
  const links = (parent?.metabolites ?? []).filter((m) => m.substance === p.substance && m.fraction && m.fraction.value > 0);
  if (!parent?.mw || links.length === 0) return undefined;
  const fraction = Math.min(1, links.reduce((a, m) => a + m.fraction!.value, 0));
  const iv = p.route === 'iv';
  const faRecord = iv ? undefined : [...kb.pkOf(parent.id)].filter((x) => x.species === p.species && x.fa).sort((a, b) => Number(!!b.default) - Number(!!a.default))[0]?.fa;
  return {
    parent: parent.id, parentMwGPerMol: parent.mw.value, fraction, fa: faRecord?.value ?? 1, faAssumed: !iv && !faRecord,
    sources: [...new Set([...links.map((m) => m.fraction!.source), parent.mw.source, ...(faRecord ? [faRecord.source] : [])])],
  };
}

/**
 * The profile to build on: one that has a clearance, ranked the species' default po profile first, then any
 * default, then any (a reported clearance beats one derived from dose/AUC or V·ln2/t½); else the default po one.
 */
export function choosePkProfile(kb: KbIndex, id: string, species: Species): PkProfile {
  const candidates = kb.pkOf(id).filter((p) => p.species === species && (p.cl || p.clF || clearanceDerivable(p, kb)));
  const rank = (p: PkProfile): number => (p.cl || p.clF ? 0 : 4) + (p.default ? 0 : 2) + (p.route === 'po' ? 0 : 1);
  const pk: PkProfile | undefined = [...candidates].sort((a, b) => rank(a) - rank(b))[0] ?? kb.defaultPk(id, species, 'po');
  if (!pk)
    fail('SIM_MISSING_PARAMETER', { field: `pk.${id}`, parameter: `a ${species} PK profile`, substance: id, why: 'clearance and volume are needed' }, { field: `${id}.pk` });
  return pk;
}

/**
 * Systemic CL (an iv profile's, or the systemic clearance a profile of another route records in `cl`) or CL/F (L/h);
 * exactly one is defined.
 */
export interface ProfileClearance {
  cl: number | undefined;
  clF: number | undefined;
}

/**
 * The profile's reported clearance, else one derived from it (recorded as an assumption); fails when neither exists.
 * `cl` is systemic clearance on every route (the KB's oral profiles record it from the study's IV arm or a monograph's
 * total clearance); only `clF`, or dose/AUC of an oral profile, is an apparent oral clearance.
 */
export function profileClearance(log: ParamLog, pk: PkProfile, mwGPerMol: number, bodyWeightKg: number, species: Species, parent?: ParentFormation): ProfileClearance {
  const bw = bodyWeightKg;
  let clF = pk.route !== 'iv' ? log.quantity('CL/F', pk.clF, 'L/h', bw) : undefined;
  let cl = clF === undefined ? log.quantity('CL', pk.cl, 'L/h', bw) : undefined;
  if (cl === undefined && clF === undefined) {
    const dv = derivedClearance(pk, mwGPerMol, bw, parent);
    if (dv) {
      const name = pk.route === 'iv' ? 'CL' : 'CL/F';
      const value = log.put(name, dv.value, 'L/h', `derived: ${dv.how} (${dv.sources.join(', ')})`, true, dv.note);
      if (pk.route === 'iv') cl = value; else clF = value;
      log.warn(`${log.owner}: ${name} ${value.toPrecision(3)} L/h derived from ${dv.how} (profile ${pk.id}; no reported clearance)`);
    }
  }
  if (cl === undefined && clF === undefined)
    fail('SIM_MISSING_PARAMETER', {
      field: `pk.${pk.id}`, parameter: `${species} clearance`, substance: log.owner,
      why: pk.dosedAs
        ? `the profile's dose is ${pk.dosedAs}'s, and a clearance by mass balance needs ${pk.dosedAs}'s formation fraction for it and the metabolite's AUC (or steady-state Cmax and t½)`
        : `the profile has no cl or clF, and neither dose with AUC nor ${pk.route === 'iv' ? 'V' : 'V/F'} with t½ to derive one from`,
    }, { field: `${pk.id}.clF` });
  return { cl, clF };
}
