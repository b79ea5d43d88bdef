/** One pair: shared pathways, exposure change both ways, pharmacodynamic overlap, evidence and a tier, as codes. */
import { isCrosstalkError } from '../../errors.js';
import { withConstituents } from '../../kb/constituents.js';
import type { KbIndex } from '../../kb/kb-index.js';
import type { Finding, Substance } from '../../kb/types.js';
import { predict } from '../../predict.js';
import type { EvidenceLevel } from '../../schema/quantity.js';
import { gradeChain, type EvidenceSummary } from '../evidence/grade.js';
import { EVIDENCE_RANK } from '../evidence/labels.js';
import type { Prediction } from '../prediction.js';
import { mutualInhibitionOf, sharedNodes, sideActions, tyingFindings } from './pathways.js';
import { classesOf, pairMechanisms, selectGuidance } from './guidance.js';
import { pdAnalysis } from './pd-analysis.js';
import { contributorsFor } from './pd-members.js';
import { dailyDoses } from './dose-reach.js';
import type { DailyDose, Unreached } from './dose-reach.js';
import { axesStatement, tierAndAxes } from './tier.js';
import { doseUsed, type DoseItem, type DoseUsed } from './usage.js';
import type { PairAnswer, PairStatementAnswer, PkEntry, SharedEffect, SharedNodeAnswer, SideAction, SubstanceRef } from './types.js';

export function ref(kb: KbIndex, s: Substance): SubstanceRef {
  return { id: s.id, name: s.name, kind: s.kind, constituents: withConstituents(kb, s.id).filter((x) => x !== s.id) };
}

function safePredict(kb: KbIndex, victim: DoseItem | { substance: string; regimen?: undefined }, perp: DoseItem | { substance: string; regimen?: undefined }): Prediction | { error: string } {
  try {
    return predict(kb, { victim: victim.substance, perpetrator: perp.substance, victimDose: victim.regimen, perpetratorDose: perp.regimen });
  } catch (e) {
    if (isCrosstalkError(e)) return { error: e.message };
    throw e;
  }
}

/**
 * Exposure change of `victim` by `perp`, at the doses the check uses (usage.ts). A usage pattern or usual dose of
 * the whole product is used as written; a pattern written as constituent doses predicts each constituent; a product
 * with no dose of its own is predicted whole (grey for want of a dose) and then by each constituent at its usual dose.
 */
function pkDirection(kb: KbIndex, victim: Substance, perp: Substance, vUse: DoseUsed, pUse: DoseUsed): PkEntry[] {
  const sides = (s: Substance, use: DoseUsed): (DoseItem | { substance: string })[] =>
    use.basis === 'usage-pattern' || use.basis === 'usual-dose' ? use.doses : [{ substance: s.id }];
  const out: PkEntry[] = [];
  for (const v of sides(victim, vUse))
    for (const p of sides(perp, pUse)) {
      const result = safePredict(kb, v, p);
      out.push({ perpetrator: p.substance, victim: v.substance, ...(p.substance !== perp.id ? { via: perp.id } : {}), ...(v.substance !== victim.id ? { victimVia: victim.id } : {}), result });
    }
  if (pUse.basis === 'constituents') {
    const whole = out[0]!.result;
    if ('status' in whole && whole.status === 'grey')
      for (const d of pUse.doses) {
        const r = safePredict(kb, { substance: victim.id }, d);
        if ('status' in r && r.status !== 'grey') out.push({ perpetrator: d.substance, victim: victim.id, via: perp.id, result: r });
      }
  }
  return out;
}

/** The medicines among shared constituents, by name: in both products, their doses add up (TIER_SAME_MEDICINE). */
function medicinesIn(kb: KbIndex, ids: string[]): string[] {
  return ids.filter((id) => kb.substance(id)?.kind === 'medicine').map((id) => kb.substance(id)?.name ?? id);
}

/**
 * Two names for the same compounds (a plant and its tea, cannabis and THC): taking both adds up one set of
 * compounds rather than making an interaction, so say that instead of reporting every pathway as "shared".
 */
function sameCompounds(kb: KbIndex, a: Substance, b: Substance, common: string[]): PairAnswer {
  const params = { a: a.name, b: b.name, names: common.map((id) => kb.substance(id)?.name ?? id), ids: common };
  // Two products made of the same medicines (Tylenol PM and Excedrin PM) double the dose of each: amber, as below.
  const medicines = medicinesIn(kb, common);
  const tier = medicines.length > 0 ? ('amber' as const) : ('yellow' as const);
  const severity = medicines.length > 0 ? ('moderate' as const) : ('low' as const);
  return {
    a: ref(kb, a),
    b: ref(kb, b),
    connected: true,
    verdict: { code: 'VERDICT_SAME_COMPOUNDS', params, evidence: 'label', grade: 'moderate' },
    sharedTargets: [],
    sharedEnzymes: [],
    sharedEffects: [],
    mutualInhibition: null,
    findings: [],
    pk: [],
    tier,
    tierReasons: [{ code: 'TIER_SAME_COMPOUNDS', params }, ...medicines.map((name) => ({ code: 'TIER_SAME_MEDICINE', params: { name } }))],
    severity,
    likelihood: 'theoretical',
    statements: [
      axesStatement(tier, severity, 'theoretical', 'label'),
      { id: 'same-compounds', topic: 'relatedness', code: 'VERDICT_SAME_COMPOUNDS', params, evidence: 'label', grade: 'moderate', preclinical: false, sources: [] },
    ],
    guidance: [],
    sources: [],
  };
}

/**
 * Shared active compounds (cannabis and THC, Epidiolex and cannabis): identical sets are one substance taken twice
 * (null); otherwise the side that contains the other's compounds is compared by what it adds.
 */
function compareSets(kb: KbIndex, a: Substance, b: Substance): { aIds: string[]; bIds: string[]; common: string[] } | { same: string[] } {
  let aIds = withConstituents(kb, a.id);
  let bIds = withConstituents(kb, b.id);
  const active = (ids: string[]): string[] => ids.filter((x) => kb.relationsOf(x).length > 0);
  const common = active(aIds).filter((x) => bIds.includes(x));
  if (common.length === 0) return { aIds, bIds, common };
  const aOnly = active(aIds).filter((x) => !common.includes(x));
  const bOnly = active(bIds).filter((x) => !common.includes(x));
  if (aOnly.length === 0 && bOnly.length === 0) return { same: common };
  if (aOnly.length > 0) aIds = aIds.filter((x) => !common.includes(x));
  if (bOnly.length > 0) bIds = bIds.filter((x) => !common.includes(x));
  return { aIds, bIds, common };
}

/** Pharmacodynamic overlap: effect classes both sides contribute to. */
function sharedEffectsOf(
  kb: KbIndex,
  a: Substance,
  b: Substance,
  aIds: string[],
  bIds: string[],
  daily?: { a: ReadonlyMap<string, DailyDose>; b: ReadonlyMap<string, DailyDose> },
  unreached?: Unreached[],
): SharedEffect[] {
  const out: SharedEffect[] = [];
  const best = <T extends { evidence: EvidenceLevel }>(xs: T[]): T => xs.reduce((p, x) => (EVIDENCE_RANK[x.evidence] > EVIDENCE_RANK[p.evidence] ? x : p));
  const side = (c: { substance: string; strength: string; evidence: EvidenceLevel; sources: string[] }) => ({ substance: c.substance, strength: c.strength, evidence: c.evidence, sources: c.sources });
  for (const e of kb.data.effects) {
    // Class entries (an `ssri` contribution) count for their members (pd-members.ts), reported under the member.
    const A = contributorsFor(kb, e, aIds, daily?.a, unreached).map((c) => ({ ...c, substance: c.member }));
    const B = contributorsFor(kb, e, bIds, daily?.b, unreached).map((c) => ({ ...c, substance: c.member }));
    if (!A.length || !B.length) continue;
    out.push({
      id: e.id,
      name: e.name,
      severity: e.severity,
      a: A.map(side),
      b: B.map(side),
      evidence: gradeChain([
        { claim: `${a.name} contributes to ${e.name}`, level: best(A).evidence, sources: best(A).sources },
        { claim: `${b.name} contributes to ${e.name}`, level: best(B).evidence, sources: best(B).sources },
      ]),
    });
  }
  return out;
}

/** Analyse one pair (answer: codes and data; src/core/render/check.ts writes the text). */
export function analysePairAnswer(kb: KbIndex, a: Substance, b: Substance, use?: { a: DoseUsed; b: DoseUsed }): PairAnswer {
  const sets = compareSets(kb, a, b);
  if ('same' in sets) return sameCompounds(kb, a, b, sets.same);
  const { aIds, bIds, common } = sets;
  const aT = sideActions(kb, aIds, false);
  const bT = sideActions(kb, bIds, false);
  const aE = sideActions(kb, aIds, true);
  const bE = sideActions(kb, bIds, true);
  const findings = tyingFindings(kb, aIds, bIds, new Set(aT.keys()), new Set(bT.keys()));
  const sharedTargets = sharedNodes(kb, 'target', aT, bT, findings);
  const sharedEnzymes = sharedNodes(kb, 'enzyme', aE, bE, findings);
  const mutualInhibition = mutualInhibitionOf(aE, bE);
  const aUse = use?.a ?? doseUsed(kb, a, undefined, 'substances');
  const bUse = use?.b ?? doseUsed(kb, b, undefined, 'substances');
  // Effect contributions whose evidence lies above the dose in use are set aside and said (dose-reach.ts).
  const unreached: Unreached[] = [];
  const sharedEffects = sharedEffectsOf(kb, a, b, aIds, bIds, { a: dailyDoses(kb, aUse), b: dailyDoses(kb, bUse) }, unreached);
  const pk = [...pkDirection(kb, b, a, bUse, aUse), ...pkDirection(kb, a, b, aUse, bUse)];
  const preds = pk.map((x) => x.result).filter((p): p is Prediction => 'status' in p);
  const noDataFor = aT.size + aE.size === 0 ? a.name : bT.size + bE.size === 0 ? b.name : null;
  const pd = pdAnalysis(kb, aIds, bIds);
  const sameMedicines = medicinesIn(kb, common);
  const { answer: tier, axes } = tierAndAxes(kb, { preds, sharedEffects, sharedTargets: sharedTargets.length, sharedEnzymes: sharedEnzymes.length, noDataFor, pd: pd.reasons, sameMedicines });
  const connected = sharedTargets.length > 0 || sharedEnzymes.length > 0 || sharedEffects.length > 0 || findings.length > 0;
  const strongest = [...sharedTargets, ...sharedEnzymes]
    .map((n) => n.evidence)
    .concat(sharedEffects.map((e) => e.evidence))
    .reduce<EvidenceSummary | null>((p, x) => (!p || EVIDENCE_RANK[x.level] > EVIDENCE_RANK[p.level] ? x : p), null);
  const verdict = {
    code: connected ? 'VERDICT_CONNECTED' : 'VERDICT_UNCONNECTED',
    params: {
      a: a.name,
      b: b.name,
      targets: sharedTargets.map((n) => n.name),
      enzymes: sharedEnzymes.map((n) => n.name),
      effects: sharedEffects.map((e) => e.name),
      findings: findings.length,
      strongest: strongest?.level ?? null,
      tier: tier.tier,
    },
    evidence: strongest?.level ?? ('in_silico' as EvidenceLevel),
    grade: strongest?.grade ?? ('very-low' as const),
  };
  const statements = [axes, ...pd.statements, ...pairStatements({ a, b, verdict, strongest, common, sharedTargets, sharedEnzymes, mutualInhibition, sharedEffects, preds, findings }, kb), ...unreachedStatements(kb, unreached)];
  const guidance = selectGuidance(kb, { effects: new Set(sharedEffects.map((e) => e.id)), mechanisms: pairMechanisms({ pk, mutualInhibition, tierReasons: tier.tierReasons }), classes: classesOf(kb, [a, b]) });
  return { a: ref(kb, a), b: ref(kb, b), connected, verdict, sharedTargets, sharedEnzymes, sharedEffects, mutualInhibition, findings, pk, ...tier, statements, guidance, sources: [...new Set(statements.flatMap((s) => s.sources))].filter(Boolean).sort() };
}

/** One statement per contribution set aside because the dose in use lies below the evidence behind it. */
function unreachedStatements(kb: KbIndex, xs: Unreached[]): PairStatementAnswer[] {
  const seen = new Set<string>();
  return xs
    .filter((u) => !seen.has(`${u.member}|${u.effect}`) && seen.add(`${u.member}|${u.effect}`))
    .map((u) => ({
      id: `pd-unreached-${u.member}-${u.effect}`,
      topic: 'pd' as const,
      code: 'PAIR_EFFECT_DOSE_NOT_REACHED',
      params: { substance: kb.substance(u.member)?.name ?? u.member, effect: kb.data.effects.find((e) => e.id === u.effect)?.name ?? u.effect, dailyMg: Number(u.dailyMg.toPrecision(2)), from: u.studiedFrom.value, unit: u.studiedFrom.unit },
      evidence: 'label' as EvidenceLevel,
      sources: [u.studiedFrom.source],
      grade: 'moderate' as const,
      preclinical: false,
      caveat: undefined,
    }));
}

interface StatementInputs {
  a: Substance;
  b: Substance;
  verdict: PairAnswer['verdict'];
  strongest: EvidenceSummary | null;
  common: string[];
  sharedTargets: SharedNodeAnswer[];
  sharedEnzymes: SharedNodeAnswer[];
  mutualInhibition: PairAnswer['mutualInhibition'];
  sharedEffects: SharedEffect[];
  preds: Prediction[];
  findings: Finding[];
}

const detail = (xs: SideAction[]): string[] => xs.map((x) => `${x.substanceName} ${x.action}${x.potency ? ` (${x.potency})` : ''}`);
const nodeSources = (n: SharedNodeAnswer): string[] => [...new Set([...n.a, ...n.b].flatMap((x) => x.sources))];

/** The pair's statements, strongest claim first: relatedness, shared nodes, mutual inhibition, exposure, effects, findings. */
function pairStatements(x: StatementInputs, kb: KbIndex): PairStatementAnswer[] {
  const out: PairStatementAnswer[] = [];
  const st = (s: Omit<PairStatementAnswer, 'preclinical' | 'grade' | 'caveat'>, summary: EvidenceSummary): void => {
    out.push({ ...s, grade: summary.grade, preclinical: summary.preclinicalOnly, caveat: summary.caveats[0] });
  };
  st({ id: 'relatedness', topic: 'relatedness', code: x.verdict.code, params: x.verdict.params, evidence: x.verdict.evidence, sources: [] }, x.strongest ?? gradeChain([]));
  if (x.common.length) st({ id: 'shared-compounds', topic: 'relatedness', code: 'PAIR_SHARED_COMPOUNDS', params: { names: x.common.map((id) => kb.substance(id)?.name ?? id), ids: x.common }, evidence: 'label', sources: [] }, gradeChain([]));
  for (const [nodes, topic, code] of [[x.sharedTargets, 'receptor', 'PAIR_TARGET'], [x.sharedEnzymes, 'enzyme', 'PAIR_ENZYME']] as const)
    for (const n of nodes)
      st({ id: `${topic === 'receptor' ? 'target' : 'enzyme'}-${n.id}`, topic, code, params: { node: n.name, a: detail(n.a), b: detail(n.b) }, evidence: n.evidence.level, sources: nodeSources(n) }, n.evidence);
  const mi = x.mutualInhibition;
  if (mi) {
    const names = (ids: string[]): string[] => ids.map((e) => kb.target(e)?.name ?? e);
    const chain = gradeChain(x.sharedEnzymes.filter((n) => mi.enzymes.includes(n.id)).flatMap((n) => n.evidence.chain));
    st({ id: 'mutual-inhibition', topic: 'mutual-inhibition', code: 'PAIR_MUTUAL_INHIBITION', params: { a: x.a.name, b: x.b.name, aOnB: names(mi.aOnB), bOnA: names(mi.bOnA), enzymes: mi.enzymes }, evidence: 'in_vitro', sources: [] }, chain);
  }
  for (const p of x.preds)
    if (p.status !== 'grey') st({ id: `pk-${p.perpetrator.id}-${p.victim.analyte}`, topic: 'pk', code: 'PAIR_PK', params: { plain: p.plain, technical: p.technical }, evidence: p.evidence.level, sources: p.sources }, p.evidence);
  for (const e of x.sharedEffects) {
    const side = (k: 'a' | 'b') => ({ [k]: e[k].map((c) => c.substance), [`${k}Strength`]: e[k].map((c) => c.strength), [`${k}Evidence`]: e[k].map((c) => c.evidence) });
    st({ id: `pd-${e.id}`, topic: 'pd', code: 'PAIR_EFFECT', params: { effect: e.name, ...side('a'), ...side('b') }, evidence: e.evidence.level, sources: [...new Set([...e.a, ...e.b].flatMap((c) => c.sources))] }, e.evidence);
  }
  for (const f of x.findings)
    st(
      { id: `finding-${f.id}`, topic: 'finding', code: 'PAIR_FINDING', params: { summary: f.summary ?? null, title: f.title, species: f.species, model: f.model, endpoint: f.endpoint, context: f.context, notSeenIn: f.notSeenIn }, evidence: f.evidence, sources: [f.source] },
      gradeChain([{ claim: f.title, level: f.evidence, species: f.species, sources: [f.source] }]),
    );
  return out;
}
