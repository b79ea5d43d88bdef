import { describe, expect, it } from 'vitest';
import { averageToPeakRatio, kaFromTmax, peakPerUnitDose } from '../models/one-compartment.js';
import { perpetratorConcentrations, staticAucRatio, type PerpetratorInput } from '../models/static/static-ddi.js';
import { asLitresPerHour, asMicromolar, asPerHour } from '../units/branded.js';

describe('average steady-state concentration (MODEL.md §1.1 option average_u)', () => {
  it('tends to the IV-bolus ratio (1 − e^(−kτ))/(kτ) when absorption is fast', () => {
    const k = Math.LN2 / 6;
    const tau = 12;
    expect(averageToPeakRatio(5000, k, tau)).toBeCloseTo((1 - Math.exp(-k * tau)) / (k * tau), 3);
  });
  it('is below 1 and rises towards 1 as absorption slows (a flatter profile)', () => {
    const k = Math.LN2 / 8;
    const fast = averageToPeakRatio(6, k, 8);
    const slow = averageToPeakRatio(0.3, k, 8);
    expect(fast).toBeLessThan(slow);
    expect(slow).toBeLessThan(1);
  });
  it('survives ka = k (removable singularity)', () => {
    const r = averageToPeakRatio(0.1, 0.1, 24);
    expect(Number.isFinite(r)).toBe(true);
    expect(r).toBeGreaterThan(0);
  });
  it('kaFromTmax inverts tmax = ln(ka/k)/(ka − k)', () => {
    const k = 0.1;
    for (const ka of [0.25, 1.5, 8]) {
      const tmax = Math.log(ka / k) / (ka - k);
      expect(kaFromTmax(tmax, k)).toBeCloseTo(ka, 6);
    }
    expect(kaFromTmax(20, 0.1)).toBeUndefined(); // tmax ≥ 1/k has no ka > k
  });
  it('the liver sees fu·Cav under average_u, fu·Cmax under systemic_max_u; a single dose falls back to the peak', () => {
    const p: PerpetratorInput = { name: 'x', route: 'oral', doseUmol: 500, cmaxUM: asMicromolar(2), cavUM: asMicromolar(1.2), fuP: 0.1, enzymes: {} };
    const phys = { qhLPerH: asLitresPerHour(97), qentLPerH: asLitresPerHour(18) };
    expect(perpetratorConcentrations(p, phys, 'average_u').ihUM).toBeCloseTo(0.12, 12);
    expect(perpetratorConcentrations(p, phys, 'systemic_max_u').ihUM).toBeCloseTo(0.2, 12);
    expect(perpetratorConcentrations({ ...p, cavUM: undefined }, phys, 'average_u').ihUM).toBeCloseTo(0.2, 12);
    // Gut exposure does not depend on the option.
    expect(perpetratorConcentrations(p, phys, 'average_u').igUM).toBe(perpetratorConcentrations(p, phys, 'systemic_max_u').igUM);
  });
});

describe('by_mechanism_u: the inlet peak for reversible inhibition, the systemic peak for inactivation and induction', () => {
  const phys = { qhLPerH: asLitresPerHour(97), qentLPerH: asLitresPerHour(18), kdegLiverPerH: { cyp3a4: 0.0193 }, kdegGutPerH: {}, d: 1 };
  const base: PerpetratorInput = { name: 'x', route: 'oral', doseUmol: 1000, cmaxUM: asMicromolar(1), fuP: 0.1, kaPerH: asPerHour(6), enzymes: {} };
  const victim = { route: 'iv' as const, fm: { cyp3a4: 1 }, fg: 1 };
  it('a purely reversible inhibitor behaves as under inlet_max_u', () => {
    const p = { ...base, enzymes: { cyp3a4: { kiUM: 0.05 } } };
    expect(staticAucRatio(victim, [p], phys, 'by_mechanism_u').aucRatio).toBeCloseTo(staticAucRatio(victim, [p], phys, 'inlet_max_u').aucRatio, 12);
    expect(staticAucRatio(victim, [p], phys, 'by_mechanism_u').aucRatio).toBeGreaterThan(staticAucRatio(victim, [p], phys, 'systemic_max_u').aucRatio);
  });
  it('a pure inactivator behaves as under systemic_max_u', () => {
    const p = { ...base, enzymes: { cyp3a4: { KIuM: 2, kinactPerH: 3 } } };
    expect(staticAucRatio(victim, [p], phys, 'by_mechanism_u').aucRatio).toBeCloseTo(staticAucRatio(victim, [p], phys, 'systemic_max_u').aucRatio, 12);
  });
});

describe('peak per unit F·Dose/V (one compartment)', () => {
  it('single dose: ka/(ka − k)·(e^(−k·tmax) − e^(−ka·tmax)) at tmax = ln(ka/k)/(ka − k)', () => {
    const ka = 1.5, k = 0.1;
    const t = Math.log(ka / k) / (ka - k);
    expect(peakPerUnitDose(ka, k, null)).toBeCloseTo((ka / (ka - k)) * (Math.exp(-k * t) - Math.exp(-ka * t)), 12);
  });
  it('steady state: the average over τ is 1/(kτ), so peak × averageToPeakRatio = 1/(kτ)', () => {
    const ka = 0.8, k = Math.LN2 / 10, tau = 12;
    expect(peakPerUnitDose(ka, k, tau) * averageToPeakRatio(ka, k, tau)).toBeCloseTo(1 / (k * tau), 12);
  });
});
