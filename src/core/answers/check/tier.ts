/** A Liverpool-style tier for a pair: magnitude × therapeutic window × pharmacodynamic overlap, graded by evidence. */
import type { KbIndex } from '../../kb/kb-index.js';
import type { Prediction } from '../prediction.js';
import type { PairAnswer, SharedEffect, Tier, TierReason } from './types.js';

const ORDER: Tier[] = ['grey', 'green', 'yellow', 'amber', 'red'];
function maxTier(a: Tier, b: Tier): Tier {
  return ORDER.indexOf(b) > ORDER.indexOf(a) ? b : a;
}
/** fm below which a perpetrator's clinical class says little about this victim (tier rule). */
const CLASS_TIER_MIN_FM = 0.5;

interface TierState {
  tier: Tier;
  reasons: TierReason[];
}

function raise(s: TierState, tier: Tier, code: string, params: TierReason['params']): void {
  s.tier = maxTier(s.tier, tier);
  s.reasons.push({ code, params });
}

const nti = (kb: KbIndex, p: Prediction): boolean => !!(kb.substance(p.victim.analyte)?.nti?.value || kb.substance(p.victim.id)?.nti?.value);

/** Predicted exposure changes: red at ≥ 5-fold (or ≤ 0.2) for a narrow-therapeutic-index victim, amber at 2-fold, yellow at 1.25. */
function pkReasons(kb: KbIndex, preds: Prediction[], s: TierState): void {
  for (const p of preds) {
    if (p.status !== 'predicted' || p.aucRatio === null) continue;
    const r = p.aucRatio;
    const params = { perpetrator: p.perpetrator.name, analyte: p.victim.analyteName, ratio: r, magnitudeClass: p.magnitudeClass };
    if ((r >= 5 || r <= 0.2) && nti(kb, p)) raise(s, 'red', 'TIER_PK_NTI', params);
    else if (r >= 2 || r <= 0.5 || ((r >= 1.25 || r <= 0.8) && nti(kb, p))) raise(s, 'amber', 'TIER_PK', params);
    else if (r >= 1.25 || r <= 0.8) raise(s, 'yellow', 'TIER_PK', params);
  }
}

/** A label or FDA class of the perpetrator at an enzyme that clears most of the victim: unquantified, but real. */
function classReasons(kb: KbIndex, preds: Prediction[], s: TierState): void {
  for (const p of preds) {
    if (p.status === 'predicted' && p.magnitudeClass !== 'none') continue;
    for (const c of p.clinicalClasses) {
      const fm = Math.max(0, ...kb.relationsOf(p.victim.analyte).filter((r) => r.action === 'substrate' && r.object === c.enzyme && r.fm).map((r) => r.fm!.value));
      if (fm < CLASS_TIER_MIN_FM || c.clinicalClass === 'weak') continue;
      raise(s, c.clinicalClass === 'strong' && nti(kb, p) ? 'red' : 'amber', 'TIER_CLASS', {
        substance: kb.substance(c.substance)?.name ?? c.substance,
        clinicalClass: c.clinicalClass,
        enzyme: kb.target(c.enzyme)?.name ?? c.enzyme,
        inducer: c.action === 'inducer',
        fmPct: Math.round(fm * 100),
        analyte: p.victim.analyteName,
        grey: p.status === 'grey',
      });
    }
  }
}

function effectReasons(effects: SharedEffect[], s: TierState): void {
  for (const e of effects) {
    const major = (xs: SharedEffect['a']): boolean => xs.some((x) => x.strength === 'major');
    const params = { effect: e.name, level: e.evidence.level };
    if (e.severity === 'high' && major(e.a) && major(e.b)) raise(s, e.evidence.level === 'label' || e.evidence.level === 'human_controlled' ? 'red' : 'amber', 'TIER_PD_MAJOR', params);
    else if (e.severity === 'high' || (e.severity === 'moderate' && (major(e.a) || major(e.b)))) raise(s, 'amber', 'TIER_PD', params);
    else raise(s, 'yellow', 'TIER_PD_MINOR', params);
  }
}

export interface TierInputs {
  preds: Prediction[];
  sharedEffects: SharedEffect[];
  sharedTargets: number;
  sharedEnzymes: number;
  /** The side with no receptor or enzyme recorded, if any. */
  noDataFor: string | null;
}

/** The tier with its reasons, and the two axes shown apart: severity (what could happen) and likelihood (how sure). */
export function tierOf(kb: KbIndex, x: TierInputs): Pick<PairAnswer, 'tier' | 'tierReasons' | 'severity' | 'likelihood'> {
  const s: TierState = { tier: 'green', reasons: [] };
  pkReasons(kb, x.preds, s);
  classReasons(kb, x.preds, s);
  effectReasons(x.sharedEffects, s);
  const anyPkAnswer = x.preds.some((p) => p.status !== 'grey');
  if (s.tier === 'green' && (x.noDataFor !== null || (!anyPkAnswer && x.sharedEffects.length === 0 && x.sharedTargets === 0))) {
    s.tier = 'grey';
    s.reasons.push(x.noDataFor !== null ? { code: 'TIER_NO_RECORDS', params: { name: x.noDataFor } } : { code: 'TIER_NO_ESTIMATE', params: {} });
  } else if (s.tier === 'green') {
    if (x.sharedTargets || x.sharedEnzymes) raise(s, 'yellow', 'TIER_SHARED_UNQUANTIFIED', {});
    else s.reasons.push({ code: 'TIER_NOTHING_SHARED', params: {} });
  }
  const severity: PairAnswer['severity'] = s.tier === 'grey' ? 'unknown' : s.tier === 'red' ? 'high' : s.tier === 'amber' ? 'moderate' : s.tier === 'yellow' ? 'low' : 'none';
  const humanObserved = x.preds.some((p) => p.observed.some((o) => o.species === 'human'));
  const likelihood: PairAnswer['likelihood'] =
    s.tier === 'grey'
      ? 'unknown'
      : humanObserved
        ? 'established'
        : x.preds.some((p) => p.status === 'predicted' && p.magnitudeClass !== 'none')
          ? 'probable'
          : x.sharedEnzymes || x.sharedEffects.length
            ? 'possible'
            : 'theoretical';
  return { tier: s.tier, tierReasons: s.reasons, severity, likelihood };
}
