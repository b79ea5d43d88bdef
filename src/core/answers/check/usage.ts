/**
 * Which dose a check uses for each substance, and where it came from (issue 14 §3). A substance with usage patterns
 * is checked at its everyday default (a joint, 2 g of leaf) unless the request names another pattern (`medicine`);
 * otherwise at the KB's usual dose; otherwise, for a product, each constituent at its own usual dose. The answer
 * states the dose used, the compound amounts it implies and the alternatives, so the reader can change it.
 */
import { fail } from '../../errors.js';
import { expandToCompounds, withConstituents } from '../../kb/constituents.js';
import type { KbIndex } from '../../kb/kb-index.js';
import type { Substance } from '../../kb/types.js';
import { DEFAULT_WEIGHT_KG, type UsageDose } from '../../inputs/scenario.js';
import { parseRegimen } from '../../units/parse-regimen.js';

/** One dose given to the engine: the substance itself (`regimen` of the product) or one of its constituents. */
export interface DoseItem {
  substance: string;
  substanceName: string;
  regimen: string;
}

/** A compound amount a product dose implies (2 g of leaf → 39 mg mitragynine), from the product's recorded content. */
export interface ImpliedAmount {
  substance: string;
  substanceName: string;
  mg: number;
}

export interface DoseUsed {
  substance: string;
  substanceName: string;
  /** `usage-pattern` (a KB pattern), `usual-dose` (the KB's reference dose), `constituents` (each at its usual dose), `none`. */
  basis: 'usage-pattern' | 'usual-dose' | 'constituents' | 'none';
  pattern: { id: string; name: string; kind: 'everyday' | 'medicine'; default: boolean; assumption: boolean; verified: boolean; reasoning?: string; note?: string } | null;
  doses: DoseItem[];
  implied: ImpliedAmount[];
  alternatives: { id: string; name: string; kind: 'everyday' | 'medicine' }[];
  sources: string[];
}

const nameOf = (kb: KbIndex, id: string): string => kb.substance(id)?.name ?? id;

/** Compound amounts a dose of the whole product implies, where its content is recorded. */
function impliedOf(kb: KbIndex, s: Substance, regimen: string, field: string): ImpliedAmount[] {
  const r = parseRegimen(regimen, field);
  if (s.constituents.length === 0) return [];
  return expandToCompounds(kb, s.id, r, DEFAULT_WEIGHT_KG)
    .filter((c) => c.doseMg !== undefined && c.doseMg > 0)
    .map((c) => ({ substance: c.compoundId, substanceName: c.name, mg: Number(c.doseMg!.toPrecision(3)) }));
}

/** The dose a check uses for `s`; `patternId` names a usage pattern (the `medicine` case, say) instead of the default. */
export function doseUsed(kb: KbIndex, s: Substance, patternId: string | undefined, field: string): DoseUsed {
  const patterns = s.usagePatterns ?? [];
  const alternatives = patterns.map((p) => ({ id: p.id, name: p.name, kind: p.kind }));
  const base = { substance: s.id, substanceName: s.name, alternatives };
  if (patternId !== undefined && !patterns.some((p) => p.id === patternId))
    fail('INPUT_NOT_ONE_OF', { field, value: patternId, allowed: patterns.length ? patterns.map((p) => p.id).join(', ') : `(${s.name} has no usage patterns)` }, { field });
  const p = patterns.find((x) => (patternId === undefined ? x.default : x.id === patternId));
  if (p) {
    const doses: DoseItem[] = p.regimen !== undefined ? [{ substance: s.id, substanceName: s.name, regimen: p.regimen }] : p.doses.map((d) => ({ substance: d.substance, substanceName: nameOf(kb, d.substance), regimen: d.regimen }));
    const implied = p.regimen !== undefined ? impliedOf(kb, s, p.regimen, field) : [];
    const { id, name, kind, assumption, verified, reasoning, note } = p;
    return { ...base, basis: 'usage-pattern', pattern: { id, name, kind, default: p.default, assumption, verified, reasoning, note }, doses, implied, sources: p.sources };
  }
  if (s.usualDose)
    return { ...base, basis: 'usual-dose', pattern: null, doses: [{ substance: s.id, substanceName: s.name, regimen: s.usualDose.regimen }], implied: impliedOf(kb, s, s.usualDose.regimen, field), sources: [s.usualDose.source] };
  // A product without a dose of its own: each active constituent at its own usual dose (what check did before patterns).
  const parts = withConstituents(kb, s.id)
    .map((id) => kb.substance(id))
    .filter((c): c is Substance => !!c && c.id !== s.id && c.constituents.length === 0 && !!c.usualDose);
  if (parts.length)
    return { ...base, basis: 'constituents', pattern: null, doses: parts.map((c) => ({ substance: c.id, substanceName: c.name, regimen: c.usualDose!.regimen })), implied: [], sources: parts.map((c) => c.usualDose!.source) };
  return { ...base, basis: 'none', pattern: null, doses: [], implied: [], sources: [] };
}

/**
 * The everyday dose `predict` uses for a substance asked about without a dose and without a KB reference dose: its
 * default usage pattern, when written as a dose of the substance itself (cannabis: a joint, 0.32 g inhaled) — the
 * dose `check` and `explain` also use. Undefined otherwise (a pattern of constituent doses, or none).
 */
export function everydayUsageDose(s: Substance): UsageDose | undefined {
  if (s.usualDose) return undefined;
  const p = (s.usagePatterns ?? []).find((x) => x.default && x.regimen !== undefined);
  return p?.regimen !== undefined ? { id: p.id, name: p.name, regimen: p.regimen, assumption: p.assumption, sources: p.sources } : undefined;
}
