/** Plant and product pages roll up their constituents' and products' records (issue 16 §4). */
import { describe, expect, it } from 'vitest';
import { describeSubstance, KbIndex } from '../../src/core/index.js';
import { loadKb } from '../../src/store/kb-store.js';

describe('show rolls up constituents and products (issue 16 §4)', () => {
  const kb = new KbIndex(loadKb().data);

  it('kratom shows the rat CBD → mitragynine study and the human kratom → midazolam study, each saying where it comes from', () => {
    const d = describeSubstance(kb, 'kratom');
    const rat = d.clinical.find((c) => c.perpetrator === 'cbd' && c.species === 'rat' && c.aucRatio);
    const human = d.clinical.find((c) => c.victim === 'midazolam' && c.species === 'human');
    expect(rat, 'rat CBD study on the kratom page').toBeDefined();
    expect(human, 'human midazolam study on the kratom page').toBeDefined();
    expect(d.via[rat!.id]).toBe(rat!.victim); // the kratom product the rats were given
    expect(d.via[human!.id]).toBe(human!.perpetrator);
    expect(d.findings.some((f) => f.interventions.some((i) => i.substance === 'cbd'))).toBe(true);
  });

  it('cannabis shows CBD and THC interaction studies, attributed to the constituent', () => {
    const d = describeSubstance(kb, 'cannabis');
    const cbd = d.clinical.filter((c) => d.via[c.id] === 'cbd');
    expect(cbd.length).toBeGreaterThan(3);
    // Every rolled-up record's origin is part of the page's family, never an unrelated substance.
    for (const [, from] of Object.entries(d.via)) expect(kb.substance(from)).toBeDefined();
  });

  it('a single compound page does not pull in unrelated products', () => {
    const d = describeSubstance(kb, 'midazolam');
    expect(Object.keys(d.via)).toEqual([]);
  });
});
