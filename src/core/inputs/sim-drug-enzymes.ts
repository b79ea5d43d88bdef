/**
 * A compound's enzyme roles for the dynamic model, from its KB relations: the pathways that clear it (fm),
 * and the enzymes it inhibits, inactivates or induces. Documented choices, not biology:
 * - Records of the requested species; if none, human records — for a rat this is the "indirect"
 *   translation of MODEL.md §5 and is labelled so.
 * - Several records for one (enzyme, mechanism): geometric mean (arithmetic mean for fm), every source listed.
 * - Ki,u = Ki·fu,inc for total Ki, KI and IC50 (kinact/KI,u = (kinact/KI)/fu,inc): measured fu,inc when recorded,
 *   else predicted from lipophilicity (fu-inc.ts), else uncorrected with a warning saying why. IC50 only: Ki = IC50/2.
 */
import type { KbIndex } from '../kb/kb-index.js';
import type { Relation } from '../kb/types.js';
import type { PathwayInput } from '../models/dynamic/parameterise.js';
import type { Inactivation, Induction, Inhibition, Site, Species } from '../models/dynamic/types.js';
import { asMicromolar, asPerHour } from '../units/branded.js';
import type { ParamLog } from './param-log.js';
import type { BoundConstant } from './fu-inc.js';
import { bindingOf } from './pk-inputs.js';

/** Default cap on kobs for linear (kinact/KI only) TDI: 0.1 min⁻¹, the upper end of typical kinact (assumption). */
export const LINEAR_TDI_KOBS_CAP_PER_H = asPerHour(6);
/**
 * Ki from an IC50 alone: Ki = IC50/2, the Cheng–Prusoff relation for competitive inhibition at [S] = Km
 * (the FDA 2020 guidance's default when Ki is not measured).
 */
export const IC50_TO_KI_DIVISOR = 2;

export interface EnzymeRoles {
  pathways: PathwayInput[];
  inhibits: Inhibition[];
  inactivates: Inactivation[];
  induces: Induction[];
}

interface RoleContext {
  log: ParamLog;
  kb: KbIndex;
  /** In-vitro potency divisor of a sensitivity analysis (1 = none). */
  potency: number;
  /** fm replacements of a sensitivity analysis. */
  fmOverride: Record<string, number> | undefined;
  /** Label suffix when the values are human values used for another species. */
  tag: string;
}

function geomean(xs: number[]): number {
  return Math.exp(xs.reduce((a, x) => a + Math.log(x), 0) / xs.length);
}

const sourcesOf = (rs: Relation[]): string => rs.map((r) => r.id).join(', ');

/** The site a relation acts at: its own, else both organs for a gut-expressed enzyme, else the liver. */
function siteOf(kb: KbIndex, r: Relation): Site {
  return r.site ?? (kb.target(r.object)?.gutExpressed ? 'both' : 'liver');
}

/**
 * The enzyme relations to use, grouped by `action:enzyme`: the species' own, or human ones as a labelled
 * proxy when the species has none (sets `log.indirect`).
 */
export function enzymeRelationsByKey(log: ParamLog, kb: KbIndex, species: Species): Map<string, Relation[]> {
  const rels = kb.relationsOf(log.owner).filter((r) => kb.target(r.object)?.kind === 'enzyme');
  const own = rels.filter((r) => r.species === species);
  const chosen = own.length > 0 || species === 'human' ? own : rels.filter((r) => r.species === 'human');
  if (own.length === 0 && species !== 'human' && chosen.length > 0) {
    log.indirect = true;
    log.warn(`${log.owner}: no ${species} enzyme data; human in-vitro values used as a proxy (indirect translation)`);
  }
  const byKey = new Map<string, Relation[]>();
  for (const r of chosen) {
    const k = `${r.action}:${r.object}`;
    byKey.set(k, [...(byKey.get(k) ?? []), r]);
  }
  return byKey;
}

/** A clearing pathway: mean fm of the records (or the sensitivity override). */
function substratePathway(cx: RoleContext, enzyme: string, rs: Relation[]): PathwayInput | null {
  const fms = rs.filter((r) => r.fm).map((r) => r.fm!.value);
  if (fms.length === 0) return null;
  const override = cx.fmOverride?.[enzyme];
  const fm = override !== undefined ? cx.log.put(`fm ${enzyme}`, override, 'fraction', 'sensitivity override', true)
    : cx.log.put(`fm ${enzyme}`, fms.reduce((a, b) => a + b, 0) / fms.length, 'fraction', sourcesOf(rs), rs.some((r) => !r.fm?.verified), fms.length > 1 ? 'mean of records' : undefined);
  return { enzyme, fm, gutExpressed: cx.kb.target(enzyme)?.gutExpressed === true };
}

/**
 * The incubation-binding factor of one constant (1 when unbound or not corrected), logged: a predicted fu,inc as an
 * assumption-bearing value, an uncorrected total constant as a warning that says why.
 */
function fuIncOf(kb: KbIndex, log: ParamLog, enzyme: string, r: Relation, constant: BoundConstant): number {
  const b = bindingOf(kb, r, constant);
  if (b.kind === 'predicted') log.put(`fu,inc ${enzyme} (${r.id})`, b.fuInc, 'fraction', b.sources.join(', '), b.proteinAssumed === true, b.label);
  else if (b.kind === 'measured') log.put(`fu,inc ${enzyme} (${r.id})`, b.fuInc, 'fraction', b.sources.join(', '), false, b.label);
  else if (b.kind === 'none') log.warn(`${log.owner} → ${enzyme}: total constant used as unbound (${b.reason}; relation ${r.id})`);
  return b.fuInc;
}

/** Unbound Ki of one record (µM): Ki or IC50/2, × fu,inc when total; null without either. */
function unboundKi(kb: KbIndex, log: ParamLog, enzyme: string, r: Relation): number | null {
  const base = r.ki ?? r.ic50;
  if (!base) return null;
  const v = r.ki ? base.value : base.value / IC50_TO_KI_DIVISOR;
  if (!r.ki) log.warn(`${log.owner} → ${enzyme}: Ki = IC50/2 (derived, relation ${r.id})`);
  return v * fuIncOf(kb, log, enzyme, r, r.ki ? 'ki' : 'ic50');
}

/** Reversible inhibition: geometric mean of the records' unbound Ki. */
function inhibition(cx: RoleContext, enzyme: string, rs: Relation[]): Inhibition | null {
  const kis = rs.map((r) => unboundKi(cx.kb, cx.log, enzyme, r)).filter((v): v is number => v !== null);
  if (kis.length === 0) return null;
  const note = [kis.length > 1 ? `geometric mean of ${kis.length} records` : '', cx.potency !== 1 ? `× ${cx.potency} (sensitivity)` : ''].filter(Boolean).join('; ') || undefined;
  const ki = cx.log.put(`Ki,u ${enzyme}${cx.tag}`, geomean(kis) * cx.potency, 'µM', sourcesOf(rs), true, note);
  return { enzyme, kiUnboundUM: asMicromolar(ki), site: siteOf(cx.kb, rs[0]!) };
}

/** Inactivation: saturable (KI, kinact) when any record has both, else linear (kinact/KI) with a kobs cap. */
function inactivation(cx: RoleContext, enzyme: string, rs: Relation[]): Inactivation | null {
  const { log, potency: pot, tag } = cx;
  const sat = rs.filter((r) => r.KI && r.kinact);
  if (sat.length > 0) {
    const KI = pot * geomean(sat.map((r) => r.KI!.value * fuIncOf(cx.kb, log, enzyme, r, 'KI')));
    const kinact = geomean(sat.map((r) => r.kinact!.value));
    log.put(`KI,u ${enzyme}${tag}`, KI, 'µM', sourcesOf(sat), true);
    log.put(`kinact ${enzyme}${tag}`, kinact, '1/h', sourcesOf(sat), true);
    return { enzyme, site: siteOf(cx.kb, sat[0]!), kind: 'saturable', kinactPerH: asPerHour(kinact), kIUnboundUM: asMicromolar(KI) };
  }
  const lin = rs.filter((r) => r.kinactOverKI);
  if (lin.length === 0) return null;
  const ratio = geomean(lin.map((r) => r.kinactOverKI!.value / fuIncOf(cx.kb, log, enzyme, r, 'kinactOverKI'))) / pot;
  log.put(`kinact/KI,u ${enzyme}${tag}`, ratio, '1/(h·µM)', sourcesOf(lin), true, 'linear TDI (I ≪ KI), linearTDI=true');
  log.put(`kobs cap ${enzyme}`, LINEAR_TDI_KOBS_CAP_PER_H, '1/h', 'assumption: kinact ≤ 0.1 min⁻¹', true);
  return { enzyme, site: siteOf(cx.kb, lin[0]!), kind: 'linear', kinactOverKIPerHPerUM: ratio, kobsCapPerH: LINEAR_TDI_KOBS_CAP_PER_H };
}

/** Induction: geometric means of Emax (fold) and EC50,u over records that give both. */
function induction(cx: RoleContext, enzyme: string, rs: Relation[]): Induction | null {
  const ok = rs.filter((r) => r.emaxFold && r.ec50);
  if (ok.length === 0) return null;
  const emax = cx.log.put(`Emax fold ${enzyme}${cx.tag}`, geomean(ok.map((r) => r.emaxFold!.value)), 'fold', sourcesOf(ok), true);
  const ec50 = cx.log.put(`EC50,u ${enzyme}${cx.tag}`, geomean(ok.map((r) => r.ec50!.value)), 'µM', sourcesOf(ok), true);
  return { enzyme, site: siteOf(cx.kb, ok[0]!), emaxFold: emax, ec50UnboundUM: asMicromolar(ec50) };
}

/**
 * Every enzyme role of the compound in `log.owner`, in the order of its relation groups. `potencyDivisor`
 * and `fmOverride` are sensitivity-analysis replacements, applied before anything is derived from them.
 */
export function enzymeRoles(log: ParamLog, kb: KbIndex, species: Species, potencyDivisor = 1, fmOverride?: Record<string, number>): EnzymeRoles {
  const byKey = enzymeRelationsByKey(log, kb, species);
  // the label is fixed here: indirect may already be set by a binding value taken from a human profile
  const cx: RoleContext = { log, kb, potency: potencyDivisor, fmOverride, tag: log.indirect ? ' (human value, indirect)' : '' };
  const roles: EnzymeRoles = { pathways: [], inhibits: [], inactivates: [], induces: [] };
  for (const [key, rs] of byKey) {
    const [action, enzyme] = key.split(':') as [string, string];
    if (action === 'substrate') push(roles.pathways, substratePathway(cx, enzyme, rs));
    else if (action === 'inhibitor') push(roles.inhibits, inhibition(cx, enzyme, rs));
    else if (action === 'tdi') push(roles.inactivates, inactivation(cx, enzyme, rs));
    else if (action === 'inducer') push(roles.induces, induction(cx, enzyme, rs));
  }
  if (roles.pathways.length === 0) log.warn(`${log.owner}: no enzyme fm in the KB; all hepatic clearance is 'other' (not inhibitable)`);
  return roles;
}

function push<T>(xs: T[], x: T | null): void {
  if (x !== null) xs.push(x);
}
