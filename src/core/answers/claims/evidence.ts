/** Shared pieces of the verdict rules: who a subject stands for, statements, and the preclinical caveat. */
import type { KbIndex } from '../../kb/kb-index.js';
import { withConstituents } from '../../kb/constituents.js';
import type { EvidenceLevel } from '../../schema/quantity.js';
import type { StatementParams } from '../../schema/statement.js';
import { EVIDENCE_RANK, isPreclinical } from '../evidence/labels.js';
import type { ClaimStatement, Entity, Judgement, Reading, Verdict } from './types.js';

export function st(code: string, params: StatementParams = {}, evidence: EvidenceLevel | null = null, sources: string[] = []): ClaimStatement {
  return { code, params, evidence, sources: [...new Set(sources)] };
}

/** The KB ids a subject stands for: a substance with its constituents, or a class's members with theirs. */
export function idsOf(kb: KbIndex, e: Entity): string[] {
  return [...new Set(e.ids.flatMap((id) => withConstituents(kb, id)))];
}

/** The subject's ids plus the plants and products that contain it (for records kept on the whole plant). */
export function idsWithParents(kb: KbIndex, e: Entity): string[] {
  const own = idsOf(kb, e);
  return [...new Set([...own, ...e.ids.flatMap((id) => kb.parentsOf(id).map((p) => p.id))])];
}

export const nameOf = (kb: KbIndex, id: string): string => kb.substance(id)?.name ?? kb.target(id)?.name ?? id;

/** A claim that names people ("in humans") needs clinical evidence; one that names an animal or system needs that. */
export function speciesFits(claimSpecies: string | undefined, level: EvidenceLevel, species: string): boolean {
  if (!claimSpecies) return true;
  const sp = species.toLowerCase();
  if (claimSpecies === 'human') return !isPreclinical(level);
  if (claimSpecies === 'in-vitro') return level === 'in_vitro' || /vitro/.test(sp);
  if (claimSpecies === 'in-vivo') return level !== 'in_vitro' && level !== 'in_silico';
  if (claimSpecies === 'animal') return level === 'animal' || /rat|mouse|mice|rodent|monkey|dog|animal/.test(sp);
  return sp.includes(claimSpecies) || (claimSpecies === 'mouse' && sp.includes('mice')) || sp.includes('rodent');
}

/** Evidence items behind a verdict: the strongest first. */
export function strongest<T extends { evidence: EvidenceLevel }>(xs: T[]): T[] {
  return [...xs].sort((a, b) => EVIDENCE_RANK[b.evidence] - EVIDENCE_RANK[a.evidence]);
}

/** Whether everything that supports a claim is preclinical (then a `supported` verdict carries the caveat). */
export function allPreclinical(levels: EvidenceLevel[]): boolean {
  return levels.length > 0 && levels.every((l) => isPreclinical(l));
}

export function judge(verdict: Verdict, headline: ClaimStatement, reasons: ClaimStatement[], caveats: ClaimStatement[] = []): Judgement {
  return { verdict, headline, reasons, caveats };
}

/** Supported, with the caveat when the support is only preclinical and the claim names no species. */
export function supportedWithCaveat(r: Reading, headline: ClaimStatement, reasons: ClaimStatement[], species: string[], caveats: ClaimStatement[] = []): Judgement {
  const levels = reasons.map((x) => x.evidence).filter((x): x is EvidenceLevel => x !== null);
  // Human liver microsomes are "human" material but not a study in people: name the system, not the species.
  const where = [...new Set([...(levels.includes('in_vitro') ? ['in vitro'] : []), ...(levels.includes('animal') ? species.filter((x) => x !== 'human') : [])])];
  const extra = allPreclinical(levels) && !r.species ? [st('CLAIM_CAVEAT_PRECLINICAL', { species: where.join(', ') || 'lab or animal studies' })] : [];
  return judge('supported', headline, reasons, [...extra, ...caveats]);
}

/** The reading's subject names, joined. */
export const subjectLabel = (r: Reading): string => r.subjects.map((s) => s.label).join(' and ');
export const objectLabel = (r: Reading): string => r.objects.map((s) => s.label).join(' and ');

/** Reasons once each: several records can back the same statement (same code and parameters). */
export function dedupe(xs: ClaimStatement[]): ClaimStatement[] {
  const seen = new Set<string>();
  return xs.filter((x) => {
    const k = `${x.code}|${JSON.stringify(x.params)}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
