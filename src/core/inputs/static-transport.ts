/**
 * KB → the static model's transporter inputs (MODEL.md §7): how transporters carry a victim (hepatic uptake
 * fraction, gut efflux fraction, elimination-efflux share, hepatic share of clearance) and each perpetrator's
 * inhibition constants at those transporters. Observed clinical outcomes are never read here.
 */
import type { KbIndex } from '../kb/kb-index.js';
import type { Relation } from '../kb/types.js';
import type { Fraction, TransporterEffect, VictimTransport } from '../models/static/transporters.js';
import type { Quantity } from '../schema/quantity.js';
import { statement, type Statement } from '../schema/statement.js';
import { kiUnboundOf, type FmScenario, type ParamUse } from './pk-inputs.js';

export interface VictimTransportInputs {
  transport: VictimTransport;
  relations: Relation[];
  parameters: ParamUse[];
  notes: Statement[];
  sources: string[];
}

/** The assumption record that gives the reasoning and range of the uptake term's concentration choice. */
const UPTAKE_CONCENTRATION_SOURCE = 'assume-oatp-total-inlet';

const isTransporter = (kb: KbIndex, id: string): boolean => kb.target(id)?.kind === 'transporter';

function fraction(q: Quantity): Fraction {
  const v = Math.min(1, Math.max(0, q.value));
  return { value: v, low: Math.min(v, Math.max(0, q.low ?? v)), high: Math.max(v, Math.min(1, q.high ?? v)) };
}

/** Human records first; another species only when the KB has nothing else. */
function preferHuman(rs: Relation[]): Relation[] {
  const h = rs.filter((r) => r.species === 'human');
  return h.length > 0 ? h : rs;
}

/**
 * How transporters carry `analyteId`, from its `transporter-substrate` relations: `ft` at site gut → intestinal
 * efflux, `ft` elsewhere → hepatic uptake, `fm` → share of systemic clearance by the transporter's secretion;
 * `fHepatic` on any of them → the hepatic share of clearance. Undefined when the KB gives none of these numbers.
 */
export function victimTransportInputs(kb: KbIndex, analyteId: string, analyteName: string): VictimTransportInputs | undefined {
  // Measured values before assumptions, verified before unverified: which record is read first must not depend on
  // the order of files in kb/relations (a stable sort keeps file order within a rank).
  const rank = (r: Relation): number => {
    const q = r.ft ?? r.fm ?? r.fHepatic;
    return !q ? 3 : kb.source(q.source)?.type === 'assumption' ? 2 : q.verified ? 0 : 1;
  };
  const rels = preferHuman(kb.relationsOf(analyteId).filter((r) => r.action === 'transporter-substrate' && isTransporter(kb, r.object) && (r.ft || r.fm || r.fHepatic))).sort((a, b) => rank(a) - rank(b));
  if (rels.length === 0) return undefined;
  const transport: VictimTransport = { fHepatic: { value: 1, low: 1, high: 1 }, hepaticUptake: {}, gutEfflux: {}, eliminationEfflux: {} };
  const parameters: ParamUse[] = [];
  const notes: Statement[] = [];
  const sources: string[] = [];
  const use = (name: string, q: Quantity, target: string): void => {
    const assumption = kb.source(q.source)?.type === 'assumption';
    parameters.push({ substance: analyteId, name: `${name} ${kb.target(target)?.name ?? target}`, value: q.value, unit: 'fraction', source: q.source, verified: q.verified, assumption, derived: q.derived, note: q.note });
    sources.push(q.source);
  };
  let fHepatic: Quantity | undefined;
  for (const r of rels) {
    // One value per transporter and role: the first record in the order above.
    if (r.ft && r.site === 'gut' && !(r.object in transport.gutEfflux)) {
      transport.gutEfflux[r.object] = fraction(r.ft);
      use('ft (gut efflux)', r.ft, r.object);
    } else if (r.ft && r.site !== 'gut' && !(r.object in transport.hepaticUptake)) {
      transport.hepaticUptake[r.object] = fraction(r.ft);
      use('ft (hepatic uptake)', r.ft, r.object);
    }
    if (r.fm && !(r.object in transport.eliminationEfflux)) {
      transport.eliminationEfflux[r.object] = fraction(r.fm);
      use('fe (secretion)', r.fm, r.object);
    }
    fHepatic ??= r.fHepatic;
  }
  // The renal share (fe, fraction excreted unchanged) is out of the liver's reach: fH = 1 − fe when no record gives fH.
  const fe = fHepatic ? undefined : renalShare(kb, analyteId);
  if (fHepatic) {
    transport.fHepatic = fraction(fHepatic);
    parameters.push({ substance: analyteId, name: 'fraction of clearance hepatic', value: fHepatic.value, unit: 'fraction', source: fHepatic.source, verified: fHepatic.verified, assumption: kb.source(fHepatic.source)?.type === 'assumption', note: fHepatic.note });
    sources.push(fHepatic.source);
  } else if (fe) {
    const f = fraction(fe);
    transport.fHepatic = { value: 1 - f.value, low: 1 - f.high, high: 1 - f.low };
    parameters.push({ substance: analyteId, name: 'fraction of clearance hepatic', value: 1 - f.value, unit: 'fraction', source: fe.source, verified: fe.verified, assumption: false, derived: '1 − fe (renal share)' });
    sources.push(fe.source);
  } else if (Object.keys(transport.hepaticUptake).length > 0) notes.push(statement('ASSUME_FHEPATIC_ONE', 'assumption', { analyte: analyteName }));
  if (parameters.some((p) => p.assumption)) notes.push(statement('ASSUME_TRANSPORT_ASSUMED', 'assumption', { analyte: analyteName }));
  // The uptake term reads the perpetrator's total inlet peak (DEFAULT_UPTAKE_CONCENTRATION): say so wherever it can act.
  if (Object.keys(transport.hepaticUptake).length > 0) {
    notes.push(statement('ASSUME_UPTAKE_TOTAL_INLET', 'assumption', { analyte: analyteName }, null, [UPTAKE_CONCENTRATION_SOURCE]));
    sources.push(UPTAKE_CONCENTRATION_SOURCE);
  }
  return { transport, relations: rels, parameters, notes, sources };
}

/** The fraction excreted unchanged in urine (renal share of clearance) from the victim's human PK, default profile first. */
function renalShare(kb: KbIndex, id: string): Quantity | undefined {
  const def = kb.defaultPk(id, 'human');
  return def?.fe ?? kb.pkOf(id).find((p) => p.species === 'human' && p.fe)?.fe;
}

/** A victim carried by transporters but with no enzyme fm: one fm scenario with no enzyme (the transporter terms act alone). */
export function transportOnlyScenario(t: VictimTransportInputs): FmScenario {
  const r = t.relations[0]!;
  const q = r.ft ?? r.fm ?? r.fHepatic!;
  return { source: q.source, fm: {}, fmLow: {}, fmHigh: {}, verified: t.relations.every((x) => [x.ft, x.fm, x.fHepatic].every((y) => !y || y.verified)), evidence: r.evidence };
}

export function transportersOf(t: VictimTransport): Set<string> {
  return new Set([...Object.keys(t.hepaticUptake), ...Object.keys(t.gutEfflux), ...Object.keys(t.eliminationEfflux)]);
}

const geomean = (xs: number[]): number => Math.exp(xs.reduce((a, x) => a + Math.log(x), 0) / xs.length);

/** Does a relation's probe name the victim? Transporter inhibition depends on the substrate (Izumi et al. 2015). */
function probeIs(r: Relation, victimId: string, victimName: string): boolean {
  const p = (r.probe ?? '').toLowerCase();
  return p !== '' && (p.includes(victimId.toLowerCase()) || p.includes(victimName.toLowerCase()));
}

/**
 * A perpetrator's inhibition constants at the victim's transporters: the geometric mean of unbound Ki (IC50/2 when
 * only an IC50 is given, as for enzymes), from records measured with the victim as the probe substrate where the KB
 * has them (transporter inhibition is substrate-dependent), else from every record; and its induction of them
 * (Emax, EC50 and the site measured).
 */
export function perpetratorTransporterEffects(
  kb: KbIndex,
  compoundId: string,
  victim: { id: string; name: string },
  transporters: Set<string>,
): { effects: Record<string, TransporterEffect>; relations: Relation[]; used: ParamUse[] } {
  const effects: Record<string, TransporterEffect> = {};
  const relations: Relation[] = [];
  const used: ParamUse[] = [];
  const all = kb.relationsOf(compoundId).filter((r) => r.action === 'transporter-inhibitor' && transporters.has(r.object) && (r.ki || r.ic50));
  const inducers = kb.relationsOf(compoundId).filter((r) => r.action === 'inducer' && transporters.has(r.object) && isTransporter(kb, r.object) && r.emaxFold && r.ec50);
  for (const t of transporters) {
    // Induction of the transporter's expression (geometric means, as for enzymes); the onset at the scenario's regimen
    // is set by the perpetrator inputs (static-perpetrator.ts), 1 here (steady state).
    const ind = preferHuman(inducers.filter((r) => r.object === t));
    if (ind.length > 0) {
      const sites = [...new Set(ind.map((r) => r.site))];
      const site = sites.length === 1 && (sites[0] === 'gut' || sites[0] === 'liver') ? sites[0] : undefined;
      effects[t] = { induction: { emaxFold: geomean(ind.map((r) => r.emaxFold!.value)), ec50UM: geomean(ind.map((r) => r.ec50!.value)), ...(site ? { site } : {}), onset: 1 } };
      for (const r of ind) {
        relations.push(r);
        const name = kb.target(t)?.name ?? t;
        used.push({ substance: compoundId, name: `induction ${name} Emax (fold)${site ? `, ${site}` : ''}`, value: r.emaxFold!.value, unit: 'fold', source: r.emaxFold!.source, verified: r.emaxFold!.verified, assumption: false, note: r.emaxFold!.note });
        used.push({ substance: compoundId, name: `induction ${name} EC50,u`, value: r.ec50!.value, unit: 'µM', source: r.ec50!.source, verified: r.ec50!.verified, assumption: false, note: r.ec50!.note });
      }
    }
    const rs = preferHuman(all.filter((r) => r.object === t));
    if (rs.length === 0) continue;
    const own = rs.filter((r) => probeIs(r, victim.id, victim.name));
    const pick = own.length > 0 ? own : rs;
    const kis = pick.map((r) => ({ r, k: kiUnboundOf(r)! })).filter((x) => x.k && x.k.value > 0);
    if (kis.length === 0) continue;
    effects[t] = { ...effects[t], kiUM: geomean(kis.map((x) => x.k.value)) };
    for (const { r, k } of kis) {
      relations.push(r);
      used.push({
        substance: compoundId,
        name: `Ki,u ${kb.target(t)?.name ?? t}`,
        value: k.value,
        unit: 'µM',
        source: k.q.source,
        verified: k.q.verified,
        assumption: false,
        derived: k.derived,
        note: [k.note, r.system, r.probe ? `probe ${r.probe}` : undefined].filter(Boolean).join('; ') || undefined,
      });
    }
  }
  return { effects, relations, used };
}
