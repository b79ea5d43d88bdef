import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Dopri5 } from '../../ode/index.js';
import { InteractionModel, STRIDE } from './model.js';
import { ArmRunner, accountedUmol } from './run.js';
import { simulateInteraction } from './interaction.js';
import { DEFAULT_SOLVE, type DrugParams, type Physiology } from './types.js';
import { asHours, asLitresPerHour, asMicromolar, asMilligrams, asPerHour, type Milligrams } from '../../units/branded.js';

const phys: Physiology = {
  species: 'human', bodyWeightKg: 70, qhLPerH: 97, qentLPerH: 18, vLiverL: 1.5,
  enzymes: { cyp3a4: { kdegLiverPerH: 0.0193, kdegGutPerH: 0.03 }, cypx: { kdegLiverPerH: 0.02 }, cyp2d6: { kdegLiverPerH: 0.0099 } },
};

function drug(id: string, over: Partial<DrugParams> = {}): DrugParams {
  return {
    id, mwGPerMol: 300, kaPerH: asPerHour(1), tlagH: asHours(0), fa: 1, fast: {}, vcL: 50, k12PerH: 0, k21PerH: 0, fuP: 1, rb: 1, kpLiver: 1,
    clRenalLPerH: asLitresPerHour(0), clintOtherLPerH: asLitresPerHour(0), enzymes: [], inhibits: [], inactivates: [], induces: [], metabolites: [], ...over,
  };
}

/**
 * Perpetrators held at constant unbound liver concentration I (IV, no clearance) and, as a separate
 * drug (so each has its own tolerance scale), constant enterocyte concentration Ig (huge slow depot
 * whose absorbed flux is fully extracted in the gut wall, so nothing reaches the liver).
 */
function constantPerpetrator(iUM: number, igUM: number, over: Partial<DrugParams>, liverL = 0, gutOver: Partial<DrugParams> = {}): {
  drug: DrugParams; drugs: DrugParams[]; doses: { drugId: string; tH: number; amountMg: Milligrams; route: 'iv' | 'po' }[];
} {
  const ka = 1e-7;
  const d = drug('perp', { vcL: 100, ...over });
  const g = drug('perp-gut', { kaPerH: asPerHour(ka), vcL: 100, enzymes: [{ enzyme: 'cypx', clintLiverLPerH: 0, clintGutLPerH: 1e13 }], ...gutOver });
  const doses: { drugId: string; tH: number; amountMg: Milligrams; route: 'iv' | 'po' }[] = [{ drugId: 'perp', tH: 0, amountMg: asMilligrams((iUM * (100 + liverL) * 300) / 1000), route: 'iv' }]; // a liver state holds Vh·Chv too
  if (igUM > 0) doses.push({ drugId: 'perp-gut', tH: 0, amountMg: asMilligrams(((igUM * 18) / ka) * 300 / 1000), route: 'po' });
  return { drug: d, drugs: igUM > 0 ? [d, g] : [d], doses };
}

describe('semi-physiological model (MODEL.md §2.1, §2.5)', () => {
  it('T4 static limit: constant Ih/Ki 3 and Ig/Ki 10, fm 0.9, Fg 0.375 → AUCR 7.1255 (MSM)', () => {
    const qent = 18, fg = 0.375;
    const victim = drug('victim', {
      clintOtherLPerH: asLitresPerHour(10),
      enzymes: [{ enzyme: 'cyp3a4', clintLiverLPerH: 90, clintGutLPerH: qent * (1 / fg - 1) }],
    });
    for (const liverQSS of [true, false]) {
      const p = constantPerpetrator(3, 10, { inhibits: [{ enzyme: 'cyp3a4', kiUnboundUM: asMicromolar(1), site: 'liver' }] }, liverQSS ? 0 : 1.5,
        { inhibits: [{ enzyme: 'cyp3a4', kiUnboundUM: asMicromolar(1), site: 'gut' }] });
      const r = simulateInteraction({
        drugs: [victim, ...p.drugs], physiology: phys,
        groups: [{ id: 'v', compounds: ['victim'] }, { id: 'p', compounds: ['perp', 'perp-gut'] }],
        doses: [{ drugId: 'victim', tH: 1, amountMg: asMilligrams(10), route: 'po' }, ...p.doses], tEndH: 151, settings: { rtol: 1e-10, liverQSS }, // victim dosed after the perpetrator's liver has equilibrated
      });
      const v = r.compounds[0]!;
      const msm = (1 / ((1 / 11) * (1 - fg) + fg)) * (1 / (0.9 * 0.25 + 0.1));
      expect(msm).toBeCloseTo(7.1255, 4);
      expect(Math.abs(v.combined.aucUMH / v.alone!.aucUMH - msm) / msm).toBeLessThan(1e-3);
      // (c): oral AUC = Fa·Fg·Dose/(fu·CLint,h), independent of Qh
      const dose = (10 / 300) * 1000;
      expect(Math.abs(v.alone!.aucUMH - (fg * dose) / 100) / ((fg * dose) / 100)).toBeLessThan(1e-4);
    }
  });

  it('T5 TDI steady state E = kdeg/(kdeg + kinact·I/(KI + I)) and recovery 1 − (1 − Ess)e^(−kdeg t)', () => {
    const victim = drug('victim', { enzymes: [{ enzyme: 'cyp3a4', clintLiverLPerH: 50, clintGutLPerH: 0 }] });
    for (const [I, A] of [[0.01, 0.66], [0.05, 0.282], [0.19, 0.0965]] as const) {
      const p = constantPerpetrator(I, 0, { inactivates: [{ enzyme: 'cyp3a4', site: 'liver', kind: 'saturable', kinactPerH: asPerHour(4.08), kIUnboundUM: asMicromolar(4.1) }] });
      const m = new InteractionModel([victim, p.drug], phys, true);
      const res = new ArmRunner(m, { ...DEFAULT_SOLVE, rtol: 1e-9 }).run(p.doses, 2000);
      const e = res.finalState[m.enzymeStates[0]!.index]!;
      const exact = 0.0193 / (0.0193 + (4.08 * I) / (4.1 + I));
      expect(Math.abs(e - exact) / exact).toBeLessThan(1e-6);
      expect(e).toBeCloseTo(A, 2);
    }
    const m = new InteractionModel([victim, drug('perp', { inactivates: [{ enzyme: 'cyp3a4', site: 'liver', kind: 'saturable', kinactPerH: asPerHour(4.08), kIUnboundUM: asMicromolar(4.1) }] })], phys, true);
    const y = new Float64Array(m.nStates);
    m.initialState(y);
    const idx = m.enzymeStates[0]!.index;
    y[idx] = 0.282;
    new Dopri5(m.nStates).integrate(m.rhs, 0, y, 48, { rtol: 1e-10, atol: 1e-14 });
    expect(y[idx]!).toBeCloseTo(1 - (1 - 0.282) * Math.exp(-0.0193 * 48), 8);
  });

  it('T5b linear TDI uses kinact/KI·I, capped', () => {
    const victim = drug('victim', { enzymes: [{ enzyme: 'cyp3a4', clintLiverLPerH: 50, clintGutLPerH: 0 }] });
    const p = constantPerpetrator(0.1, 0, { inactivates: [{ enzyme: 'cyp3a4', site: 'liver', kind: 'linear', kinactOverKIPerHPerUM: 0.5, kobsCapPerH: asPerHour(6) }] });
    const m = new InteractionModel([victim, p.drug], phys, true);
    const res = new ArmRunner(m, { ...DEFAULT_SOLVE, rtol: 1e-9 }).run(p.doses, 3000);
    expect(res.finalState[m.enzymeStates[0]!.index]!).toBeCloseTo(0.0193 / (0.0193 + 0.05), 6);
  });

  it('T6 induction steady state E = 1 + Emax·I/(EC50 + I)', () => {
    const victim = drug('victim', { enzymes: [{ enzyme: 'cyp3a4', clintLiverLPerH: 50, clintGutLPerH: 0 }] });
    const p = constantPerpetrator(1, 0, { induces: [{ enzyme: 'cyp3a4', site: 'liver', emaxFold: 5, ec50UnboundUM: asMicromolar(1) }] });
    const m = new InteractionModel([victim, p.drug], phys, true);
    const res = new ArmRunner(m, { ...DEFAULT_SOLVE, rtol: 1e-9 }).run(p.doses, 3000);
    expect(res.finalState[m.enzymeStates[0]!.index]!).toBeCloseTo(3, 6);
  });

  it('reduces to linear PK without interactions: Bateman AUC and well-stirred FH', () => {
    const d = drug('a', { clintOtherLPerH: asLitresPerHour(40) });
    const m = new InteractionModel([d], phys, false);
    const res = new ArmRunner(m, { ...DEFAULT_SOLVE, rtol: 1e-10, liverQSS: false }).run([{ drugId: 'a', tH: 0, amountMg: asMilligrams(30), route: 'iv' }], 400);
    const clb = (97 * 40) / (97 + 40);
    expect(res.drugs[0]!.aucUMH).toBeCloseTo(100 / clb, 4);
  });

  it('mass balance with a metabolite, full and QSS liver (fast-check)', () => {
    fc.assert(fc.property(fc.double({ min: 0.1, max: 5, noNaN: true }), fc.double({ min: 5, max: 500, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), fc.boolean(), (ka, clint, frac, qss) => {
      const parent = drug('p', { kaPerH: asPerHour(ka), enzymes: [{ enzyme: 'cyp3a4', clintLiverLPerH: clint, clintGutLPerH: 5 }], metabolites: [{ metaboliteId: 'm', enzyme: 'cyp3a4', pathwayShare: frac }],
        inactivates: [{ enzyme: 'cyp3a4', site: 'both', kind: 'saturable', kinactPerH: asPerHour(2), kIUnboundUM: asMicromolar(1) }], inhibits: [{ enzyme: 'cyp3a4', kiUnboundUM: asMicromolar(0.5), site: 'both' }] });
      const met = drug('m', { clintOtherLPerH: asLitresPerHour(20), vcL: 20, k12PerH: 0.3, k21PerH: 0.1 });
      const m = new InteractionModel([parent, met], phys, qss);
      const r = new ArmRunner(m, { ...DEFAULT_SOLVE, rtol: 1e-9, liverQSS: qss }).run([{ drugId: 'p', tH: 0, amountMg: asMilligrams(30), route: 'po' }, { drugId: 'p', tH: 5, amountMg: asMilligrams(30), route: 'po' }], 24);
      const total = accountedUmol(m, r.finalState, 0) + accountedUmol(m, r.finalState, 1);
      expect(Math.abs(total - 200) / 200).toBeLessThan(1e-6);
      for (let k = 0; k < m.nStates; k++) if (k % STRIDE !== 5) expect(r.finalState[k]!).toBeGreaterThan(-1e-6);
    }), { numRuns: 25 });
  });

  it('QSS liver agrees with the full liver for large-volume drugs', () => {
    const a = drug('a', { vcL: 500, k12PerH: 0.3, k21PerH: 0.05, fuP: 0.05, enzymes: [{ enzyme: 'cyp3a4', clintLiverLPerH: 2000, clintGutLPerH: 10 }], inhibits: [{ enzyme: 'cyp3a4', kiUnboundUM: asMicromolar(0.01), site: 'both' }] });
    const doses = [0, 24, 48].map((tH) => ({ drugId: 'a', tH, amountMg: asMilligrams(40), route: 'po' as const }));
    const out = [true, false].map((q) => new ArmRunner(new InteractionModel([a], phys, q), { ...DEFAULT_SOLVE, rtol: 1e-8, liverQSS: q }).run(doses, 72).drugs[0]!);
    expect(Math.abs(out[0]!.aucUMH / out[1]!.aucUMH - 1)).toBeLessThan(5e-3);
    expect(Math.abs(out[0]!.cmaxUM / out[1]!.cmaxUM - 1)).toBeLessThan(5e-3);
  });

  it('an inhibitor never lowers the victim AUC (AUCR ≥ 1), and the victim-perpetrator roles are symmetric', () => {
    fc.assert(fc.property(fc.double({ min: 0.01, max: 100, noNaN: true }), fc.double({ min: 1, max: 1000, noNaN: true }), (ki, dose) => {
      const a = drug('a', { enzymes: [{ enzyme: 'cyp3a4', clintLiverLPerH: 100, clintGutLPerH: 3 }], inhibits: [{ enzyme: 'cyp3a4', kiUnboundUM: asMicromolar(ki * 3), site: 'both' }] });
      const b = drug('b', { enzymes: [{ enzyme: 'cyp3a4', clintLiverLPerH: 50, clintGutLPerH: 1 }], inhibits: [{ enzyme: 'cyp3a4', kiUnboundUM: asMicromolar(ki), site: 'both' }] });
      const r = simulateInteraction({ drugs: [a, b], physiology: phys, groups: [{ id: 'a', compounds: ['a'] }, { id: 'b', compounds: ['b'] }],
        doses: [{ drugId: 'a', tH: 0, amountMg: asMilligrams(10), route: 'po' }, { drugId: 'b', tH: 0, amountMg: asMilligrams(dose), route: 'po' }], tEndH: 48 });
      for (const c of r.compounds) expect(c.combined.aucUMH / c.alone!.aucUMH).toBeGreaterThanOrEqual(1 - 1e-6);
    }), { numRuns: 15 });
  });
});
