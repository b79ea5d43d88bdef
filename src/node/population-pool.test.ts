import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runPopulation, type DoseEvent, type DrugParams, type Physiology, type PopulationSpec } from '../core/index.js';
import { MIN_SUBJECTS_FOR_WORKERS, runPopulationParallel, SUBJECTS_PER_BATCH } from './population-pool.js';

/**
 * The pool hands batches to whichever thread is free, so the partition changes from run to run; subjects are
 * seeded one by one, so the summary must not (issue 12 §12). The bench/sim.ts model, two days, band on.
 */
describe('population pool (this thread and a worker, shared batch counter)', () => {
  const bench = JSON.parse(readFileSync(new URL('../../test/reference/interaction-spec.json', import.meta.url), 'utf8')) as { drugs: DrugParams[]; physiology: Physiology; doses: DoseEvent[] };
  const doses = [0, 24].flatMap((tH) => bench.doses.filter((d) => d.tH === 0).map((d) => ({ ...d, tH })));
  const spec: PopulationSpec = {
    drugs: bench.drugs, physiology: bench.physiology, doses, tEndH: 48, n: MIN_SUBJECTS_FOR_WORKERS + 3, seed: 11, ancestry: 'european', fixedPhenotypes: {},
    groups: bench.drugs.map((d) => ({ id: d.id, compounds: [d.id] })), bandGridH: [0, 6, 24, 47], bandSubjects: SUBJECTS_PER_BATCH + 7,
  };

  const single = runPopulation(spec);
  // Two workers alone compete for every batch (this thread, when it computes, may finish before a worker starts).
  for (const opts of [{ workers: 2, inThisThread: false }, { workers: 2 }]) {
    it(`gives the single-thread summary exactly, with progress reaching every subject (${JSON.stringify(opts)})`, async () => {
      let done = 0;
      const pooled = await runPopulationParallel(spec, { ...opts, onProgress: (d) => { expect(d).toBeGreaterThanOrEqual(done); done = d; } });
      expect(done).toBe(spec.n);
      expect(pooled.compounds).toEqual(single.compounds);
      expect(pooled.bands).toEqual(single.bands);
      expect(pooled.pgx).toEqual(single.pgx);
      expect(pooled.steps).toBe(single.steps);
    }, 120_000);
  }
});
