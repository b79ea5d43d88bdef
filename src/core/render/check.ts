/**
 * English for pair analyses: verdicts, pair statements (plain and technical), shared-node interpretations, mutual
 * inhibition and tier reasons. The check answer (src/core/answers/check/) holds only codes and data.
 */
import type { PairAnalysis, PairAnswer, PairStatementAnswer, SharedNode, SharedNodeAnswer, SideAction, Statement, TierReason } from '../answers/check/types.js';
import { EVIDENCE_LABEL } from '../answers/evidence/labels.js';
import { inSentence } from '../answers/evidence/text.js';
import type { EvidenceLevel } from '../schema/quantity.js';
import type { StatementParam, StatementParams } from '../schema/statement.js';

const t = (x: StatementParam | undefined): string => String(x);
const list = (x: StatementParam | undefined): string[] => ((x ?? []) as readonly (string | number)[]).map(String);
const first = (xs: string[], n: number): string => `${xs.slice(0, n).join(', ')}${xs.length > n ? ` and ${xs.length - n} more` : ''}`;

type Pair = (p: StatementParams) => { plain: string; technical: string };

function verdictConnected(p: StatementParams): { plain: string; technical: string } {
  const targets = list(p.targets);
  const enzymes = list(p.enzymes);
  const effects = list(p.effects);
  const parts = [
    targets.length ? `they act on the same receptors (${first(targets, 5)})` : '',
    enzymes.length ? `they meet at the same liver enzymes or transporters (${first(enzymes, 5)})` : '',
    effects.length ? `they add to the same effects (${effects.map(inSentence).join(', ')})` : '',
    p.findings && !targets.length ? 'studies tie their actions together' : '',
  ].filter(Boolean);
  const strongest = p.strongest ? EVIDENCE_LABEL[p.strongest as EvidenceLevel] : 'none';
  return { plain: `${t(p.a)} and ${t(p.b)} are connected in the body: ${parts.join('; ')}. Strongest evidence: ${strongest}.`, technical: counts(p) };
}

function counts(p: StatementParams): string {
  return `${list(p.targets).length} shared targets, ${list(p.enzymes).length} shared enzymes/transporters, ${list(p.effects).length} shared effect classes, ${t(p.findings)} tying findings; tier ${t(p.tier)}.`;
}

const sides = (p: StatementParams): string => `${list(p.a).join('; ')} | ${list(p.b).join('; ')}`;

const PAIR: Record<string, Pair> = {
  VERDICT_CONNECTED: verdictConnected,
  VERDICT_UNCONNECTED: (p) => ({
    plain: `The knowledge base records no shared receptor, enzyme or effect for ${t(p.a)} and ${t(p.b)}. That reflects what is recorded, not proof that they are unrelated.`,
    technical: counts(p),
  }),
  VERDICT_SAME_COMPOUNDS: (p) => {
    const names = list(p.names);
    return {
      plain: `${t(p.a)} and ${t(p.b)} carry the same compound${names.length > 1 ? 's' : ''} (${names.slice(0, 5).join(', ')}${names.length > 5 ? ', …' : ''}): taking both adds up the same substances — in effect a larger dose — rather than two different substances interacting. Check each against other substances instead.`,
      technical: `common constituents: ${list(p.ids).join(', ')}`,
    };
  },
  PAIR_SHARED_COMPOUNDS: (p) => ({
    plain: `Both carry ${list(p.names).join(', ')}; that part adds up as dose, so the comparison is between what each adds beyond it.`,
    technical: `common constituents excluded from the comparison: ${list(p.ids).join(', ')}`,
  }),
  // The interpretation sentence needs the node's actions: filled in by renderPair, passed as `interpretation`.
  PAIR_TARGET: (p) => ({ plain: `Both act at ${t(p.node)}: ${t(p.interpretation)}.`, technical: sides(p) }),
  PAIR_ENZYME: (p) => ({ plain: `Both meet at ${t(p.node)}: ${t(p.interpretation)}.`, technical: sides(p) }),
  PAIR_MUTUAL_INHIBITION: (p) => ({ plain: mutualSentence(p), technical: `mutual inhibition at ${list(p.enzymes).join(', ')}` }),
  // A prediction rendered by src/core/render/prediction.ts, quoted whole.
  PAIR_PK: (p) => ({ plain: t(p.plain), technical: t(p.technical) }),
  PAIR_EFFECT: (p) => {
    const side = (k: 'a' | 'b'): string => list(p[k]).map((s, i) => `${s} (${list(p[`${k}Strength`])[i]}, ${EVIDENCE_LABEL[list(p[`${k}Evidence`])[i] as EvidenceLevel]})`).join(', ');
    return { plain: `Both can add to ${inSentence(t(p.effect))}.`, technical: `${t(p.effect)}: ${side('a')} + ${side('b')}` };
  },
  PAIR_EFFECT_DOSE_NOT_REACHED: (p) => ({
    plain: `${t(p.substance)}'s part in ${inSentence(t(p.effect))} is not counted at this dose: the evidence for it comes from ${t(p.from)} ${t(p.unit)} and up, more than ten times the dose used here (about ${t(p.dailyMg)} mg a day). That is not evidence of safety at low doses — the studies do not reach them.`,
    technical: `${t(p.substance)} → ${t(p.effect)}: studiedFromDailyDose ${t(p.from)} ${t(p.unit)} > dose in use ${t(p.dailyMg)} mg/day`,
  }),
  PAIR_FINDING: (p) => ({
    plain: p.summary === null ? '' : t(p.summary),
    technical: `${t(p.title)} — ${t(p.species)}, ${t(p.model)}; endpoint ${t(p.endpoint)}${list(p.context).length ? `; seen in ${list(p.context).join(', ')}` : ''}${list(p.notSeenIn).length ? `; not seen in ${list(p.notSeenIn).join(', ')}` : ''}`,
  }),
};

/** English for the PD statements of issue 17 (records, class exceptions, mechanism rules, the two axes). */
const KIND_WORDS: Record<string, string> = {
  contraindication: 'Label contraindication',
  'boxed-warning': 'Boxed warning',
  'label-warning': 'Label warning',
  'case-series': 'Case series',
  fatality: 'Published deaths',
  'toxic-metabolite': 'Toxic metabolite',
};
const ROLE_WORDS: Record<string, string> = {
  'mao-inhibitor-irreversible': 'irreversible MAO inhibitor',
  'mao-inhibitor-reversible': 'reversible MAO inhibitor',
  'serotonin-reuptake-inhibitor': 'serotonin reuptake inhibitor',
  'serotonin-releaser': 'serotonin releaser',
  'serotonin-agonist': 'serotonin receptor agonist',
  'serotonin-precursor': 'serotonin precursor',
  sympathomimetic: 'sympathomimetic',
  'respiratory-depressant': 'respiratory depressant',
  'cns-depressant': 'CNS depressant',
  'toxic-metabolite-precursor': 'toxic-metabolite precursor',
};
const RULE_WORDS: Record<string, { what: string; outcome: string }> = {
  'serotonin-maoi': { what: 'MAO inhibition meets a serotonergic drug', outcome: 'serotonin toxicity (serotonin syndrome)' },
  'hypertensive-maoi': { what: 'MAO inhibition meets a sympathomimetic', outcome: 'a hypertensive crisis' },
  'respiratory-depression': { what: 'each side depresses breathing', outcome: 'respiratory depression' },
};
const viaText = (name: StatementParam | undefined, via: StatementParam | undefined): string => `${t(name)}${via ? ` (as one of the ${t(via)})` : ''}`;
function roleSide(p: StatementParams, k: 'a' | 'b'): string {
  const names = list(p[k]);
  return names
    .map((n, i) => {
      const via = list(p[`${k}Via`])[i];
      const applies = list(p[`${k}AppliesTo`])[i];
      return `${n}: ${ROLE_WORDS[list(p[`${k}Role`])[i]!] ?? list(p[`${k}Role`])[i]}, ${list(p[`${k}Strength`])[i]}, ${EVIDENCE_LABEL[list(p[`${k}Evidence`])[i] as EvidenceLevel]}${via ? `, inherited from the ${via} class${applies ? ` — ${applies}` : ''}` : ''}`;
    })
    .join('; ');
}

const PD: Record<string, Pair> = {
  PD_RECORD: (p) => ({
    plain: `${KIND_WORDS[t(p.kind)] ?? t(p.kind)} — ${viaText(p.a, p.aVia)} with ${viaText(p.b, p.bVia)}: ${t(p.text)} What can happen: ${t(p.outcome)} (severity ${t(p.severity)}).${p.verified ? '' : ' Not yet checked against the source by the project.'}`,
    technical: `${t(p.effect)}; ${t(p.source)}, ${t(p.locator)}${p.appliesTo ? `; applies to: ${t(p.appliesTo)}` : ''}`,
  }),
  PD_TOXIC_METABOLITE: (p) => ({
    plain: `Together ${viaText(p.a, p.aVia)} and ${viaText(p.b, p.bVia)} form ${t(p.metabolite)}, a compound neither forms alone: ${t(p.text)} What can happen: ${t(p.outcome)} (severity ${t(p.severity)}).`,
    technical: `toxic-metabolite interaction (${t(p.effect)}); ${t(p.source)}, ${t(p.locator)}`,
  }),
  PD_RECORD_EXCEPTION: (p) => ({
    plain: `A ${(KIND_WORDS[t(p.kind)] ?? t(p.kind)).toLowerCase()} about the ${t(p.cls)} (${t(p.effect)}) does not cover ${t(p.member)}: ${t(p.appliesTo)}`,
    technical: `class exception: ${t(p.member)} excluded from a ${t(p.cls)} record`,
  }),
  PD_RULE: (p) => {
    const r = RULE_WORDS[t(p.rule)] ?? { what: t(p.rule), outcome: t(p.rule) };
    return { plain: `Mechanism: ${r.what}, which can cause ${r.outcome} (severity ${t(p.severity)}). ${roleSide(p, 'a')} | ${roleSide(p, 'b')}.`, technical: `rule ${t(p.rule)} → tier ${t(p.tier)}` };
  },
  PAIR_AXES: (p) => ({
    plain: `Severity (what can happen): ${t(p.severity)}. Evidence (how sure): ${p.level ? EVIDENCE_LABEL[p.level as EvidenceLevel] : 'none'}; likelihood ${t(p.likelihood)}.`,
    technical: renderTierRule(),
  }),
};
Object.assign(PAIR, PD);

/** The tier rule in one sentence (shown wherever a tier is). */
export function renderTierRule(): string {
  return 'Tier rule: red when a label contraindicates the pair or gives it a boxed warning, deaths from the combination are published, an irreversible MAO inhibitor meets a serotonergic or sympathomimetic drug shown in people, two major label-level depressants meet, or a narrow-therapeutic-index medicine\'s exposure changes 5-fold; amber for label warnings, case series, toxic metabolites, other mechanism-level dangers, a 2-fold exposure change, a shared high-severity effect or the same medicine in both; yellow for smaller or unquantified overlap; green when nothing is shared; grey when the knowledge base lacks the data.';
}

function mutualSentence(p: StatementParams): string {
  return `Each can slow the other's breakdown: ${t(p.a)} inhibits ${list(p.aOnB).join(', ')} (which clears ${t(p.b)}), and ${t(p.b)} inhibits ${list(p.bOnA).join(', ')} (which clears ${t(p.a)}).`;
}

const TIER: Record<string, (p: StatementParams) => string> = {
  TIER_PK: (p) => `${t(p.perpetrator)} → ${t(p.analyte)}: predicted AUC ×${(p.ratio as number).toFixed(2)} (${t(p.magnitudeClass)})`,
  TIER_PK_NTI: (p) => `${TIER.TIER_PK!(p)}, and ${t(p.analyte)} has a narrow therapeutic index`,
  TIER_CLASS: (p) =>
    `${t(p.substance)} is classified as a ${t(p.clinicalClass)} ${t(p.enzyme)} ${p.inducer ? 'inducer' : 'inhibitor'}, and ${t(p.enzyme)} clears ${t(p.fmPct)} % of ${t(p.analyte)}${p.grey ? ' (size not quantified in the KB)' : ''}`,
  TIER_PD_MAJOR: (p) => `both add to ${inSentence(t(p.effect))} (major on both sides; ${EVIDENCE_LABEL[p.level as EvidenceLevel]})`,
  TIER_PD: (p) => `both add to ${inSentence(t(p.effect))} (${EVIDENCE_LABEL[p.level as EvidenceLevel]})`,
  TIER_PD_MINOR: (p) => `both add to ${inSentence(t(p.effect))}`,
  TIER_NO_RECORDS: (p) => `the KB records no receptors or enzymes for ${t(p.name)}`,
  TIER_NO_ESTIMATE: () => 'the KB lacks the data to estimate an exposure change either way',
  TIER_SAME_MEDICINE: (p) => `both contain ${t(p.name)}: taken together its doses add up (check the total against its daily maximum)`,
  TIER_SHARED_UNQUANTIFIED: () => 'shared pathways with no quantified clinical effect; effect size unknown',
  TIER_NOTHING_SHARED: () => 'no shared pathway or effect class recorded',
  TIER_PD_RECORD_RED: (p) => `${(KIND_WORDS[t(p.kind)] ?? t(p.kind)).toLowerCase()} for this combination (${t(p.locator)}): ${t(p.outcome)}`,
  TIER_PD_RECORD: (p) => `${(KIND_WORDS[t(p.kind)] ?? t(p.kind)).toLowerCase()} (${t(p.locator)}): ${t(p.outcome)} (${EVIDENCE_LABEL[p.level as EvidenceLevel]})`,
  TIER_PD_TOXIC_METABOLITE: (p) => `together they form ${t(p.metabolite)}: ${t(p.outcome)} (${EVIDENCE_LABEL[p.level as EvidenceLevel]})`,
  TIER_PD_RULE: (p) => `${RULE_WORDS[t(p.rule)]?.what ?? t(p.rule)} (${list(p.a).join(', ')} + ${list(p.b).join(', ')}): ${RULE_WORDS[t(p.rule)]?.outcome ?? ''} (${EVIDENCE_LABEL[p.level as EvidenceLevel]})`,
  TIER_SAME_COMPOUNDS: (p) => `same compounds (${list(p.names).slice(0, 3).join(', ')}): the combined amount is what matters`,
};

/** In words: agonist + agonist at MOR; for enzymes, which side may raise or lower the other's levels. */
export function interpretNode(n: SharedNodeAnswer, aName: string, bName: string): string {
  const acts = (xs: SideAction[]): string => [...new Set(xs.map((x) => (x.action === 'effect-blocked-at' ? 'effect reversed by a blocker' : x.action)))].join('/');
  if (n.kind !== 'enzyme') return `${acts(n.a)} (${aName}) + ${acts(n.b)} (${bName}) at ${n.name}`;
  const sub = (xs: SideAction[]): boolean => xs.some((x) => x.action === 'substrate');
  const mod = (xs: SideAction[]): boolean => xs.some((x) => ['inhibitor', 'tdi', 'inducer'].includes(x.action));
  const lowers = (xs: SideAction[]): boolean => xs.some((x) => x.action === 'inducer') && !xs.some((x) => x.action !== 'inducer' && x.action !== 'substrate');
  const parts: string[] = [];
  if (sub(n.a) && mod(n.b)) parts.push(`${bName} ${lowers(n.b) ? 'may lower' : 'may raise'} ${aName} levels via ${n.name}`);
  if (sub(n.b) && mod(n.a)) parts.push(`${aName} ${lowers(n.a) ? 'may lower' : 'may raise'} ${bName} levels via ${n.name}`);
  if (parts.length === 0) parts.push(`both are handled by ${n.name} (${acts(n.a)} / ${acts(n.b)})`);
  return parts.join('; ');
}

function template(code: string): Pair {
  const tpl = PAIR[code];
  if (!tpl) throw new Error(`render: no English template for pair statement code ${code} (a bug: add it to src/core/render/check.ts)`);
  return tpl;
}

export function renderTierReason(r: TierReason): string {
  const tpl = TIER[r.code];
  if (!tpl) throw new Error(`render: no English template for tier reason ${r.code}`);
  return tpl(r.params);
}

/** Render one pair analysis in English. */
export function renderPair(x: PairAnswer): PairAnalysis {
  const node = (n: SharedNodeAnswer): SharedNode => ({ ...n, interpretation: interpretNode(n, x.a.name, x.b.name) });
  const sharedTargets = x.sharedTargets.map(node);
  const sharedEnzymes = x.sharedEnzymes.map(node);
  const byName = new Map([...sharedTargets, ...sharedEnzymes].map((n) => [n.name, n.interpretation]));
  const statement = (s: PairStatementAnswer): Statement => {
    const params = s.code === 'PAIR_TARGET' || s.code === 'PAIR_ENZYME' ? { ...s.params, interpretation: byName.get(t(s.params.node)) ?? '' } : s.params;
    return { ...s, ...template(s.code)(params) };
  };
  const verdict = template(x.verdict.code)(x.verdict.params);
  const mi = x.mutualInhibition;
  return {
    ...x,
    verdict: { ...verdict, evidence: x.verdict.evidence, grade: x.verdict.grade },
    sharedTargets,
    sharedEnzymes,
    mutualInhibition: mi ? { enzymes: mi.enzymes, plain: mutualSentence({ a: x.a.name, b: x.b.name, aOnB: mi.aOnB.map((e) => enzymeName(x, e)), bOnA: mi.bOnA.map((e) => enzymeName(x, e)) }) } : null,
    tierReasons: x.tierReasons.map(renderTierReason),
    statements: x.statements.map(statement),
  };
}

function enzymeName(x: PairAnswer, id: string): string {
  return x.sharedEnzymes.find((n) => n.id === id)?.name ?? id;
}
