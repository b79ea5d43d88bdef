import { describe, expect, it } from 'vitest';
import { phenotypesOfGenotype } from './genotype.js';

describe('genotype of a study population → phenotypes (REQ-11.design)', () => {
  it.each([
    ['CYP2D6 poor metabolisers', { cyp2d6: 'PM' }],
    ['CYP2D6 poor metabolizers (activity score 0)', { cyp2d6: 'PM' }],
    ['CYP2C9 *3/*3', { cyp2c9: 'PM' }],
    ['CYP2D6 intermediate metabolisers (OSP subgroup)', { cyp2d6: 'IM' }],
    ['CYP2D6 EM1 (one functional gene)', { cyp2d6: 'IM' }],
    ['CYP2D6 activity score 1', { cyp2d6: 'IM' }],
    ['CYP2C19 extensive metabolisers', {}],
    ['CYP2D6 EM2 (two functional genes)', {}],
    ['CYP2C9 *1/*1', {}],
    ['healthy volunteers', {}],
  ])('%s', (text, expected) => {
    expect(phenotypesOfGenotype(text)).toEqual(expected);
  });
});
