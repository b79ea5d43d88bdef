import { describe, expect, it } from 'vitest';
import { asLitresPerHour, asMicromolar } from '../../units/branded.js';
import { staticAucRatio, type PerpetratorInput, type Physiology, type VictimInput } from './static-ddi.js';
import { NO_TRANSPORT, type Fraction, type VictimTransport } from './transporters.js';

const phys: Physiology = { qhLPerH: asLitresPerHour(97), qentLPerH: asLitresPerHour(18), kdegLiverPerH: { cyp3a4: 0.0193 }, kdegGutPerH: { cyp3a4: 0.03 }, d: 1 };
const f = (v: number): Fraction => ({ value: v, low: v, high: v });

/** A perpetrator with fixed unbound concentrations: inlet (ihUM) for the liver and a dose for the gut (dose/0.25 L). */
function perp(args: { inletUM?: number; doseUmol?: number; transporters?: PerpetratorInput['transporters']; enzymes?: PerpetratorInput['enzymes'] }): PerpetratorInput {
  return {
    name: 'p',
    route: 'oral',
    doseUmol: args.doseUmol ?? 1,
    cmaxUM: asMicromolar(0),
    fuP: 1,
    ihUM: args.inletUM ?? 0,
    igUM: 0,
    enzymes: args.enzymes ?? {},
    transporters: args.transporters,
  };
}

function victim(transport: Partial<VictimTransport>, fm: Record<string, number> = {}, route: 'oral' | 'iv' = 'oral'): VictimInput {
  return { route, fm, fg: 1, transport: { ...NO_TRANSPORT, ...transport } };
}

describe('transporter terms of the static model (MODEL.md §7)', () => {
  it('a victim cleared entirely by hepatic OATP1B uptake: AUCR = 1 + I/Ki (the fm = 1 limit of the C term)', () => {
    for (const ratio of [0.1, 1, 3, 20]) {
      const r = staticAucRatio(victim({ hepaticUptake: { slco1b1: f(1) } }), [perp({ inletUM: ratio, transporters: { slco1b1: { kiUM: 1 } } })], phys);
      expect(r.aucRatio).toBeCloseTo(1 + ratio, 10);
      expect(r.mechanisms).toEqual([{ enzyme: 'slco1b1', kind: 'uptake', site: 'liver', aucRatio: expect.closeTo(1 + ratio, 10) }]);
    }
  });

  it('the uptake term reads the total inlet peak by default (unbound / fu,p), the unbound one on request', () => {
    const p = { ...perp({ inletUM: 0.1, transporters: { slco1b1: { kiUM: 1 } } }), fuP: 0.1 };
    const v = victim({ hepaticUptake: { slco1b1: f(1) } });
    expect(staticAucRatio(v, [p], phys).aucRatio).toBeCloseTo(1 + 0.1 / 0.1, 10);
    expect(staticAucRatio(v, [p], phys, 'inlet_max_u', true, 'inlet_max_u').aucRatio).toBeCloseTo(1 + 0.1, 10);
    // Enzyme terms keep reading unbound concentrations whatever the uptake option.
    const e = { ...p, transporters: undefined, enzymes: { cyp3a4: { kiUM: 1 } } };
    const fmOnly: VictimInput = { route: 'iv', fm: { cyp3a4: 1 }, fg: 1 };
    expect(staticAucRatio(fmOnly, [e], phys).aucRatio).toBeCloseTo(1 + 0.1, 10);
  });

  it('uptake inhibition reaches only the hepatic share of clearance: ft 0.8, fH 0.5, complete inhibition → 1/(0.5·0.2 + 0.5)', () => {
    const r = staticAucRatio(victim({ hepaticUptake: { slco1b1: f(0.8) }, fHepatic: f(0.5) }), [perp({ inletUM: 1e9, transporters: { slco1b1: { kiUM: 1 } } })], phys);
    expect(r.aucRatio).toBeCloseTo(1 / (0.5 * 0.2 + 0.5), 6);
  });

  it('intestinal efflux: F′/F = 1/(ft·C + 1 − ft) with C = 1/(1 + (dose/0.25 L)/Ki), and no gut term for an IV victim', () => {
    const doseUmol = 0.5; // → Igut = 2 µM
    const p = perp({ doseUmol, transporters: { abcb1: { kiUM: 1 } } });
    const c = 1 / (1 + doseUmol / 0.25 / 1);
    const oral = staticAucRatio(victim({ gutEfflux: { abcb1: f(0.6) } }), [p], phys);
    expect(oral.aucRatio).toBeCloseTo(1 / (0.6 * c + 0.4), 10);
    expect(oral.gutRatio).toBeCloseTo(oral.aucRatio, 10);
    expect(staticAucRatio(victim({ gutEfflux: { abcb1: f(0.6) } }, {}, 'iv'), [p], phys).aucRatio).toBe(1);
  });

  it('intestinal efflux reads the enterocyte concentration, except under the regulatory screening option (dose/250 mL)', () => {
    const p: PerpetratorInput = { ...perp({ doseUmol: 0.5, transporters: { abcb1: { kiUM: 1 } } }), igUM: 0.1 };
    const v = victim({ gutEfflux: { abcb1: f(0.6) } });
    expect(staticAucRatio(v, [p], phys, 'average_u').aucRatio).toBeCloseTo(1 / (0.6 / 1.1 + 0.4), 10);
    expect(staticAucRatio(v, [p], phys, 'inlet_max_u').aucRatio).toBeCloseTo(1 / (0.6 / 3 + 0.4), 10);
  });

  it('induced intestinal efflux: F′/F = 1/(ft·D + 1 − ft), D = 1 + (Emax − 1)·I·onset/(I + EC50) at the enterocyte concentration', () => {
    // rifampicin-like: duodenal P-gp 3.5-fold at saturation; enterocyte 20 µM ≫ EC50 0.34 µM
    const induced = (onset: number, site?: 'gut' | 'liver'): PerpetratorInput => ({
      ...perp({ doseUmol: 1e-9, transporters: { abcb1: { induction: { emaxFold: 3.5, ec50UM: 0.34, onset, ...(site ? { site } : {}) } } } }),
      igUM: 20,
    });
    const d = 1 + (2.5 * 20) / 20.34;
    const oral = staticAucRatio(victim({ gutEfflux: { abcb1: f(0.2) } }), [induced(1, 'gut')], phys);
    expect(oral.aucRatio).toBeCloseTo(1 / (0.2 * d + 0.8), 10);
    expect(oral.mechanisms).toEqual([expect.objectContaining({ enzyme: 'abcb1', kind: 'efflux', site: 'gut' })]);
    // half the turnover onset: half the induced excess
    expect(staticAucRatio(victim({ gutEfflux: { abcb1: f(0.2) } }), [induced(0.5, 'gut')], phys).aucRatio).toBeCloseTo(1 / (0.2 * (1 + (d - 1) / 2) + 0.8), 10);
    // an induction measured in the gut does not act on secretion; one with no site does
    const p = { ...induced(1, 'gut'), cmaxUM: asMicromolar(20) };
    expect(staticAucRatio(victim({ eliminationEfflux: { abcb1: f(0.4) } }), [p], phys).aucRatio).toBe(1);
    const anywhere = { ...induced(1), cmaxUM: asMicromolar(20) };
    expect(staticAucRatio(victim({ eliminationEfflux: { abcb1: f(0.4) } }), [anywhere], phys).aucRatio).toBeCloseTo(1 / (1 + 0.4 * (d - 1)), 10);
  });

  it('inhibition and induction at one transporter multiply (C·D), as the enzyme model multiplies C and B', () => {
    const p: PerpetratorInput = { ...perp({ doseUmol: 0.25, transporters: { abcb1: { kiUM: 1, induction: { emaxFold: 3, ec50UM: 1, onset: 1 } } } }), igUM: 1 };
    const c = 1 / (1 + 0.25 / 0.25 / 1);
    const d = 1 + (2 * 1) / 2;
    expect(staticAucRatio(victim({ gutEfflux: { abcb1: f(0.5) } }), [p], phys).aucRatio).toBeCloseTo(1 / (0.5 * c * d + 0.5), 10);
  });

  it('elimination efflux (renal/biliary secretion) at the unbound systemic peak: share 0.4 fully blocked → 1/0.6', () => {
    const p: PerpetratorInput = { name: 'p', route: 'systemic', cmaxUM: asMicromolar(1e9), fuP: 1, enzymes: {}, transporters: { abcb1: { kiUM: 1 } } };
    const r = staticAucRatio(victim({ eliminationEfflux: { abcb1: f(0.4) } }), [p], phys);
    expect(r.aucRatio).toBeCloseTo(1 / 0.6, 6);
    expect(r.mechanisms[0]).toMatchObject({ kind: 'efflux', site: 'kidney' });
  });

  it('uptake and enzyme inhibition multiply (the liver-to-plasma unbound ratio falls with uptake)', () => {
    const enzymes = { cyp3a4: { kiUM: 1 } };
    const transporters = { slco1b1: { kiUM: 1 } };
    const both = staticAucRatio(victim({ hepaticUptake: { slco1b1: f(1) } }, { cyp3a4: 0.5 }), [perp({ inletUM: 1, enzymes, transporters })], phys, 'inlet_max_u');
    const enzymeOnly = staticAucRatio({ route: 'oral', fm: { cyp3a4: 0.5 }, fg: 1 }, [perp({ inletUM: 1, enzymes })], phys, 'inlet_max_u');
    expect(enzymeOnly.aucRatio).toBeCloseTo(1 / (0.5 * 0.5 + 0.5), 10);
    expect(both.aucRatio).toBeCloseTo(enzymeOnly.aucRatio * 2, 10);
  });

  it('a transporter-only victim with no inhibitor of its transporters stays at 1', () => {
    const v = victim({ hepaticUptake: { slco1b1: f(0.9) }, gutEfflux: { abcg2: f(0.3) }, eliminationEfflux: { abcb1: f(0.2) }, fHepatic: f(0.7) });
    const r = staticAucRatio(v, [perp({ inletUM: 5, doseUmol: 100, transporters: { slco1b3: { kiUM: 0.1 } }, enzymes: { cyp3a4: { kiUM: 0.1 } } })], phys);
    expect(r.aucRatio).toBe(1);
    expect(r.mechanisms).toEqual([]);
  });

  it('no transporter data leaves the enzyme-only model exactly as it was', () => {
    const p = perp({ inletUM: 2, enzymes: { cyp3a4: { kiUM: 1 } }, transporters: { slco1b1: { kiUM: 0.01 } } });
    const without = staticAucRatio({ route: 'oral', fm: { cyp3a4: 0.8 }, fg: 0.5 }, [p], phys, 'inlet_max_u');
    const empty = staticAucRatio({ route: 'oral', fm: { cyp3a4: 0.8 }, fg: 0.5, transport: NO_TRANSPORT }, [p], phys, 'inlet_max_u');
    expect(empty.aucRatio).toBeCloseTo(without.aucRatio, 12);
    expect(without.aucRatio).toBeCloseTo(1 / (0.8 / 3 + 0.2), 10);
  });
});
