/**
 * Metabolite formation per pathway (issue 12 §2): a metabolite formed by one enzyme and cleared by another rises when
 * its clearing enzyme is inhibited, and falls only by the forming enzyme's part when that one is inhibited.
 */
import { describe, expect, it } from 'vitest';
import { simulateInteraction } from './interaction.js';
import type { DrugParams, Physiology } from './types.js';
import { asHours, asLitresPerHour, asMicromolar, asMilligrams, asPerHour } from '../../units/branded.js';

const phys: Physiology = { species: 'human', bodyWeightKg: 70, qhLPerH: 97, qentLPerH: 18, vLiverL: 1.5, enzymes: {} };
const base = (id: string, over: Partial<DrugParams>): DrugParams => ({
  id, mwGPerMol: 300, kaPerH: asPerHour(1), tlagH: asHours(0), fa: 1, fast: {}, vcL: 100, k12PerH: 0, k21PerH: 0, fuP: 0.2, rb: 1, kpLiver: 1,
  clRenalLPerH: asLitresPerHour(0), clintOtherLPerH: asLitresPerHour(0), enzymes: [], inhibits: [], inactivates: [], induces: [], metabolites: [], ...over,
});
// parent: 70 % CYP3A4 (all of it forms M) + 30 % other (0.8 of it forms M: 94 % of the dose overall, clobazam-like)
const parent = base('p', {
  enzymes: [{ enzyme: 'cyp3a4', clintLiverLPerH: 70, clintGutLPerH: 0 }], clintOtherLPerH: asLitresPerHour(30),
  metabolites: [{ metaboliteId: 'm', enzyme: 'cyp3a4', pathwayShare: 1 }, { metaboliteId: 'm', enzyme: null, pathwayShare: 0.8 }],
});
const metabolite = base('m', { vcL: 20, enzymes: [{ enzyme: 'cyp2c19', clintLiverLPerH: 4, clintGutLPerH: 0 }], clintOtherLPerH: asLitresPerHour(1) });
const inhibitor = (enzyme: string): DrugParams => base('i', { clintOtherLPerH: asLitresPerHour(10), inhibits: [{ enzyme, kiUnboundUM: asMicromolar(0.05), site: 'liver' }] });

function metaboliteAucRatio(enzyme: string): number {
  const doses = [
    ...Array.from({ length: 28 }, (_, k) => ({ drugId: 'p', tH: k * 12, amountMg: asMilligrams(10), route: 'po' as const })),
    ...Array.from({ length: 28 }, (_, k) => ({ drugId: 'i', tH: k * 12, amountMg: asMilligrams(300), route: 'po' as const })),
  ];
  const r = simulateInteraction({ drugs: [parent, metabolite, inhibitor(enzyme)], physiology: phys, groups: [{ id: 'p', compounds: ['p', 'm'] }, { id: 'i', compounds: ['i'] }], doses, tEndH: 336 });
  return r.compounds.find((c) => c.id === 'm')!.ratios!.aucRatio!;
}

describe('metabolite formation per pathway (REQ-12.metabolite-formation)', () => {
  it('inhibiting the metabolite’s clearing enzyme raises the metabolite', () => {
    expect(metaboliteAucRatio('cyp2c19')).toBeGreaterThan(2);
  });
  it('inhibiting the forming enzyme lowers it by no more than that enzyme’s share of formation', () => {
    const r = metaboliteAucRatio('cyp3a4');
    expect(r).toBeLessThan(1);
    // near steady state with CYP3A4 blocked the parent is cleared by 'other', 80 % of which still forms M: ≥ 0.8/0.94 remains
    expect(r).toBeGreaterThan(0.8 / 0.94 - 0.02);
  });
});
