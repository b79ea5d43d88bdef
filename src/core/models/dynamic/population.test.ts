import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { Dopri5 } from '../../ode/index.js';
import { InteractionModel } from './model.js';
import { pgxPlansFor, POPULATION_SOLVE, runPopulation, runPopulationChunk, subjectParameters, summarisePopulation, type PopulationSpec } from './population.js';
import { Rng } from './rng.js';
import { ArmRunner } from './run.js';
import { DEFAULT_SOLVE, type DoseEvent, type DrugParams, type Physiology, type SolveSettings } from './types.js';
import { asHours, asLitresPerHour, asMicromolar, asMilligrams, asPerHour } from '../../units/branded.js';

const phys: Physiology = { species: 'human', bodyWeightKg: 70, qhLPerH: 97, qentLPerH: 18, vLiverL: 1.5, enzymes: { cyp2d6: { kdegLiverPerH: 0.0099 }, cyp3a4: { kdegLiverPerH: 0.0193, kdegGutPerH: 0.03 } } };
const base = { mwGPerMol: 300, kaPerH: asPerHour(1), tlagH: asHours(0), fa: 1, fast: {}, vcL: 100, k12PerH: 0, k21PerH: 0, fuP: 0.5, rb: 1, kpLiver: 1, clRenalLPerH: asLitresPerHour(0), clintOtherLPerH: asLitresPerHour(10), inhibits: [], inactivates: [], induces: [], metabolites: [] };
const victim: DrugParams = { ...base, id: 'victim', enzymes: [{ enzyme: 'cyp2d6', clintLiverLPerH: 90, clintGutLPerH: 0 }] };
const perp: DrugParams = { ...base, id: 'perp', enzymes: [{ enzyme: 'cyp3a4', clintLiverLPerH: 20, clintGutLPerH: 0 }], inhibits: [{ enzyme: 'cyp2d6', kiUnboundUM: asMicromolar(0.05), site: 'liver' }] };
const spec: PopulationSpec = {
  drugs: [victim, perp], physiology: phys, groups: [{ id: 'v', compounds: ['victim'] }, { id: 'p', compounds: ['perp'] }],
  doses: [0, 24].flatMap((tH) => [{ drugId: 'victim', tH, amountMg: asMilligrams(30), route: 'po' as const }, { drugId: 'perp', tH, amountMg: asMilligrams(100), route: 'po' as const }]),
  tEndH: 48, n: 60, seed: 42, ancestry: 'european', fixedPhenotypes: {},
};

describe('virtual population (MODEL.md §3.4)', () => {
  it('xoshiro128** stream is fixed for a seed', () => {
    const r = new Rng(1);
    const a = [r.nextU32(), r.nextU32(), r.nextU32()];
    const s = new Rng(1);
    expect([s.nextU32(), s.nextU32(), s.nextU32()]).toEqual(a);
    expect(new Rng(2).nextU32()).not.toBe(a[0]);
  });

  it('is deterministic under a seed and independent of how subjects are partitioned', () => {
    const a = runPopulation(spec);
    const b = runPopulation(spec);
    expect(b.compounds).toEqual(a.compounds);
    const chunks = [runPopulationChunk(spec, 30, 60), runPopulationChunk(spec, 0, 30)];
    expect(summarisePopulation(spec, chunks).compounds).toEqual(a.compounds);
    expect(a.rng).toMatch(/xoshiro128/);
    expect(a.seed).toBe(42);
  });

  it('splits by phenotype: a CYP2D6 inhibitor cannot raise exposure in poor metabolisers', () => {
    const pm = runPopulation({ ...spec, n: 20, fixedPhenotypes: { cyp2d6: 'PM' } });
    const nm = runPopulation({ ...spec, n: 20, fixedPhenotypes: { cyp2d6: 'NM' } });
    expect(pm.compounds[0]!.aucRatio!.median).toBeLessThan(1.01);
    expect(nm.compounds[0]!.aucRatio!.median).toBeGreaterThan(1.5);
    const mixed = runPopulation({ ...spec, n: 300, thresholds: [1.25] });
    const by = mixed.compounds[0]!.byPhenotype['cyp2d6']!;
    expect(Object.keys(by)).toContain('NM');
    if (by['PM']) expect(by['PM']!.median).toBeLessThan(by['NM']!.median);
    expect(mixed.pgx[0]!.notes.join(' ')).toMatch(/assumption/);
  });
});

/**
 * The population reuses one compiled model and one runner per arm across subjects (`load` rewrites the numbers,
 * the QSS liver warm-starts from the last call). The reference path builds everything afresh for each subject;
 * both must give the same exposures, or state leaks from one subject into the next.
 */
describe('population against its reference path (bench/sim.ts model: TDI in liver and gut, mutual inhibition)', () => {
  const bench = JSON.parse(readFileSync(new URL('../../../../test/reference/interaction-spec.json', import.meta.url), 'utf8')) as { drugs: DrugParams[]; physiology: Physiology; doses: DoseEvent[] };
  const doses: DoseEvent[] = [0, 24, 48].flatMap((tH) => bench.doses.filter((d) => d.tH === 0).map((d) => ({ ...d, tH })));
  const pop: PopulationSpec = {
    drugs: bench.drugs, physiology: bench.physiology, doses, tEndH: 72, n: 12, seed: 7, ancestry: 'european', fixedPhenotypes: {},
    groups: bench.drugs.map((d) => ({ id: d.id, compounds: [d.id] })),
  };
  const arms = [bench.drugs.map((d) => d.id), ...bench.drugs.map((d) => [d.id])];
  /** Exposures of subject k, arm by arm, each through a new model and runner: [arm][drug] {auc, cmax} of the last interval. */
  const reference = (k: number, settings: SolveSettings): { auc: number; cmax: number }[][] => {
    const ind = subjectParameters(pop, pgxPlansFor(pop), k);
    return arms.map((ids) => {
      const drugs = ind.drugs.filter((d) => ids.includes(d.id));
      const r = new ArmRunner(new InteractionModel(drugs, ind.phys, settings.liverQSS), settings).run(doses.filter((d) => ids.includes(d.drugId)), pop.tEndH, undefined, false);
      return r.drugs.map((x) => ({ auc: x.aucLastUMH, cmax: x.cmaxLastUM }));
    });
  };
  const settings: SolveSettings = { ...DEFAULT_SOLVE, ...POPULATION_SOLVE };

  it('gives every subject the exposures of a fresh model and runner (within 1e-6; bit-identical when measured)', () => {
    const ch = runPopulationChunk(pop, 0, pop.n);
    const nc = bench.drugs.length;
    let worst = 0;
    for (let k = 0; k < pop.n; k++) {
      const ref = reference(k, settings);
      for (let c = 0; c < nc; c++) {
        worst = Math.max(worst,
          Math.abs(ch.aucCombined[k * nc + c]! / ref[0]![c]!.auc - 1), Math.abs(ch.cmaxCombined[k * nc + c]! / ref[0]![c]!.cmax - 1),
          Math.abs(ch.aucAlone[k * nc + c]! / ref[1 + c]![0]!.auc - 1), Math.abs(ch.cmaxAlone[k * nc + c]! / ref[1 + c]![0]!.cmax - 1));
      }
    }
    expect(worst).toBeLessThanOrEqual(1e-6);
  });

  it('keeps the AUC and Cmax ratios within 3e-4 of an rtol-1e-9 solve at the population tolerance', () => {
    const ch = runPopulationChunk(pop, 0, 6);
    const tight: SolveSettings = { ...DEFAULT_SOLVE, rtol: 1e-9, atolUmol: 1e-13, atolEnzyme: 1e-11 };
    const nc = bench.drugs.length;
    let worst = 0;
    for (let k = 0; k < 6; k++) {
      const ref = reference(k, tight);
      for (let c = 0; c < nc; c++) {
        worst = Math.max(worst,
          Math.abs((ch.aucCombined[k * nc + c]! / ch.aucAlone[k * nc + c]!) / (ref[0]![c]!.auc / ref[1 + c]![0]!.auc) - 1),
          Math.abs((ch.cmaxCombined[k * nc + c]! / ch.cmaxAlone[k * nc + c]!) / (ref[0]![c]!.cmax / ref[1 + c]![0]!.cmax) - 1));
      }
    }
    expect(worst).toBeGreaterThan(0); // a different tolerance: the comparison is not of a run with itself
    expect(worst).toBeLessThan(3e-4);
  });
});

describe('held state components (issue 12 §12, REQ-12.speed-live)', () => {
  it('the runner skips the depots and the algebraic liver and gives exactly the exposures of the full integration (bench pair, 7 days)', () => {
    const bench = JSON.parse(readFileSync(new URL('../../../../test/reference/interaction-spec.json', import.meta.url), 'utf8')) as { drugs: DrugParams[]; physiology: Physiology; doses: DoseEvent[] };
    const doses = [0, 1, 2, 3, 4, 5, 6].flatMap((d) => bench.doses.filter((x) => x.tH === 0).map((x) => ({ ...x, tH: 24 * d })));
    const pop: PopulationSpec = {
      drugs: bench.drugs, physiology: bench.physiology, doses, tEndH: 168, n: 10_000, seed: 1, ancestry: 'european', fixedPhenotypes: {},
      groups: bench.drugs.map((d) => ({ id: d.id, compounds: [d.id] })),
    };
    const held = runPopulationChunk(pop, 0, 40);
    // the reference: the same runs with every component integrated (the solver ignores the runner's live list)
    const integrate = Dopri5.prototype.integrate;
    const liveSeen: number[] = [];
    const spy = vi.spyOn(Dopri5.prototype, 'integrate').mockImplementation(function (this: Dopri5, f, t0, y, t1, opts, observer) {
      liveSeen.push(opts?.live?.length ?? this.n);
      return integrate.call(this, f, t0, y, t1, { ...opts, live: undefined }, observer);
    });
    let full;
    try { full = runPopulationChunk(pop, 0, 40); } finally { spy.mockRestore(); }
    expect([...new Set(liveSeen)].sort((a, b) => a - b), 'integrated components: 10 of the combined arm\'s 16, 6 of each single-drug arm\'s 9').toEqual([6, 10]);
    expect(held.steps).toBe(full.steps);
    for (const k of ['aucCombined', 'aucAlone', 'cmaxCombined', 'cmaxAlone'] as const)
      held[k].forEach((x, j) => expect(Math.abs(x / full[k][j]! - 1), `${k}[${j}]`).toBeLessThanOrEqual(1e-12));
  });
});
