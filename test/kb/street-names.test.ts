import { describe, expect, it } from 'vitest';
import { resolveSubstance, searchSubstances } from '../../src/core/kb/fuzzy-match.js';
import { KbIndex } from '../../src/core/kb/kb-index.js';
import type { Substance } from '../../src/core/kb/types.js';
import { loadKb } from '../../src/store/kb-store.js';
import { STREET_CASES } from './street-names.cases.js';

const kb = loadKb();
const nameOf = (id: string): string => kb.substance(id)?.name ?? `<no record ${id}>`;

/** The refusal's code and suggestions, or null when the name resolved. */
function refusal(q: string): { code: string; suggestions: string[] } | null {
  try {
    resolveSubstance(kb, q, 'substance');
    return null;
  } catch (e) {
    const err = e as { code: string; details: { suggestions?: string[] } };
    return { code: err.code, suggestions: err.details.suggestions ?? [] };
  }
}

describe('street names, slang, brands and misspellings (REQ-14.2.street-names)', () => {
  it('the list covers at least 60 names, every measured defect among them', () => {
    expect(STREET_CASES.length).toBeGreaterThanOrEqual(60);
    const qs = STREET_CASES.map((c) => c.q.toLowerCase());
    for (const defect of ['spice', 'k2', 'lean', 'tranq', 'bromazolam', 'xylazine', 'nitazenes', 'etizolam', 'tianeptine', 'poppers']) expect(qs).toContain(defect);
  });

  for (const c of STREET_CASES) {
    if (c.kind === 'exact')
      it(`'${c.q}' resolves to ${c.id} and is the first search hit`, () => {
        expect(resolveSubstance(kb, c.q).id).toBe(c.id);
        expect(searchSubstances(kb, c.q)[0]).toMatchObject({ id: c.id, tier: 'exact' });
      });
    else if (c.kind === 'typo')
      it(`misspelling '${c.q}' is refused but ${c.id} is the first suggestion and search hit`, () => {
        expect(refusal(c.q)).toEqual({ code: 'INPUT_UNKNOWN_SUBSTANCE', suggestions: expect.arrayContaining([nameOf(c.id)]) });
        expect(refusal(c.q)!.suggestions[0]).toBe(nameOf(c.id));
        expect(searchSubstances(kb, c.q)[0]!.id).toBe(c.id);
      });
    else if (c.kind === 'candidates')
      it(`'${c.q}' picks none of ${c.ids.join(', ')} but offers them all`, () => {
        const r = refusal(c.q);
        expect(r).not.toBeNull();
        for (const id of c.ids) expect(r!.suggestions).toContain(nameOf(id));
        const top = searchSubstances(kb, c.q, 8).map((h) => h.id);
        for (const id of c.ids) expect(top).toContain(id);
      });
    else
      it(`'${c.q}' is not a known name: refused, and never offered as ${(c.never ?? []).join(', ') || 'anything confident'}`, () => {
        expect(refusal(c.q)?.code).toBe('INPUT_UNKNOWN_SUBSTANCE');
        const hits = searchSubstances(kb, c.q, 10);
        for (const id of c.never ?? []) expect(hits.map((h) => h.id)).not.toContain(id);
        expect(hits.every((h) => h.tier !== 'exact')).toBe(true);
      });
  }
});

describe('ranking (REQ-14.2.ranking)', () => {
  it('a recorded street name shuts out typo matches: "spice" never offers methamphetamine ("ice")', () => {
    const hits = searchSubstances(kb, 'spice', 10);
    expect(hits.map((h) => h.id)).not.toContain('methamphetamine');
    expect(hits.every((h) => h.tier !== 'typo')).toBe(true);
  });
  it('exact matches outrank prefix matches, which outrank typos', () => {
    const hits = searchSubstances(kb, 'meth', 10);
    expect(hits[0]).toMatchObject({ id: 'methamphetamine', tier: 'exact' });
    const tiers = hits.map((h) => ['exact', 'prefix', 'typo'].indexOf(h.tier));
    expect(tiers).toEqual([...tiers].sort((a, b) => a - b));
  });
  it('words of three letters or fewer never match by typo ("k2" is not ketamine\'s "K", "k3" matches nothing)', () => {
    expect(searchSubstances(kb, 'k2', 10).map((h) => h.id)).toEqual(['synthetic-cannabinoid']);
    expect(searchSubstances(kb, 'k3', 10)).toEqual([]);
    expect(searchSubstances(kb, 'xq', 10).every((h) => h.tier !== 'typo')).toBe(true);
  });
  it('a typo of a whole name beats the same typo of one word inside a long synonym ("trank": xylazine, not dronabinol\'s "trans")', () => {
    const hits = searchSubstances(kb, 'trank', 5);
    expect(hits[0]!.id).toBe('xylazine');
    expect(hits.find((h) => h.id === 'dronabinol')?.score ?? 0).toBeLessThan(hits[0]!.score);
  });
  it('a plural s is the same name ("somas" is Soma, "nitazene" is Nitazenes), but not for words under four letters', () => {
    expect(resolveSubstance(kb, 'somas').id).toBe('carisoprodol');
    expect(resolveSubstance(kb, 'nitazene').id).toBe('nitazene');
    expect(refusal('gs')).not.toBeNull();
  });
});

describe('ambiguity and unknown names (REQ-14.2.candidates)', () => {
  it("a name recorded for unrelated substances is refused with the candidates ('blues': diazepam and oxycodone)", () => {
    expect(() => resolveSubstance(kb, 'blues', 'substances[0]')).toThrowError(
      expect.objectContaining({
        code: 'INPUT_AMBIGUOUS_SUBSTANCE',
        message: "substances[0]: 'blues' is a name for more than one substance (Diazepam, Oxycodone); say which",
        details: expect.objectContaining({ field: 'substances[0]', suggestions: ['Diazepam', 'Oxycodone'] }),
      }),
    );
  });
  it('a name shared by forms of one thing resolves to the most general record ("weed": the plant, not its flower)', () => {
    expect(resolveSubstance(kb, 'weed').id).toBe('cannabis');
    expect(resolveSubstance(kb, '7-OH').id).toBe('7-oh-product');
  });
  it("a substance's own name beats another record's brand ('Epidiolex')", () => {
    expect(resolveSubstance(kb, 'Epidiolex').id).toBe('epidiolex');
  });
  it('a misspelling is never guessed: it is refused, naming the nearest records', () => {
    expect(() => resolveSubstance(kb, 'xylazene', 'victim')).toThrowError(/victim: no substance called 'xylazene'.*did you mean Xylazine/);
  });
  it('ambiguity is decided by the records, not by particular names (synthetic KB)', () => {
    const base = kb.substance('xylazine')!;
    const mk = (id: string, over: Partial<Substance>): Substance => ({ ...base, id, name: id.toUpperCase(), synonyms: [], brands: [], slang: [], latin: [], constituents: [], metabolites: [], classes: [], ...over });
    const plant = mk('plant-x', { kind: 'plant', slang: ['zed'], constituents: [{ substance: 'cmp-x', sources: [] }] });
    const tea = mk('tea-x', { kind: 'product', slang: ['zed'], constituents: [{ substance: 'cmp-x', sources: [] }] });
    const other = mk('drug-y', { kind: 'medicine', slang: ['zork'] });
    const third = mk('drug-z', { kind: 'medicine', slang: ['zork'] });
    const small = new KbIndex({ ...kb.data, substances: [plant, tea, other, third, mk('cmp-x', { kind: 'compound' })] });
    expect(resolveSubstance(small, 'zed').id).toBe('plant-x');
    expect(() => resolveSubstance(small, 'zork')).toThrowError(expect.objectContaining({ code: 'INPUT_AMBIGUOUS_SUBSTANCE' }));
    expect(searchSubstances(small, 'zork').map((h) => h.id).sort()).toEqual(['drug-y', 'drug-z']);
  });
});
