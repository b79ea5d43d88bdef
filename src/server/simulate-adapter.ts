/**
 * POST /api/simulate on the core's one simulation planner (planSimulation, as the CLI uses it): names → KB ids,
 * each side → plan items (its regimen, or without one the KB usual dose of the substance or of each of its
 * constituents), one plan, the victim's main analyte alone vs with the perpetrator, and optionally a virtual
 * population for the 5th–95th percentile band. Phenotypes apply only to enzymes that clear a simulated compound
 * (planPgx checks it); the seed is the request's. When nothing can be simulated the answer is
 * SIM_MISSING_PARAMETER, never a made-up curve.
 */
import {
  ApiSchemas,
  crosstalkError,
  CrosstalkError,
  expandToCompounds,
  MAX_API_HORIZON_H,
  MAX_API_PERSON_HOURS,
  MAX_BAND_SUBJECTS,
  PHENOTYPE_MULTIPLIERS,
  planPgx,
  planSimulation,
  resolveSubstance,
  runPopulation,
  simulateInteraction,
  type DrugParams,
  type KbIndex,
  type Phenotype,
} from '../core/index.js';

type SimulateRequest = ApiSchemas.SimulateRequest;
type SimulateResult = ApiSchemas.SimulateResultJson;

/** Points on the curves' time grid. */
const GRID_POINTS = 161;
/** Ancestry of the virtual population when the request names none. */
const DEFAULT_ANCESTRY = 'european';

interface Side {
  id: string;
  name: string;
  /** The regimen as given, or what stood in for it. */
  dose: string;
  items: { substance: string; regimen: string }[];
}

/** A side of the pair as plan items; without a dose, the KB usual dose of the substance or of each constituent. */
function side(kb: KbIndex, name: string, dose: string | undefined, field: 'victim' | 'perpetrator'): Side {
  const s = resolveSubstance(kb, name, field);
  const text = dose ?? s.usualDose?.regimen;
  if (text) return { id: s.id, name: s.name, dose: text, items: [{ substance: s.id, regimen: text }] };
  const items: Side['items'] = [];
  // Without a regimen the body weight plays no part: the expansion only lists the constituents.
  for (const c of expandToCompounds(kb, s.id, undefined, 70)) {
    const usual = kb.substance(c.compoundId)?.usualDose?.regimen;
    if (usual && !items.some((i) => i.substance === c.compoundId)) items.push({ substance: c.compoundId, regimen: usual });
  }
  if (!items.length)
    throw crosstalkError('INPUT_REQUIRED', { field: `${field}Dose`, how: `the KB has no usual dose for ${s.name} or its constituents; give one, e.g. "10 mg"` }, { field: `${field}Dose` });
  const label = items.map((i) => `${kb.substance(i.substance)?.name ?? i.substance} ${i.regimen}`).join(' + ');
  return { id: s.id, name: s.name, dose: label, items };
}

/** Enzymes that clear a simulated compound (the population samples phenotypes only for these). */
function clearingEnzymes(drugs: DrugParams[]): string[] {
  return [...new Set(drugs.flatMap((d) => d.enzymes.filter((e) => e.clintLiverLPerH > 0).map((e) => e.enzyme)))].sort();
}

/** The fixed phenotypes applied to one drug's intrinsic clearances (MODEL.md §3 multipliers). */
function withPhenotypes(d: DrugParams, fixed: Record<string, Phenotype>): DrugParams {
  return {
    ...d,
    enzymes: d.enzymes.map((e) => {
      const ph = fixed[e.enzyme];
      const m = ph ? (PHENOTYPE_MULTIPLIERS[e.enzyme]?.[ph] ?? 1) : 1;
      return m === 1 ? e : { ...e, clintLiverLPerH: e.clintLiverLPerH * m, clintGutLPerH: e.clintGutLPerH * m };
    }),
  };
}

export function runSimulation(kb: KbIndex, b: SimulateRequest): SimulateResult {
  const v = side(kb, b.victim, b.victimDose, 'victim');
  const p = side(kb, b.perpetrator, b.perpetratorDose, 'perpetrator');
  if (v.id === p.id) throw crosstalkError('INPUT_SAME_SUBSTANCE', { field: 'perpetrator', problem: `'${b.perpetrator}' is the same substance as the victim` }, { field: 'perpetrator' });
  const plan = planSimulation(kb, [...v.items, ...p.items], { species: 'human', ...(b.horizonH !== undefined ? { days: b.horizonH / 24 } : {}) });
  const tEndH = b.horizonH ?? Math.min(plan.tEndH, MAX_API_HORIZON_H);
  const n = b.population ?? 0;
  // The population's cost grows with people × hours: bound the product so no request runs for long.
  if (n * tEndH > MAX_API_PERSON_HOURS)
    throw crosstalkError(
      'INPUT_TOO_LARGE',
      { field: 'population', problem: `${n} people × ${Math.round(tEndH)} h = ${Math.round(n * tEndH)} person-hours; the cap is ${MAX_API_PERSON_HOURS} (fewer people or a shorter horizonH)` },
      { field: 'population', cap: MAX_API_PERSON_HOURS },
    );

  // One group per side: a product without a usual dose is planned as its constituents, simulated together.
  const ofSide = (s: Side) => plan.groups.filter((g) => s.items.some((i) => i.substance === g.id)).flatMap((g) => g.compounds);
  const groups = [
    { id: v.id, compounds: ofSide(v) },
    { id: p.id, compounds: ofSide(p) },
  ];
  const missing = groups.find((g) => g.compounds.length === 0);
  if (missing)
    throw new CrosstalkError('SIM_MISSING_PARAMETER', `simulate: the KB lacks the PK parameters to simulate ${missing.id === v.id ? v.name : p.name}; ${plan.notes.join('; ')}`, {
      field: missing.id === v.id ? 'victim' : 'perpetrator',
    });

  const enzymes = clearingEnzymes(plan.drugs);
  const fixed = (b.phenotypes ?? {}) as Record<string, Phenotype>;
  // Checks every fixed phenotype: the enzyme clears a simulated compound and has that phenotype.
  const pgx = planPgx(enzymes, b.ancestry ?? DEFAULT_ANCESTRY, fixed);
  const polymorphicEnzymes = pgx.map((x) => x.enzyme);

  const doses = plan.doses.filter((d) => d.tH < tEndH);
  const gridH = Array.from({ length: GRID_POINTS }, (_, i) => (tEndH * i) / (GRID_POINTS - 1));
  // The victim's analyte: its simulated compound with the largest share (the KB's weighting of a plant's or
  // product's constituents), the larger dose breaking ties.
  const share = new Map(expandToCompounds(kb, v.id, undefined, plan.physiology.bodyWeightKg).map((c) => [c.compoundId, c.weight]));
  const doseOf = new Map(plan.regimens.flatMap((r) => r.compounds).map((c) => [c.id, c.doseMg]));
  const rank = (id: string): [number, number] => [share.get(id) ?? 0, doseOf.get(id) ?? 0];
  const analyteId = [...groups[0]!.compounds].sort((a, c) => rank(c)[0] - rank(a)[0] || rank(c)[1] - rank(a)[1])[0]!;
  const analyteName = kb.substance(analyteId)?.name ?? analyteId;
  const drugs = plan.drugs.map((d) => withPhenotypes(d, fixed));
  const res = simulateInteraction({ drugs, physiology: plan.physiology, groups, doses, tEndH, gridH });
  const cr = res.compounds.find((c) => c.id === analyteId)!;

  let band: SimulateResult['band'] = null;
  const seed = b.seed ?? ApiSchemas.DEFAULT_SIM_SEED;
  if (n > 0) {
    const pop = runPopulation({
      drugs: plan.drugs, physiology: plan.physiology, groups, doses, tEndH, n, seed,
      ancestry: b.ancestry ?? DEFAULT_ANCESTRY, fixedPhenotypes: fixed, bandGridH: gridH, bandSubjects: Math.min(n, MAX_BAND_SUBJECTS),
    });
    const bc = pop.bands?.compounds.find((c) => c.id === analyteId);
    if (pop.bands && bc) band = { timesH: pop.bands.gridH, p5UM: bc.combined.p5, p50UM: bc.combined.p50, p95UM: bc.combined.p95, n: pop.bands.subjects };
  }
  return {
    victim: { id: v.id, name: v.name, analyte: analyteId, analyteName, dose: v.dose },
    perpetrator: { id: p.id, name: p.name, dose: p.dose },
    polymorphicEnzymes,
    phenotypes: fixed,
    seed: n > 0 ? seed : null,
    tEndH,
    alone: { label: `${analyteName} alone`, timesH: gridH, concUM: cr.curves?.alone?.cpUM ?? [] },
    combined: { label: `${analyteName} with ${p.name}`, timesH: gridH, concUM: cr.curves?.combined.cpUM ?? [] },
    band,
    aucRatio: cr.ratios?.aucRatio ?? null,
    cmaxRatio: cr.ratios?.cmaxRatio ?? null,
    aucMetric: cr.ratios?.aucMetric ?? null,
    explanations: cr.explanations,
    notes: [...plan.notes, ...res.warnings],
  };
}
