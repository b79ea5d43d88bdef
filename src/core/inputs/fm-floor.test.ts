/**
 * A poor-vs-normal metaboliser fm (1 − AUC normal/AUC poor) is a lower bound: poor metabolisers keep some activity.
 * It raises an estimate that is lower and never pulls a higher one down (settled on tune, docs/model-choices.md).
 */
import { describe, expect, it } from 'vitest';
import { KbIndex } from '../kb/kb-index.js';
import type { KbData } from '../kb/types.js';
import { fmScenarios } from './pk-inputs.js';

const q = (value: number, source: string) => ({ value, unit: 'fraction', source, verified: true, original: { value, unit: 'fraction' } });
const rel = (id: string, object: string, value: number, system: string, source: string) =>
  ({ id, subject: 'v', object, action: 'substrate', species: 'human', system, evidence: 'in_vitro', sources: [source], fm: q(value, source) });
const kbOf = (relations: unknown[]): KbIndex =>
  new KbIndex({ version: 'f', substances: [{ id: 'v', name: 'v', kind: 'medicine', synonyms: [], brands: [], slang: [], latin: [], classes: [], constituents: [], metabolites: [], sources: [] }], targets: [], relations, pk: [], findings: [], sources: [], legal: [], effects: [], clinical: [], risks: [] } as unknown as KbData);

describe('fm: a poor-metaboliser fm is a floor (issue 12 §3)', () => {
  it('never pulls a higher estimate down', () => {
    const fm = fmScenarios(kbOf([rel('a', 'cyp2c9', 0.85, 'HLM', 'invitro'), rel('b', 'cyp2c9', 0.4, 'clinical (genotype *3/*3)', 'pgx')]), 'v').scenarios[0]!.fm;
    expect(fm.cyp2c9).toBeCloseTo(0.85, 12);
  });
  it('raises a lower estimate, and the other enzymes shrink so the sum stays ≤ 1', () => {
    const sc = fmScenarios(kbOf([rel('a', 'cyp2d6', 0.5, 'HLM', 'invitro'), rel('a2', 'cyp3a4', 0.5, 'HLM', 'invitro'), rel('b', 'cyp2d6', 0.8, 'clinical (phenotype)', 'pgx')]), 'v').scenarios[0]!;
    expect(sc.fm.cyp2d6).toBeCloseTo(0.8, 12);
    expect(sc.fm.cyp3a4).toBeCloseTo(0.2, 12);
  });
  it('an assumption or unread number labelled genotype is no floor: it stays an ordinary estimate', () => {
    const r = rel('b', 'cyp2c9', 0.95, 'clinical (genotype)', 'assumed');
    r.fm.verified = false;
    const fm = fmScenarios(kbOf([rel('a', 'cyp2c9', 0.5, 'HLM', 'invitro'), r]), 'v').scenarios[0]!.fm;
    expect(fm.cyp2c9).toBeCloseTo(0.5, 12); // the verified in-vitro estimate is the point; 0.95 only an alternative
  });
  it('stands alone when it is all the KB has', () => {
    expect(fmScenarios(kbOf([rel('b', 'cyp2c19', 0.7, 'clinical (genotype)', 'pgx')]), 'v').scenarios[0]!.fm.cyp2c19).toBeCloseTo(0.7, 12);
  });
});
