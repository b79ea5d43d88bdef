/**
 * Over-the-counter combination products meet other drugs through their ingredients' effects: a night-time cold
 * medicine's sedating antihistamine with a benzodiazepine or alcohol, its decongestant with an MAO inhibitor.
 * Regression tests on the KB's own records (kb/effects: doxylamine, phenylephrine; kb/substances/s10-otc.yaml).
 */
import { describe, expect, it } from 'vitest';
import { check } from '../../src/core/index.js';
import { loadKb } from '../../src/store/kb-store.js';

const kb = loadKb();
const pair = (a: string, b: string) => check(kb, [a, b]).pairs[0]!;

describe('OTC combination products: pharmacodynamic overlap through their ingredients', () => {
  it('a doxylamine product with a benzodiazepine or alcohol adds to CNS depression (at least amber)', () => {
    for (const other of ['alprazolam', 'alcohol']) {
      const p = pair('nyquil-cold-flu', other);
      expect(['amber', 'red']).toContain(p.tier);
      expect(p.sharedEffects.map((e) => e.id)).toContain('cns-depression');
    }
  });
  it('a phenylephrine product with an irreversible MAO inhibitor is red (hypertensive crisis)', () => {
    const p = pair('sudafed-pe', 'phenelzine');
    expect(p.tier).toBe('red');
    expect(p.tierReasons.join(' ')).toMatch(/hypertensive|MAO/i);
  });
});
