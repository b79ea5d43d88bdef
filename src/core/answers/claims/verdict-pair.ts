/**
 * Pair and interaction claims: "weed and kratom work on completely separate systems", "THC and CBD share
 * receptors", "kratom is safe with alcohol", "X and Y interact". Safety is never `supported`: absence of evidence
 * of harm is not evidence of safety.
 */
import type { KbIndex } from '../../kb/kb-index.js';
import { isPreclinical } from '../evidence/labels.js';
import type { PairAnswer, SharedNodeAnswer } from '../check/types.js';
import { dedupe, judge, st, subjectLabel, supportedWithCaveat } from './evidence.js';
import { pairEvidence, type PairEvidence } from './pair-evidence.js';
import type { ClaimStatement, Judgement, Reading } from './types.js';

const TIER_ORDER = ['grey', 'green', 'yellow', 'amber', 'red'];

function nodeReason(p: PairAnswer, n: SharedNodeAnswer): ClaimStatement {
  return st(
    n.kind === 'target' ? 'CLAIM_REASON_SHARED_TARGET' : 'CLAIM_REASON_SHARED_ENZYME',
    { a: p.a.name, b: p.b.name, node: n.name, aActions: [...new Set(n.a.map((x) => `${x.substanceName} ${x.action}`))], bActions: [...new Set(n.b.map((x) => `${x.substanceName} ${x.action}`))] },
    n.evidence.level,
    [...n.a, ...n.b].flatMap((x) => x.sources),
  );
}

function shared(ev: PairEvidence, scope: string, targetIds: string[]): { p: PairAnswer; n: SharedNodeAnswer }[] {
  const out: { p: PairAnswer; n: SharedNodeAnswer }[] = [];
  for (const p of ev.analyses) {
    const nodes = [...(scope !== 'enzymes' ? p.sharedTargets : []), ...(scope !== 'targets' ? p.sharedEnzymes : [])];
    for (const n of nodes) if (targetIds.length === 0 || targetIds.includes(n.id)) out.push({ p, n });
  }
  return out;
}

function effectReasons(ev: PairEvidence): ClaimStatement[] {
  return ev.analyses.flatMap((p) =>
    p.sharedEffects.map((e) => st('CLAIM_REASON_SHARED_EFFECT', { a: p.a.name, b: p.b.name, effect: e.name, severity: e.severity }, e.evidence.level, [...e.a, ...e.b].flatMap((x) => x.sources))),
  );
}

function riskReasons(ev: PairEvidence): ClaimStatement[] {
  return ev.risks.map((r) => st('CLAIM_REASON_RISK', { title: r.title, kind: r.kind }, r.evidence, r.sources));
}

/** Predicted or observed exposure changes of meaningful size (≥ 1.25-fold either way). */
function pkReasons(ev: PairEvidence): ClaimStatement[] {
  const out: ClaimStatement[] = [];
  for (const p of ev.analyses)
    for (const e of p.pk) {
      const r = e.result;
      if (!('status' in r)) continue;
      for (const o of r.observed)
        if (o.aucRatio !== undefined && (o.aucRatio >= 1.25 || o.aucRatio <= 0.8))
          out.push(st('CLAIM_REASON_OBSERVED_RATIO', { perpetrator: r.perpetrator.name, victim: r.victim.analyteName, ratio: o.aucRatio, species: o.species }, o.evidence as never, o.sources));
      if (r.status === 'predicted' && r.aucRatio !== null && (r.aucRatio >= 1.25 || r.aucRatio <= 0.8))
        out.push(st('CLAIM_REASON_PREDICTED_RATIO', { perpetrator: r.perpetrator.name, victim: r.victim.analyteName, ratio: r.aucRatio }, r.evidence.level, r.sources));
    }
  return out;
}

function tierReason(ev: PairEvidence): { tier: string; severity: string; reason?: ClaimStatement } {
  let best: PairAnswer | undefined;
  for (const p of ev.analyses) if (!best || TIER_ORDER.indexOf(p.tier) > TIER_ORDER.indexOf(best.tier)) best = p;
  if (!best) return { tier: 'grey', severity: 'unknown' };
  return { tier: best.tier, severity: best.severity, reason: st('CLAIM_REASON_TIER', { a: best.a.name, b: best.b.name, tier: best.tier, severity: best.severity, likelihood: best.likelihood }, best.verdict.evidence, best.sources.slice(0, 8)) };
}

export function checkPair(kb: KbIndex, r: Reading): Judgement {
  const [a, b] = r.subjects as [Reading['subjects'][0], Reading['subjects'][0]];
  const ev = pairEvidence(kb, a, b);
  const scope = r.context[0] ?? 'any';
  const targetIds = r.objects.flatMap((o) => o.ids);
  const found = shared(ev, scope, targetIds);
  const params = { subjects: subjectLabel(r), scope, object: r.objects.map((o) => o.label).join(', ') };
  const reasons = dedupe(found.map(({ p, n }) => nodeReason(p, n))).slice(0, 8);
  if (r.predicate === 'unrelated') {
    if (found.length > 0) return judge('contradicted', st('CLAIM_PAIR_SHARED', params), reasons, [st('CLAIM_CAVEAT_CONNECTION_NOT_DANGER')]);
    const effects = effectReasons(ev);
    if (effects.length > 0) return judge('not-supported', st('CLAIM_PAIR_EFFECTS_ONLY', params), effects.slice(0, 6));
    return judge('not-supported', st('CLAIM_PAIR_NONE_RECORDED', params), [], [st('CLAIM_CAVEAT_ABSENCE')]);
  }
  if (found.length > 0) return supportedWithCaveat(r, st('CLAIM_PAIR_SHARED', params), reasons, found.flatMap(({ n }) => [...n.a, ...n.b].map((x) => x.species)));
  return judge('not-supported', st('CLAIM_PAIR_NONE_RECORDED', params), []);
}

export function checkInteraction(kb: KbIndex, r: Reading): Judgement {
  const [a, b] = r.subjects as [Reading['subjects'][0], Reading['subjects'][0]];
  const ev = pairEvidence(kb, a, b);
  const params = { subjects: subjectLabel(r) };
  const tier = tierReason(ev);
  const risks = riskReasons(ev);
  const labelRisk = ev.risks.some((x) => x.evidence === 'label');
  // Two substrates of one enzyme, or two substances at one receptor, are a connection; an interaction needs one side
  // to change the other (an inhibitor or inducer of the other's enzyme), a change in exposure, or an added effect.
  const mechanism = [...ev.studies, ...dedupe(shared(ev, 'any', []).filter(({ n }) => perpetratesAt(n)).map(({ p, n }) => nodeReason(p, n))), ...pkReasons(ev), ...effectReasons(ev)];
  const all = dedupe([...(tier.reason ? [tier.reason] : []), ...risks, ...mechanism]).slice(0, 8);
  const serious = tier.tier === 'red' || (tier.tier === 'amber' && tier.severity === 'high') || labelRisk;
  const safety = [st('CLAIM_CAVEAT_NEVER_SAFE')];
  switch (r.predicate) {
    case 'safe':
      if (tier.tier === 'red' || tier.tier === 'amber' || labelRisk) return judge('contradicted', st('CLAIM_SAFE_WARNED', params), all, safety);
      return judge('insufficient-evidence', st(mechanism.length ? 'CLAIM_SAFE_UNKNOWN' : 'CLAIM_SAFE_NO_MECHANISM', params), all, safety);
    case 'dangerous':
      if (serious) return judge('supported', st('CLAIM_DANGER_HELD', params), all);
      if (mechanism.length || risks.length) return judge('insufficient-evidence', st('CLAIM_DANGER_UNCLEAR', { ...params, tier: tier.tier }), all);
      return judge('not-supported', st('CLAIM_INTERACT_NONE', params), [], [st('CLAIM_CAVEAT_ABSENCE')]);
    case 'benefit':
      return judge('not-supported', st('CLAIM_BENEFIT_NONE', params), all.slice(0, 4), [st('CLAIM_CAVEAT_OVERLAP_NOT_BENEFIT')]);
    default: {
      const ev2 = [...risks, ...mechanism];
      if (ev2.length === 0) return r.negated ? judge('insufficient-evidence', st('CLAIM_INTERACT_NONE', params), [], [st('CLAIM_CAVEAT_ABSENCE')]) : judge('not-supported', st('CLAIM_INTERACT_NONE', params), []);
      // Whether two things interact is shown best by studies that gave them together: those come first.
      const shown = dedupe([...ev.studies, ...all]).slice(0, 8);
      if (r.negated) return judge('contradicted', st('CLAIM_INTERACT_HELD', params), shown);
      const pre = ev2.every((x) => x.evidence !== null && isPreclinical(x.evidence));
      return supportedWithCaveat(r, st('CLAIM_INTERACT_HELD', params), shown, pre ? ['lab or animal studies'] : []);
    }
  }
}

const PERPETRATOR_ACTIONS = new Set(['inhibitor', 'tdi', 'inducer', 'transporter-inhibitor']);
function perpetratesAt(n: SharedNodeAnswer): boolean {
  if (n.kind !== 'enzyme') return false;
  const sub = (xs: SharedNodeAnswer['a']): boolean => xs.some((x) => x.action === 'substrate' || x.action === 'transporter-substrate');
  const perp = (xs: SharedNodeAnswer['a']): boolean => xs.some((x) => PERPETRATOR_ACTIONS.has(x.action));
  return (sub(n.a) && perp(n.b)) || (sub(n.b) && perp(n.a));
}

