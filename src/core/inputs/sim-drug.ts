/**
 * Build simulation drug parameters from the compiled KB for one compound and species. Every value
 * used is listed with its source (KB source id, or a named default) and whether it is an assumption;
 * missing essentials (molecular weight, any clearance, any volume) raise SIM_MISSING_PARAMETER.
 *
 * Selection rules (documented choices, not biology):
 * - PK: `defaultPk(id, species, 'po')`, else any profile of that species.
 * - Enzyme relations: records of the requested species; if none, human records — for a rat this is
 *   the "indirect" translation of MODEL.md §5 and is labelled so.
 * - Several records for one (enzyme, mechanism): geometric mean, every source listed.
 * - Ki,u = Ki·fu,inc for total Ki; without fu,inc, fu,inc = 1 (assumption). IC50 only: Ki = IC50/2.
 */
import { kaFromTmax, peakPerUnitDose } from '../models/one-compartment.js';
import { parseRegimen } from '../units/parse-regimen.js';
import { fail } from '../errors.js';
import type { KbIndex } from '../kb/kb-index.js';
import type { PkProfile, Relation } from '../kb/types.js';
import type { Quantity } from '../schema/quantity.js';
import { calibrateAutoInhibition, hasAutoInhibition, scaleHepaticClint } from '../models/dynamic/calibrate.js';
import { derivePk, type PathwayInput } from '../models/dynamic/parameterise.js';
import { DEFAULT_KDEG_LIVER_PER_H, type UsedParameter } from './physiology.js';
import type { DrugParams, EnzymeTurnover, Inactivation, Induction, Inhibition, Physiology, Site, Species } from '../models/dynamic/types.js';

/** Default cap on kobs for linear (kinact/KI only) TDI: 0.1 min⁻¹, the upper end of typical kinact (assumption). */
export const LINEAR_TDI_KOBS_CAP_PER_H = 6;
/** Default absorption of the fast routes when the KB has no route profile (assumptions). */
export const FAST_ROUTE_DEFAULTS = {
  inhaled: { kaPerH: 30, bioavailability: 0.25 },
  oromucosal: { kaPerH: 2, bioavailability: 0.1 },
} as const;

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

function perKg(q: Quantity, bw: number): number {
  return /\/kg$/.test(q.unit) ? q.value * bw : q.value;
}

function geomean(xs: number[]): number {
  return Math.exp(xs.reduce((a, x) => a + Math.log(x), 0) / xs.length);
}

/** True when a clearance can be derived from the profile (dose and AUC, or volume and half-life). */
function clearanceDerivable(p: PkProfile): boolean {
  return !!((p.auc && p.dose) || (p.halfLife && (p.route === 'iv' ? p.v : p.vF)) || (p.route !== 'iv' && p.cmax && p.dose && p.halfLife));
}

/**
 * Clearance (CL for iv, CL/F otherwise; L/h) from a profile without one, in order of preference:
 * dose/AUC (AUC in µM·h → mg·h/L by the molecular weight; at steady state AUCτ, which gives the
 * same CL/F), then V·ln2/t½ (one-compartment; V/F for oral profiles). Null when neither applies.
 */
export function derivedClearance(p: PkProfile, mwGPerMol: number, bodyWeightKg: number): { value: number; how: string; sources: string[]; note?: string } | null {
  if (p.auc && p.dose && p.auc.value > 0) {
    const doseMg = perKg(p.dose, bodyWeightKg);
    const aucMgHPerL = (p.auc.value * mwGPerMol) / 1000;
    const value = doseMg / aucMgHPerL;
    if (Number.isFinite(value) && value > 0)
      return {
        value, how: 'dose/AUC', sources: [...new Set([p.dose.source, p.auc.source])],
        note: p.steadyState ? 'steady-state AUCτ' : 'single-dose AUC taken as AUC0-inf (overestimates CL if it is AUC0-t)',
      };
  }
  const vol = p.route === 'iv' ? p.v : p.vF;
  if (vol && p.halfLife && p.halfLife.value > 0) {
    const value = (perKg(vol, bodyWeightKg) * Math.LN2) / p.halfLife.value;
    if (Number.isFinite(value) && value > 0)
      return { value, how: `${p.route === 'iv' ? 'V' : 'V/F'}·ln2/t½`, sources: [...new Set([vol.source, p.halfLife.source])], note: 'one-compartment assumption' };
  }
  // Last resort for an oral profile that reports only a peak: the one-compartment curve through Cmax (at tmax, or
  // with ka when known) gives V/F, and V/F·k gives CL/F. The same Cmax and t½ feed the static model.
  if (p.route !== 'iv' && p.cmax && p.dose && p.halfLife && p.halfLife.value > 0 && p.cmax.value > 0) {
    const k = Math.LN2 / p.halfLife.value;
    const ka = p.ka?.value ?? (p.tmax ? kaFromTmax(p.tmax.value, k) : undefined) ?? DEFAULT_KA_FOR_PEAK_PER_H;
    let tau: number | null = null;
    if (p.steadyState) {
      try {
        tau = p.regimen && p.regimen !== 'single' ? (parseRegimen(p.regimen).intervalH ?? 24) : 24;
      } catch {
        tau = 24;
      }
    }
    const doseUmol = (perKg(p.dose, bodyWeightKg) * 1000) / mwGPerMol;
    const vF = (doseUmol * peakPerUnitDose(ka, k, tau)) / p.cmax.value;
    const value = vF * k;
    if (Number.isFinite(value) && value > 0)
      return {
        value,
        how: 'one-compartment fit through Cmax and t½ (V/F = dose·shape/Cmax, CL/F = k·V/F)',
        sources: [...new Set([p.dose.source, p.cmax.source, p.halfLife.source])],
        note: `ka ${ka.toPrecision(3)} /h ${p.ka ? 'from the profile' : p.tmax && kaFromTmax(p.tmax.value, k) ? `inferred from tmax ${p.tmax.value} h` : `assumed (${DEFAULT_KA_FOR_PEAK_PER_H} /h)`}${tau ? `, steady state every ${tau} h` : ''}; a rough clearance: prefer a reported CL/F or AUC`,
      };
  }
  return null;
}

/** ka assumed when a peak-only profile has neither ka nor tmax (FDA default 0.1 /min would put the peak too early). */
const DEFAULT_KA_FOR_PEAK_PER_H = 1;

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

/**
 * Drug parameters for compound `id` in `species` with physiology `phys`. `simulated` lists the
 * compound ids in the run, so metabolite links to compounds outside it are dropped.
 */
export function drugFromKb(kb: KbIndex, id: string, phys: Physiology, simulated: readonly string[] = [], ov: DrugOverrides = {}): DrugFromKb {
  const species: Species = phys.species;
  const used: UsedParameter[] = [];
  const warnings: string[] = [];
  let indirect = false;
  const sub = kb.substance(id);
  if (!sub) fail('INPUT_UNKNOWN_SUBSTANCE', { field: 'substance', query: id, suggestions: [] }, { field: 'substance' });
  const put = (name: string, value: number, unit: string, source: string, assumption: boolean, note?: string): number => {
    used.push({ owner: id, name, value, unit, source, assumption, ...(note ? { note } : {}) });
    return value;
  };
  const q = (name: string, x: Quantity | undefined, unit: string, bw = 1): number | undefined =>
    x ? put(name, perKg(x, bw), unit, x.source, !x.verified, x.verified ? undefined : 'verified=false') : undefined;

  if (!sub.mw) fail('SIM_MISSING_PARAMETER', { field: `substances.${id}.mw`, parameter: 'molecular weight', substance: id, why: 'needed for µmol amounts' }, { field: `${id}.mw` });
  const mw = q('mw', sub.mw, 'g/mol')!;
  // a profile that has a clearance: the species' default po profile first, then any default, then any
  // (a reported clearance beats one derived from dose/AUC or V·ln2/t½)
  const candidates = kb.pkOf(id).filter((p) => p.species === species && (p.cl || p.clF || clearanceDerivable(p)));
  const rank = (p: PkProfile): number => (p.cl || p.clF ? 0 : 4) + (p.default ? 0 : 2) + (p.route === 'po' ? 0 : 1);
  const pk: PkProfile | undefined = [...candidates].sort((a, b) => rank(a) - rank(b))[0] ?? kb.defaultPk(id, species, 'po');
  if (!pk)
    fail('SIM_MISSING_PARAMETER', { field: `pk.${id}`, parameter: `a ${species} PK profile`, substance: id, why: 'clearance and volume are needed' }, { field: `${id}.pk` });
  used.push({ owner: id, name: 'pkProfile', value: 1, unit: '-', source: pk.id, assumption: false, note: `${pk.species} ${pk.route}` });
  const bw = phys.bodyWeightKg;
  let cl = pk.route === 'iv' ? q('CL', pk.cl, 'L/h', bw) : undefined;
  let clF = pk.route !== 'iv' ? (q('CL/F', pk.clF, 'L/h', bw) ?? (pk.cl ? q('CL', pk.cl, 'L/h', bw) : undefined)) : undefined;
  if (cl === undefined && clF === undefined) {
    const dv = derivedClearance(pk, mw, bw);
    if (dv) {
      const name = pk.route === 'iv' ? 'CL' : 'CL/F';
      const value = put(name, dv.value, 'L/h', `derived: ${dv.how} (${dv.sources.join(', ')})`, true, dv.note);
      if (pk.route === 'iv') cl = value; else clF = value;
      warnings.push(`${id}: ${name} ${value.toPrecision(3)} L/h derived from ${dv.how} (profile ${pk.id}; no reported clearance)`);
    }
  }
  if (cl === undefined && clF === undefined)
    fail('SIM_MISSING_PARAMETER', {
      field: `pk.${pk.id}`, parameter: `${species} clearance`, substance: id,
      why: `the profile has no cl or clF, and neither dose with AUC nor ${pk.route === 'iv' ? 'V' : 'V/F'} with t½ to derive one from`,
    }, { field: `${pk.id}.clF` });
  const dflt = (name: string, x: Quantity | undefined, value: number, unit: string, why: string): number =>
    x ? q(name, x, unit)! : put(name, value, unit, why, true);
  // binding: the species' own value, else (non-human) a human value as a labelled proxy, else the default
  const human = species !== 'human' ? kb.pkOf(id).filter((p) => p.species === 'human') : [];
  const proxy = (name: string, field: 'fu' | 'rb'): Quantity | undefined => {
    if (pk[field]) return pk[field];
    const h = human.find((p) => p[field])?.[field];
    if (h) { indirect = true; warnings.push(`${id}: ${name} from a human profile (no ${species} value; indirect)`); }
    return h;
  };
  const fuP = ov.fuP !== undefined ? put('fu,p', ov.fuP, 'fraction', 'sensitivity override', true)
    : dflt('fu,p', proxy('fu,p', 'fu'), 1, 'fraction', 'default: fu,p unknown → 1 (conservative for a perpetrator)');
  const pot = ov.potencyDivisor ?? 1;
  const rb = dflt('RB', proxy('RB', 'rb'), 1, 'ratio', 'FDA default RB = 1 (MODEL.md §1.1)');
  const fa = dflt('Fa', pk.fa, 1, 'fraction', 'FDA default Fa = 1 (MODEL.md §1.1)');
  const fg = dflt('Fg', pk.fg, 1, 'fraction', 'FDA default Fg = 1 (MODEL.md §1.1)');
  const fe = dflt('fe', pk.fe, 0, 'fraction', 'default: no renal excretion unchanged (hepatic elimination dominant)');

  // enzyme relations of this compound
  const rels = kb.relationsOf(id).filter((r) => kb.target(r.object)?.kind === 'enzyme');
  const own = rels.filter((r) => r.species === species);
  const chosen = own.length > 0 || species === 'human' ? own : rels.filter((r) => r.species === 'human');
  if (own.length === 0 && species !== 'human' && chosen.length > 0) {
    indirect = true;
    warnings.push(`${id}: no ${species} enzyme data; human in-vitro values used as a proxy (indirect translation)`);
  }
  const byKey = new Map<string, Relation[]>();
  for (const r of chosen) {
    const k = `${r.action}:${r.object}`;
    byKey.set(k, [...(byKey.get(k) ?? []), r]);
  }
  const siteOf = (r: Relation): Site => r.site ?? (kb.target(r.object)?.gutExpressed ? 'both' : 'liver');
  const srcOf = (rs: Relation[]): string => rs.map((r) => r.id).join(', ');
  const tag = indirect ? ' (human value, indirect)' : '';

  const pathways: PathwayInput[] = [];
  const inhibits: Inhibition[] = [];
  const inactivates: Inactivation[] = [];
  const induces: Induction[] = [];
  for (const [key, rs] of byKey) {
    const [action, enzyme] = key.split(':') as [string, string];
    if (action === 'substrate') {
      const fms = rs.filter((r) => r.fm).map((r) => r.fm!.value);
      if (fms.length === 0) continue;
      const fm = ov.fm?.[enzyme] !== undefined ? put(`fm ${enzyme}`, ov.fm[enzyme]!, 'fraction', 'sensitivity override', true)
        : put(`fm ${enzyme}`, fms.reduce((a, b) => a + b, 0) / fms.length, 'fraction', srcOf(rs), rs.some((r) => !r.fm?.verified), fms.length > 1 ? 'mean of records' : undefined);
      pathways.push({ enzyme, fm, gutExpressed: kb.target(enzyme)?.gutExpressed === true });
    } else if (action === 'inhibitor') {
      const kis: number[] = [];
      for (const r of rs) {
        const base = r.ki ?? r.ic50;
        if (!base) continue;
        let v = r.ki ? base.value : base.value / 2;
        if (!r.ki) warnings.push(`${id} → ${enzyme}: Ki = IC50/2 (derived, relation ${r.id})`);
        if (base.bound !== 'unbound') {
          if (r.fuInc) v *= r.fuInc.value;
          else warnings.push(`${id} → ${enzyme}: Ki treated as unbound (fu,inc unknown, assumed 1; relation ${r.id})`);
        }
        kis.push(v);
      }
      if (kis.length === 0) continue;
      const ki = put(`Ki,u ${enzyme}${tag}`, geomean(kis) * pot, 'µM', srcOf(rs), true, [kis.length > 1 ? `geometric mean of ${kis.length} records` : '', pot !== 1 ? `× ${pot} (sensitivity)` : ''].filter(Boolean).join('; ') || undefined);
      inhibits.push({ enzyme, kiUnboundUM: ki, site: siteOf(rs[0]!) });
    } else if (action === 'tdi') {
      const sat = rs.filter((r) => r.KI && r.kinact);
      if (sat.length > 0) {
        const KI = pot * geomean(sat.map((r) => r.KI!.value * (r.KI!.bound !== 'unbound' && r.fuInc ? r.fuInc.value : 1)));
        const kinact = geomean(sat.map((r) => r.kinact!.value));
        put(`KI,u ${enzyme}${tag}`, KI, 'µM', srcOf(sat), true);
        put(`kinact ${enzyme}${tag}`, kinact, '1/h', srcOf(sat), true);
        inactivates.push({ enzyme, site: siteOf(sat[0]!), kind: 'saturable', kinactPerH: kinact, kIUnboundUM: KI });
      } else {
        const lin = rs.filter((r) => r.kinactOverKI);
        if (lin.length === 0) continue;
        const ratio = geomean(lin.map((r) => r.kinactOverKI!.value / (r.fuInc && r.kinactOverKI!.bound !== 'unbound' ? r.fuInc.value : 1))) / pot;
        put(`kinact/KI,u ${enzyme}${tag}`, ratio, '1/(h·µM)', srcOf(lin), true, 'linear TDI (I ≪ KI), linearTDI=true');
        put(`kobs cap ${enzyme}`, LINEAR_TDI_KOBS_CAP_PER_H, '1/h', 'assumption: kinact ≤ 0.1 min⁻¹', true);
        inactivates.push({ enzyme, site: siteOf(lin[0]!), kind: 'linear', kinactOverKIPerHPerUM: ratio, kobsCapPerH: LINEAR_TDI_KOBS_CAP_PER_H });
      }
    } else if (action === 'inducer') {
      const ok = rs.filter((r) => r.emaxFold && r.ec50);
      if (ok.length === 0) continue;
      const emax = put(`Emax fold ${enzyme}${tag}`, geomean(ok.map((r) => r.emaxFold!.value)), 'fold', srcOf(ok), true);
      const ec50 = put(`EC50,u ${enzyme}${tag}`, geomean(ok.map((r) => r.ec50!.value)), 'µM', srcOf(ok), true);
      induces.push({ enzyme, site: siteOf(ok[0]!), emaxFold: emax, ec50UnboundUM: ec50 });
    }
  }
  if (pathways.length === 0) warnings.push(`${id}: no enzyme fm in the KB; all hepatic clearance is 'other' (not inhibitable)`);

  const d = derivePk({
    clLPerH: cl, clFLPerH: cl === undefined ? clF : undefined, fuP, rb, fa, fg, fe, pathways,
    qhLPerH: phys.qhLPerH, qentLPerH: phys.qentLPerH,
    halfLifeH: pk.halfLife?.value, vL: pk.v ? perKg(pk.v, bw) : undefined, vFL: pk.vF ? perKg(pk.vF, bw) : undefined,
    vssL: pk.vss ? perKg(pk.vss, bw) : undefined, vpFL: pk.vpF ? perKg(pk.vpF, bw) : undefined,
    qFLPerH: pk.qF ? perKg(pk.qF, bw) : undefined, kaPerH: pk.ka?.value, tmaxH: pk.tmax?.value,
  });
  if (pk.halfLife) q('t½', pk.halfLife, 'h');
  if (pk.tmax) q('tmax', pk.tmax, 'h');
  if (pk.ka) q('ka', pk.ka, '1/h');
  if (!(d.vcL > 0))
    fail('SIM_MISSING_PARAMETER', { field: `pk.${pk.id}`, parameter: `${species} volume`, substance: id, why: 'the profile has no v, vF, vss or half-life' }, { field: `${pk.id}.vF` });
  for (const n of d.notes) put(n.name, n.value, n.unit, `derived: ${n.how}`, n.assumption);
  put('F (predicted)', d.fOral, 'fraction', 'derived: Fa·Fg·Fh', false);

  const fast: DrugParams['fast'] = {};
  for (const route of ['inhaled', 'oromucosal'] as const) {
    const rp = kb.defaultPk(id, species, route);
    const f = rp?.route === route ? rp.f : undefined;
    const ka = rp?.route === route ? rp.ka : undefined;
    fast[route] = {
      kaPerH: ka ? ka.value : FAST_ROUTE_DEFAULTS[route].kaPerH,
      bioavailability: f ? f.value : FAST_ROUTE_DEFAULTS[route].bioavailability,
    };
  }
  const metabolites = sub.metabolites
    .filter((m) => simulated.includes(m.substance) && m.enzyme && m.fraction)
    .map((m) => ({ metaboliteId: m.substance, enzyme: m.enzyme!, fraction: put(`fraction → ${m.substance}`, m.fraction!.value, 'fraction', m.fraction!.source, !m.fraction!.verified) }));
  const drug: DrugParams = {
    id, mwGPerMol: mw, kaPerH: d.kaPerH, tlagH: pk.tlag?.value ?? 0, fa: d.faEff, fast,
    vcL: d.vcL, k12PerH: d.k12PerH, k21PerH: d.k21PerH, fuP, rb, kpLiver: 1,
    clRenalLPerH: d.clRenalLPerH, clintOtherLPerH: d.clintOtherLPerH, enzymes: d.enzymes,
    inhibits, inactivates, induces, metabolites,
  };
  put('Kp,liver', 1, 'ratio', 'default Kp,h = 1 (MODEL.md §2.2; affects dynamics only)', true);
  // CL/F was measured with the compound's own inhibition of its clearance already acting: make the
  // compound alone reproduce it at the profile's dose instead of applying auto-inhibition twice
  const doseMg = pk.dose ? perKg(pk.dose, bw) : undefined;
  if (hasAutoInhibition(drug) && cl === undefined && clF !== undefined && pk.route === 'po' && !pk.steadyState && doseMg !== undefined && doseMg > 0) {
    const t12 = pk.halfLife?.value ?? (Math.LN2 * d.vcL) / d.clPlasmaLPerH;
    const c = calibrateAutoInhibition(drug, phys, doseMg, clF, t12);
    put('CLint,h auto-inhibition scale', c.scale, 'factor', `derived: alone at the profile dose ${doseMg.toPrecision(3)} mg reproduces Dose/(CL/F) (profile ${pk.id})`, true,
      `without it the simulated AUC was ${(c.aucBeforeUMH / c.targetUMH).toPrecision(3)}× the observed (own inhibition applied on top of a clearance measured with it)`);
    if (!c.converged) warnings.push(`${id}: auto-inhibition calibration did not reach the observed CL/F (scale bound ${c.scale}); simulated/observed AUC ${(c.aucAfterUMH / c.targetUMH).toPrecision(3)}`);
    else if (Math.abs(c.scale - 1) > 0.05) warnings.push(`${id}: hepatic CLint × ${c.scale.toPrecision(3)} so that the compound alone reproduces its own CL/F at ${doseMg.toPrecision(3)} mg (auto-inhibition; simulated AUC was ${(c.aucBeforeUMH / c.targetUMH).toPrecision(3)}× observed)`);
    return { drug: scaleHepaticClint(drug, c.scale), used, warnings, indirect };
  }
  return { drug, used, warnings, indirect };
}
