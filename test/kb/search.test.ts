import { describe, expect, it } from 'vitest';
import { resolveSubstance, searchSubstances } from '../../src/core/kb/fuzzy-match.js';
import { loadKb } from '../../src/store/kb-store.js';

const kb = loadKb();

describe('search (REQ-2.search)', () => {
  it('finds kratom by a synonym and rifampicin by its US name', () => {
    expect(searchSubstances(kb, 'ketum')[0]).toMatchObject({ id: 'kratom', matched: 'ketum' });
    expect(searchSubstances(kb, 'rifampin')[0]!.id).toBe('rifampicin');
    expect(searchSubstances(kb, 'weed')[0]!.id).toBe('cannabis');
    expect(searchSubstances(kb, 'Mitragyna speciosa')[0]!.id).toBe('kratom');
    expect(searchSubstances(kb, 'Epidiolex')[0]!.id).toBe('epidiolex');
  });
  it('tolerates typos', () => {
    expect(searchSubstances(kb, 'kratomm')[0]!.id).toBe('kratom');
    expect(searchSubstances(kb, 'midazolm')[0]!.id).toBe('midazolam');
  });
  it('an unknown name throws with suggestions naming the field', () => {
    expect(() => resolveSubstance(kb, 'kratum', 'victim')).toThrowError(/victim: no substance called 'kratum'.*did you mean Kratom/);
    expect(() => resolveSubstance(kb, 'canabis')).toThrowError(
      expect.objectContaining({ code: 'INPUT_UNKNOWN_SUBSTANCE', details: expect.objectContaining({ suggestions: expect.arrayContaining(['Cannabis']) }) }),
    );
  });
});

describe('search: dosage forms and chance substrings (session 10)', () => {
  const kbx = loadKb();
  it('suggests the medicine for a name followed by a dosage form the KB does not record', () => {
    expect(searchSubstances(kbx, 'Adderall XR')[0]?.id).toBe('amphetamine');
    expect(searchSubstances(kbx, 'codeine syrup')[0]?.id).toBe('codeine');
    // Only a suggestion: resolving still refuses to guess.
    expect(() => resolveSubstance(kbx, 'Adderall XR', 'perpetrator')).toThrow(/did you mean Amphetamine/);
  });
  it('does not match four letters found inside a longer chemical name', () => {
    // "THCA" sits inside "methcathinone"; it is not mephedrone.
    expect(searchSubstances(kbx, 'THCA').map((h) => h.id)).not.toContain('mephedrone');
  });
});
