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

export interface DerivedClearance {
  value: number;
  how: string;
  sources: string[];
  note?: string;
}

/** True when a clearance can be derived from the profile (dose and AUC, or volume and half-life). */
function clearanceDerivable(p: PkProfile): boolean {
  // A parent's dose (`dosedAs`) says nothing about a metabolite's own clearance.
  const dose = p.dosedAs ? undefined : p.dose;
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
function steadyStateIntervalH(p: PkProfile): number | null {
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
 * Clearance (CL for iv, CL/F otherwise; L/h) from a profile without one, in order of preference:
 * dose/AUC, then V·ln2/t½, then a one-compartment fit through Cmax. Null when none applies.
 */
export function derivedClearance(p: PkProfile, mwGPerMol: number, bodyWeightKg: number): DerivedClearance | null {
  return fromDoseOverAuc(p, mwGPerMol, bodyWeightKg) ?? fromVolumeAndHalfLife(p, bodyWeightKg) ?? fromPeak(p, mwGPerMol, bodyWeightKg);
}

/**
 * The profile to build on: one that has a clearance, ranked the species' default po profile first, then any
 * default, then any (a reported clearance beats one derived from dose/AUC or V·ln2/t½); else the default po one.
 */
export function choosePkProfile(kb: KbIndex, id: string, species: Species): PkProfile {
  const candidates = kb.pkOf(id).filter((p) => p.species === species && (p.cl || p.clF || clearanceDerivable(p)));
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
export function profileClearance(log: ParamLog, pk: PkProfile, mwGPerMol: number, bodyWeightKg: number, species: Species): ProfileClearance {
  const bw = bodyWeightKg;
  let clF = pk.route !== 'iv' ? log.quantity('CL/F', pk.clF, 'L/h', bw) : undefined;
  let cl = clF === undefined ? log.quantity('CL', pk.cl, 'L/h', bw) : undefined;
  if (cl === undefined && clF === undefined) {
    const dv = derivedClearance(pk, mwGPerMol, bw);
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
      why: `the profile has no cl or clF, and neither dose with AUC nor ${pk.route === 'iv' ? 'V' : 'V/F'} with t½ to derive one from`,
    }, { field: `${pk.id}.clF` });
  return { cl, clF };
}
