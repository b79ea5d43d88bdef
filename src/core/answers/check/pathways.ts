/** Where two substances meet: shared receptors and enzymes (with each side's actions), tying findings. */
import type { KbIndex } from '../../kb/kb-index.js';
import { normalizeName } from '../../kb/names.js';
import type { Finding, Relation } from '../../kb/types.js';
import { ENZYME_ACTIONS } from '../../schema/records.js';
import { gradeChain, type EvidenceLink } from '../evidence/grade.js';
import { EVIDENCE_RANK } from '../evidence/labels.js';
import type { SharedNodeAnswer, SideAction } from './types.js';

const ENZ = new Set<string>(ENZYME_ACTIONS);

function potencyOf(r: Relation): string | undefined {
  for (const k of ['ki', 'ic50', 'ec50', 'fm', 'KI', 'kinactOverKI', 'emaxFold'] as const) {
    const q = r[k];
    if (q) return `${k === 'fm' ? 'fm' : k} ${q.original.value} ${q.original.unit}`;
  }
  return undefined;
}

export function relSources(r: Relation): string[] {
  const s = new Set(r.sources);
  for (const k of ['ki', 'ic50', 'ec50', 'fm', 'KI', 'kinact', 'kinactOverKI', 'emaxFold', 'emaxPct'] as const) if (r[k]) s.add(r[k].source);
  return [...s];
}

export function sideActions(kb: KbIndex, ids: string[], enzymes: boolean): Map<string, SideAction[]> {
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

function linksOf(xs: SideAction[], kb: KbIndex, obj: string): EvidenceLink[] {
  return xs.map((x) => ({
    claim: `${x.substanceName} ${x.action} ${kb.target(obj)?.name ?? obj}`,
    level: x.evidence,
    species: x.species,
    sources: x.sources,
  }));
}

export /** Findings that tie the two sides: both in one study, or one side's effect blocked at the other's target. */
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

/** Nodes both sides act at, strongest interplay first: where one side is cleared and the other modulates, exposure can change. */
export function sharedNodes(kb: KbIndex, kind: 'target' | 'enzyme', am: Map<string, SideAction[]>, bm: Map<string, SideAction[]>, findings: Finding[]): SharedNodeAnswer[] {
  const modulates = (xs: SideAction[]): boolean => xs.some((x) => x.action === 'inhibitor' || x.action === 'tdi' || x.action === 'inducer');
  const cleared = (xs: SideAction[]): boolean => xs.some((x) => x.action === 'substrate');
  const interplay = (n: SharedNodeAnswer): number => Number(cleared(n.a) && modulates(n.b)) + Number(cleared(n.b) && modulates(n.a));
  // The shared node is as strong as the weaker side's best evidence.
  const best = (xs: SideAction[]): SideAction => xs.reduce((p, x) => (EVIDENCE_RANK[x.evidence] > EVIDENCE_RANK[p.evidence] ? x : p));
  return [...am.keys()]
    .filter((k) => bm.has(k))
    .map((k) => {
      const A = dedupeActions(am.get(k)!);
      const B = dedupeActions(bm.get(k)!);
      return {
        id: k,
        name: kb.target(k)?.name ?? k,
        kind,
        a: A,
        b: B,
        evidence: gradeChain([...linksOf([best(A)], kb, k), ...linksOf([best(B)], kb, k)]),
        findings: findings.filter((f) => f.targets.includes(k) || f.enzymes.includes(k) || f.blockedBy.some((x) => x.target === k)).map((f) => f.id),
      };
    })
    .sort((x, y) => interplay(y) - interplay(x) || EVIDENCE_RANK[y.evidence.level] - EVIDENCE_RANK[x.evidence.level] || x.name.localeCompare(y.name));
}

/** Mutual inhibition: each side inhibits an enzyme that clears the other. */
export function mutualInhibitionOf(aE: Map<string, SideAction[]>, bE: Map<string, SideAction[]>): { enzymes: string[]; aOnB: string[]; bOnA: string[] } | null {
  const inhibits = (m: Map<string, SideAction[]>, e: string): boolean => (m.get(e) ?? []).some((x) => x.action === 'inhibitor' || x.action === 'tdi');
  const substrateOf = (m: Map<string, SideAction[]>, e: string): boolean => (m.get(e) ?? []).some((x) => x.action === 'substrate');
  const aOnB = [...aE.keys()].filter((e) => inhibits(aE, e) && substrateOf(bE, e));
  const bOnA = [...bE.keys()].filter((e) => inhibits(bE, e) && substrateOf(aE, e));
  return aOnB.length && bOnA.length ? { enzymes: [...new Set([...aOnB, ...bOnA])], aOnB, bOnA } : null;
}
