import { sourceTier } from '../../kb/source-tier.js';
import type { Source } from '../../kb/types.js';
import type { EvidenceLevel } from '../../schema/quantity.js';

/** Plain names of the evidence levels (MODEL.md §4.1), weakest first. */
export const EVIDENCE_LABEL: Record<EvidenceLevel, string> = {
  in_silico: 'in silico',
  in_vitro: 'in vitro',
  animal: 'animal',
  human_case: 'human case reports',
  human_observational: 'human observational',
  human_controlled: 'human controlled study',
  label: 'drug label',
};

/** Rank for "weakest link" grading. Labels summarise human studies, so they rank with controlled data. */
export const EVIDENCE_RANK: Record<EvidenceLevel, number> = {
  in_silico: 0,
  in_vitro: 1,
  animal: 2,
  human_case: 3,
  human_observational: 4,
  label: 5,
  human_controlled: 5,
};

export function isPreclinical(level: EvidenceLevel): boolean {
  return EVIDENCE_RANK[level] <= 2;
}

/** What a reader should know about where a citation stands (issue 16 §1): weak sources and copies say so. */
export function sourceCaveat(s: Source): string | undefined {
  if (s.type === 'assumption') return undefined;
  if (sourceTier(s) === 'weak') return 'weak source: a third-party copy, vendor, news or wiki page';
  if (s.readOn) return `read on a copy: ${s.readOn}`;
  return undefined;
}

/** A one-line citation: authors, year, title, journal, identifiers, and the caveat of a weak source or a copy. */
export function sourceLabel(s: Source): string {
  if (s.type === 'assumption') return `Assumption: ${s.title}. ${s.reasoning ?? ''}${s.range ? ` Plausible range ${s.range.low}–${s.range.high} ${s.range.unit}.` : ''}`;
  const ids = [s.pmid && `PMID ${s.pmid}`, s.pmcid, s.doi && `doi:${s.doi}`].filter(Boolean).join(', ');
  const head = [s.authors, s.year && `(${s.year})`].filter(Boolean).join(' ');
  const journal = [s.journal, s.citation].filter(Boolean).join(' ');
  const caveat = sourceCaveat(s);
  return [head, s.title, journal, ids || s.url].filter(Boolean).join('. ') + (caveat ? ` (${caveat})` : '');
}

export function sourceUrl(s: Source): string | undefined {
  if (s.url) return s.url;
  if (s.doi) return `https://doi.org/${s.doi}`;
  if (s.pmid) return `https://pubmed.ncbi.nlm.nih.gov/${s.pmid}/`;
  if (s.pmcid) return `https://pmc.ncbi.nlm.nih.gov/articles/${s.pmcid}/`;
  return undefined;
}
