/**
 * Virtual populations (MODEL.md §3.4): log-normal between-subject variability with the default CVs of
 * params/physiology.md §F (engine assumptions, verified=false), body weight, CYP2D6/2C19/2C9
 * phenotypes sampled by ancestry, and common random numbers for the paired arms (each subject's
 * combined and alone arms use the same individual parameters).
 *
 * Subjects are independent: subject k draws from streams (seed, k, stream), so any partition of
 * [0, n) — one thread or several workers — gives bit-identical results. `runPopulationChunk` is the
 * unit of work a worker runs; `summarisePopulation` merges chunks.
 */
import { fail } from '../../errors.js';
import { asLitresPerHour, asPerHour } from '../../units/branded.js';
import { InteractionModel, STRIDE, CEN } from './model.js';
import { planPgx, samplePhenotype, type Phenotype, type PgxPlan } from '../../inputs/pgx.js';
import { Rng, RNG_ALGORITHM } from './rng.js';
import { ArmRunner } from './run.js';
import type { SubstanceGroup } from './interaction.js';
import { ALLOMETRIC_EXPONENT, DEFAULT_SOLVE, type DoseEvent, type DrugParams, type Physiology, type SolveSettings } from './types.js';
import { MAX_POPULATION } from '../../limits.js';

/** Between-subject CVs of log-normal factors (params/physiology.md §F: engine assumptions, verified=false). */
export const DEFAULT_CV = {
  /** CLint per enzyme, one factor shared by every drug the enzyme clears: 40 % (§F). */
  clintPerEnzyme: 0.4,
  /** Enzymes with their own CV: CYP3A4 50 % (§F). */
  clintByEnzyme: { cyp3a4: 0.5 } as Record<string, number>,
  /** CLint not assigned to an enzyme: the per-enzyme 40 % (assumption). */
  clintOther: 0.4,
  /** Central volume: 25 % (§F, Vc and Vp). */
  volume: 0.25,
  /** Absorption rate: 50 % (§F). */
  ka: 0.5,
  /** fu,p: 20 %, truncated at 1 (§F). */
  fuP: 0.2,
  /** Body weight: 15 %, an added assumption (not in §F). */
  bodyWeight: 0.15,
};
/** Shares of subjects reported above these AUC ratios: the FDA weak, moderate and strong inhibitor bands (physiology.md §D). */
export const DEFAULT_RATIO_THRESHOLDS = [1.25, 2, 5];
/** Progress is reported every this many subjects. */
const PROGRESS_EVERY = 50;

/**
 * Solver settings for populations: only ratios of paired arms are reported, and their errors largely
 * cancel (same subject, same step pattern). Measured on the bench/sim.ts model (7-day qd, 3 arms):
 * AUC and Cmax ratios within 2e-5 of the rtol-1e-6 answers, with 45 % of the steps of rtol 1e-4.
 * Enzyme states (fractions of baseline) need no accuracy below 1e-4 of baseline. Gut enzyme states get 1e-3:
 * after each dose an inactivator sends them through a fast transient (kobs of several per hour) that set 99 of
 * 139 steps of the combined arm, while exposure depends on them only through Fg = Qent/(Qent + CLint,g·E), whose
 * sensitivity to E is at most CLint,g/Qent (issue 12 §12: steps per arm 122.6 → 109.8, CPU per subject ×1.11).
 * Over the first 100 population subjects the largest ratio error against an rtol-1e-9 solve is 1.6e-4 (AUC) and
 * 1.8e-4 (Cmax) (1.2e-4 with the gut at 1e-4; population.test.ts holds it under 3e-4).
 */
export const POPULATION_SOLVE: Partial<SolveSettings> = { rtol: 1e-3, atolUmol: 1e-6, atolEnzyme: 1e-4, atolGutEnzyme: 1e-3 };

export interface PopulationSpec {
  drugs: DrugParams[];
  physiology: Physiology;
  groups: SubstanceGroup[];
  doses: DoseEvent[];
  tEndH: number;
  n: number;
  seed: number;
  ancestry: string;
  fixedPhenotypes: Record<string, Phenotype>;
  settings?: Partial<SolveSettings>;
  /** Grid for the concentration band, and how many subjects feed it. */
  bandGridH?: number[];
  bandSubjects?: number;
  thresholds?: number[];
}

interface SimArm {
  ids: string[];
  model: InteractionModel;
  run: ArmRunner;
  doses: DoseEvent[];
  /** Column of each arm drug in spec.drugs. */
  col: number[];
  /** Whether this arm's results are the "combined" and/or the "alone" exposures of its drugs. */
  combined: boolean;
  alone: boolean;
}

export interface PopulationChunk {
  from: number;
  to: number;
  /** [subject][compound] exposure per arm (AUC over the last interval when multiple-dosed, else AUC0-t). */
  aucCombined: Float64Array;
  aucAlone: Float64Array;
  cmaxCombined: Float64Array;
  cmaxAlone: Float64Array;
  /** [subject][pgx enzyme] phenotype index into PHENOTYPES order of the plan. */
  phenotypes: string[][];
  /** Band curves for the first subjects: [subject][compound][grid] per arm. */
  bandCombined: number[][][];
  bandAlone: number[][][];
  steps: number;
}

/** The drugs `ids` with metabolite links outside the subset dropped. */
function subset(drugs: readonly DrugParams[], ids: readonly string[]): DrugParams[] {
  return drugs.filter((d) => ids.includes(d.id)).map((d) => ({ ...d, metabolites: d.metabolites.filter((m) => ids.includes(m.metaboliteId)) }));
}

/**
 * Drugs that neither perturb nor are perturbed by any other drug of the run: no other drug inhibits,
 * inactivates or induces an enzyme that clears them, they act on no enzyme that clears another drug,
 * and no metabolite link joins them to another simulated drug. Their kinetics are the same in every
 * arm (the ratio is exactly 1), so a population simulates them once, in one arm of their own.
 */
export function independentDrugs(drugs: readonly DrugParams[]): Set<string> {
  const uses = (d: DrugParams, e: string): boolean => d.enzymes.some((x) => x.enzyme === e && (x.clintLiverLPerH > 0 || x.clintGutLPerH > 0));
  const acts = (d: DrugParams): string[] => [...d.inhibits, ...d.inactivates, ...d.induces].map((x) => x.enzyme);
  const ids = new Set(drugs.map((d) => d.id));
  const linked = new Set<string>();
  for (const d of drugs) for (const m of d.metabolites) if (ids.has(m.metaboliteId) && m.metaboliteId !== d.id) { linked.add(d.id); linked.add(m.metaboliteId); }
  const out = new Set<string>();
  for (const d of drugs) {
    if (linked.has(d.id)) continue;
    const others = drugs.filter((o) => o.id !== d.id);
    const perturbed = others.some((o) => acts(o).some((e) => uses(d, e)));
    const perturbs = acts(d).some((e) => others.some((o) => uses(o, e)));
    if (!perturbed && !perturbs) out.add(d.id);
  }
  return out;
}

/**
 * Subject k's parameters: every enzyme's multiplier is shared across the drugs it clears. Exported so tests
 * can simulate a subject through a fresh model and runner (the reference path of the population).
 */
export function subjectParameters(spec: PopulationSpec, plans: PgxPlan[], k: number): { drugs: DrugParams[]; phys: Physiology; phenotypes: string[] } {
  const rv = new Rng(spec.seed, k, 0), rg = new Rng(spec.seed, k, 1);
  const cv = DEFAULT_CV;
  const bwF = rv.logNormalFactor(cv.bodyWeight);
  const p0 = spec.physiology;
  const flowF = bwF ** ALLOMETRIC_EXPONENT;
  const phys: Physiology = { ...p0, bodyWeightKg: p0.bodyWeightKg * bwF, qhLPerH: p0.qhLPerH * flowF, qentLPerH: p0.qentLPerH * flowF, vLiverL: p0.vLiverL * bwF };
  const enzymes = [...new Set(spec.drugs.flatMap((d) => d.enzymes.map((e) => e.enzyme)))].sort();
  const eF = new Map<string, number>();
  for (const e of enzymes) eF.set(e, rv.logNormalFactor(cv.clintByEnzyme[e] ?? cv.clintPerEnzyme) * flowF);
  const phenotypes: string[] = [];
  for (const p of plans) {
    const ph = samplePhenotype(p, rg);
    phenotypes.push(ph);
    eF.set(p.enzyme, (eF.get(p.enzyme) ?? 1) * (p.multipliers[ph] ?? 1));
  }
  const drugs = spec.drugs.map((d) => {
    const other = rv.logNormalFactor(cv.clintOther) * flowF;
    const vF = rv.logNormalFactor(cv.volume) * bwF;
    const kaF = rv.logNormalFactor(cv.ka);
    const fuF = rv.logNormalFactor(cv.fuP);
    return {
      ...d,
      kaPerH: asPerHour(d.kaPerH * kaF),
      vcL: d.vcL * vF,
      fuP: Math.min(1, d.fuP * fuF),
      clRenalLPerH: asLitresPerHour(d.clRenalLPerH * flowF),
      clintOtherLPerH: asLitresPerHour(d.clintOtherLPerH * other),
      enzymes: d.enzymes.map((e) => ({ ...e, clintLiverLPerH: e.clintLiverLPerH * eF.get(e.enzyme)!, clintGutLPerH: e.clintGutLPerH * eF.get(e.enzyme)! })),
    };
  });
  return { drugs, phys, phenotypes };
}

export function pgxPlansFor(spec: PopulationSpec): PgxPlan[] {
  const enzymes = [...new Set(spec.drugs.flatMap((d) => d.enzymes.filter((e) => e.clintLiverLPerH > 0).map((e) => e.enzyme)))].sort();
  return planPgx(enzymes, spec.ancestry, spec.fixedPhenotypes);
}

/** Simulate subjects [from, to). Pure and deterministic. `onProgress` gets the number done. */
export function runPopulationChunk(spec: PopulationSpec, from: number, to: number, onProgress?: (done: number) => void): PopulationChunk {
  if (!Number.isInteger(spec.n) || spec.n < 1 || spec.n > MAX_POPULATION) fail('INPUT_OUT_OF_RANGE', { field: 'population', value: spec.n, expected: `an integer from 1 to ${MAX_POPULATION.toLocaleString('en-US')}` }, { field: 'population' });
  const settings: SolveSettings = { ...DEFAULT_SOLVE, ...POPULATION_SOLVE, ...spec.settings };
  const plans = pgxPlansFor(spec);
  const nc = spec.drugs.length;
  const multi = spec.groups.length > 1;
  // Arms actually integrated: drugs that interact with nothing are split off into one arm whose
  // results serve as both "combined" and "alone" (same kinetics in both, by construction).
  const indep = multi ? independentDrugs(spec.drugs) : new Set<string>();
  const core = spec.drugs.map((d) => d.id).filter((id) => !indep.has(id));
  const plansArm = (ids: string[], combined: boolean, alone: boolean): SimArm => {
    const drugs = subset(spec.drugs, ids);
    const model = new InteractionModel(drugs, spec.physiology, settings.liverQSS);
    return {
      ids, model, run: new ArmRunner(model, settings), doses: spec.doses.filter((d) => ids.includes(d.drugId)),
      col: ids.map((id) => spec.drugs.findIndex((d) => d.id === id)), combined, alone,
    };
  };
  const arms: SimArm[] = [];
  if (core.length > 0) arms.push(plansArm(core, true, false));
  if (indep.size > 0) arms.push(plansArm([...indep], true, true));
  if (multi)
    for (const g of spec.groups) {
      const ids = g.compounds.filter((c) => !indep.has(c));
      if (ids.length > 0) arms.push(plansArm(ids, false, true));
    }
  const m = to - from;
  const out: PopulationChunk = {
    from, to,
    aucCombined: new Float64Array(m * nc), aucAlone: new Float64Array(m * nc),
    cmaxCombined: new Float64Array(m * nc), cmaxAlone: new Float64Array(m * nc),
    phenotypes: [], bandCombined: [], bandAlone: [], steps: 0,
  };
  const bandN = Math.min(spec.bandSubjects ?? 0, spec.n);
  const metric = (d: { aucUMH: number; aucLastUMH: number; lastDoseH: number | null }): number => ((d.lastDoseH ?? 0) > 0 ? d.aucLastUMH : d.aucUMH);
  const cmaxOf = (d: { cmaxUM: number; cmaxLastUM: number; lastDoseH: number | null }): number => ((d.lastDoseH ?? 0) > 0 ? d.cmaxLastUM : d.cmaxUM);
  for (let k = from; k < to; k++) {
    const ind = subjectParameters(spec, plans, k);
    out.phenotypes.push(ind.phenotypes);
    const grid = k < bandN ? spec.bandGridH : undefined;
    const r = k - from;
    const bandC: number[][] = spec.drugs.map(() => []), bandA: number[][] = spec.drugs.map(() => []);
    for (const a of arms) {
      a.model.load(subset(ind.drugs, a.ids), ind.phys);
      const ra = a.run.run(a.doses, spec.tEndH, grid, false, true);
      out.steps += ra.stats.steps;
      a.col.forEach((c, j) => {
        const auc = metric(ra.drugs[j]!), cmax = cmaxOf(ra.drugs[j]!);
        const band = grid && ra.gridStates ? ra.gridStates.map((y) => y[j * STRIDE + CEN]! / a.model.vc[j]!) : null;
        if (a.combined) { out.aucCombined[r * nc + c] = auc; out.cmaxCombined[r * nc + c] = cmax; if (band) bandC[c] = band; }
        if (a.alone) { out.aucAlone[r * nc + c] = auc; out.cmaxAlone[r * nc + c] = cmax; if (band) bandA[c] = band; }
      });
    }
    if (grid) out.bandCombined.push(bandC);
    if (grid) out.bandAlone.push(bandA);
    if (onProgress && (k - from) % PROGRESS_EVERY === PROGRESS_EVERY - 1) onProgress(k - from + 1);
  }
  onProgress?.(m);
  return out;
}

export interface Distribution {
  n: number;
  median: number;
  p5: number;
  p95: number;
  geomean: number;
  min: number;
  max: number;
}

function quantile(sorted: Float64Array | number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const h = (sorted.length - 1) * p, lo = Math.floor(h), hi = Math.ceil(h);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

export function distribution(xs: number[]): Distribution | null {
  const v = Float64Array.from(xs.filter((x) => Number.isFinite(x) && x > 0)).sort();
  if (v.length === 0) return null;
  return {
    n: v.length, median: quantile(v, 0.5), p5: quantile(v, 0.05), p95: quantile(v, 0.95),
    geomean: Math.exp(v.reduce((a, x) => a + Math.log(x), 0) / v.length), min: v[0]!, max: v[v.length - 1]!,
  };
}

export interface PopulationSummary {
  n: number;
  seed: number;
  rng: string;
  ancestry: string;
  settings: SolveSettings;
  variability: typeof DEFAULT_CV & { note: string };
  pgx: { enzyme: string; fixed: string | null; source: string | null; verified: boolean | 'partial' | null; notes: string[]; counts: Record<string, number> }[];
  compounds: {
    id: string;
    aucMetric: 'AUCtau,last' | 'AUC0-t';
    aucRatio: Distribution | null;
    cmaxRatio: Distribution | null;
    shareAbove: Record<string, number>;
    byPhenotype: Record<string, Record<string, Distribution | null>>;
  }[];
  bands: { gridH: number[]; subjects: number; compounds: { id: string; combined: { p5: number[]; p50: number[]; p95: number[] }; alone: { p5: number[]; p50: number[]; p95: number[] } | null }[] } | null;
  steps: number;
}

/** 5th, 50th and 95th percentile concentration curves of the banded subjects, per compound and arm; null without a band grid. */
function concentrationBands(spec: PopulationSpec, sorted: readonly PopulationChunk[], multi: boolean): PopulationSummary['bands'] {
  const bandChunks = sorted.filter((ch) => ch.bandCombined.length > 0);
  const grid = spec.bandGridH;
  if (!grid || bandChunks.length === 0) return null;
  const bc = bandChunks.flatMap((ch) => ch.bandCombined), ba = bandChunks.flatMap((ch) => ch.bandAlone);
  const q = (rows: number[][], g: number): number[] => {
    const v = Float64Array.from(rows.map((r) => r[g] ?? NaN).filter(Number.isFinite)).sort();
    return [quantile(v, 0.05), quantile(v, 0.5), quantile(v, 0.95)];
  };
  const band = (rows: number[][]): { p5: number[]; p50: number[]; p95: number[] } => {
    const p5: number[] = [], p50: number[] = [], p95: number[] = [];
    grid.forEach((_, g) => { const [a, b, c] = q(rows, g); p5.push(a!); p50.push(b!); p95.push(c!); });
    return { p5, p50, p95 };
  };
  return {
    gridH: grid, subjects: bc.length,
    compounds: spec.drugs.map((d, c) => ({
      id: d.id,
      combined: band(bc.map((s) => s[c]!)),
      alone: multi ? band(ba.map((s) => s[c] ?? [])) : null,
    })),
  };
}

/** Merge chunks (in any order) into the summary: ratio distributions overall and by phenotype. */
export function summarisePopulation(spec: PopulationSpec, chunks: PopulationChunk[]): PopulationSummary {
  const sorted = [...chunks].sort((a, b) => a.from - b.from);
  const plans = pgxPlansFor(spec);
  const nc = spec.drugs.length;
  const thresholds = spec.thresholds ?? DEFAULT_RATIO_THRESHOLDS;
  const aucR: number[][] = spec.drugs.map(() => []), cmaxR: number[][] = spec.drugs.map(() => []);
  const phen: string[][] = [];
  for (const ch of sorted) {
    const m = ch.to - ch.from;
    for (let r = 0; r < m; r++) {
      for (let c = 0; c < nc; c++) {
        aucR[c]!.push(ch.aucCombined[r * nc + c]! / ch.aucAlone[r * nc + c]!);
        cmaxR[c]!.push(ch.cmaxCombined[r * nc + c]! / ch.cmaxAlone[r * nc + c]!);
      }
      phen.push(ch.phenotypes[r]!);
    }
  }
  const multi = spec.groups.length > 1;
  const compounds = spec.drugs.map((d, c) => {
    const byPhenotype: Record<string, Record<string, Distribution | null>> = {};
    plans.forEach((p, pi) => {
      const groups: Record<string, number[]> = {};
      phen.forEach((ph, s) => { (groups[ph[pi]!] ??= []).push(aucR[c]![s]!); });
      byPhenotype[p.enzyme] = Object.fromEntries(Object.entries(groups).map(([k, v]) => [k, distribution(v)]));
    });
    const valid = aucR[c]!.filter((x) => Number.isFinite(x));
    const multiDose = spec.doses.filter((x) => x.drugId === d.id).length > 1 || spec.doses.some((x) => x.drugId === d.id && x.tH > 0);
    return {
      id: d.id,
      aucMetric: (multiDose ? 'AUCtau,last' : 'AUC0-t') as 'AUCtau,last' | 'AUC0-t',
      aucRatio: multi ? distribution(aucR[c]!) : null,
      cmaxRatio: multi ? distribution(cmaxR[c]!) : null,
      shareAbove: multi ? Object.fromEntries(thresholds.map((t) => [String(t), valid.length ? valid.filter((x) => x >= t).length / valid.length : 0])) : {},
      byPhenotype: multi ? byPhenotype : {},
    };
  });
  const bands = concentrationBands(spec, sorted, multi);
  return {
    n: phen.length, seed: spec.seed, rng: RNG_ALGORITHM, ancestry: spec.ancestry,
    settings: { ...DEFAULT_SOLVE, ...POPULATION_SOLVE, ...spec.settings },
    variability: { ...DEFAULT_CV, note: 'log-normal CVs from params/physiology.md §F (assumptions, verified=false); body-weight CV 15 % is an added assumption; CLint factors are per enzyme and shared by all drugs it clears' },
    pgx: plans.map((p, pi) => {
      const counts: Record<string, number> = {};
      for (const ph of phen) counts[ph[pi]!] = (counts[ph[pi]!] ?? 0) + 1;
      return { enzyme: p.enzyme, fixed: p.fixed ?? null, source: p.table?.source ?? null, verified: p.table?.verified ?? null, notes: p.notes, counts };
    }),
    compounds, bands, steps: sorted.reduce((a, ch) => a + ch.steps, 0),
  };
}

/** Run a whole population in this thread. */
export function runPopulation(spec: PopulationSpec, onProgress?: (done: number) => void): PopulationSummary {
  return summarisePopulation(spec, [runPopulationChunk(spec, 0, spec.n, onProgress)]);
}
