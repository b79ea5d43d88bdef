/**
 * Two products that contain the same medicine (two cold remedies with paracetamol) double its dose: the check says so
 * and the pair is at least amber, whatever else they share. Built on the KB's own products, so a product whose
 * constituents change would show here.
 */
import { describe, expect, it } from 'vitest';
import { check } from '../../src/core/index.js';
import { withConstituents } from '../../src/core/kb/constituents.js';
import { loadKb } from '../../src/store/kb-store.js';

const kb = loadKb();

/** Two KB products sharing a medicine constituent but not made of the same compounds. */
function productsSharing(): [string, string, string] | undefined {
  const products = kb.allSubstances().filter((s) => s.kind === 'product' && s.constituents.length > 1);
  for (const a of products)
    for (const b of products) {
      if (a.id >= b.id) continue;
      const shared = withConstituents(kb, a.id).filter((x) => x !== a.id && withConstituents(kb, b.id).includes(x) && kb.substance(x)?.kind === 'medicine');
      const same = withConstituents(kb, a.id).slice(1).sort().join() === withConstituents(kb, b.id).slice(1).sort().join();
      if (shared.length > 0 && !same) return [a.id, b.id, kb.substance(shared[0]!)!.name];
    }
  return undefined;
}

describe('the same medicine in two products', () => {
  it('makes the pair at least amber and names the duplicated medicine', () => {
    const pair = productsSharing();
    expect(pair, 'the KB should hold two combination products sharing a medicine').toBeDefined();
    const [a, b, name] = pair!;
    const p = check(kb, [a, b]).pairs[0]!;
    expect(['amber', 'red']).toContain(p.tier);
    expect(p.tierReasons.join(' | ')).toContain(`both contain ${name}: taken together its doses add up`);
  });
  it('a plant and its own compound (cannabis and THC) stay a "same compounds" note, not a duplicate medicine', () => {
    const p = check(kb, ['cannabis', 'thc']).pairs[0]!;
    expect(p.tierReasons.join(' | ')).not.toMatch(/both contain/);
  });
});
