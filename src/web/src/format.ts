import type { SubstanceDescription } from './api.js';

/** Plain names of the evidence levels, weakest first (mirrors core/answers/evidence/labels.ts). */
export const EVIDENCE_LABEL: Record<string, string> = {
  in_silico: 'in silico',
  in_vitro: 'in vitro (lab)',
  animal: 'animal',
  human_case: 'human case reports',
  human_observational: 'human observational',
  human_controlled: 'human controlled study',
  label: 'drug label',
};
export const EVIDENCE_RANK: Record<string, number> = { in_silico: 0, in_vitro: 1, animal: 2, human_case: 3, human_observational: 4, label: 5, human_controlled: 5 };

export const evidenceLabel = (l: string | undefined): string => (l ? (EVIDENCE_LABEL[l] ?? l) : 'unknown');

/** Short label for a receptor or enzyme node: CB1, MOR, CYP2D6. */
export function shortName(id: string, name: string): string {
  return id.length <= 7 && !id.includes('-') ? id.toUpperCase() : name;
}

export function ratio(x: number | null | undefined): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '—';
  return `×${x >= 10 ? x.toFixed(1) : x.toFixed(2)}`;
}

export type SourceInfo = { id: string; label: string; url?: string; caveat?: string };

/** Sources by id, from the substance descriptions (the API's only source records). */
export function sourceIndex(descs: SubstanceDescription[]): Map<string, SourceInfo> {
  const m = new Map<string, SourceInfo>();
  for (const d of descs)
    for (const s of d.sources) {
      const rec = s as unknown as { id: string; title?: string; authors?: string; year?: number; journal?: string; url?: string; doi?: string; pmid?: string | number; readOn?: string };
      const head = [rec.authors, rec.year && `(${rec.year})`].filter(Boolean).join(' ');
      const label = [head, rec.title, rec.journal].filter(Boolean).join('. ') || rec.id;
      const url = rec.url ?? (rec.doi ? `https://doi.org/${rec.doi}` : rec.pmid ? `https://pubmed.ncbi.nlm.nih.gov/${rec.pmid}/` : undefined);
      // Issue 16 §1: a weak source is shown as weak; a document read on a copy says so.
      const tier = (d as { sourceTiers?: Record<string, string> }).sourceTiers?.[rec.id];
      const caveat = tier === 'weak' ? 'weak source' : rec.readOn ? 'read on a copy' : undefined;
      m.set(rec.id, { id: rec.id, label, url, ...(caveat ? { caveat } : {}) });
    }
  return m;
}

/** Months from an ISO date to today (calendar months, fractional by day). */
export function monthsSince(iso: string, today = new Date()): number {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return (today.getFullYear() - y) * 12 + (today.getMonth() + 1 - m) + (today.getDate() - (d || 1)) / 31;
}
