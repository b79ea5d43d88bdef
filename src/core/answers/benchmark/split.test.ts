import { describe, expect, it } from 'vitest';
import type { ClinicalStudy } from '../../kb/types.js';
import { fnv1a32, labelOfPair, pairKey, reconcileSplit, splitLabels } from './split.js';

const study = (id: string, victim: string, perpetrator: string, extra: Partial<ClinicalStudy> = {}): ClinicalStudy =>
  ({ id, kind: 'interaction', victim, perpetrator, species: 'human', enzymes: [], evidence: 'human_controlled', sources: ['s'], ...extra }) as ClinicalStudy;

describe('pre-registered split (issue 11 §3)', () => {
  it('FNV-1a 32-bit matches the published test vectors', () => {
    expect(fnv1a32('')).toBe(0x811c9dc5);
    expect(fnv1a32('a')).toBe(0xe40c292c);
    expect(fnv1a32('foobar')).toBe(0xbf9cf968);
  });

  it('labels about 2/3 tune and 1/3 check over many pairs', () => {
    const labels = Array.from({ length: 3000 }, (_, i) => labelOfPair(pairKey(`victim-${i}`, `perp-${i % 37}`)));
    const check = labels.filter((l) => l === 'check').length / labels.length;
    expect(check).toBeGreaterThan(0.28);
    expect(check).toBeLessThan(0.39);
  });

  it('a pair with a development study goes to tune with every other study of the pair', () => {
    // find a pair whose hash says check
    const v = Array.from({ length: 50 }, (_, i) => `drug-${i}`).find((x) => labelOfPair(pairKey(x, 'inhib')) === 'check')!;
    const recs = [study('a', v, 'inhib'), study('b', v, 'inhib', { devId: 'DEV-099' }), study('c', 'other', 'inhib')];
    const labels = splitLabels(recs);
    expect(labels[pairKey(v, 'inhib')]).toBe('tune');
    expect(splitLabels([recs[0]!])[pairKey(v, 'inhib')]).toBe('check');
    expect(Object.keys(labels)).toEqual([...Object.keys(labels)].sort());
  });

  it('pharmacogenetic records have no pair label', () => {
    expect(splitLabels([study('p', 'x', 'y', { kind: 'pharmacogenetic', perpetrator: undefined })])).toEqual({});
  });

  it('reconcile keeps committed labels, adds new pairs and reports a moved label', () => {
    const v = Array.from({ length: 50 }, (_, i) => `drug-${i}`).find((x) => labelOfPair(pairKey(x, 'inhib')) === 'check')!;
    const k = pairKey(v, 'inhib');
    const r = reconcileSplit([study('a', v, 'inhib'), study('b', 'new', 'inhib')], { [k]: 'tune' });
    expect(r.labels[k]).toBe('tune');
    expect(r.moved).toEqual([{ pair: k, committed: 'tune', computed: 'check' }]);
    expect(r.added).toEqual([pairKey('new', 'inhib')]);
  });
});
