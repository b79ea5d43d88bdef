/**
 * Relation and exclusivity claims: "CBD inhibits CYP2D6", "Kratom only acts on opioid receptors",
 * "CBD doesn't affect any liver enzymes". Evidence: the KB's relations, and findings that name a target.
 */
import type { KbIndex } from '../../kb/kb-index.js';
import type { Relation } from '../../kb/types.js';
import type { EvidenceLevel } from '../../schema/quantity.js';
import { idsOf, judge, nameOf, speciesFits, st, strongest, subjectLabel, objectLabel, supportedWithCaveat } from './evidence.js';
import type { ClaimStatement, Entity, Judgement, Reading } from './types.js';

type Action = Relation['action'];
const TARGET_ANY: Action[] = ['agonist', 'partial-agonist', 'antagonist', 'inverse-agonist', 'allosteric-modulator', 'negative-allosteric-modulator', 'positive-allosteric-modulator', 'ligand', 'channel-blocker'];
const INHIBIT: Action[] = ['inhibitor', 'tdi', 'transporter-inhibitor'];
/** Which recorded actions make each predicate true. */
export const ACTIONS: Record<string, Action[]> = {
  inhibit: [...INHIBIT, 'antagonist', 'inverse-agonist', 'channel-blocker', 'negative-allosteric-modulator'],
  induce: ['inducer'],
  substrate: ['substrate', 'transporter-substrate'],
  activate: ['agonist', 'partial-agonist', 'positive-allosteric-modulator'],
  block: ['antagonist', 'inverse-agonist', 'channel-blocker', 'negative-allosteric-modulator', ...INHIBIT],
  bind: [...TARGET_ANY, ...INHIBIT, 'substrate'],
  act: [...TARGET_ANY, ...INHIBIT, 'inducer', 'substrate', 'transporter-substrate'],
};
/** Recorded actions that make a predicate false (the opposite direction). */
const OPPOSITE: Record<string, Action[]> = {
  activate: ['antagonist', 'inverse-agonist', 'negative-allosteric-modulator'],
  block: ['agonist', 'partial-agonist', 'positive-allosteric-modulator'],
  induce: ['inhibitor', 'tdi'],
  inhibit: ['inducer'],
};

interface Hit {
  /** From a finding that tested several substances together: which one acted is not recorded. */
  shared?: boolean;
  subject: string;
  object: string;
  action: string;
  evidence: EvidenceLevel;
  species: string;
  sources: string[];
}

/** Relations and target-naming findings of the subject ids at the object ids. */
function hits(kb: KbIndex, subjectIds: string[], objectIds: string[] | null, actions: string[]): Hit[] {
  const out: Hit[] = [];
  for (const id of subjectIds)
    for (const rel of kb.relationsOf(id))
      if ((objectIds === null || objectIds.includes(rel.object)) && actions.includes(rel.action))
        out.push({ subject: id, object: rel.object, action: rel.action, evidence: rel.evidence, species: rel.species, sources: rel.sources });
  // A finding that names a target (a binding screen, an effect blocked by an antagonist) shows the substance acts there.
  if (actions.includes('ligand'))
    for (const f of kb.data.findings)
      for (const t of f.targets.filter((t) => objectIds === null || objectIds.includes(t)))
        for (const i of f.interventions.filter((i) => subjectIds.includes(i.substance)))
          out.push({ subject: i.substance, object: t, action: 'finding', evidence: f.evidence, species: f.species, sources: [f.source], shared: f.interventions.length > 1 });
  return out;
}

const reason = (kb: KbIndex, h: Hit): ClaimStatement =>
  st('CLAIM_REASON_RELATION', { subject: nameOf(kb, h.subject), action: h.action, object: nameOf(kb, h.object), species: h.species }, h.evidence, h.sources);

function distinctReasons(kb: KbIndex, hs: Hit[], max = 6): ClaimStatement[] {
  const seen = new Set<string>();
  const out: ClaimStatement[] = [];
  for (const h of strongest(hs)) {
    const k = `${h.subject}|${h.object}|${h.action}`;
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(reason(kb, h));
    if (out.length >= max) break;
  }
  return out;
}

export function checkRelation(kb: KbIndex, r: Reading): Judgement {
  if (r.exclusivity) return checkExclusive(kb, r);
  const subj = r.subjects[0]!;
  const ids = idsOf(kb, subj);
  const objIds = r.objects.flatMap((o) => o.ids);
  const params = { subject: subjectLabel(r), predicate: r.predicate, object: objectLabel(r) };
  const all = hits(kb, ids, objIds, ACTIONS[r.predicate] ?? ACTIONS.act!);
  const fit = all.filter((h) => speciesFits(r.species, h.evidence, h.species));
  const opposite = hits(kb, ids, objIds, OPPOSITE[r.predicate] ?? []).filter((h) => speciesFits(r.species, h.evidence, h.species));
  // At a receptor, agonist and antagonist records conflict; an enzyme can be both inhibited and induced (rifampicin).
  if (fit.length > 0 && opposite.length > 0 && (r.predicate === 'activate' || r.predicate === 'block')) {
    // A claim about people rests on human material first: when every human record agrees and only animal tissue
    // disagrees (mitragynine: a partial agonist at human MOR, no stimulation in rat brain membranes), the claim holds
    // with the animal result named as a caveat rather than cancelling it.
    const human = (h: Hit): boolean => h.species === 'human';
    if (!r.species && fit.some(human) && !opposite.some(human)) {
      const animal = [...new Set(opposite.map((h) => h.species))].join(', ');
      const caveat = st('CLAIM_CAVEAT_ANIMAL_DISAGREES', { species: animal }, strongest(opposite)[0]?.evidence ?? null, [...new Set(opposite.flatMap((h) => h.sources))]);
      const reasons = distinctReasons(kb, fit.filter(human));
      if (r.negated) return judge('contradicted', st('CLAIM_RELATION_HELD', params), reasons, [caveat]);
      return supportedWithCaveat(r, st('CLAIM_RELATION_HELD', params), reasons, ['human'], [caveat]);
    }
    return judge('insufficient-evidence', st('CLAIM_RELATION_CONFLICT', params), distinctReasons(kb, [...fit, ...opposite]));
  }
  if (fit.length > 0) {
    const reasons = distinctReasons(kb, fit);
    if (r.negated) return judge('contradicted', st('CLAIM_RELATION_HELD', params), reasons);
    return supportedWithCaveat(r, st('CLAIM_RELATION_HELD', params), reasons, fit.map((h) => h.species));
  }
  if (all.length > 0) return judge('insufficient-evidence', st('CLAIM_RELATION_OTHER_SPECIES', { ...params, species: r.species ?? '' }), distinctReasons(kb, all));
  if (opposite.length > 0 && !r.negated) return judge('contradicted', st('CLAIM_RELATION_OPPOSITE', params), distinctReasons(kb, opposite));
  const other = hits(kb, ids, objIds, ACTIONS.act!);
  if (other.length > 0) return judge('not-supported', st('CLAIM_RELATION_OTHER_ACTION', params), distinctReasons(kb, other));
  return judge('not-supported', st('CLAIM_RELATION_NONE', params), []);
}

/** Targets of the same broad sort as the class named (receptors with receptors, enzymes with enzymes). */
function sameSort(kb: KbIndex, classIds: string[]): (id: string) => boolean {
  const kinds = new Set(classIds.map((id) => kb.target(id)?.kind));
  const receptorish = kinds.has('receptor') || kinds.has('ion-channel');
  return (id) => {
    const k = kb.target(id)?.kind;
    return receptorish ? k === 'receptor' || k === 'ion-channel' : kinds.has(k);
  };
}

function checkExclusive(kb: KbIndex, r: Reading): Judgement {
  const subj = r.subjects[0]!;
  const classIds = r.objects.flatMap((o) => o.ids);
  const actions = ACTIONS[r.predicate] ?? ACTIONS.act!;
  const params = { subject: subjectLabel(r), predicate: r.predicate, object: objectLabel(r), exclusivity: r.exclusivity ?? '' };
  if (r.exclusivity === 'only') {
    const ids = idsOf(kb, subj);
    const inside = hits(kb, ids, classIds, actions);
    const outsideAll = hits(kb, ids, null, actions).filter((h) => !classIds.includes(h.object) && sameSort(kb, classIds)(h.object));
    // A finding that tested several substances together does not say which one acted elsewhere.
    const outside = outsideAll.filter((h) => !h.shared);
    if (outside.length === 0 && outsideAll.length > 0) return judge('insufficient-evidence', st('CLAIM_ONLY_UNCLEAR', params), distinctReasons(kb, outsideAll));
    if (outside.length > 0) {
      const reasons = distinctReasons(kb, outside);
      return r.negated ? supportedWithCaveat(r, st('CLAIM_ONLY_BROKEN', params), reasons, outside.map((h) => h.species)) : judge('contradicted', st('CLAIM_ONLY_BROKEN', params), reasons);
    }
    // Nothing else recorded is not evidence that nothing else happens: "only" is never supported by absence.
    if (inside.length > 0) return judge(r.negated ? 'not-supported' : 'insufficient-evidence', st('CLAIM_ONLY_HELD', params), distinctReasons(kb, inside), [st('CLAIM_CAVEAT_ABSENCE')]);
    return judge('not-supported', st('CLAIM_RELATION_NONE', params), []);
  }
  // "no / not any": any recorded relation with a member breaks it.
  if (r.exclusivity === 'any' && r.negated) {
    const found = hits(kb, idsOf(kb, subj), classIds, actions);
    if (found.length > 0) return judge('contradicted', st('CLAIM_NONE_BROKEN', params), distinctReasons(kb, found));
    return judge('not-supported', st('CLAIM_RELATION_NONE', params), []);
  }
  // "all": every member of the subject class (or every member of the object class) holds the relation.
  const subjectClass = subj.type === 'substance-class';
  const members = subjectClass ? subj.ids : [subj.ids[0]!];
  const reasons: ClaimStatement[] = [];
  const lacking: string[] = [];
  const otherPathway: string[] = [];
  const opposed: string[] = [];
  for (const m of members) {
    const mids = idsOf(kb, { ...subj, ids: [m] });
    const found = hits(kb, mids, classIds, actions);
    if (hits(kb, mids, classIds, OPPOSITE[r.predicate] ?? []).length > 0 && found.length === 0) opposed.push(nameOf(kb, m));
    const objectsHeld = new Set(found.map((h) => h.object));
    const complete = subjectClass ? found.length > 0 : classIds.every((o) => objectsHeld.has(o));
    if (complete) reasons.push(...distinctReasons(kb, found, 1));
    else {
      lacking.push(nameOf(kb, m));
      if (hits(kb, mids, null, actions).length > 0) otherPathway.push(nameOf(kb, m));
    }
  }
  const allHeld = lacking.length === 0;
  const held = { ...params, lacking: lacking.slice(0, 6), n: members.length };
  if (allHeld) return r.negated ? judge('contradicted', st('CLAIM_ALL_HELD', held), reasons.slice(0, 6)) : supportedWithCaveat(r, st('CLAIM_ALL_HELD', held), reasons.slice(0, 6), []);
  if (opposed.length > 0) return judge(r.negated ? 'supported' : 'contradicted', st('CLAIM_ALL_OPPOSED', { ...held, opposed: opposed.slice(0, 6) }), reasons.slice(0, 6));
  if (otherPathway.length > 0) return r.negated ? supportedWithCaveat(r, st('CLAIM_ALL_BROKEN', held), reasons.slice(0, 6), []) : judge('contradicted', st('CLAIM_ALL_BROKEN', held), reasons.slice(0, 6));
  return judge('not-supported', st('CLAIM_ALL_UNKNOWN', held), reasons.slice(0, 6));
}

export type { Entity };
