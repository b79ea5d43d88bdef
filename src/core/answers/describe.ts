import { quantitiesIn } from '../kb/convert.js';
import { substanceFamily, withConstituents } from '../kb/constituents.js';
import type { KbIndex } from '../kb/kb-index.js';
import type {
  ClinicalStudy,
  EffectClass,
  Finding,
  LegalStatus,
  PkProfile,
  Relation,
  RiskNote,
  Source,
  Substance,
  Target,
} from '../kb/types.js';
import { sourceTier, type SourceTier } from '../kb/source-tier.js';
import { ENZYME_ACTIONS } from '../schema/records.js';

export interface RelationView extends Relation {
  /** The constituent the relation belongs to when the described substance is a plant or product. */
  via?: string;
  objectName: string;
  objectKind: Target['kind'] | 'unknown';
}

export interface SubstanceDescription {
  substance: Substance;
  constituents: { id: string; name: string; kind: Substance['kind']; content?: string; share?: string }[];
  partOf: { id: string; name: string }[];
  metabolites: { id: string; name: string; enzyme?: string }[];
  targets: RelationView[];
  enzymes: RelationView[];
  pk: PkProfile[];
  findings: Finding[];
  legal: LegalStatus[];
  effects: { id: string; name: string; strength: string; evidence: string; via?: string }[];
  risks: RiskNote[];
  clinical: ClinicalStudy[];
  /**
   * For a plant or product page: the constituent or product each rolled-up finding, risk note and interaction study
   * comes from, keyed by the record's id (absent when the record names the substance itself).
   */
  via: Record<string, string>;
  /** Display names of the substances that `via` and the interaction studies name by id (victim, perpetrator, analyte). */
  names: Record<string, string>;
  sources: Source[];
  /** Each cited source's tier (issue 16 §1): answers show a weak source as weak. */
  sourceTiers: Record<string, SourceTier>;
}

const ENZYME_SET = new Set<string>(ENZYME_ACTIONS);


function fmtQ(q: { original: { value: number; unit: string } } | undefined): string | undefined {
  return q ? `${q.original.value} ${q.original.unit}` : undefined;
}

/** Everything the KB knows about one substance, with its related records and the sources they cite. */
export function describeSubstance(kb: KbIndex, id: string): SubstanceDescription {
  const s = kb.substance(id);
  if (!s) throw new Error(`describeSubstance: unknown id ${id}`);
  const ids = withConstituents(kb, id);
  const rels: RelationView[] = ids.flatMap((sid) =>
    kb.relationsOf(sid).map((r) => {
      const t = kb.target(r.object);
      return { ...r, via: sid === id ? undefined : sid, objectName: t?.name ?? r.object, objectKind: t?.kind ?? 'unknown' };
    }),
  );
  // Findings, risks and interaction studies roll up from constituents and, for a plant, its products (issue 16 §4).
  const family = substanceFamily(kb, id);
  const via: Record<string, string> = {};
  const note = (recordId: string, members: (string | undefined)[]): void => {
    if (members.includes(id) || recordId in via) return;
    const m = members.find((x) => x !== undefined && family.includes(x));
    if (m) via[recordId] = m;
  };
  const findings = family.flatMap((sid) => kb.findingsOf(sid)).filter((f, i, a) => a.indexOf(f) === i);
  findings.forEach((f) => note(f.id, f.interventions.map((x) => x.substance)));
  const effects = ids.flatMap((sid) =>
    kb.effectsOf(sid).map((e: EffectClass) => {
      const c = e.contributors.find((x) => x.substance === sid)!;
      return { id: e.id, name: e.name, strength: c.strength, evidence: c.evidence, via: sid === id ? undefined : sid };
    }),
  );
  const risks = family.flatMap((sid) => kb.risksOf(sid)).filter((r, i, a) => a.indexOf(r) === i);
  risks.forEach((r) => note(r.id, r.substances));
  const inFamily = (x: string | undefined): boolean => x !== undefined && family.includes(x);
  const clinical = kb.data.clinical.filter((c) => inFamily(c.victim) || inFamily(c.perpetrator));
  clinical.forEach((c) => note(c.id, [c.victim, c.perpetrator]));
  const names: Record<string, string> = {};
  for (const x of [...Object.values(via), ...clinical.flatMap((c) => [c.victim, c.perpetrator, c.analyte])])
    if (x && !(x in names)) names[x] = kb.substance(x)?.name ?? x;
  const pk = ids.flatMap((sid) => kb.pkOf(sid));
  const legal = kb.legalOf(id);

  const cited = new Set<string>();
  const cite = (rec: unknown, listed: string[] = []): void => {
    listed.forEach((x) => cited.add(x));
    for (const [, q] of quantitiesIn(rec)) cited.add(q.source);
  };
  cite(s, [...s.sources, ...(s.usualDose ? [s.usualDose.source] : [])]);
  rels.forEach((r) => cite(r, r.sources));
  pk.forEach((p) => cite(p, p.sources));
  findings.forEach((f) => cite(f, [f.source]));
  legal.forEach((l) => cited.add(l.source));
  risks.forEach((r) => r.sources.forEach((x) => cited.add(x)));
  clinical.forEach((c) => cite(c, c.sources));
  for (const e of ids.flatMap((sid) => kb.effectsOf(sid)))
    for (const c of e.contributors) if (ids.includes(c.substance)) c.sources.forEach((x) => cited.add(x));

  const sources = [...cited].sort().map((x) => kb.source(x)).filter((x): x is Source => !!x);
  return {
    substance: s,
    constituents: s.constituents.map((c) => {
      const cs = kb.substance(c.substance);
      return { id: c.substance, name: cs?.name ?? c.substance, kind: cs?.kind ?? 'compound', content: fmtQ(c.content), share: fmtQ(c.share) };
    }),
    partOf: kb.parentsOf(id).map((p) => ({ id: p.id, name: p.name })),
    metabolites: s.metabolites.map((m) => ({ id: m.substance, name: kb.substance(m.substance)?.name ?? m.substance, enzyme: m.enzyme })),
    targets: rels.filter((r) => !ENZYME_SET.has(r.action)),
    enzymes: rels.filter((r) => ENZYME_SET.has(r.action)),
    pk,
    findings,
    legal,
    effects,
    risks,
    clinical,
    via,
    names,
    sources,
    sourceTiers: Object.fromEntries(sources.map((x) => [x.id, sourceTier(x)])),
  };
}
