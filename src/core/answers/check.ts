import { inSentence } from './evidence/text.js';
import { CrosstalkError, isCrosstalkError } from '../errors.js';
import { gradeChain, type EvidenceLink, type EvidenceSummary } from './evidence/grade.js';
import { EVIDENCE_LABEL, EVIDENCE_RANK } from './evidence/labels.js';
import type { KbIndex } from '../kb/kb-index.js';
import type { Finding, Relation, Substance } from '../kb/types.js';
import { ENZYME_ACTIONS } from '../schema/records.js';
import type { EvidenceLevel } from '../schema/quantity.js';
import { resolveSubstance } from '../kb/fuzzy-match.js';
import { normalizeName } from '../kb/names.js';
import { withConstituents } from '../kb/constituents.js';
import { predict } from '../operations.js';
import type { Prediction } from './predict.js';

export const EDUCATIONAL_NOTICE =
  'Educational use only. Crosstalk summarises published research; it is not medical advice and does not recommend using any substance, alone or together. Talk to a pharmacist or doctor before combining substances, especially with prescription medicines, health conditions or pregnancy.';

export interface SideAction {
  /** The constituent (or the substance itself) that acts. */
  substance: string;
  substanceName: string;
  /** A measured action, or `effect-blocked-at` when a study found the substance's effect blocked at this target. */
  action: Relation['action'] | 'effect-blocked-at';
  evidence: EvidenceLevel;
  species: string;
  potency?: string;
  relationId: string;
  sources: string[];
}

export interface SharedNode {
  id: string;
  name: string;
  kind: 'target' | 'enzyme';
  a: SideAction[];
  b: SideAction[];
  /** In words: agonist + agonist at MOR; substrate + inhibitor at CYP2D6 (b may raise a). */
  interpretation: string;
  evidence: EvidenceSummary;
  findings: string[];
}

export interface SharedEffect {
  id: string;
  name: string;
  severity: 'high' | 'moderate' | 'low';
  a: { substance: string; strength: string; evidence: EvidenceLevel; sources: string[] }[];
  b: { substance: string; strength: string; evidence: EvidenceLevel; sources: string[] }[];
  evidence: EvidenceSummary;
}

export type Tier = 'red' | 'amber' | 'yellow' | 'green' | 'grey';

export interface Statement {
  id: string;
  topic: 'relatedness' | 'receptor' | 'enzyme' | 'pk' | 'pd' | 'finding' | 'mutual-inhibition';
  plain: string;
  technical: string;
  evidence: EvidenceLevel;
  grade: EvidenceSummary['grade'];
  preclinical: boolean;
  caveat?: string;
  sources: string[];
}

export interface SubstanceRef {
  id: string;
  name: string;
  kind: Substance['kind'];
  constituents: string[];
}

export interface PairAnalysis {
  a: SubstanceRef;
  b: SubstanceRef;
  connected: boolean;
  verdict: { plain: string; technical: string; evidence: EvidenceLevel; grade: EvidenceSummary['grade'] };
  sharedTargets: SharedNode[];
  sharedEnzymes: SharedNode[];
  sharedEffects: SharedEffect[];
  mutualInhibition: { enzymes: string[]; plain: string } | null;
  findings: Finding[];
  /** Exposure predictions both ways; when a product has no usual dose, one per constituent at its usual dose. */
  pk: PkEntry[];
  tier: Tier;
  tierReasons: string[];
  severity: 'high' | 'moderate' | 'low' | 'none' | 'unknown';
  likelihood: 'established' | 'probable' | 'possible' | 'theoretical' | 'unknown';
  statements: Statement[];
  sources: string[];
}

export interface PkEntry {
  perpetrator: string;
  victim: string;
  /** Set when the perpetrator is a constituent standing in for the product named in the pair. */
  via?: string;
  result: Prediction | { error: string };
}

export interface CheckResult {
  kbVersion: string;
  notice: string;
  substances: SubstanceRef[];
  pairs: PairAnalysis[];
}

const ENZ = new Set<string>(ENZYME_ACTIONS);

function potencyOf(r: Relation): string | undefined {
  for (const k of ['ki', 'ic50', 'ec50', 'fm', 'KI', 'kinactOverKI', 'emaxFold'] as const) {
    const q = r[k];
    if (q) return `${k === 'fm' ? 'fm' : k} ${q.original.value} ${q.original.unit}`;
  }
  return undefined;
}

function relSources(r: Relation): string[] {
  const s = new Set(r.sources);
  for (const k of ['ki', 'ic50', 'ec50', 'fm', 'KI', 'kinact', 'kinactOverKI', 'emaxFold', 'emaxPct'] as const) if (r[k]) s.add(r[k].source);
  return [...s];
}

function sideActions(kb: KbIndex, ids: string[], enzymes: boolean): Map<string, SideAction[]> {
  const m = new Map<string, SideAction[]>();
  for (const id of ids)
    for (const r of kb.relationsOf(id)) {
      if (ENZ.has(r.action) !== enzymes) continue;
      const list = m.get(r.object) ?? [];
      list.push({
        substance: id,
        substanceName: kb.substance(id)?.name ?? id,
        action: r.action,
        evidence: r.evidence,
        species: r.species,
        potency: potencyOf(r),
        relationId: r.id,
        sources: relSources(r),
      });
      m.set(r.object, list);
    }
  if (!enzymes)
    // Functional involvement: a study in which blocking this target reversed the substance's effect
    // (e.g. a CB1 antagonist reversing a mitragynine effect in mice) ties the substance to the target.
    for (const f of kb.data.findings) {
      if (f.direction === 'no-change') continue;
      for (const b of f.blockedBy) {
        if (!b.target || kb.target(b.target)?.kind === 'enzyme') continue;
        for (const i of f.interventions) {
          if (!ids.includes(i.substance)) continue;
          const list = m.get(b.target) ?? [];
          list.push({
            substance: i.substance,
            substanceName: kb.substance(i.substance)?.name ?? i.substance,
            action: 'effect-blocked-at',
            evidence: f.evidence,
            species: f.species,
            potency: `${b.agent} blocked or reversed: ${f.title}`,
            relationId: f.id,
            sources: [f.source],
          });
          m.set(b.target, list);
        }
      }
    }
  return m;
}

function dedupeActions(xs: SideAction[]): SideAction[] {
  const seen = new Map<string, SideAction>();
  for (const x of xs) {
    const k = `${x.substance}|${x.action}`;
    const prev = seen.get(k);
    if (!prev || EVIDENCE_RANK[x.evidence] > EVIDENCE_RANK[prev.evidence]) seen.set(k, x);
  }
  return [...seen.values()];
}

function interpret(name: string, a: SideAction[], b: SideAction[], aName: string, bName: string, enzyme: boolean): string {
  const acts = (xs: SideAction[]): string => [...new Set(xs.map((x) => (x.action === 'effect-blocked-at' ? 'effect reversed by a blocker' : x.action)))].join('/');
  if (!enzyme) return `${acts(a)} (${aName}) + ${acts(b)} (${bName}) at ${name}`;
  const sub = (xs: SideAction[]) => xs.some((x) => x.action === 'substrate');
  const mod = (xs: SideAction[]) => xs.some((x) => ['inhibitor', 'tdi', 'inducer'].includes(x.action));
  const parts: string[] = [];
  if (sub(a) && mod(b)) parts.push(`${bName} ${b.some((x) => x.action === 'inducer') && !b.some((x) => x.action !== 'inducer' && x.action !== 'substrate') ? 'may lower' : 'may raise'} ${aName} levels via ${name}`);
  if (sub(b) && mod(a)) parts.push(`${aName} ${a.some((x) => x.action === 'inducer') && !a.some((x) => x.action !== 'inducer' && x.action !== 'substrate') ? 'may lower' : 'may raise'} ${bName} levels via ${name}`);
  if (parts.length === 0) parts.push(`both are handled by ${name} (${acts(a)} / ${acts(b)})`);
  return parts.join('; ');
}

function linksOf(xs: SideAction[], kb: KbIndex, obj: string): EvidenceLink[] {
  return xs.map((x) => ({
    claim: `${x.substanceName} ${x.action} ${kb.target(obj)?.name ?? obj}`,
    level: x.evidence,
    species: x.species,
    sources: x.sources,
  }));
}

/** Findings that tie the two sides: both in one study, or one side's effect blocked at the other's target. */
function tyingFindings(kb: KbIndex, aIds: string[], bIds: string[], aTargets: Set<string>, bTargets: Set<string>): Finding[] {
  const out: Finding[] = [];
  // Class words of each side ("cannabinoid", "opioid"): a study about one side whose blocked mechanism
  // names the other side's class ("cannabinoid mechanisms contribute...") ties them even without a receptor id.
  const classWords = (ids: string[]): string[] =>
    [...new Set(ids.flatMap((id) => kb.substance(id)?.classes ?? []))].flatMap((c) => [c, ...(kb.substance(c)?.name ? [kb.substance(c)!.name] : [])]).map((w) => normalizeName(w).replace(/s$/, ''));
  const aWords = classWords(aIds);
  const bWords = classWords(bIds);
  const mentions = (f: Finding, words: string[]): boolean => {
    if (f.blockedBy.length === 0) return false;
    const text = normalizeName([f.title, ...f.blockedBy.map((b) => b.agent)].join(' '));
    return words.some((w) => w.length > 3 && new RegExp(`\\b${w}`).test(text));
  };
  for (const f of kb.data.findings) {
    const subs = new Set(f.interventions.map((i) => i.substance));
    const hasA = aIds.some((x) => subs.has(x));
    const hasB = bIds.some((x) => subs.has(x));
    const blockTargets = new Set([...f.blockedBy.map((x) => x.target).filter((x): x is string => !!x), ...f.targets]);
    if (hasA && hasB) out.push(f);
    else if (hasA && [...blockTargets].some((t) => bTargets.has(t))) out.push(f);
    else if (hasB && [...blockTargets].some((t) => aTargets.has(t))) out.push(f);
    else if ((hasA && mentions(f, bWords)) || (hasB && mentions(f, aWords))) out.push(f);
  }
  return out;
}

function ref(kb: KbIndex, s: Substance): SubstanceRef {
  return { id: s.id, name: s.name, kind: s.kind, constituents: withConstituents(kb, s.id).filter((x) => x !== s.id) };
}

/** The whole product first; if that is grey for want of a dose, each constituent at its own usual dose. */
function pkDirection(kb: KbIndex, victim: Substance, perp: Substance): PkEntry[] {
  const whole = safePredict(kb, victim.id, perp.id);
  const out: PkEntry[] = [{ perpetrator: perp.id, victim: victim.id, result: whole }];
  if ('status' in whole && whole.status === 'grey' && perp.constituents.length > 0) {
    for (const id of withConstituents(kb, perp.id)) {
      const c = kb.substance(id);
      if (!c || id === perp.id || c.constituents.length > 0 || !c.usualDose) continue;
      const r = safePredict(kb, victim.id, id);
      if ('status' in r && r.status !== 'grey') out.push({ perpetrator: id, victim: victim.id, via: perp.id, result: r });
    }
  }
  return out;
}

function safePredict(kb: KbIndex, victim: string, perpetrator: string): Prediction | { error: string } {
  try {
    return predict(kb, { victim, perpetrator });
  } catch (e) {
    if (isCrosstalkError(e)) return { error: e.message };
    throw e;
  }
}

const ORDER: Tier[] = ['grey', 'green', 'yellow', 'amber', 'red'];
function maxTier(a: Tier, b: Tier): Tier {
  return ORDER.indexOf(b) > ORDER.indexOf(a) ? b : a;
}

/** Analyse one pair: shared pathways, PK both ways, PD overlap, evidence and a Liverpool-style tier. */
/**
 * Two names for the same compounds (a plant and its tea, cannabis and THC): taking both adds up one set of
 * compounds rather than making an interaction, so say that instead of reporting every pathway as "shared".
 */
function sameCompounds(kb: KbIndex, a: Substance, b: Substance, common: string[]): PairAnalysis {
  const names = common.map((id) => kb.substance(id)?.name ?? id);
  const plain = `${a.name} and ${b.name} carry the same compound${common.length > 1 ? 's' : ''} (${names.slice(0, 5).join(', ')}${names.length > 5 ? ', …' : ''}): taking both adds up the same substances — in effect a larger dose — rather than two different substances interacting. Check each against other substances instead.`;
  const statement: Statement = { id: 'same-compounds', topic: 'relatedness', plain, technical: `common constituents: ${common.join(', ')}`, evidence: 'label', grade: 'moderate', preclinical: false, sources: [] };
  return {
    a: ref(kb, a),
    b: ref(kb, b),
    connected: true,
    verdict: { plain, technical: statement.technical, evidence: 'label', grade: 'moderate' },
    sharedTargets: [],
    sharedEnzymes: [],
    sharedEffects: [],
    mutualInhibition: null,
    findings: [],
    pk: [],
    tier: 'yellow',
    tierReasons: [`same compounds (${names.slice(0, 3).join(', ')}): the combined amount is what matters`],
    severity: 'low',
    likelihood: 'theoretical',
    statements: [statement],
    sources: [],
  };
}

export function analysePair(kb: KbIndex, a: Substance, b: Substance): PairAnalysis {
  let aIds = withConstituents(kb, a.id);
  let bIds = withConstituents(kb, b.id);
  // Shared active compounds (cannabis and THC, Epidiolex and cannabis): identical sets are one substance taken
  // twice; otherwise the side that contains the other's compounds is compared by what it adds.
  const active = (ids: string[]) => ids.filter((x) => kb.relationsOf(x).length > 0);
  const common = active(aIds).filter((x) => bIds.includes(x));
  let overlapNote: string | null = null;
  if (common.length > 0) {
    const aOnly = active(aIds).filter((x) => !common.includes(x));
    const bOnly = active(bIds).filter((x) => !common.includes(x));
    if (aOnly.length === 0 && bOnly.length === 0) return sameCompounds(kb, a, b, common);
    const names = common.map((id) => kb.substance(id)?.name ?? id).join(', ');
    if (aOnly.length > 0 && bOnly.length === 0) aIds = aIds.filter((x) => !common.includes(x));
    else if (bOnly.length > 0 && aOnly.length === 0) bIds = bIds.filter((x) => !common.includes(x));
    else {
      aIds = aIds.filter((x) => !common.includes(x));
      bIds = bIds.filter((x) => !common.includes(x));
    }
    overlapNote = `Both carry ${names}; that part adds up as dose, so the comparison is between what each adds beyond it.`;
  }
  const aT = sideActions(kb, aIds, false);
  const bT = sideActions(kb, bIds, false);
  const aE = sideActions(kb, aIds, true);
  const bE = sideActions(kb, bIds, true);
  const findings = tyingFindings(kb, aIds, bIds, new Set(aT.keys()), new Set(bT.keys()));
  const modulates = (xs: SideAction[]): boolean => xs.some((x) => x.action === 'inhibitor' || x.action === 'tdi' || x.action === 'inducer');
  const cleared = (xs: SideAction[]): boolean => xs.some((x) => x.action === 'substrate');
  const interplay = (n: SharedNode): number => Number(cleared(n.a) && modulates(n.b)) + Number(cleared(n.b) && modulates(n.a));
  const mk = (kind: 'target' | 'enzyme', am: Map<string, SideAction[]>, bm: Map<string, SideAction[]>): SharedNode[] =>
    [...am.keys()]
      .filter((k) => bm.has(k))
      .map((k) => {
        const A = dedupeActions(am.get(k)!);
        const B = dedupeActions(bm.get(k)!);
        const name = kb.target(k)?.name ?? k;
        // The shared node is as strong as the weaker side's best evidence.
        const best = (xs: SideAction[]): SideAction => xs.reduce((p, x) => (EVIDENCE_RANK[x.evidence] > EVIDENCE_RANK[p.evidence] ? x : p));
        const ev = gradeChain([...linksOf([best(A)], kb, k), ...linksOf([best(B)], kb, k)]);
        return {
          id: k,
          name,
          kind,
          a: A,
          b: B,
          interpretation: interpret(name, A, B, a.name, b.name, kind === 'enzyme'),
          evidence: ev,
          findings: findings.filter((f) => f.targets.includes(k) || f.enzymes.includes(k) || f.blockedBy.some((x) => x.target === k)).map((f) => f.id),
        };
      })
      // Nodes where one side is cleared and the other modulates come first: that is where exposure can change.
      .sort((x, y) => interplay(y) - interplay(x) || EVIDENCE_RANK[y.evidence.level] - EVIDENCE_RANK[x.evidence.level] || x.name.localeCompare(y.name));
  const sharedTargets = mk('target', aT, bT);
  const sharedEnzymes = mk('enzyme', aE, bE);

  // Mutual inhibition: each side inhibits an enzyme that clears the other.
  const inhibits = (m: Map<string, SideAction[]>, e: string) => (m.get(e) ?? []).some((x) => x.action === 'inhibitor' || x.action === 'tdi');
  const substrateOf = (m: Map<string, SideAction[]>, e: string) => (m.get(e) ?? []).some((x) => x.action === 'substrate');
  const aOnB = [...aE.keys()].filter((e) => inhibits(aE, e) && substrateOf(bE, e));
  const bOnA = [...bE.keys()].filter((e) => inhibits(bE, e) && substrateOf(aE, e));
  const mutualInhibition =
    aOnB.length && bOnA.length
      ? {
          enzymes: [...new Set([...aOnB, ...bOnA])],
          plain: `Each can slow the other's breakdown: ${a.name} inhibits ${aOnB.map((e) => kb.target(e)?.name ?? e).join(', ')} (which clears ${b.name}), and ${b.name} inhibits ${bOnA.map((e) => kb.target(e)?.name ?? e).join(', ')} (which clears ${a.name}).`,
        }
      : null;

  // Pharmacodynamic overlap: effect classes both sides contribute to.
  const sharedEffects: SharedEffect[] = [];
  for (const e of kb.data.effects) {
    const A = e.contributors.filter((c) => aIds.includes(c.substance));
    const B = e.contributors.filter((c) => bIds.includes(c.substance));
    if (A.length && B.length) {
      const best = <T extends { evidence: EvidenceLevel }>(xs: T[]): T => xs.reduce((p, x) => (EVIDENCE_RANK[x.evidence] > EVIDENCE_RANK[p.evidence] ? x : p));
      sharedEffects.push({
        id: e.id,
        name: e.name,
        severity: e.severity,
        a: A.map((c) => ({ substance: c.substance, strength: c.strength, evidence: c.evidence, sources: c.sources })),
        b: B.map((c) => ({ substance: c.substance, strength: c.strength, evidence: c.evidence, sources: c.sources })),
        evidence: gradeChain([
          { claim: `${a.name} contributes to ${e.name}`, level: best(A).evidence, sources: best(A).sources },
          { claim: `${b.name} contributes to ${e.name}`, level: best(B).evidence, sources: best(B).sources },
        ]),
      });
    }
  }

  const pk = [...pkDirection(kb, b, a), ...pkDirection(kb, a, b)];
  const preds = pk.map((x) => x.result).filter((p): p is Prediction => 'status' in p);

  // Tier: magnitude × therapeutic window × PD overlap, graded by evidence (Liverpool-style scale).
  let tier: Tier = 'green';
  const reasons: string[] = [];
  const noData = aT.size + aE.size === 0 || bT.size + bE.size === 0;
  for (const p of preds) {
    if (p.status !== 'predicted' || p.aucRatio === null) continue;
    const victimNti = kb.substance(p.victim.analyte)?.nti?.value || kb.substance(p.victim.id)?.nti?.value;
    const r = p.aucRatio;
    const what = `${p.perpetrator.name} → ${p.victim.analyteName}: predicted AUC ×${r.toFixed(2)} (${p.magnitudeClass})`;
    if ((r >= 5 || r <= 0.2) && victimNti) {
      tier = maxTier(tier, 'red');
      reasons.push(`${what}, and ${p.victim.analyteName} has a narrow therapeutic index`);
    } else if (r >= 2 || r <= 0.5 || ((r >= 1.25 || r <= 0.8) && victimNti)) {
      tier = maxTier(tier, 'amber');
      reasons.push(what);
    } else if (r >= 1.25 || r <= 0.8) {
      tier = maxTier(tier, 'yellow');
      reasons.push(what);
    }
  }
  // A label or FDA classification of the perpetrator at an enzyme that clears most of the victim: the size is
  // unquantified in the KB, but the class says it is real.
  for (const p of preds) {
    if (p.status === 'predicted' && p.magnitudeClass !== 'none') continue;
    const victimNti = kb.substance(p.victim.analyte)?.nti?.value || kb.substance(p.victim.id)?.nti?.value;
    for (const c of p.clinicalClasses) {
      const fm = Math.max(0, ...kb.relationsOf(p.victim.analyte).filter((r) => r.action === 'substrate' && r.object === c.enzyme && r.fm).map((r) => r.fm!.value));
      if (fm < 0.5 || c.clinicalClass === 'weak') continue;
      const what = `${kb.substance(c.substance)?.name ?? c.substance} is classified as a ${c.clinicalClass} ${kb.target(c.enzyme)?.name ?? c.enzyme} ${c.action === 'inducer' ? 'inducer' : 'inhibitor'}, and ${kb.target(c.enzyme)?.name ?? c.enzyme} clears ${Math.round(fm * 100)} % of ${p.victim.analyteName}${p.status === 'grey' ? ' (size not quantified in the KB)' : ''}`;
      tier = maxTier(tier, c.clinicalClass === 'strong' && victimNti ? 'red' : 'amber');
      reasons.push(what);
    }
  }
  for (const e of sharedEffects) {
    const major = (xs: SharedEffect['a']) => xs.some((x) => x.strength === 'major');
    if (e.severity === 'high' && major(e.a) && major(e.b)) {
      tier = maxTier(tier, e.evidence.level === 'label' || e.evidence.level === 'human_controlled' ? 'red' : 'amber');
      reasons.push(`both add to ${inSentence(e.name)} (major on both sides; ${EVIDENCE_LABEL[e.evidence.level]})`);
    } else if (e.severity === 'high' || (e.severity === 'moderate' && (major(e.a) || major(e.b)))) {
      tier = maxTier(tier, 'amber');
      reasons.push(`both add to ${inSentence(e.name)} (${EVIDENCE_LABEL[e.evidence.level]})`);
    } else {
      tier = maxTier(tier, 'yellow');
      reasons.push(`both add to ${inSentence(e.name)}`);
    }
  }
  const anyPkAnswer = preds.some((p) => p.status !== 'grey');
  if (tier === 'green' && (noData || (!anyPkAnswer && sharedEffects.length === 0 && sharedTargets.length === 0))) {
    tier = 'grey';
    reasons.push(noData ? `the KB records no receptors or enzymes for ${aT.size + aE.size === 0 ? a.name : b.name}` : 'the KB lacks the data to estimate an exposure change either way');
  } else if (tier === 'green') {
    if (sharedTargets.length || sharedEnzymes.length) {
      tier = 'yellow';
      reasons.push('shared pathways with no quantified clinical effect; effect size unknown');
    } else reasons.push('no shared pathway or effect class recorded');
  }
  const severity: PairAnalysis['severity'] =
    tier === 'grey' ? 'unknown' : tier === 'red' ? 'high' : tier === 'amber' ? 'moderate' : tier === 'yellow' ? 'low' : 'none';
  const humanObserved = preds.some((p) => p.observed.some((o) => o.species === 'human'));
  const likelihood: PairAnalysis['likelihood'] =
    tier === 'grey' ? 'unknown' : humanObserved ? 'established' : preds.some((p) => p.status === 'predicted' && p.magnitudeClass !== 'none') ? 'probable' : sharedEnzymes.length || sharedEffects.length ? 'possible' : 'theoretical';

  const connected = sharedTargets.length > 0 || sharedEnzymes.length > 0 || sharedEffects.length > 0 || findings.length > 0;
  const best = [...sharedTargets, ...sharedEnzymes].map((n) => n.evidence).concat(sharedEffects.map((e) => e.evidence));
  const strongest = best.reduce<EvidenceSummary | null>((p, x) => (!p || EVIDENCE_RANK[x.level] > EVIDENCE_RANK[p.level] ? x : p), null);
  const names = (xs: SharedNode[]) => `${xs.slice(0, 5).map((x) => x.name).join(', ')}${xs.length > 5 ? ` and ${xs.length - 5} more` : ''}`;
  const verdictPlain = connected
    ? `${a.name} and ${b.name} are connected in the body: ${[
        sharedTargets.length ? `they act on the same receptors (${names(sharedTargets)})` : '',
        sharedEnzymes.length ? `they meet at the same liver enzymes or transporters (${names(sharedEnzymes)})` : '',
        sharedEffects.length ? `they add to the same effects (${sharedEffects.map((e) => inSentence(e.name)).join(', ')})` : '',
        findings.length && !sharedTargets.length ? 'studies tie their actions together' : '',
      ]
        .filter(Boolean)
        .join('; ')}. Strongest evidence: ${strongest ? EVIDENCE_LABEL[strongest.level] : 'none'}.`
    : `The knowledge base records no shared receptor, enzyme or effect for ${a.name} and ${b.name}. That reflects what is recorded, not proof that they are unrelated.`;
  const verdict = {
    plain: verdictPlain,
    technical: `${sharedTargets.length} shared targets, ${sharedEnzymes.length} shared enzymes/transporters, ${sharedEffects.length} shared effect classes, ${findings.length} tying findings; tier ${tier}.`,
    evidence: strongest?.level ?? ('in_silico' as EvidenceLevel),
    grade: strongest?.grade ?? ('very-low' as const),
  };

  const statements: Statement[] = [];
  const st = (s: Omit<Statement, 'preclinical' | 'grade'> & { summary: EvidenceSummary }): void => {
    const { summary, ...rest } = s;
    statements.push({ ...rest, grade: summary.grade, preclinical: summary.preclinicalOnly, caveat: summary.caveats[0] });
  };
  st({ id: 'relatedness', topic: 'relatedness', plain: verdict.plain, technical: verdict.technical, evidence: verdict.evidence, sources: [], summary: strongest ?? gradeChain([]) });
  if (overlapNote) st({ id: 'shared-compounds', topic: 'relatedness', plain: overlapNote, technical: `common constituents excluded from the comparison: ${common.join(', ')}`, evidence: 'label', sources: [], summary: gradeChain([]) });
  for (const n of sharedTargets)
    st({ id: `target-${n.id}`, topic: 'receptor', plain: `Both act at ${n.name}: ${n.interpretation}.`, technical: `${n.a.map((x) => `${x.substanceName} ${x.action}${x.potency ? ` (${x.potency})` : ''}`).join('; ')} | ${n.b.map((x) => `${x.substanceName} ${x.action}${x.potency ? ` (${x.potency})` : ''}`).join('; ')}`, evidence: n.evidence.level, sources: [...new Set([...n.a, ...n.b].flatMap((x) => x.sources))], summary: n.evidence });
  for (const n of sharedEnzymes)
    st({ id: `enzyme-${n.id}`, topic: 'enzyme', plain: `Both meet at ${n.name}: ${n.interpretation}.`, technical: `${n.a.map((x) => `${x.substanceName} ${x.action}${x.potency ? ` (${x.potency})` : ''}`).join('; ')} | ${n.b.map((x) => `${x.substanceName} ${x.action}${x.potency ? ` (${x.potency})` : ''}`).join('; ')}`, evidence: n.evidence.level, sources: [...new Set([...n.a, ...n.b].flatMap((x) => x.sources))], summary: n.evidence });
  if (mutualInhibition)
    st({ id: 'mutual-inhibition', topic: 'mutual-inhibition', plain: mutualInhibition.plain, technical: `mutual inhibition at ${mutualInhibition.enzymes.join(', ')}`, evidence: 'in_vitro', sources: [], summary: gradeChain(sharedEnzymes.filter((n) => mutualInhibition.enzymes.includes(n.id)).flatMap((n) => n.evidence.chain)) });
  for (const p of preds)
    if (p.status !== 'grey')
      st({ id: `pk-${p.perpetrator.id}-${p.victim.analyte}`, topic: 'pk', plain: p.plain, technical: p.technical, evidence: p.evidence.level, sources: p.sources, summary: p.evidence });
  for (const e of sharedEffects)
    st({ id: `pd-${e.id}`, topic: 'pd', plain: `Both can add to ${inSentence(e.name)}.`, technical: `${e.name}: ${e.a.map((x) => `${x.substance} (${x.strength}, ${EVIDENCE_LABEL[x.evidence]})`).join(', ')} + ${e.b.map((x) => `${x.substance} (${x.strength}, ${EVIDENCE_LABEL[x.evidence]})`).join(', ')}`, evidence: e.evidence.level, sources: [...new Set([...e.a, ...e.b].flatMap((x) => x.sources))], summary: e.evidence });
  for (const f of findings)
    st({ id: `finding-${f.id}`, topic: 'finding', plain: f.summary, technical: `${f.title} — ${f.species}, ${f.model}; endpoint ${f.endpoint}${f.context.length ? `; seen in ${f.context.join(', ')}` : ''}${f.notSeenIn.length ? `; not seen in ${f.notSeenIn.join(', ')}` : ''}`, evidence: f.evidence, sources: [f.source], summary: gradeChain([{ claim: f.title, level: f.evidence, species: f.species, sources: [f.source] }]) });

  return {
    a: ref(kb, a),
    b: ref(kb, b),
    connected,
    verdict,
    sharedTargets,
    sharedEnzymes,
    sharedEffects,
    mutualInhibition,
    findings,
    pk,
    tier,
    tierReasons: reasons,
    severity,
    likelihood,
    statements,
    sources: [...new Set(statements.flatMap((s) => s.sources))].filter(Boolean).sort(),
  };
}

export const MAX_CHECK_SUBSTANCES = 8;

/** Check every pair among two or more substances. */
export function check(kb: KbIndex, names: string[]): CheckResult {
  if (!Array.isArray(names) || names.length < 2)
    throw new CrosstalkError('INPUT_INVALID', 'substances: give at least two substances to compare', { field: 'substances' });
  if (names.length > MAX_CHECK_SUBSTANCES)
    throw new CrosstalkError('INPUT_TOO_LARGE', `substances: ${names.length} given; at most ${MAX_CHECK_SUBSTANCES} can be checked at once`, { field: 'substances', cap: MAX_CHECK_SUBSTANCES });
  const subs = names.map((n, i) => resolveSubstance(kb, n, `substances[${i}]`));
  const pairs: PairAnalysis[] = [];
  for (let i = 0; i < subs.length; i++)
    for (let j = i + 1; j < subs.length; j++) if (subs[i]!.id !== subs[j]!.id) pairs.push(analysePair(kb, subs[i]!, subs[j]!));
  return { kbVersion: kb.data.version, notice: EDUCATIONAL_NOTICE, substances: subs.map((s) => ref(kb, s)), pairs };
}
