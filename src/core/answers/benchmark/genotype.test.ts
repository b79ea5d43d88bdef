import { describe, expect, it } from 'vitest';
import { phenotypeOfGroup } from '../../inputs/pgx.js';
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

describe("one reading of a group's phenotype for the benchmark and the anchored model", () => {
  it.each([
    ['CYP2D6 PM', 'PM'],
    ['CYP2C9 *3/*3', 'PM'],
    ['debrisoquine PM (CYP2D6)', 'PM'],
    ['CYP2D6 EM1 (one functional gene)', 'IM'],
    ['CYP2D6 UM', 'UM'],
    ['CYP2D6 EM2 (two functional genes)', 'NM'],
    ['CYP2C19 homozygous EM', 'NM'],
    ['CYP2C9 *1/*1', 'NM'],
    ['CYP2C19 non-carriers', 'NM'],
    ['CYP2C19 loss-of-function allele carriers (>= 1 allele)', undefined],
    ['CYP3A5 expressers (*1/*1 or *1/*3)', undefined],
  ])('%s → %s', (text, expected) => {
    expect(phenotypeOfGroup(text)).toBe(expected);
  });
});
