import { describe, expect, it } from 'vitest';
import { runPopulation, runPopulationChunk, summarisePopulation, type PopulationSpec } from './population.js';
import { Rng } from './rng.js';
import type { DrugParams, Physiology } from './types.js';
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
