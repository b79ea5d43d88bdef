import type {
  ClinicalStudy,
  EffectClass,
  Finding,
  KbData,
  LegalStatus,
  PkProfile,
  Relation,
  PdInteraction,
  RiskNote,
  Source,
  Substance,
  Target,
} from './types.js';

function group<T>(items: T[], key: (t: T) => string | string[]): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const it of items) {
    const ks = key(it);
    for (const k of Array.isArray(ks) ? ks : [ks]) {
      const list = m.get(k);
      if (list) list.push(it);
      else m.set(k, [it]);
    }
  }
  return m;
}

/** Read-only lookups over a compiled KB. Pure: built from data, no I/O. */
export class KbIndex {
  readonly data: KbData;
  private readonly substances: Map<string, Substance>;
  private readonly targets: Map<string, Target>;
  private readonly sources: Map<string, Source>;
  private readonly relBySubject: Map<string, Relation[]>;
  private readonly relByObject: Map<string, Relation[]>;
  private readonly pkBySubstance: Map<string, PkProfile[]>;
  private readonly findingsBySubstance: Map<string, Finding[]>;
  private readonly legalBySubstance: Map<string, LegalStatus[]>;
  private readonly effectsBySubstance: Map<string, EffectClass[]>;
  private readonly clinicalByPair: Map<string, ClinicalStudy[]>;
  private readonly risksBySubstance: Map<string, RiskNote[]>;
  private readonly parents: Map<string, Substance[]>;
  private readonly pdBySide: Map<string, PdInteraction[]>;

  constructor(data: KbData) {
    this.data = data;
    this.substances = new Map(data.substances.map((s) => [s.id, s]));
    this.targets = new Map(data.targets.map((t) => [t.id, t]));
    this.sources = new Map(data.sources.map((s) => [s.id, s]));
    this.relBySubject = group(data.relations, (r) => r.subject);
    this.relByObject = group(data.relations, (r) => r.object);
    this.pkBySubstance = group(data.pk, (p) => p.substance);
    this.findingsBySubstance = group(data.findings, (f) => f.interventions.map((i) => i.substance));
    this.legalBySubstance = group(data.legal, (l) => l.substance);
    this.effectsBySubstance = group(data.effects, (e) => e.contributors.map((c) => c.substance));
    this.clinicalByPair = group(data.clinical, (c) => `${c.perpetrator}>${c.victim}`);
    this.risksBySubstance = group(data.risks, (r) => r.substances);
    this.pdBySide = group(data.pd ?? [], (r) => [...new Set([r.a, r.b])]);
    this.parents = group(
      data.substances.filter((s) => s.constituents.length > 0),
      (s) => s.constituents.map((c) => c.substance),
    );
  }

  substance(id: string): Substance | undefined {
    return this.substances.get(id);
  }
  target(id: string): Target | undefined {
    return this.targets.get(id);
  }
  source(id: string): Source | undefined {
    return this.sources.get(id);
  }
  relationsOf(subjectId: string): Relation[] {
    return this.relBySubject.get(subjectId) ?? [];
  }
  relationsTo(objectId: string): Relation[] {
    return this.relByObject.get(objectId) ?? [];
  }
  pkOf(substanceId: string): PkProfile[] {
    return this.pkBySubstance.get(substanceId) ?? [];
  }
  findingsOf(substanceId: string): Finding[] {
    return this.findingsBySubstance.get(substanceId) ?? [];
  }
  legalOf(substanceId: string): LegalStatus[] {
    return this.legalBySubstance.get(substanceId) ?? [];
  }
  effectsOf(substanceId: string): EffectClass[] {
    return this.effectsBySubstance.get(substanceId) ?? [];
  }
  clinicalFor(perpetratorId: string, victimId: string): ClinicalStudy[] {
    return this.clinicalByPair.get(`${perpetratorId}>${victimId}`) ?? [];
  }
  risksOf(substanceId: string): RiskNote[] {
    return this.risksBySubstance.get(substanceId) ?? [];
  }
  /** Pair-level PD records with this substance or class on one side. */
  pdOf(sideId: string): PdInteraction[] {
    return this.pdBySide.get(sideId) ?? [];
  }
  /** Plants and products that contain this substance. */
  parentsOf(substanceId: string): Substance[] {
    return this.parents.get(substanceId) ?? [];
  }
  allSubstances(): Substance[] {
    return this.data.substances;
  }

  /**
   * The PK profile the engine uses for a substance: the one marked `default` for the species and route,
   * else any default for the species, else the first for the species.
   */
  defaultPk(substanceId: string, species = 'human', route?: string): PkProfile | undefined {
    const all = this.pkOf(substanceId).filter((p) => p.species === species);
    const byRoute = route ? all.filter((p) => p.route === route) : all;
    return (
      byRoute.find((p) => p.default) ?? all.find((p) => p.default) ?? byRoute[0] ?? all[0]
    );
  }
}
