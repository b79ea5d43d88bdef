/**
 * Everything the KB says about two named substances (or classes of them): the pair analyses of the check operation
 * (shared targets and enzymes, shared effects, predicted exposure changes, tier) and the risk notes naming both.
 */
import type { KbIndex } from '../../kb/kb-index.js';
import { withConstituents } from '../../kb/constituents.js';
import { analysePairAnswer } from '../check/pair.js';
import type { PairAnswer } from '../check/types.js';
import type { RiskNote } from '../../kb/types.js';
import { normalizeName } from '../../kb/names.js';
import { st } from './evidence.js';
import type { ClaimStatement, Entity } from './types.js';

/** Members of a class analysed against the other side, at most (each analysis runs the models). */
const MAX_MEMBERS = 8;

export interface PairEvidence {
  analyses: PairAnswer[];
  /** Observed studies of the two together (either way round) that saw a change, or report cases without a ratio. */
  studies: ClaimStatement[];
  /** Risk notes naming a substance of each side. */
  risks: RiskNote[];
}

const cache = new WeakMap<KbIndex, Map<string, PairAnswer>>();
function analyse(kb: KbIndex, a: string, b: string): PairAnswer | undefined {
  let m = cache.get(kb);
  if (!m) cache.set(kb, (m = new Map()));
  const k = `${a}|${b}`;
  if (!m.has(k)) {
    const A = kb.substance(a);
    const B = kb.substance(b);
    if (!A || !B || a === b) return undefined;
    m.set(k, analysePairAnswer(kb, A, B));
  }
  return m.get(k);
}

/** Whether a risk note's title names a class of one of `ids`, or an enzyme one of them inhibits or induces. */
function namesGroupOf(kb: KbIndex, r: RiskNote, ids: Set<string>): boolean {
  const title = normalizeName(r.title);
  for (const id of ids) {
    const s = kb.substance(id);
    if (!s) continue;
    for (const cls of s.classes) {
      const c = kb.substance(cls);
      const words = [c?.name, cls.replace(/-/g, ' ')].filter((x): x is string => !!x).map((x) => normalizeName(x).replace(/s$/, ''));
      if (words.some((w) => w.length >= 4 && title.includes(w))) return true;
    }
    for (const rel of kb.relationsOf(id)) {
      const t = kb.target(rel.object);
      if (!t) continue;
      const inhib = ['inhibitor', 'tdi'].includes(rel.action) && title.includes(`${normalizeName(t.name)} inhibitor`);
      const induc = rel.action === 'inducer' && title.includes(`${normalizeName(t.name)} inducer`);
      if ((inhib || induc) && rel.clinicalClass !== 'weak') return true;
    }
  }
  return false;
}

function observedTogether(kb: KbIndex, aIds: Set<string>, bIds: Set<string>): ClaimStatement[] {
  const overlaps = (id: string, ids: Set<string>): boolean => ids.has(id) || withConstituents(kb, id).some((x) => ids.has(x));
  const out: ClaimStatement[] = [];
  for (const c of kb.data.clinical) {
    if (c.kind !== 'interaction' || !c.perpetrator) continue;
    const victim = c.analyte ?? c.victim;
    const ab = overlaps(c.perpetrator, aIds) && (bIds.has(victim) || bIds.has(c.victim));
    const ba = overlaps(c.perpetrator, bIds) && (aIds.has(victim) || aIds.has(c.victim));
    if (!ab && !ba) continue;
    const ratio = (c.aucRatio ?? c.cmaxRatio)?.value;
    if (ratio !== undefined && ratio < 1.25 && ratio > 0.8) continue;
    out.push(
      ratio !== undefined
        ? st('CLAIM_REASON_OBSERVED_RATIO', { perpetrator: kb.substance(c.perpetrator)?.name ?? c.perpetrator, victim: kb.substance(victim)?.name ?? victim, ratio, species: c.species }, c.evidence, c.sources)
        : st('CLAIM_REASON_OBSERVED_CASES', { perpetrator: kb.substance(c.perpetrator)?.name ?? c.perpetrator, victim: kb.substance(victim)?.name ?? victim, species: c.species }, c.evidence, c.sources),
    );
  }
  return out;
}

export function pairEvidence(kb: KbIndex, a: Entity, b: Entity): PairEvidence {
  // A broad class ("other medications") is judged from observed studies and risk notes, not pair by pair.
  const broad = a.ids.length > MAX_MEMBERS || b.ids.length > MAX_MEMBERS;
  const as = a.ids.slice(0, MAX_MEMBERS);
  const bs = b.ids.slice(0, MAX_MEMBERS);
  const analyses: PairAnswer[] = [];
  if (!broad)
    for (const x of as) for (const y of bs) {
      const p = analyse(kb, x, y);
      if (p) analyses.push(p);
    }
  const aIds = new Set(a.ids.flatMap((id) => withConstituents(kb, id)));
  const bIds = new Set(b.ids.flatMap((id) => withConstituents(kb, id)));
  const both = kb.data.risks.filter((r) => r.substances.some((s) => aIds.has(s)) && r.substances.some((s) => bIds.has(s)) && !r.substances.every((s) => aIds.has(s) && bIds.has(s)));
  // A label warning that names one side and a group the other belongs to: "CYP3A4 inhibitors", "benzodiazepines".
  const oneSide = kb.data.risks.filter((r) => !both.includes(r) && ((r.substances.some((s) => aIds.has(s)) && namesGroupOf(kb, r, bIds)) || (r.substances.some((s) => bIds.has(s)) && namesGroupOf(kb, r, aIds))));
  return { analyses, risks: [...both, ...oneSide], studies: observedTogether(kb, aIds, bIds) };
}
