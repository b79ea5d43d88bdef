/**
 * A list of substances as a regimen: every pair ordered worst first (Liverpool-style grid), the worst pair, and the
 * combined pharmacodynamic picture per effect class. The check API is gaining `worstPair` and `effects`; until a
 * response carries them they are derived here from the pair results, by the same ordering.
 */
import type { CheckResult, PairAnalysis } from './api.js';
import { EVIDENCE_RANK } from './format.js';

const TIER_RANK: Record<string, number> = { red: 4, amber: 3, yellow: 2, grey: 1, green: 0 };
const SEVERITY_RANK: Record<string, number> = { high: 3, moderate: 2, low: 1, none: 0, unknown: 0 };

/** Worst first: tier, then severity, then the strength of the evidence behind the verdict. */
export function comparePairs(x: PairAnalysis, y: PairAnalysis): number {
  return (
    (TIER_RANK[y.tier] ?? 0) - (TIER_RANK[x.tier] ?? 0) ||
    (SEVERITY_RANK[y.severity] ?? 0) - (SEVERITY_RANK[x.severity] ?? 0) ||
    (EVIDENCE_RANK[y.verdict.evidence] ?? -1) - (EVIDENCE_RANK[x.verdict.evidence] ?? -1)
  );
}

/** Indexes into `result.pairs`, worst pair first. */
export function pairsWorstFirst(result: CheckResult): number[] {
  return result.pairs.map((_, i) => i).sort((i, j) => comparePairs(result.pairs[i]!, result.pairs[j]!) || i - j);
}

/** The worst pair's index: the API's `worstPair` when it sends one, else the first of the worst-first order. */
export function worstPairIndex(result: CheckResult): number {
  const w = (result as { worstPair?: unknown }).worstPair;
  if (w && typeof w === 'object') {
    const ids = pairIds(w);
    if (ids) {
      const i = result.pairs.findIndex((p) => (p.a.id === ids[0] && p.b.id === ids[1]) || (p.a.id === ids[1] && p.b.id === ids[0]));
      if (i >= 0) return i;
    }
  }
  return pairsWorstFirst(result)[0] ?? 0;
}

function pairIds(w: object): [string, string] | null {
  const o = w as { a?: unknown; b?: unknown; substances?: unknown };
  const id = (x: unknown) => (typeof x === 'string' ? x : x && typeof x === 'object' && typeof (x as { id?: unknown }).id === 'string' ? (x as { id: string }).id : null);
  if (Array.isArray(o.substances) && o.substances.length === 2) {
    const [a, b] = o.substances.map(id);
    if (a && b) return [a, b];
  }
  const a = id(o.a);
  const b = id(o.b);
  return a && b ? [a, b] : null;
}

/** One substance's part in an effect class. */
export interface Contributor {
  substance: string;
  name: string;
  strength: string;
  evidence: string;
  sources: string[];
}

/** An effect class several chosen substances add to. */
export interface CombinedEffect {
  id: string;
  name: string;
  severity: string;
  contributors: Contributor[];
  /** Three or more substances add to the same serious effect: the flag the issue asks for, no invented score. */
  flagged: boolean;
  /** Distinct chosen substances among the contributors. */
  substances: number;
}

/** Effect classes whose three-way addition is flagged (CNS or respiratory depression, serotonin toxicity, QT). */
const FLAG_CLASSES = /cns|respirat|serotonin|qt/i;
const STRENGTH_RANK: Record<string, number> = { major: 3, moderate: 2, minor: 1 };

/**
 * Per effect class, every chosen substance that adds to it: the API's `effects` when present, else the union of
 * the pairs' shared effects (a substance adding to an effect alone is not an interaction, so it is not listed).
 */
export function combinedEffects(result: CheckResult): CombinedEffect[] {
  const names = new Map(result.substances.map((s) => [s.id, s.name]));
  if (Array.isArray(result.effects)) return result.effects.filter((e) => e.substances.length >= 2).map((e) => normaliseApiEffect(e, names)).sort(byWeight);
  const byId = new Map<string, CombinedEffect>();
  for (const p of result.pairs)
    for (const e of p.sharedEffects) {
      const c = byId.get(e.id) ?? { id: e.id, name: e.name, severity: e.severity, contributors: [], flagged: false, substances: 0 };
      for (const x of [...e.a, ...e.b]) {
        const old = c.contributors.find((y) => y.substance === x.substance);
        if (!old) c.contributors.push({ substance: x.substance, name: names.get(x.substance) ?? x.substance, strength: x.strength, evidence: x.evidence, sources: [...x.sources] });
        else old.sources = [...new Set([...old.sources, ...x.sources])];
      }
      byId.set(e.id, c);
    }
  const out = [...byId.values()];
  for (const c of out) {
    c.contributors.sort((x, y) => (STRENGTH_RANK[y.strength] ?? 0) - (STRENGTH_RANK[x.strength] ?? 0));
    c.substances = c.contributors.length;
    c.flagged = c.contributors.length >= 3 && FLAG_CLASSES.test(`${c.id} ${c.name}`);
  }
  return out.sort(byWeight);
}

type ApiEffect = CheckResult['effects'][number];

/** The API's effect: one line per substance (its constituents or class named after it), strongest first. */
function normaliseApiEffect(e: ApiEffect, names: Map<string, string>): CombinedEffect {
  const contributors: Contributor[] = [];
  for (const x of e.contributors) {
    const via = x.via !== x.substance ? ` (via ${x.viaName})` : '';
    contributors.push({ substance: `${x.substance}|${x.via}`, name: `${x.substanceName ?? names.get(x.substance) ?? x.substance}${via}`, strength: x.strength, evidence: x.evidence, sources: x.sources });
  }
  contributors.sort((x, y) => (STRENGTH_RANK[y.strength] ?? 0) - (STRENGTH_RANK[x.strength] ?? 0));
  return { id: e.id, name: e.name, severity: e.severity, contributors, flagged: e.flagged, substances: e.substances.length };
}

function byWeight(x: CombinedEffect, y: CombinedEffect): number {
  return Number(y.flagged) - Number(x.flagged) || (SEVERITY_RANK[y.severity] ?? 0) - (SEVERITY_RANK[x.severity] ?? 0) || y.substances - x.substances;
}
