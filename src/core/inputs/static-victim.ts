import type { KbIndex } from '../kb/kb-index.js';
import type { Relation } from '../kb/types.js';
import { DEFAULT_KA_PER_H, type Physiology } from '../models/static/static-ddi.js';
import { kaFromTmax } from '../models/one-compartment.js';
import { statement, type Statement } from '../schema/statement.js';
import { enzymesActedOn, fmScenarios, pkValue, type FmScenario, type ParamUse } from './pk-inputs.js';
import { multiplierOf, shiftFractions } from './phenotype-shift.js';
import type { Phenotype } from './pgx.js';
import type { Scenario } from './scenario.js';
import { transportOnlyScenario, victimTransportInputs } from './static-transport.js';
import type { VictimTransport } from '../models/static/transporters.js';

/** What the static model needs to know about the victim (the analyte), with what it rests on. */
export interface StaticVictimInputs {
  route: 'oral' | 'iv';
  /** fm per enzyme, one scenario per source; the first is the point estimate. */
  fmScenarios: FmScenario[];
  fmRelations: Relation[];
  fg: number;
  /** How transporters carry the victim (MODEL.md §7), with the relations it rests on; undefined = enzymes only. */
  transport?: VictimTransport;
  transportRelations: Relation[];
  /** For the Cmax ratio: hepatic availability, and the one-compartment ka and k where known. */
  fh: number;
  kaPerH: number | undefined;
  kPerH: number | undefined;
  parameters: ParamUse[];
  notes: Statement[];
  cmaxNotes: Statement[];
  sources: string[];
}

/** Victim inputs, or the statements saying why there can be none (grey). */
export function staticVictimInputs(kb: KbIndex, sc: Scenario, phys: Physiology): StaticVictimInputs | { missing: Statement[] } {
  const a = sc.analyte;
  const { scenarios: reference, relations } = fmScenarios(kb, a.id);
  const tr = victimTransportInputs(kb, a.id, a.name);
  // A victim cleared through transporters with no enzyme fm (rosuvastatin, digoxin) still has a static answer.
  const byEnzyme = withPhenotypes(reference, sc.phenotypes);
  // … unless the KB names an enzyme that clears it, without a fraction, which the perpetrator is recorded to act on:
  // the transporter terms alone would then answer "no change" by omission (bosentan with ketoconazole).
  const transportOnly = byEnzyme.length === 0 && !!tr && !unquantifiedPathwayHit(kb, sc);
  const scenarios = transportOnly ? [transportOnlyScenario(tr)] : byEnzyme;
  if (scenarios.length === 0) return { missing: [statement('MISSING_FM', 'missing', { analyte: a.name })] };
  const notes: Statement[] = [...(tr?.notes ?? [])];
  const parameters: ParamUse[] = [...(tr?.parameters ?? [])];
  const sources = [...scenarios.map((s) => s.source), ...(tr?.sources ?? [])];
  if (a.id !== sc.victim.id && a.kind === 'metabolite' && sc.victim.metabolites.some((m) => m.substance === a.id))
    notes.push(statement('WARN_METABOLITE_AS_DOSED', 'warning', { analyte: a.name }));
  const fgQ = pkValue(kb, a.id, 'fg');
  const gutEnzyme = Object.keys(scenarios[0]!.fm).some((e) => phys.kdegGutPerH[e] !== undefined);
  const fg = fgQ?.value ?? 1;
  if (fgQ) {
    parameters.push({ substance: a.id, name: 'Fg', value: fgQ.value, unit: 'fraction', source: fgQ.source, verified: fgQ.verified, assumption: false });
    sources.push(fgQ.source);
  } else if (gutEnzyme && sc.victimRoute === 'oral') notes.push(statement('ASSUME_FG_ONE', 'assumption', { analyte: a.name }));
  for (const s of scenarios)
    for (const [e, v] of Object.entries(s.fm))
      parameters.push({ substance: a.id, name: `fm ${e}`, value: v, unit: 'fraction', source: s.source, verified: s.verified, assumption: kb.source(s.source)?.type === 'assumption' });
  if (scenarios.some((s) => kb.source(s.source)?.type === 'assumption')) notes.push(statement('ASSUME_FM_ASSUMED', 'assumption', { analyte: a.name }));
  for (const [e, ph] of Object.entries(sc.phenotypes))
    notes.push(statement('ASSUME_PHENOTYPE', 'assumption', { enzyme: kb.target(e)?.name ?? e, phenotype: ph, multiplier: multiplierOf(e, ph) ?? 1, analyte: a.name }));
  const cmax = cmaxInputs(kb, sc, phys, fg);
  return { route: sc.victimRoute, fmScenarios: scenarios, fmRelations: relations, fg, transport: tr?.transport, transportRelations: tr?.relations ?? [], ...cmax, parameters, notes, sources };
}

/**
 * Hepatic availability and absorption of the victim for the Cmax ratio (one compartment). Clearance is in L/h after
 * unit conversion; a per-kg value is scaled by the scenario's body weight.
 */
function cmaxInputs(kb: KbIndex, sc: Scenario, phys: Physiology, fg: number): { fh: number; kaPerH: number | undefined; kPerH: number | undefined; cmaxNotes: Statement[] } {
  const id = sc.analyte.id;
  const cmaxNotes: Statement[] = [];
  const rb = pkValue(kb, id, 'rb')?.value ?? 1;
  const fu = pkValue(kb, id, 'fu');
  const cl = litresPerHour(pkValue(kb, id, 'cl'));
  const clF = litresPerHour(pkValue(kb, id, 'clF'));
  let fh = 1;
  if (cl !== undefined) fh = Math.max(0, 1 - cl / (rb * phys.qhLPerH));
  else if (clF !== undefined && fu) {
    const clint = (clF * (pkValue(kb, id, 'fa')?.value ?? 1) * fg) / fu.value;
    fh = phys.qhLPerH / (phys.qhLPerH + (fu.value / rb) * clint);
  } else cmaxNotes.push(statement('ASSUME_FH_ONE', 'assumption', { analyte: sc.analyte.name }));
  const half = pkValue(kb, id, 'halfLife');
  const kPerH = half ? Math.LN2 / half.value : undefined;
  let kaPerH = pkValue(kb, id, 'ka')?.value;
  const tmax = pkValue(kb, id, 'tmax')?.value;
  if (!kaPerH && kPerH && tmax) kaPerH = kaFromTmax(tmax, kPerH);
  if (!kaPerH && kPerH) {
    kaPerH = DEFAULT_KA_PER_H;
    cmaxNotes.push(statement('ASSUME_VICTIM_KA_DEFAULT', 'assumption', { analyte: sc.analyte.name }));
  }
  return { fh, kaPerH, kPerH, cmaxNotes };
}

/**
 * An absolute clearance in L/h (the canonical unit). A per-kg clearance (L/h/kg) is not scaled here: doing so moves
 * Cmax ratios of high-extraction victims (buspirone) by up to 10-fold, a model change that belongs on the benchmark's
 * tune split (issue 12), not in a refactor; until then the Fh = 1 assumption is stated.
 */
function litresPerHour(q: { value: number; unit: string } | undefined): number | undefined {
  return q?.unit === 'L/h' ? q.value : undefined;
}

/** The fm scenarios for a victim of known phenotype (point and source range shifted alike). */
function withPhenotypes(scenarios: FmScenario[], phenotypes: Record<string, Phenotype>): FmScenario[] {
  if (Object.keys(phenotypes).length === 0) return scenarios;
  return scenarios.map((s) => ({ ...s, fm: shiftFractions(s.fm, phenotypes), fmLow: shiftFractions(s.fmLow, phenotypes), fmHigh: shiftFractions(s.fmHigh, phenotypes) }));
}

/**
 * Does the perpetrator (or a metabolite circulating with it) act on an enzyme the analyte is recorded to be cleared by,
 * with no fm to weigh it?
 */
function unquantifiedPathwayHit(kb: KbIndex, sc: Scenario): boolean {
  const pathways = new Set(kb.relationsOf(sc.analyte.id).filter((r) => r.action === 'substrate' && kb.target(r.object)?.kind === 'enzyme').map((r) => r.object));
  if (pathways.size === 0) return false;
  const acted = enzymesActedOn(kb, sc.perpetratorCompounds.map((c) => c.compoundId));
  return [...pathways].some((e) => acted.has(e));
}
