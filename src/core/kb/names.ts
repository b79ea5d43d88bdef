import type { Substance } from './types.js';

export type NameType = 'name' | 'id' | 'synonym' | 'brand' | 'slang' | 'latin';

export interface NameEntry {
  name: string;
  type: NameType;
}

/** Every name a person might type for a substance: its name, id, synonyms, brands, slang and Latin names. */
export function namesOf(s: Substance): NameEntry[] {
  const out: NameEntry[] = [
    { name: s.name, type: 'name' },
    { name: s.id, type: 'id' },
    ...s.synonyms.map((name) => ({ name, type: 'synonym' as const })),
    ...s.brands.map((name) => ({ name, type: 'brand' as const })),
    ...s.slang.map((name) => ({ name, type: 'slang' as const })),
    ...s.latin.map((name) => ({ name, type: 'latin' as const })),
  ];
  const seen = new Set<string>();
  return out.filter((n) => {
    const k = `${normalizeName(n.name)}|${n.type}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** Lower case, no diacritics, Greek letters spelled out, punctuation folded to spaces. */
export function normalizeName(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/Δ|δ/g, 'delta')
    .replace(/α/g, 'alpha')
    .replace(/β/g, 'beta')
    .replace(/µ|μ/g, 'mu')
    .toLowerCase()
    .replace(/[’']/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}
