/** POST /api/simulate on the core planner: phenotypes only for enzymes in use, the request's seed, strict answers. */
import { describe, expect, it } from 'vitest';
import { ApiSchemas as S } from '../../src/core/index.js';
import { useTestApp } from './helpers.js';

const getApp = useTestApp();

const simulate = async (body: S.SimulateRequest) => {
  const r = await getApp().inject({ method: 'POST', url: '/api/simulate', payload: body });
  return { status: r.statusCode, body: r.json() as unknown };
};
const base = { victim: 'midazolam', perpetrator: 'kratom', victimDose: '7.5 mg', perpetratorDose: '2 g', horizonH: 24 } as const;

describe('POST /api/simulate (issue-10 one simulation planner)', () => {
  it('lists the polymorphic enzymes the simulated compounds use, and fixes only those', async () => {
    const r = await simulate(base);
    expect(r.status).toBe(200);
    const b = S.SimulateResultJson.parse(r.body);
    expect(b.polymorphicEnzymes.length).toBeGreaterThan(0);
    expect(b.phenotypes).toEqual({});
    expect(b.seed).toBeNull();
    const enzyme = b.polymorphicEnzymes[0]!;
    const fixed = S.SimulateResultJson.parse((await simulate({ ...base, phenotypes: { [enzyme]: 'PM' } })).body);
    expect(fixed.phenotypes).toEqual({ [enzyme]: 'PM' });
  });

  it('rejects a phenotype for an enzyme no simulated compound uses, with the registry code', async () => {
    const used = S.SimulateResultJson.parse((await simulate(base)).body).polymorphicEnzymes;
    const unused = ['cyp2d6', 'cyp2c19', 'cyp2c9'].find((e) => !used.includes(e));
    if (!unused) return;
    const r = await simulate({ ...base, phenotypes: { [unused]: 'PM' } });
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject({ code: 'INPUT_PHENOTYPE_UNUSED' });
  });

  it('takes the seed from the request: the same seed gives the same band, the default is documented', async () => {
    const a = S.SimulateResultJson.parse((await simulate({ ...base, population: 10, seed: 7 })).body);
    const b = S.SimulateResultJson.parse((await simulate({ ...base, population: 10, seed: 7 })).body);
    expect(a.seed).toBe(7);
    expect(a.band).toEqual(b.band);
    const d = S.SimulateResultJson.parse((await simulate({ ...base, population: 10 })).body);
    expect(d.seed).toBe(S.DEFAULT_SIM_SEED);
  });

  it('a product without a usual dose is simulated as its constituents at theirs', async () => {
    const b = S.SimulateResultJson.parse((await simulate({ victim: 'kratom', perpetrator: 'cannabis', horizonH: 24 })).body);
    expect(b.perpetrator.dose).toMatch(/\+/);
    expect(b.victim.analyte).toBe('mitragynine');
  });
});
