/**
 * fm sums (issue 16 §3): the fractions of a substance's clearance through each enzyme cannot add up to more than 1
 * in any picture the engine can use.
 *
 * Several sources may give fm for the same enzyme (an in-vitro phenotyping study and a genotype study, say). They are
 * alternatives, not addends: the engine (inputs/pk-inputs.ts `fmScenarios`) builds one scenario per source, takes
 * the best-supported one as the default and fills enzymes it does not cover from the others. So the meaningful sums
 * are (a) each source's own values, one per enzyme (the median when a source gives several), and (b) the default
 * scenario before any rescaling: the best source plus the enzymes only other sources cover. Summing every value of
 * every source (which double-counts alternatives) is not a meaning the KB has.
 */
import type { Relation } from './types.js';

/** Rounding in published fractions (0.34 + 0.33 + 0.34) should not fail a record. */
export const FM_SUM_TOLERANCE = 0.02;

export interface FmSum {
  substance: string;
  species: string;
  /** `source:<id>` for one source's values, `default` for the engine's default picture. */
  scope: string;
  total: number;
  byEnzyme: Record<string, number>;
  /** The relation to point an error at (file and line). */
  relation: Relation;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

function sum(rec: Record<string, number>): number {
  return Object.values(rec).reduce((a, b) => a + b, 0);
}

/** Every fm sum the KB implies, per substance, species and scope. Pure. */
export function fmSums(relations: readonly Relation[]): FmSum[] {
  const groups = new Map<string, Relation[]>();
  for (const r of relations) {
    if (r.action !== 'substrate' || !r.fm) continue;
    const key = `${r.subject}\u0000${r.species}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  const out: FmSum[] = [];
  for (const rs of groups.values()) {
    const { subject: substance, species } = rs[0]!;
    const bySource = new Map<string, Relation[]>();
    for (const r of rs) bySource.set(r.fm!.source, [...(bySource.get(r.fm!.source) ?? []), r]);
    const scenarios = [...bySource].map(([source, list]) => {
      const byEnzyme: Record<string, number> = {};
      const enzymes = new Set(list.map((r) => r.object));
      for (const e of enzymes) byEnzyme[e] = median(list.filter((r) => r.object === e).map((r) => r.fm!.value));
      return { source, byEnzyme, verified: list.every((r) => r.fm!.verified), relation: list[0]! };
    });
    for (const s of scenarios)
      out.push({ substance, species, scope: `source:${s.source}`, total: sum(s.byEnzyme), byEnzyme: s.byEnzyme, relation: s.relation });
    if (scenarios.length < 2) continue;
    // Same order as the engine: verified sources first, then the fuller picture.
    scenarios.sort((a, b) => Number(b.verified) - Number(a.verified) || Object.keys(b.byEnzyme).length - Object.keys(a.byEnzyme).length);
    const def = { ...scenarios[0]!.byEnzyme };
    for (const s of scenarios.slice(1)) {
      const overlaps = Object.keys(s.byEnzyme).some((e) => e in def && Math.abs(def[e]! - s.byEnzyme[e]!) > 1e-9);
      if (overlaps) continue; // an alternative, not a complement
      for (const [e, v] of Object.entries(s.byEnzyme)) if (!(e in def)) def[e] = v;
    }
    out.push({ substance, species, scope: 'default', total: sum(def), byEnzyme: def, relation: scenarios[0]!.relation });
  }
  return out;
}

/** The sums above 1 (beyond rounding): each one is a KB error. */
export function fmSumsOverOne(relations: readonly Relation[]): FmSum[] {
  return fmSums(relations).filter((s) => s.total > 1 + FM_SUM_TOLERANCE);
}
