/**
 * The pharmacodynamic danger of a pair (issue 17) as statements and tier reasons: pair-level records (labels, case
 * series, deaths, toxic metabolites), stated class exceptions, and the mechanism rules. Text lives in render/check.ts.
 */
import type { KbIndex } from '../../kb/kb-index.js';
import type { EvidenceLevel } from '../../schema/quantity.js';
import { gradeChain } from '../evidence/grade.js';
import { excludedRecordsFor, pdRecordsFor, recordTier, type PdRecordHit } from './pd-records.js';
import { pdRulesFor, type RoleHit, type RuleHit } from './pd-rules.js';
import type { PairStatementAnswer, Tier, TierReason } from './types.js';

export interface PdAnalysis {
  statements: PairStatementAnswer[];
  /** Tier reasons, each with `severity` (what can happen) and `level` (how sure) in its parameters. */
  reasons: { tier: Tier; reason: TierReason }[];
  records: PdRecordHit[];
  rules: RuleHit[];
}

const nameOf = (kb: KbIndex, id: string | null): string | null => (id === null ? null : (kb.substance(id)?.name ?? id));
const effectName = (kb: KbIndex, id: string): string => kb.data.effects.find((e) => e.id === id)?.name ?? id;

function recordStatement(kb: KbIndex, h: PdRecordHit): PairStatementAnswer {
  const r = h.record;
  const g = gradeChain([{ claim: r.text, level: r.evidence, sources: [r.source] }]);
  return {
    id: `pd-record-${r.id}`,
    topic: 'pd',
    code: r.kind === 'toxic-metabolite' ? 'PD_TOXIC_METABOLITE' : 'PD_RECORD',
    params: {
      kind: r.kind,
      a: nameOf(kb, h.aMatch.substance),
      aVia: nameOf(kb, h.aMatch.via),
      b: nameOf(kb, h.bMatch.substance),
      bVia: nameOf(kb, h.bMatch.via),
      effect: effectName(kb, r.effect),
      outcome: r.outcome,
      text: r.text,
      severity: r.severity,
      metabolite: r.metabolite ? nameOf(kb, r.metabolite) : (r.metaboliteName ?? null),
      locator: r.locator,
      source: kb.source(r.source)?.title ?? r.source,
      verified: r.verified,
      appliesTo: r.appliesTo ?? null,
    },
    evidence: r.evidence,
    grade: g.grade,
    preclinical: g.preclinicalOnly,
    caveat: g.caveats[0],
    sources: [r.source],
  };
}

function exceptionStatement(kb: KbIndex, h: PdRecordHit): PairStatementAnswer {
  const r = h.record;
  const member = r.except.includes(h.aMatch.substance) ? h.aMatch : h.bMatch;
  return {
    id: `pd-except-${r.id}`,
    topic: 'pd',
    code: 'PD_RECORD_EXCEPTION',
    params: { kind: r.kind, member: nameOf(kb, member.substance), cls: nameOf(kb, member.via), effect: effectName(kb, r.effect), appliesTo: r.appliesTo ?? '' },
    evidence: r.evidence,
    grade: 'low',
    preclinical: false,
    sources: [r.source],
  };
}

const side = (kb: KbIndex, k: 'a' | 'b', xs: RoleHit[]) => ({
  [k]: xs.map((x) => nameOf(kb, x.member)!),
  [`${k}Role`]: xs.map((x) => x.role),
  [`${k}Strength`]: xs.map((x) => x.strength),
  [`${k}Evidence`]: xs.map((x) => x.evidence),
  [`${k}Via`]: xs.map((x) => nameOf(kb, x.via) ?? ''),
  [`${k}AppliesTo`]: xs.map((x) => x.appliesTo ?? ''),
});

function ruleStatement(kb: KbIndex, h: RuleHit): PairStatementAnswer {
  const g = gradeChain([...h.a, ...h.b].map((x) => ({ claim: `${x.member} ${x.role}`, level: x.evidence, sources: x.sources })));
  return {
    id: `pd-rule-${h.rule}`,
    topic: 'pd',
    code: 'PD_RULE',
    params: { rule: h.rule, severity: h.severity, tier: h.tier, ...side(kb, 'a', h.a), ...side(kb, 'b', h.b) },
    evidence: h.evidence,
    grade: g.grade,
    preclinical: g.preclinicalOnly,
    caveat: g.caveats[0],
    sources: [...new Set([...h.ruleSources, ...[...h.a, ...h.b].flatMap((x) => x.sources)])],
  };
}

/** PD records, exceptions and mechanism rules for a pair whose sides stand for `aIds` and `bIds`. */
export function pdAnalysis(kb: KbIndex, aIds: readonly string[], bIds: readonly string[]): PdAnalysis {
  const records = pdRecordsFor(kb, aIds, bIds);
  const excluded = excludedRecordsFor(kb, aIds, bIds).filter((x) => !records.some((r) => r.record.id === x.record.id));
  const rules = pdRulesFor(kb, aIds, bIds);
  const statements = [...records.map((h) => recordStatement(kb, h)), ...excluded.map((h) => exceptionStatement(kb, h)), ...rules.map((h) => ruleStatement(kb, h))];
  const reasons: PdAnalysis['reasons'] = [];
  for (const h of records) {
    const r = h.record;
    const tier = recordTier(r);
    const code = r.kind === 'toxic-metabolite' ? 'TIER_PD_TOXIC_METABOLITE' : tier === 'red' ? 'TIER_PD_RECORD_RED' : 'TIER_PD_RECORD';
    reasons.push({ tier, reason: { code, params: { kind: r.kind, effect: effectName(kb, r.effect), outcome: r.outcome, locator: r.locator, metabolite: r.metabolite ? nameOf(kb, r.metabolite) : (r.metaboliteName ?? null), severity: r.severity, level: r.evidence } } });
  }
  for (const h of rules)
    reasons.push({ tier: h.tier, reason: { code: 'TIER_PD_RULE', params: { rule: h.rule, a: h.a.map((x) => nameOf(kb, x.member)!), b: h.b.map((x) => nameOf(kb, x.member)!), severity: h.severity, level: h.evidence as EvidenceLevel } } });
  return { statements, reasons, records, rules };
}
