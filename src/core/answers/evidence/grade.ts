import type { EvidenceLevel } from '../../schema/quantity.js';
import { EVIDENCE_LABEL, EVIDENCE_RANK, isPreclinical } from './labels.js';

/** GRADE-style quality (MODEL.md §4.2, after Seden et al. 2017). */
export type Grade = 'high' | 'moderate' | 'low' | 'very-low';
const GRADES: Grade[] = ['very-low', 'low', 'moderate', 'high'];

export interface EvidenceLink {
  /** What this link says, e.g. "mitragynine inhibits CYP2D6". */
  claim: string;
  level: EvidenceLevel;
  species?: string;
  sources: string[];
  /** Model output rather than an observation (capped at low). */
  predicted?: boolean;
  /** Evidence from another species, route or dose than the question's (downgrade one step). */
  indirect?: boolean;
  unverified?: boolean;
}

export interface EvidenceSummary {
  /** The weakest link's level: a chain is only as strong as its weakest link. */
  level: EvidenceLevel;
  grade: Grade;
  preclinicalOnly: boolean;
  chain: (EvidenceLink & { grade: Grade })[];
  caveats: string[];
}

export function startingGrade(level: EvidenceLevel): Grade {
  switch (level) {
    case 'human_controlled':
    case 'label':
      return 'high';
    case 'human_observational':
      return 'moderate';
    case 'human_case':
    case 'animal':
    case 'in_vitro':
      return 'low';
    case 'in_silico':
      return 'very-low';
  }
}

function down(g: Grade, steps = 1): Grade {
  return GRADES[Math.max(0, GRADES.indexOf(g) - steps)]!;
}

export function linkGrade(l: EvidenceLink): Grade {
  let g = startingGrade(l.level);
  if (l.indirect || (l.species && l.species !== 'human')) g = down(g);
  if (l.predicted && GRADES.indexOf(g) > GRADES.indexOf('low')) g = 'low';
  return g;
}

/** Combine links: the chain's grade is its weakest link's; preclinical-only chains get a plain caveat. */
export function gradeChain(links: EvidenceLink[]): EvidenceSummary {
  if (links.length === 0)
    return { level: 'in_silico', grade: 'very-low', preclinicalOnly: true, chain: [], caveats: ['No evidence recorded.'] };
  const chain = links.map((l) => ({ ...l, grade: linkGrade(l) }));
  let weakest = chain[0]!;
  for (const c of chain)
    if (GRADES.indexOf(c.grade) < GRADES.indexOf(weakest.grade) || (c.grade === weakest.grade && EVIDENCE_RANK[c.level] < EVIDENCE_RANK[weakest.level]))
      weakest = c;
  const preclinicalOnly = chain.every((c) => isPreclinical(c.level));
  const caveats: string[] = [];
  if (preclinicalOnly)
    caveats.push(
      `This rests only on ${[...new Set(chain.map((c) => EVIDENCE_LABEL[c.level]))].join(' and ')} evidence: it shows a mechanism, not what happens in people.`,
    );
  else if (chain.some((c) => isPreclinical(c.level)))
    caveats.push(`Part of this reasoning rests on ${EVIDENCE_LABEL[weakest.level]} evidence (weakest link: ${weakest.claim}).`);
  if (chain.some((c) => c.species && c.species !== 'human'))
    caveats.push(`Some links come from ${[...new Set(chain.filter((c) => c.species && c.species !== 'human').map((c) => c.species))].join(', ')} studies; animals can differ from people in dose, enzymes and effects.`);
  if (chain.some((c) => c.predicted)) caveats.push('Includes a model prediction, not an observation.');
  if (chain.some((c) => c.unverified)) caveats.push('Some numbers were not checked against their source by the project (marked unverified).');
  return { level: weakest.level, grade: weakest.grade, preclinicalOnly, chain, caveats };
}

/** Uncertainty label for a quantitative prediction (MODEL.md §4.3). */
export function uncertaintyLabel(args: {
  grade: Grade;
  intervalFold: number;
  unverifiedCritical: number;
  extrapolated: boolean;
  missing: boolean;
}): 'low' | 'moderate' | 'high' | 'unknown' {
  if (args.missing) return 'unknown';
  if ((args.grade === 'low' || args.grade === 'very-low') && args.unverifiedCritical > 0) return 'high';
  if (args.intervalFold > 4 || args.extrapolated) return 'high';
  if ((args.grade === 'high' || args.grade === 'moderate') && args.intervalFold <= 2 && args.unverifiedCritical === 0) return 'low';
  return 'moderate';
}
