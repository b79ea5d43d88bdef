/**
 * A Liverpool-style tier for a pair: magnitude × therapeutic window × pharmacodynamic danger, graded by evidence.
 * Two axes are kept apart (issue 17): severity — the worst outcome the evidence says can happen — and evidence —
 * how sure we are of it (the best evidence behind the reasons of that severity, and a likelihood word).
 */
import type { KbIndex } from '../../kb/kb-index.js';
import type { EvidenceLevel } from '../../schema/quantity.js';
import { gradeChain } from '../evidence/grade.js';
import { EVIDENCE_RANK } from '../evidence/labels.js';
import type { Prediction } from '../prediction.js';
import type { PdAnalysis } from './pd-analysis.js';
import type { PairAnswer, PairStatementAnswer, SharedEffect, Tier, TierReason } from './types.js';

const ORDER: Tier[] = ['grey', 'green', 'yellow', 'amber', 'red'];
function maxTier(a: Tier, b: Tier): Tier {
  return ORDER.indexOf(b) > ORDER.indexOf(a) ? b : a;
}
/** fm below which a perpetrator's clinical class says little about this victim (tier rule). */
const CLASS_TIER_MIN_FM = 0.5;

type Severity = 'high' | 'moderate' | 'low';
const SEVERITY_ORDER: Severity[] = ['low', 'moderate', 'high'];

interface TierState {
  tier: Tier;
  reasons: TierReason[];
  /** What each reason says can happen and how sure it is, for the two axes. */
  axes: { severity: Severity; level: EvidenceLevel }[];
}

function raise(s: TierState, tier: Tier, code: string, params: TierReason['params'], severity: Severity, level: EvidenceLevel): void {
  s.tier = maxTier(s.tier, tier);
  s.reasons.push({ code, params });
  s.axes.push({ severity, level });
}

const nti = (kb: KbIndex, p: Prediction): boolean => !!(kb.substance(p.victim.analyte)?.nti?.value || kb.substance(p.victim.id)?.nti?.value);

/** Predicted exposure changes: red at ≥ 5-fold (or ≤ 0.2) for a narrow-therapeutic-index victim, amber at 2-fold, yellow at 1.25. */
function pkReasons(kb: KbIndex, preds: Prediction[], s: TierState): void {
  for (const p of preds) {
    if (p.status !== 'predicted' || p.aucRatio === null) continue;
    const r = p.aucRatio;
    const params = { perpetrator: p.perpetrator.name, analyte: p.victim.analyteName, ratio: r, magnitudeClass: p.magnitudeClass };
    const level = p.evidence.level;
    if ((r >= 5 || r <= 0.2) && nti(kb, p)) raise(s, 'red', 'TIER_PK_NTI', params, 'high', level);
    else if (r >= 2 || r <= 0.5 || ((r >= 1.25 || r <= 0.8) && nti(kb, p))) raise(s, 'amber', 'TIER_PK', params, 'moderate', level);
    else if (r >= 1.25 || r <= 0.8) raise(s, 'yellow', 'TIER_PK', params, 'low', level);
  }
}

/** A label or FDA class of the perpetrator at an enzyme that clears most of the victim: unquantified, but real. */
function classReasons(kb: KbIndex, preds: Prediction[], s: TierState): void {
  for (const p of preds) {
    if (p.status === 'predicted' && p.magnitudeClass !== 'none') continue;
    for (const c of p.clinicalClasses) {
      const fm = Math.max(0, ...kb.relationsOf(p.victim.analyte).filter((r) => r.action === 'substrate' && r.object === c.enzyme && r.fm).map((r) => r.fm!.value));
      if (fm < CLASS_TIER_MIN_FM || c.clinicalClass === 'weak') continue;
      const red = c.clinicalClass === 'strong' && nti(kb, p);
      raise(s, red ? 'red' : 'amber', 'TIER_CLASS', {
        substance: kb.substance(c.substance)?.name ?? c.substance,
        clinicalClass: c.clinicalClass,
        enzyme: kb.target(c.enzyme)?.name ?? c.enzyme,
        inducer: c.action === 'inducer',
        fmPct: Math.round(fm * 100),
        analyte: p.victim.analyteName,
        grey: p.status === 'grey',
      }, red ? 'high' : 'moderate', 'label');
    }
  }
}

/**
 * A shared effect's severity is the effect class's, one step lower for each side that contributes only a minor
 * share (what can happen with a minor contributor is less than the class's worst case).
 */
const minorOnly = (xs: SharedEffect['a']): boolean => xs.every((x) => x.strength === 'minor');

function effectSeverity(e: SharedEffect): Severity {
  const i = SEVERITY_ORDER.indexOf(e.severity);
  return SEVERITY_ORDER[Math.max(0, i - Number(minorOnly(e.a)) - Number(minorOnly(e.b)))]!;
}

function effectReasons(effects: SharedEffect[], s: TierState): void {
  for (const e of effects) {
    const major = (xs: SharedEffect['a']): boolean => xs.some((x) => x.strength === 'major');
    const params = { effect: e.name, level: e.evidence.level };
    const sev = effectSeverity(e);
    if (e.severity === 'high' && major(e.a) && major(e.b)) raise(s, e.evidence.level === 'label' || e.evidence.level === 'human_controlled' ? 'red' : 'amber', 'TIER_PD_MAJOR', params, sev, e.evidence.level);
    // Two minor contributors (small at usual doses on both sides) stay yellow even for a high-severity effect.
    else if ((e.severity === 'high' && !(minorOnly(e.a) && minorOnly(e.b))) || (e.severity === 'moderate' && (major(e.a) || major(e.b)))) raise(s, 'amber', 'TIER_PD', params, sev, e.evidence.level);
    else raise(s, 'yellow', 'TIER_PD_MINOR', params, sev, e.evidence.level);
  }
}

/** Pair-level PD records and mechanism rules (pd-analysis.ts): each reason carries its severity and evidence. */
function pdReasons(pd: PdAnalysis['reasons'], s: TierState): void {
  for (const { tier, reason } of pd) raise(s, tier, reason.code, reason.params, reason.params.severity as Severity, reason.params.level as EvidenceLevel);
}

export interface TierInputs {
  preds: Prediction[];
  sharedEffects: SharedEffect[];
  sharedTargets: number;
  sharedEnzymes: number;
  /** The side with no receptor or enzyme recorded, if any. */
  noDataFor: string | null;
  /** Pharmacodynamic records and mechanism rules for the pair (issue 17). */
  pd?: PdAnalysis['reasons'];
  /** Medicines both sides contain (NyQuil and Tylenol PM both hold paracetamol): taken together their doses add up. */
  sameMedicines?: string[];
}

/** The tier rule in one sentence, shown wherever a tier is (rendered from this code). */
export const TIER_RULE_CODE = 'TIER_RULE';

type TierAnswer = Pick<PairAnswer, 'tier' | 'tierReasons' | 'severity' | 'likelihood'>;

/** The tier with its reasons, and the two axes shown apart: severity (what could happen) and likelihood (how sure). */
export function tierOf(kb: KbIndex, x: TierInputs): TierAnswer {
  return tierAndAxes(kb, x).answer;
}

/** The tier answer plus one statement that states both axes and the tier rule (PAIR_AXES). */
export function tierAndAxes(kb: KbIndex, x: TierInputs): { answer: TierAnswer; axes: PairStatementAnswer } {
  const s: TierState = { tier: 'green', reasons: [], axes: [] };
  pkReasons(kb, x.preds, s);
  classReasons(kb, x.preds, s);
  effectReasons(x.sharedEffects, s);
  pdReasons(x.pd ?? [], s);
  // A medicine in both products is a duplicate dose, an easy way to exceed a daily maximum by accident (two
  // cold remedies that each contain paracetamol): amber whatever else the pair shares.
  for (const name of x.sameMedicines ?? []) raise(s, 'amber', 'TIER_SAME_MEDICINE', { name }, 'moderate', 'label');
  const anyPkAnswer = x.preds.some((p) => p.status !== 'grey');
  if (s.tier === 'green' && (x.noDataFor !== null || (!anyPkAnswer && x.sharedEffects.length === 0 && x.sharedTargets === 0))) {
    s.tier = 'grey';
    s.reasons.push(x.noDataFor !== null ? { code: 'TIER_NO_RECORDS', params: { name: x.noDataFor } } : { code: 'TIER_NO_ESTIMATE', params: {} });
  } else if (s.tier === 'green') {
    if (x.sharedTargets || x.sharedEnzymes) raise(s, 'yellow', 'TIER_SHARED_UNQUANTIFIED', {}, 'low', 'in_vitro');
    else s.reasons.push({ code: 'TIER_NOTHING_SHARED', params: {} });
  }
  // Severity: the worst outcome any reason describes; evidence: the best evidence among the reasons of that severity.
  const top = s.axes.reduce<Severity | null>((m, a) => (m === null || SEVERITY_ORDER.indexOf(a.severity) > SEVERITY_ORDER.indexOf(m) ? a.severity : m), null);
  const severity: PairAnswer['severity'] = s.tier === 'grey' ? 'unknown' : (top ?? 'none');
  const level = top === null ? null : s.axes.filter((a) => a.severity === top).reduce<EvidenceLevel | null>((m, a) => (m === null || EVIDENCE_RANK[a.level] > EVIDENCE_RANK[m] ? a.level : m), null);
  const humanObserved = x.preds.some((p) => p.observed.some((o) => o.species === 'human'));
  const pdHuman = (x.pd ?? []).some((r) => r.reason.code !== 'TIER_PD_RULE' && EVIDENCE_RANK[r.reason.params.level as EvidenceLevel] >= EVIDENCE_RANK.human_case);
  const ruleHuman = (x.pd ?? []).some((r) => r.reason.code === 'TIER_PD_RULE' && EVIDENCE_RANK[r.reason.params.level as EvidenceLevel] >= EVIDENCE_RANK.human_case);
  const likelihood: PairAnswer['likelihood'] =
    s.tier === 'grey'
      ? 'unknown'
      : humanObserved || pdHuman
        ? 'established'
        : ruleHuman || x.preds.some((p) => p.status === 'predicted' && p.magnitudeClass !== 'none')
          ? 'probable'
          : x.sharedEnzymes || x.sharedEffects.length || (x.pd ?? []).length
            ? 'possible'
            : 'theoretical';
  return { answer: { tier: s.tier, tierReasons: s.reasons, severity, likelihood }, axes: axesStatement(s.tier, severity, likelihood, level) };
}

/** The PAIR_AXES statement: severity (what can happen) and evidence (how sure) apart; rendered with the tier rule. */
export function axesStatement(tier: Tier, severity: PairAnswer['severity'], likelihood: PairAnswer['likelihood'], level: EvidenceLevel | null): PairStatementAnswer {
  return {
    id: 'axes',
    topic: 'relatedness',
    code: 'PAIR_AXES',
    params: { tier, severity, likelihood, level },
    evidence: level ?? 'in_silico',
    grade: level === null ? 'very-low' : gradeChain([{ claim: 'the reasons that set the severity', level, sources: [] }]).grade,
    preclinical: level !== null && EVIDENCE_RANK[level] <= EVIDENCE_RANK.animal,
    sources: [],
  };
}
