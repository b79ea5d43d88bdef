/**
 * Bridge from the HTTP request to the dynamic simulator in src/core/sim: names → compounds with doses
 * (expandToCompounds), drug parameters from the KB (drugFromKb), dose events, one paired run for the
 * curves (alone vs combined, the chosen CYP2D6 phenotype), and optionally a virtual population for the
 * 5th–95th percentile band. Compounds the KB cannot parameterise are left out and named in `notes`;
 * when nothing can be simulated the answer is SIM_MISSING_PARAMETER, never a made-up curve.
 */
import { CrosstalkError, isCrosstalkError } from '../core/index.js';
import { expandToCompounds } from '../core/index.js';
import type { KbIndex } from '../core/index.js';
import { parseRegimen, type Regimen } from '../core/index.js';
import { resolveSubstance } from '../core/index.js';
import { drugFromKb, enzymeTurnoverFromKb, physiologyFor, runPopulation, simulateInteraction, PHENOTYPE_MULTIPLIERS, type DoseEvent, type DrugParams, type SimRoute } from '../core/index.js';

export interface SimulateBody {
  victim: string;
  perpetrator: string;
  victimDose?: string;
  perpetratorDose?: string;
  phenotype?: 'PM' | 'IM' | 'NM' | 'UM';
  population?: number;
  horizonH?: number;
  seed?: number;
}

/** Caps keep one request well under a few seconds on one core. */
export const SIM_CAPS = { population: 100, horizonH: 24 * 14, personHours: 4000 } as const;
const WEIGHT_KG = 70;
const GRID_POINTS = 161;
const BAND_SUBJECTS = 50;

interface Side {
  id: string;
  name: string;
  dose: string;
  /** The longest dosing of any compound (for the default horizon). */
  durationD: number | null;
  multiple: boolean;
  compounds: { id: string; name: string; weight: number; doseMg: number; regimen: Regimen }[];
}

/**
 * A substance and its compounds with doses. Without a dose for a plant or product that has no usual dose
 * (e.g. cannabis), each constituent with its own usual dose stands in for it, as in the static check.
 */
function side(kb: KbIndex, name: string, dose: string | undefined, field: 'victim' | 'perpetrator'): Side {
  const s = resolveSubstance(kb, name, field);
  const text = dose ?? s.usualDose?.regimen;
  let compounds: Side['compounds'] = [];
  if (text) {
    const regimen = parseRegimen(text, `${field}Dose`);
    compounds = expandToCompounds(kb, s.id, regimen, WEIGHT_KG)
      .filter((c) => c.doseMg !== undefined && c.doseMg > 0)
      .map((c) => ({ id: c.compoundId, name: c.name, weight: c.weight, doseMg: c.doseMg!, regimen }));
  } else {
    for (const c of expandToCompounds(kb, s.id, undefined, WEIGHT_KG)) {
      const cs = kb.substance(c.compoundId);
      if (!cs?.usualDose) continue;
      const regimen = parseRegimen(cs.usualDose.regimen, `${field}Dose (KB usual dose of ${cs.name})`);
      const inner = expandToCompounds(kb, cs.id, regimen, WEIGHT_KG)[0];
      if (inner?.doseMg) compounds.push({ id: cs.id, name: cs.name, weight: c.weight, doseMg: inner.doseMg, regimen });
    }
  }
  if (!compounds.length)
    throw new CrosstalkError('INPUT_BAD_REGIMEN', `${field}Dose: no dose given and the KB has no usual dose for ${s.name} or its constituents; give one, e.g. "10 mg"`, { field: `${field}Dose` });
  const label = text ?? compounds.map((c) => `${c.name} ${c.regimen.text}`).join(' + ');
  const durations = compounds.map((c) => c.regimen.durationD ?? 0);
  return { id: s.id, name: s.name, dose: label, durationD: Math.max(...durations) || null, multiple: compounds.some((c) => c.regimen.intervalH !== null), compounds };
}

const ROUTE: Record<Regimen['route'], SimRoute> = { po: 'po', iv: 'iv', inhaled: 'inhaled', oromucosal: 'oromucosal', sublingual: 'oromucosal' };

function doseEvents(s: Side, kept: Set<string>, tEndH: number): DoseEvent[] {
  const out: DoseEvent[] = [];
  for (const c of s.compounds) {
    if (!kept.has(c.id)) continue;
    const r = c.regimen;
    const last = r.intervalH === null ? 0 : Math.min(tEndH, r.durationD !== null ? r.durationD * 24 - 1e-9 : tEndH);
    for (let t = 0; t <= last + 1e-9 && out.length < 2000; t += r.intervalH ?? Infinity) out.push({ drugId: c.id, tH: t, amountMg: c.doseMg, route: ROUTE[r.route] });
  }
  return out;
}

/** Scale the CYP2D6 share of intrinsic clearance for a fixed phenotype (MODEL.md §3 multipliers). */
function withPhenotype(d: DrugParams, ph: string): DrugParams {
  const m = PHENOTYPE_MULTIPLIERS.cyp2d6?.[ph as 'NM'] ?? 1;
  if (m === 1) return d;
  return { ...d, enzymes: d.enzymes.map((e) => (e.enzyme === 'cyp2d6' ? { ...e, clintLiverLPerH: e.clintLiverLPerH * m, clintGutLPerH: e.clintGutLPerH * m } : e)) };
}

export async function runSimulation(kb: KbIndex, b: SimulateBody): Promise<unknown> {
  const v = side(kb, b.victim, b.victimDose, 'victim');
  const p = side(kb, b.perpetrator, b.perpetratorDose, 'perpetrator');
  if (v.id === p.id) throw new CrosstalkError('INPUT_SAME_SUBSTANCE', `perpetrator: '${b.perpetrator}' is the same substance as the victim`, { field: 'perpetrator' });
  const phenotype = b.phenotype ?? 'NM';
  const { physiology } = physiologyFor('human', enzymeTurnoverFromKb(kb), WEIGHT_KG);
  const all = [...v.compounds, ...p.compounds].map((c) => c.id).filter((x, i, a) => a.indexOf(x) === i);
  const notes: string[] = [];
  const drugs: DrugParams[] = [];
  for (const id of all) {
    try {
      drugs.push(drugFromKb(kb, id, physiology, all).drug);
    } catch (e) {
      if (!isCrosstalkError(e)) throw e;
      notes.push(`${kb.substance(id)?.name ?? id} left out: ${e.message}`);
    }
  }
  const kept = new Set(drugs.map((d) => d.id));
  const vKept = v.compounds.filter((c) => kept.has(c.id));
  const pKept = p.compounds.filter((c) => kept.has(c.id));
  if (!vKept.length || !pKept.length)
    throw new CrosstalkError('SIM_MISSING_PARAMETER', `simulate: the KB lacks the PK parameters to simulate ${!vKept.length ? v.name : p.name}; ${notes.join('; ')}`, { field: !vKept.length ? 'victim' : 'perpetrator' });
  const multiple = v.multiple || p.multiple;
  const tEndH = b.horizonH ?? (multiple ? Math.min(SIM_CAPS.horizonH, 24 * Math.max(v.durationD ?? 3, p.durationD ?? 3)) : 24);
  const n = b.population ?? 0;
  // The population's cost grows with people × hours: bound the product so no request runs for long.
  if (n * tEndH > SIM_CAPS.personHours)
    throw new CrosstalkError(
      'INPUT_TOO_LARGE',
      `population: ${n} people × ${Math.round(tEndH)} h = ${Math.round(n * tEndH)} person-hours; the cap is ${SIM_CAPS.personHours} (fewer people or a shorter horizonH)`,
      { field: 'population', cap: SIM_CAPS.personHours },
    );
  const gridH = Array.from({ length: GRID_POINTS }, (_, i) => (tEndH * i) / (GRID_POINTS - 1));
  const doses = [...doseEvents(v, kept, tEndH), ...doseEvents(p, kept, tEndH)];
  const groups = [
    { id: v.id, compounds: vKept.map((c) => c.id) },
    { id: p.id, compounds: pKept.map((c) => c.id) },
  ];
  const analyte = [...vKept].sort((a, c) => c.weight - a.weight)[0]!;
  const res = simulateInteraction({ drugs: drugs.map((d) => withPhenotype(d, phenotype)), physiology, groups, doses, tEndH, gridH });
  const cr = res.compounds.find((c) => c.id === analyte.id)!;
  let band = null;
  if (n > 0) {
    const pop = runPopulation({ drugs, physiology, groups, doses, tEndH, n, seed: b.seed ?? 20240318, ancestry: 'european', fixedPhenotypes: { cyp2d6: phenotype }, bandGridH: gridH, bandSubjects: Math.min(n, BAND_SUBJECTS) });
    const bc = pop.bands?.compounds.find((c) => c.id === analyte.id);
    if (pop.bands && bc) band = { timesH: pop.bands.gridH, p5UM: bc.combined.p5, p50UM: bc.combined.p50, p95UM: bc.combined.p95, n: pop.bands.subjects };
  }
  return {
    victim: { id: v.id, name: v.name, analyte: analyte.id, analyteName: analyte.name, dose: v.dose },
    perpetrator: { id: p.id, name: p.name, dose: p.dose },
    phenotype: `CYP2D6 ${phenotype}`,
    tEndH,
    alone: { label: `${analyte.name} alone`, timesH: gridH, concUM: cr.curves?.alone?.cpUM ?? [] },
    combined: { label: `${analyte.name} with ${p.name}`, timesH: gridH, concUM: cr.curves?.combined.cpUM ?? [] },
    band,
    aucRatio: cr.ratios?.aucRatio ?? null,
    cmaxRatio: cr.ratios?.cmaxRatio ?? null,
    aucMetric: cr.ratios?.aucMetric ?? null,
    explanations: cr.explanations,
    notes: [...notes, ...res.warnings],
  };
}
