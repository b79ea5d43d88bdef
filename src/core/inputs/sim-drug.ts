/**
 * Build simulation drug parameters from the compiled KB for one compound and species. Every value
 * used is listed with its source (KB source id, or a named default) and whether it is an assumption;
 * missing essentials (molecular weight, any clearance, any volume) raise SIM_MISSING_PARAMETER.
 *
 * Selection rules (documented choices, not biology):
 * - PK: the profile `choosePkProfile` ranks first (sim-drug-clearance.ts), its clearance reported or derived.
 * - Binding: the species' own value, else (non-human) a human value as a labelled proxy, else the default.
 * - Enzyme roles: sim-drug-enzymes.ts (species choice, means of records, Ki from IC50 and fu,inc).
 */
import { fail } from '../errors.js';
import type { KbIndex } from '../kb/kb-index.js';
import type { PkProfile } from '../kb/types.js';
import type { Quantity } from '../schema/quantity.js';
import { calibrateAutoInhibition, hasAutoInhibition, scaleHepaticClint } from '../models/dynamic/calibrate.js';
import { derivePk, MAX_HEPATIC_EXTRACTION, type PathwayInput, type PkDerived, type PkInput } from '../models/dynamic/parameterise.js';
import type { DrugParams, EnzymeTurnover, Physiology, Species } from '../models/dynamic/types.js';
import { asHours, asLitresPerHour, asPerHour, canonical } from '../units/branded.js';
import { DEFAULT_KDEG_LIVER_PER_H, type UsedParameter } from './physiology.js';
import { ParamLog, perKg } from './param-log.js';
import { choosePkProfile, parentFormation, profileClearance, steadyStateIntervalH, type ProfileClearance } from './sim-drug-clearance.js';
import { enzymeRoles } from './sim-drug-enzymes.js';
import { metaboliteFormation } from './sim-drug-metabolites.js';

export { derivedClearance } from './sim-drug-clearance.js';
export { LINEAR_TDI_KOBS_CAP_PER_H } from './sim-drug-enzymes.js';

/** Default absorption of the fast routes when the KB has no route profile (assumptions). */
export const FAST_ROUTE_DEFAULTS = {
  inhaled: { kaPerH: asPerHour(30), bioavailability: 0.25 },
  oromucosal: { kaPerH: asPerHour(2), bioavailability: 0.1 },
} as const;
/** fu,p when no profile gives one: 1, fully unbound — conservative for a perpetrator (assumption). */
export const DEFAULT_FU_P = 1;
/** Blood-to-plasma ratio when unknown: the FDA 2020 default RB = 1 (MODEL.md §1.1). */
export const DEFAULT_RB = 1;
/** Fraction absorbed when unknown: the FDA 2020 default Fa = 1 (MODEL.md §1.1). */
export const DEFAULT_FA = 1;
/** Intestinal availability when unknown: the FDA 2020 default Fg = 1 (MODEL.md §1.1). */
export const DEFAULT_FG = 1;
/** Fraction excreted unchanged when unknown: 0, hepatic elimination dominant (assumption). */
export const DEFAULT_FE = 0;
/** Liver tissue : blood partition Kp,h = 1 (MODEL.md §2.2; affects the dynamics only, not the AUC). */
export const DEFAULT_KP_LIVER = 1;
/** Oral lag time when the profile reports none: no lag (assumption; not listed, it changes no ratio of a run). */
export const DEFAULT_TLAG_H = asHours(0);
/** An auto-inhibition calibration that moves hepatic CLint by more than this share is reported as a warning. */
export const AUTO_INHIBITION_WARN_SHARE = 0.05;

/** Input replacements for sensitivity analyses (applied before anything is derived from them). */
export interface DrugOverrides {
  fuP?: number;
  /** fm of an enzyme pathway replaced (the freed share becomes non-enzymatic 'other' clearance). */
  fm?: Record<string, number>;
  /** In-vitro potency divided by this factor: Ki,u and KI,u × s, kinact/KI,u ÷ s (e.g. human → rat CYP). */
  potencyDivisor?: number;
}

export interface DrugFromKb {
  drug: DrugParams;
  used: UsedParameter[];
  warnings: string[];
  /** True when any enzyme parameter was taken from another species (rat ← human). */
  indirect: boolean;
}

/** Enzyme turnover for every enzyme target in the KB (defaults listed as assumptions). */
export function enzymeTurnoverFromKb(kb: KbIndex): Record<string, EnzymeTurnover> {
  const out: Record<string, EnzymeTurnover> = {};
  for (const t of kb.data.targets) {
    if (t.kind !== 'enzyme') continue;
    out[t.id] = {
      kdegLiverPerH: t.kdegLiver?.value ?? DEFAULT_KDEG_LIVER_PER_H,
      ...(t.kdegGut ? { kdegGutPerH: t.kdegGut.value } : {}),
    };
  }
  return out;
}

interface Binding {
  fuP: number;
  rb: number;
  fa: number;
  fg: number;
  fe: number;
  /** Absolute oral bioavailability from an oral record of the same species (undefined when none gives one). */
  f: Quantity | undefined;
  /** True when Fa came from a record, not the default. */
  faRecorded: boolean;
}

/**
 * Binding and availability: the profile's value, else the same species' other PK records of the compound (default
 * profiles first, oral before other routes; issue 12 §1: fu, Fg, Fa, RB and fe are properties of the compound, not of
 * the study that gave the clearance — midazolam's clearance comes from an IV study, its Fg 0.57 and fu 0.035 from
 * another record); for a non-human species without one, fu and RB from a human profile (a labelled proxy, sets
 * `log.indirect`); else the named default, recorded as an assumption.
 */
function bindingAndAvailability(log: ParamLog, kb: KbIndex, pk: PkProfile, species: Species, fuPOverride: number | undefined): Binding {
  const rank = (p: PkProfile): number => (p.default ? 0 : 2) + (p.route === 'po' ? 0 : 1);
  const own = kb.pkOf(log.owner).filter((p) => p.species === species && p !== pk).sort((a, b) => rank(a) - rank(b));
  const human = species !== 'human' ? kb.pkOf(log.owner).filter((p) => p.species === 'human') : [];
  const fromRecords = (name: string, field: 'fu' | 'rb' | 'fa' | 'fg' | 'fe' | 'f', route?: PkProfile['route']): Quantity | undefined => {
    if (pk[field] && (!route || pk.route === route)) return pk[field];
    const other = own.find((p) => p[field] && (!route || p.route === route));
    if (other) { log.warn(`${log.owner}: ${name} from profile ${other.id} (the profile that gave the clearance has none)`); return other[field]; }
    return undefined;
  };
  const proxy = (name: string, field: 'fu' | 'rb'): Quantity | undefined => {
    const mine = fromRecords(name, field);
    if (mine) return mine;
    const h = human.find((p) => p[field])?.[field];
    if (h) { log.indirect = true; log.warn(`${log.owner}: ${name} from a human profile (no ${species} value; indirect)`); }
    return h;
  };
  const fuP = fuPOverride !== undefined ? log.put('fu,p', fuPOverride, 'fraction', 'sensitivity override', true)
    : log.orDefault('fu,p', proxy('fu,p', 'fu'), DEFAULT_FU_P, 'fraction', 'default: fu,p unknown → 1 (conservative for a perpetrator)');
  const rb = log.orDefault('RB', proxy('RB', 'rb'), DEFAULT_RB, 'ratio', 'FDA default RB = 1 (MODEL.md §1.1)');
  const faRecord = fromRecords('Fa', 'fa');
  const fa = log.orDefault('Fa', faRecord, DEFAULT_FA, 'fraction', 'FDA default Fa = 1 (MODEL.md §1.1)');
  const fg = log.orDefault('Fg', fromRecords('Fg', 'fg'), DEFAULT_FG, 'fraction', 'FDA default Fg = 1 (MODEL.md §1.1)');
  const fe = log.orDefault('fe', fromRecords('fe', 'fe'), DEFAULT_FE, 'fraction', 'default: no renal excretion unchanged (hepatic elimination dominant)');
  // an inhaled or oromucosal record's f is that route's availability, not the oral one
  const f = fromRecords('F', 'f', 'po');
  return { fuP, rb, fa, fg, fe, f, faRecorded: faRecord !== undefined };
}

/**
 * Systemic CL and a recorded absolute oral F together give the oral clearance CL/F = CL/F, which is what an oral dose's
 * AUC depends on; the model is built on that CL/F (issue 12 §1: a systemic CL with the default Fa = 1 let the model's
 * Fa·Fg·Fh exceed the recorded F — valsartan F 0.23 simulated as ≈ 0.99 — or read a systemic CL as CL/F). When Fa
 * is not recorded it is the share of F that Fg and the hepatic availability of the systemic CL do not explain,
 * Fa = F/(Fg·Fh) with Fh = 1 − CLH,b/Qh (well-stirred, hepatic extraction capped as in parameterise.ts), capped at 1;
 * with that Fa the CLint from CL/F reproduces the systemic CL exactly. When F exceeds Fg·Fh (a CL above hepatic blood
 * flow, extrahepatic clearance) Fa stays 1: CL/F, hence the oral AUC, is kept and the systemic CL comes out lower.
 * Without a recorded F the systemic CL is used as such and F is predicted (Fa·Fg·Fh).
 */
function oralFromSystemic(log: ParamLog, clearance: ProfileClearance, b: Binding, phys: Physiology): { clearance: ProfileClearance; binding: Binding } {
  const { cl } = clearance;
  if (cl === undefined || !b.f || !(b.f.value > 0 && b.f.value <= 1)) return { clearance, binding: b };
  const f = b.f.value;
  const clhB = Math.min(((1 - b.fe) * cl) / b.rb, MAX_HEPATIC_EXTRACTION * phys.qhLPerH);
  const fh = 1 - clhB / phys.qhLPerH;
  let fa = b.fa;
  if (!b.faRecorded) {
    const faNeeded = f / (b.fg * fh);
    if (faNeeded < 1) {
      fa = faNeeded;
      // the derived Fa takes the place of the default listed by bindingAndAvailability (one Fa per compound)
      const at = log.used.findIndex((u) => u.name === 'Fa');
      const entry = { owner: log.owner, name: 'Fa', value: fa, unit: 'fraction', source: `derived: F/(Fg·Fh), F ${f} (${b.f.source}), Fh ${fh.toPrecision(3)} from systemic CL`, assumption: true,
        note: 'the share of the recorded F that gut and liver extraction do not explain (replaces the FDA default Fa = 1)' };
      if (at >= 0) log.used[at] = entry; else log.used.push(entry);
    } else if (faNeeded > 1.5) {
      log.warn(`${log.owner}: recorded F ${f} exceeds Fg·Fh ${(b.fg * fh).toPrecision(2)} predicted from systemic CL ${cl.toPrecision(3)} L/h; CL/F = CL/F kept (systemic CL comes out lower)`);
    }
  }
  const clF = log.put('CL/F', cl / f, 'L/h', `derived: systemic CL / recorded F ${f} (${b.f.source})`, false);
  return { clearance: { cl: undefined, clF }, binding: { ...b, fa } };
}

/** What `derivePk` needs, from the profile (per-kg values at the body weight) and the values chosen above. */
function pkInputOf(pk: PkProfile, clearance: ProfileClearance, b: Binding, pathways: PathwayInput[], phys: Physiology, mw: number): PkInput {
  const bw = phys.bodyWeightKg;
  // an oral single-dose peak is the two-compartment fit's target (parameterise.ts); a steady-state peak is not
  const peak = pk.route === 'po' && !pk.steadyState && pk.cmax && pk.dose && !pk.dosedAs && pk.cmax.value > 0
    ? { cmaxUM: pk.cmax.value, doseUmol: (perKg(pk.dose, bw) * 1000) / mw, ...(pk.tlag ? { tlagH: canonical(pk.tlag, 'h') } : {}) } : {};
  const { cl, clF } = clearance;
  const lh = (x: number | undefined): ReturnType<typeof asLitresPerHour> | undefined => (x === undefined ? undefined : asLitresPerHour(x));
  return {
    clLPerH: lh(cl), clFLPerH: cl === undefined ? lh(clF) : undefined, fuP: b.fuP, rb: b.rb, fa: b.fa, fg: b.fg, fe: b.fe, pathways,
    qhLPerH: asLitresPerHour(phys.qhLPerH), qentLPerH: asLitresPerHour(phys.qentLPerH),
    halfLifeH: pk.halfLife ? canonical(pk.halfLife, 'h') : undefined, vL: pk.v ? perKg(pk.v, bw) : undefined, vFL: pk.vF ? perKg(pk.vF, bw) : undefined,
    vssL: pk.vss ? perKg(pk.vss, bw) : undefined, vpFL: pk.vpF ? perKg(pk.vpF, bw) : undefined,
    qFLPerH: pk.qF ? perKg(pk.qF, bw) : undefined, kaPerH: pk.ka ? canonical(pk.ka, '1/h') : undefined, tmaxH: pk.tmax ? canonical(pk.tmax, 'h') : undefined,
    ...peak,
  };
}

/** List the profile's time constants and every derived value; fails when no volume could be derived. */
function recordDerived(log: ParamLog, pk: PkProfile, d: PkDerived, species: Species): void {
  if (pk.halfLife) log.quantity('t½', pk.halfLife, 'h');
  if (pk.tmax) log.quantity('tmax', pk.tmax, 'h');
  if (pk.ka) log.quantity('ka', pk.ka, '1/h');
  if (!(d.vcL > 0))
    fail('SIM_MISSING_PARAMETER', { field: `pk.${pk.id}`, parameter: `${species} volume`, substance: log.owner, why: 'the profile has no v, vF, vss or half-life' }, { field: `${pk.id}.vF` });
  for (const n of d.notes) log.put(n.name, n.value, n.unit, `derived: ${n.how}`, n.assumption);
  log.put('F (predicted)', d.fOral, 'fraction', 'derived: Fa·Fg·Fh', false);
}

/** Absorption of the routes that bypass the first pass: the KB's route profile, else the named defaults. */
function fastRoutes(kb: KbIndex, id: string, species: Species): DrugParams['fast'] {
  const fast: DrugParams['fast'] = {};
  for (const route of ['inhaled', 'oromucosal'] as const) {
    const rp = kb.defaultPk(id, species, route);
    const f = rp?.route === route ? rp.f : undefined;
    const ka = rp?.route === route ? rp.ka : undefined;
    fast[route] = {
      kaPerH: ka ? asPerHour(ka.value) : FAST_ROUTE_DEFAULTS[route].kaPerH,
      bioavailability: f ? f.value : FAST_ROUTE_DEFAULTS[route].bioavailability,
    };
  }
  return fast;
}

/**
 * CL/F was measured with the compound's own inhibition of its clearance already acting: make the compound
 * alone reproduce it at the profile's dose (a single dose's AUC0-inf, or AUCτ at steady state for a profile
 * measured there) instead of applying auto-inhibition twice. Only for an oral profile with a reported (or
 * derived) CL/F; otherwise the drug is returned unchanged.
 */
function calibrateToOwnClearance(log: ParamLog, drug: DrugParams, phys: Physiology, pk: PkProfile, clearance: ProfileClearance, d: PkDerived): DrugParams {
  const { cl, clF } = clearance;
  const doseMg = pk.dose && !pk.dosedAs ? perKg(pk.dose, phys.bodyWeightKg) : undefined;
  if (!(hasAutoInhibition(drug) && cl === undefined && clF !== undefined && pk.route === 'po' && doseMg !== undefined && doseMg > 0)) return drug;
  const t12 = pk.halfLife?.value ?? (Math.LN2 * d.vcL) / d.clPlasmaLPerH;
  const tau = steadyStateIntervalH(pk) ?? undefined;
  const c = calibrateAutoInhibition(drug, phys, doseMg, clF, t12, tau);
  const before = (c.aucBeforeUMH / c.targetUMH).toPrecision(3);
  const at = tau ? `at steady state on ${doseMg.toPrecision(3)} mg every ${tau} h reproduces AUCτ = Dose/(CL/F)` : `at the profile dose ${doseMg.toPrecision(3)} mg reproduces Dose/(CL/F)`;
  log.put('CLint,h auto-inhibition scale', c.scale, 'factor', `derived: alone ${at} (profile ${pk.id})`, true,
    `without it the simulated AUC was ${before}× the observed (own inhibition applied on top of a clearance measured with it)`);
  if (!c.converged) log.warn(`${log.owner}: auto-inhibition calibration did not reach the observed CL/F (scale bound ${c.scale}); simulated/observed AUC ${(c.aucAfterUMH / c.targetUMH).toPrecision(3)}`);
  else if (Math.abs(c.scale - 1) > AUTO_INHIBITION_WARN_SHARE) log.warn(`${log.owner}: hepatic CLint × ${c.scale.toPrecision(3)} so that the compound alone reproduces its own CL/F at ${doseMg.toPrecision(3)} mg (auto-inhibition; simulated AUC was ${before}× observed)`);
  return scaleHepaticClint(drug, c.scale);
}

/**
 * Drug parameters for compound `id` in `species` with physiology `phys`. `simulated` lists the
 * compound ids in the run, so metabolite links to compounds outside it are dropped.
 */
export function drugFromKb(kb: KbIndex, id: string, phys: Physiology, simulated: readonly string[] = [], ov: DrugOverrides = {}): DrugFromKb {
  const species: Species = phys.species;
  const log = new ParamLog(id);
  const sub = kb.substance(id);
  if (!sub) fail('INPUT_UNKNOWN_SUBSTANCE', { field: 'substance', query: id, suggestions: [] }, { field: 'substance' });
  if (!sub.mw) fail('SIM_MISSING_PARAMETER', { field: `substances.${id}.mw`, parameter: 'molecular weight', substance: id, why: 'needed for µmol amounts' }, { field: `${id}.mw` });
  const mw = log.quantity('mw', sub.mw, 'g/mol')!;
  const pk = choosePkProfile(kb, id, species);
  log.put('pkProfile', 1, '-', pk.id, false, `${pk.species} ${pk.route}`);
  const clearance = profileClearance(log, pk, mw, phys.bodyWeightKg, species, parentFormation(kb, pk));
  const oral = oralFromSystemic(log, clearance, bindingAndAvailability(log, kb, pk, species, ov.fuP), phys);
  const binding = oral.binding;
  const { pathways, inhibits, inactivates, induces } = enzymeRoles(log, kb, species, ov.potencyDivisor ?? 1, ov.fm);
  const d = derivePk(pkInputOf(pk, oral.clearance, binding, pathways, phys, mw));
  recordDerived(log, pk, d, species);
  const fast = fastRoutes(kb, id, species);
  const metabolites = metaboliteFormation(log, sub, simulated, pathways, binding.fe);
  const drug: DrugParams = {
    id, mwGPerMol: mw, kaPerH: d.kaPerH, tlagH: asHours((pk.tlag ? canonical(pk.tlag, 'h') : DEFAULT_TLAG_H) + d.fittedLagH), fa: d.faEff, fast,
    vcL: d.vcL, k12PerH: d.k12PerH, k21PerH: d.k21PerH, fuP: binding.fuP, rb: binding.rb, kpLiver: DEFAULT_KP_LIVER,
    clRenalLPerH: d.clRenalLPerH, clintOtherLPerH: d.clintOtherLPerH, enzymes: d.enzymes,
    inhibits, inactivates, induces, metabolites,
  };
  log.put('Kp,liver', DEFAULT_KP_LIVER, 'ratio', 'default Kp,h = 1 (MODEL.md §2.2; affects dynamics only)', true);
  return { drug: calibrateToOwnClearance(log, drug, phys, pk, clearance, d), used: log.used, warnings: log.warnings, indirect: log.indirect };
}
