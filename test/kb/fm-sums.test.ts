/** fm adds up to ≤ 1 within a source and in the engine's default picture (issue 16 §3). */
import { describe, expect, it } from 'vitest';
import { auditKb, fmSums, fmSumsOverOne } from '../../src/core/index.js';
import type { Relation } from '../../src/core/kb/types.js';
import { loadKb } from '../../src/store/kb-store.js';

const rel = (subject: string, object: string, value: number, source: string, verified = true): Relation =>
  ({ subject, object, action: 'substrate', species: 'human', sources: [source], fm: { value, unit: 'fraction', source, verified } }) as unknown as Relation;

describe('fm sums (issue 16 §3)', () => {
  it('alternatives from different sources for one enzyme are not added up', () => {
    const rs = [rel('x', 'cyp3a4', 0.8, 'invitro'), rel('x', 'cyp2d6', 0.2, 'invitro'), rel('x', 'cyp2d6', 0.7, 'genotype')];
    expect(fmSumsOverOne(rs)).toEqual([]);
    expect(fmSums(rs).find((f) => f.scope === 'default')?.total).toBeCloseTo(1.0);
  });
  it('one source over 1 is an error, and so is a complement that pushes the default picture over 1', () => {
    expect(fmSumsOverOne([rel('y', 'cyp3a4', 0.9, 's'), rel('y', 'cyp2d6', 0.3, 's')]).map((f) => f.scope)).toEqual(['source:s']);
    const rs = [rel('z', 'cyp3a4', 0.85, 'hlm'), rel('z', 'cyp2d6', 0.15, 'hlm'), rel('z', 'cyp1a2', 0.1, 'guess', false)];
    expect(fmSumsOverOne(rs).map((f) => [f.scope, f.total.toFixed(2)])).toEqual([['default', '1.10']]);
  });
  it('a source giving several values for one enzyme contributes their median', () => {
    const rs = [rel('w', 'cyp2c19', 0.2, 's'), rel('w', 'cyp2c19', 0.4, 's'), rel('w', 'cyp2c19', 0.9, 's'), rel('w', 'cyp3a4', 0.5, 's')];
    expect(fmSums(rs)[0]!.total).toBeCloseTo(0.9);
  });
  it('the KB has no fm sum over 1 (kb audit agrees)', () => {
    const kb = loadKb().data;
    expect(fmSumsOverOne(kb.relations).map((f) => `${f.substance} ${f.scope} ${f.total}`)).toEqual([]);
    expect(auditKb(kb, '2026-12-05').fmSumsOver1).toEqual([]);
  });
});
