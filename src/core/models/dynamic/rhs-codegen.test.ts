/**
 * The generated right-hand side (rhs-codegen.ts) against the generic one (model.ts), issue 12 §12: on random states
 * of several model structures — one drug, the bench pair, a parent with an enzyme- and an 'other'-formed metabolite
 * and a third drug that inhibits and induces, a metabolite chain without liver inhibition, a fast (inhaled) depot —
 * every derivative and the QSS liver concentrations must agree to rounding. A wrong index, a dropped term or a
 * wrong Newton solve moves some component far beyond the tolerance.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { InteractionModel } from './model.js';
import { compileRhs, rhsSource } from './rhs-codegen.js';
import { Rng } from './rng.js';
import { ArmRunner } from './run.js';
import { DEFAULT_SOLVE, type DoseEvent, type DrugParams, type Physiology } from './types.js';
import { asHours, asLitresPerHour, asMicromolar, asMilligrams, asPerHour } from '../../units/branded.js';

const bench = JSON.parse(readFileSync(new URL('../../../../test/reference/interaction-spec.json', import.meta.url), 'utf8')) as { drugs: DrugParams[]; physiology: Physiology };
const phys: Physiology = {
  ...bench.physiology,
  enzymes: { ...bench.physiology.enzymes, cyp1a2: { kdegLiverPerH: 0.0183 }, cyp2b6: { kdegLiverPerH: 0.03, kdegGutPerH: 0.03 } },
};
const drug = (id: string, over: Partial<DrugParams>): DrugParams => ({
  id, mwGPerMol: 300, kaPerH: asPerHour(1.2), tlagH: asHours(0), fa: 1, fast: {}, vcL: 80, k12PerH: 0.2, k21PerH: 0.1, fuP: 0.1, rb: 0.9, kpLiver: 1,
  clRenalLPerH: asLitresPerHour(0.5), clintOtherLPerH: asLitresPerHour(20), enzymes: [], inhibits: [], inactivates: [], induces: [], metabolites: [], ...over,
});
const parent = drug('p', {
  enzymes: [{ enzyme: 'cyp3a4', clintLiverLPerH: 400, clintGutLPerH: 8 }, { enzyme: 'cyp2b6', clintLiverLPerH: 60, clintGutLPerH: 1 }],
  metabolites: [{ metaboliteId: 'm', enzyme: 'cyp3a4', pathwayShare: 0.7 }, { metaboliteId: 'm', enzyme: null, pathwayShare: 0.4 }],
  inhibits: [{ enzyme: 'cyp1a2', kiUnboundUM: asMicromolar(2), site: 'liver' }],
  inactivates: [{ enzyme: 'cyp3a4', site: 'both', kind: 'saturable', kinactPerH: asPerHour(2), kIUnboundUM: asMicromolar(3) }],
});
const metabolite = drug('m', {
  vcL: 30, enzymes: [{ enzyme: 'cyp1a2', clintLiverLPerH: 50, clintGutLPerH: 0 }, { enzyme: 'cyp2b6', clintLiverLPerH: 10, clintGutLPerH: 0 }],
  inhibits: [{ enzyme: 'cyp3a4', kiUnboundUM: asMicromolar(0.8), site: 'both' }],
  metabolites: [{ metaboliteId: 'm2', enzyme: 'cyp1a2', pathwayShare: 0.5 }],
});
const perpetrator = drug('x', {
  fast: { inhaled: { kaPerH: asPerHour(20), bioavailability: 0.3 } },
  enzymes: [{ enzyme: 'cyp2b6', clintLiverLPerH: 30, clintGutLPerH: 2 }],
  inhibits: [{ enzyme: 'cyp2b6', kiUnboundUM: asMicromolar(0.4), site: 'both' }, { enzyme: 'cyp3a4', kiUnboundUM: asMicromolar(1.5), site: 'gut' }],
  inactivates: [{ enzyme: 'cyp2b6', site: 'liver', kind: 'linear', kinactOverKIPerHPerUM: 0.3, kobsCapPerH: asPerHour(2) }],
  induces: [{ enzyme: 'cyp3a4', site: 'both', emaxFold: 5, ec50UnboundUM: asMicromolar(0.5) }, { enzyme: 'cyp2b6', site: 'liver', emaxFold: 3, ec50UnboundUM: asMicromolar(1) }],
});
const inducerOnly = drug('x', { enzymes: [{ enzyme: 'cyp2b6', clintLiverLPerH: 30, clintGutLPerH: 0 }], induces: [{ enzyme: 'cyp3a4', site: 'both', emaxFold: 4, ec50UnboundUM: asMicromolar(0.2) }] });
const m2 = drug('m2', { vcL: 10, enzymes: [{ enzyme: 'cyp2b6', clintLiverLPerH: 5, clintGutLPerH: 0 }] });
// three drugs, each cleared mostly by its own enzyme and inhibiting the other two strongly: a dense Newton matrix
const ENZ = ['cyp3a4', 'cyp2b6', 'cyp1a2'];
const triangle = ENZ.map((e, k) => drug(`t${k}`, {
  fuP: 0.3, enzymes: [{ enzyme: e, clintLiverLPerH: 800 + 300 * k, clintGutLPerH: 0 }],
  inhibits: ENZ.filter((x) => x !== e).map((x, j) => ({ enzyme: x, kiUnboundUM: asMicromolar(0.05 * (j + 1)), site: 'liver' as const })),
}));
const withoutMetabolites = (d: DrugParams): DrugParams => ({ ...d, metabolites: [] });

const STRUCTURES: { name: string; drugs: DrugParams[] }[] = [
  { name: 'one drug (bench mitragynine)', drugs: [bench.drugs[0]!] },
  { name: 'bench pair (mutual inhibition, both inactivate CYP3A4)', drugs: bench.drugs },
  { name: 'parent, enzyme- and other-formed metabolite, inhibiting and inducing perpetrator with a fast depot', drugs: [parent, withoutMetabolites(metabolite), perpetrator] },
  { name: 'metabolite chain, no liver inhibition, an inducer', drugs: [{ ...parent, inhibits: [] }, { ...metabolite, inhibits: [] }, m2] },
  { name: 'three drugs inhibiting one another (dense 3×3 Newton system)', drugs: triangle },
  { name: 'inducer alone with a victim (no inhibition anywhere)', drugs: [withoutMetabolites({ ...parent, inhibits: [], inactivates: [] }), inducerOnly] },
];

/** A random state: depot and compartment amounts over four decades, enzyme states 0.2–2. */
function randomState(m: InteractionModel, rng: Rng, y: Float64Array): void {
  for (let k = 0; k < y.length; k++) y[k] = 10 ** (4 * rng.uniform() - 2);
  for (const s of m.enzymeStates) y[s.index] = 0.2 + 1.8 * rng.uniform();
  y[1] = 0; // one empty fast depot: the closed-form factor is skipped there
}

describe('generated right-hand side (REQ-12.speed-codegen)', () => {
  for (const { name, drugs } of STRUCTURES) {
    it(`matches the generic right-hand side on random states: ${name}`, () => {
      const m = new InteractionModel(drugs, phys, true);
      const compiled = compileRhs(m);
      expect(compiled, rhsSource(m.rhsTables())).not.toBeNull();
      m.analyticDepots = true;
      m.depotRefH = 3;
      m.qssTol = 1e-14;
      m.kaFast.forEach((_, i) => { m.kaFast[i] = drugs[i]!.fast.inhaled?.kaPerH ?? 0; });
      compiled!.load();
      const rng = new Rng(7, drugs.length, 3);
      const y = new Float64Array(m.nStates), dg = new Float64Array(m.nStates), dc = new Float64Array(m.nStates);
      const warm = new Float64Array(m.nDrugs);
      for (let trial = 0; trial < 40; trial++) {
        randomState(m, rng, y);
        const t = 3 + 5 * rng.uniform();
        // the same warm start for both (each reads and leaves the liver concentrations in the model)
        const chv = m.current.chvUM;
        warm.set(chv);
        const it0 = m.qssIterations;
        m.rhs(t, y, dg);
        const itGeneric = m.qssIterations - it0, chvGeneric = Float64Array.from(chv);
        chv.set(warm);
        const it1 = compiled!.iterations();
        compiled!.rhs(t, y, dc);
        // the same Newton iterations (a wrong Newton step still converges, slowly or through the generic fallback)
        if (compiled!.iterations() > 0) expect(Math.abs(compiled!.iterations() - it1 - itGeneric), `Newton iterations, trial ${trial}`).toBeLessThanOrEqual(1);
        expect(m.qssIterations, 'no generic fallback').toBe(it0 + itGeneric);
        for (let i = 0; i < m.nDrugs; i++) expect(Math.abs(chv[i]! - chvGeneric[i]!), `liver ${i}, trial ${trial}`).toBeLessThanOrEqual(1e-11 * chvGeneric[i]!);
        for (let k = 0; k < m.nStates; k++)
          expect(Math.abs(dc[k]! - dg[k]!), `component ${k}, trial ${trial}: generated ${dc[k]} vs generic ${dg[k]}`).toBeLessThanOrEqual(1e-10 * (Math.abs(dg[k]!) + 1e-12));
      }
    });
  }

  it('gives the generic run’s exposures (bench pair, 3 days qd, population tolerances)', () => {
    const doses: DoseEvent[] = [0, 24, 48].flatMap((tH) => [
      { drugId: 'mg', tH, amountMg: asMilligrams(39), route: 'po' as const }, { drugId: 'cbd', tH, amountMg: asMilligrams(300), route: 'po' as const },
    ]);
    const run = (compiledRhs: boolean) => new ArmRunner(new InteractionModel(bench.drugs, bench.physiology, true), { ...DEFAULT_SOLVE, rtol: 1e-3, compiledRhs }).run(doses, 72);
    const a = run(false), b = run(true);
    expect(b.stats.steps).toBe(a.stats.steps);
    a.drugs.forEach((d, i) => {
      expect(b.drugs[i]!.aucUMH / d.aucUMH - 1).toBeLessThan(1e-9);
      expect(Math.abs(b.drugs[i]!.cmaxUM / d.cmaxUM - 1)).toBeLessThan(1e-9);
    });
  });

  it('leaves the full-liver formulation to the generic right-hand side', () => {
    expect(compileRhs(new InteractionModel(bench.drugs, bench.physiology, false))).toBeNull();
  });
});
