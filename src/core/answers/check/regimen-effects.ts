/**
 * The combined pharmacodynamic picture of a regimen (issue 14 §1): for each effect class in kb/effects, every
 * substance checked that contributes to it (directly, through a constituent, or through a class it belongs to),
 * with its strength and evidence. No combined score is invented: the answer lists contributors and flags the
 * classes where three or more substances add up.
 */
import { withConstituents } from '../../kb/constituents.js';
import type { KbIndex } from '../../kb/kb-index.js';
import type { Substance } from '../../kb/types.js';
import type { EvidenceLevel } from '../../schema/quantity.js';
import { gradeChain, type EvidenceSummary } from '../evidence/grade.js';
import { EVIDENCE_RANK } from '../evidence/labels.js';
import { contributorsFor } from './pd-members.js';
import type { DailyDose } from './dose-reach.js';

/**
 * Effect classes whose risk grows with every additional contributor, so three or more together are flagged: the
 * four named in issue 14 (additive CNS and respiratory depression behind the opioid–benzodiazepine boxed warnings,
 * serotonin syndrome, torsades from stacked QT prolongation).
 */
export const STACKING_EFFECTS: readonly string[] = ['cns-depression', 'respiratory-depression', 'serotonergic-toxicity', 'qt-prolongation'];
/** How many substances adding to a stacking effect raise the flag. */
export const STACKING_MIN_SUBSTANCES = 3;

export interface EffectContribution {
  /** The substance checked (as the user named it, resolved). */
  substance: string;
  substanceName: string;
  /** The KB contributor that carries it: the substance itself, a constituent, or a class it belongs to. */
  via: string;
  viaName: string;
  strength: 'major' | 'moderate' | 'minor';
  evidence: EvidenceLevel;
  sources: string[];
}

export interface RegimenEffect {
  id: string;
  name: string;
  severity: 'high' | 'moderate' | 'low';
  /** Every contribution, strongest first; one substance may contribute through several constituents. */
  contributors: EffectContribution[];
  /** Distinct substances checked that add to it, in the order given. */
  substances: string[];
  /** True when at least STACKING_MIN_SUBSTANCES substances add to a stacking effect class. */
  flagged: boolean;
  /** The weakest link of the substances' best evidence (as for a pair's shared effect). */
  evidence: EvidenceSummary;
}

const STRENGTH_RANK = { major: 3, moderate: 2, minor: 1 } as const;
const SEVERITY_RANK = { high: 3, moderate: 2, low: 1 } as const;

/** Every effect class that at least one of `subs` contributes to, flagged ones first, then by severity and count. */
export function regimenEffects(kb: KbIndex, subs: Substance[], daily?: ReadonlyMap<string, ReadonlyMap<string, DailyDose>>): RegimenEffect[] {
  const idsOf = new Map(subs.map((s) => [s.id, withConstituents(kb, s.id)]));
  const out: RegimenEffect[] = [];
  for (const e of kb.data.effects) {
    const contributors: EffectContribution[] = [];
    // Class entries count for their members unless a member has its own entry (pd-members.ts, as for pairs).
    for (const s of subs)
      for (const c of contributorsFor(kb, e, idsOf.get(s.id)!, daily?.get(s.id))) {
        const via = c.via ?? c.member;
        contributors.push({ substance: s.id, substanceName: s.name, via, viaName: kb.substance(via)?.name ?? via, strength: c.strength, evidence: c.evidence, sources: c.sources });
      }
    if (!contributors.length) continue;
    contributors.sort((x, y) => STRENGTH_RANK[y.strength] - STRENGTH_RANK[x.strength] || EVIDENCE_RANK[y.evidence] - EVIDENCE_RANK[x.evidence]);
    const substances = subs.map((s) => s.id).filter((id) => contributors.some((c) => c.substance === id));
    const best = (id: string): EffectContribution => contributors.filter((c) => c.substance === id).reduce((p, c) => (EVIDENCE_RANK[c.evidence] > EVIDENCE_RANK[p.evidence] ? c : p));
    out.push({
      id: e.id,
      name: e.name,
      severity: e.severity,
      contributors,
      substances,
      flagged: STACKING_EFFECTS.includes(e.id) && substances.length >= STACKING_MIN_SUBSTANCES,
      evidence: gradeChain(substances.map((id) => ({ claim: `${best(id).substanceName} contributes to ${e.name}`, level: best(id).evidence, sources: best(id).sources }))),
    });
  }
  return out.sort((x, y) => Number(y.flagged) - Number(x.flagged) || SEVERITY_RANK[y.severity] - SEVERITY_RANK[x.severity] || y.substances.length - x.substances.length || x.name.localeCompare(y.name));
}
