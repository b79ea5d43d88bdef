/**
 * The longer sections of the evidence brief (src/core/answers/brief/answer.ts), each a list of statements: receptor
 * profiles, shared receptors and enzymes, exposure, prescription medicines on the same enzymes, legal status.
 */
import { withConstituents } from '../../kb/constituents.js';
import type { KbIndex } from '../../kb/kb-index.js';
import type { Substance } from '../../kb/types.js';
import type { EvidenceLevel } from '../../schema/quantity.js';
import type { Statement, StatementParams } from '../../schema/statement.js';
import type { PairAnalysis, SharedNode } from '../check.js';
import { describeSubstance, type RelationView } from '../describe.js';
import { isPreclinical } from '../evidence/labels.js';
import type { Prediction } from '../prediction.js';
import { predict } from '../../predict.js';
import { isCrosstalkError } from '../../errors.js';

/** What the section builders share: the KB, both sides, their pair analysis and the citation register. */
export interface BriefContext {
  kb: KbIndex;
  A: Substance;
  B: Substance;
  pair: PairAnalysis;
  /** A brief item: a plain statement whose sources are kept only when the KB holds them, each once. */
  item: (code: string, params: StatementParams, evidence: EvidenceLevel | undefined, sources: string[]) => Statement;
}

/** The receptor profile of each side's two most-connected compounds (the "mixed pharmacology" point). */
export function profileItems({ kb, A, B, item }: BriefContext): Statement[] {
  const out: Statement[] = [];
  for (const s of [A, B]) {
    const byComp = new Map<string, RelationView[]>();
    for (const r of describeSubstance(kb, s.id).targets) byComp.set(r.via ?? s.id, [...(byComp.get(r.via ?? s.id) ?? []), r]);
    const ranked = [...byComp.entries()].sort((x, y) => y[1].length - x[1].length).slice(0, 2);
    for (const [comp, rels] of ranked) {
      const acts = [...new Map(rels.map((r) => [`${r.objectName}\u0000${r.action}`, r])).values()].slice(0, 12);
      // The best evidence level that is not preclinical, else the last one seen.
      const best = rels.reduce((p, r) => (isPreclinical(r.evidence) && !isPreclinical(p.evidence) ? p : r), rels[0]!);
      const params = {
        compound: kb.substance(comp)?.name ?? comp,
        targets: [...new Set(rels.map((r) => r.objectName))],
        actionTargets: acts.map((r) => r.objectName),
        actions: acts.map((r) => r.action),
      };
      out.push(item('BRIEF_RECEPTOR_PROFILE', params, best.evidence, rels.flatMap((r) => (r.sources.length ? r.sources : [r.ki?.source ?? r.ec50?.source ?? r.ic50?.source ?? '']))));
    }
  }
  return out;
}

/** A shared receptor or enzyme; its interpretation is check's rendered sentence, quoted. */
function nodeItem(item: BriefContext['item'], code: string, n: SharedNode): Statement {
  const sides = [...n.a, ...n.b];
  const params = {
    name: n.name,
    interpretation: n.interpretation,
    substances: sides.map((x) => x.substanceName),
    actions: sides.map((x) => x.action),
    potencies: sides.map((x) => x.potency ?? ''),
  };
  return item(code, params, n.evidence.level, sides.flatMap((x) => x.sources));
}

/** Shared receptors, then findings where an effect was blocked at a target or not seen in some context. */
export function sharedReceptorItems({ pair, item }: BriefContext): Statement[] {
  // Built in reading order: the order of item() calls numbers the citations.
  const nodes = pair.sharedTargets.map((n) => nodeItem(item, 'BRIEF_SHARED_RECEPTOR', n));
  const findings = pair.findings
    .filter((f) => f.blockedBy.length > 0 || f.notSeenIn.length > 0)
    .map((f) =>
      item(
        'BRIEF_FINDING_CONTRAST',
        { summary: f.summary, context: f.context, notSeenIn: f.notSeenIn, species: f.species, title: f.title, model: f.model, endpoint: f.endpoint },
        f.evidence,
        [f.source],
      ),
    );
  return [...nodes, ...findings];
}

/** Shared enzymes and transporters, then mutual inhibition (check's rendered sentence, quoted). */
export function sharedEnzymeItems({ pair, item }: BriefContext): Statement[] {
  const out = pair.sharedEnzymes.map((n) => nodeItem(item, 'BRIEF_SHARED_ENZYME', n));
  const mi = pair.mutualInhibition;
  if (mi) {
    const sources = pair.sharedEnzymes.filter((n) => mi.enzymes.includes(n.id)).flatMap((n) => [...n.a, ...n.b].flatMap((x) => x.sources));
    out.push(item('BRIEF_MUTUAL_INHIBITION', { text: mi.plain }, 'in_vitro', sources));
  }
  return out;
}

/**
 * How much one may change the other: each prediction (its rendered plain and technical text quoted, as
 * src/core/render/prediction.ts wrote them), the studies observed beside it, then findings of both together.
 */
export function exposureItems({ kb, pair, item }: BriefContext): Statement[] {
  const out: Statement[] = [];
  for (const e of pair.pk) {
    const p = e.result;
    if (!('status' in p)) continue;
    if (p.status === 'grey') {
      // A grey product is answered through its constituents (entries with `via`): say nothing twice.
      if (!pair.pk.some((x) => x.via === p.perpetrator.id))
        out.push(item('BRIEF_PREDICTION_GREY', { perpetrator: p.perpetrator.name, analyte: p.victim.analyteName, text: p.plain }, undefined, []));
      continue;
    }
    const via = e.via ? (kb.substance(e.via)?.name ?? e.via) : null;
    out.push(item('BRIEF_PREDICTION', { text: p.plain, technical: p.technical, perpetrator: p.perpetrator.name, perpetratorDose: p.perpetrator.dose, via, ...modelParams(p) }, p.evidence.level, p.sources));
    for (const o of p.observed) out.push(observedItem(kb, item, p, o));
  }
  out.push(...medicineDoseItems(kb, pair, item));
  for (const f of pair.findings.filter((f) => f.interventions.length > 1 && f.blockedBy.length === 0))
    out.push(item('BRIEF_FINDING_COMBINED', { summary: f.summary, title: f.title }, f.evidence, [f.source]));
  return out;
}

/** Each model's answer beside the chosen one, as parallel lists for a statement's params. */
function modelParams(p: Prediction): { models: string[]; modelRatios: (number | string)[]; modelLows: (number | string)[]; modelHighs: (number | string)[]; chosenModel: string } {
  const ms = (p.models ?? []).filter((m) => m.aucRatio !== null);
  return {
    models: ms.map((m) => m.model),
    modelRatios: ms.map((m) => m.aucRatio ?? ''),
    modelLows: ms.map((m) => m.range?.low ?? ''),
    modelHighs: ms.map((m) => m.range?.high ?? ''),
    chosenModel: p.model,
  };
}

/**
 * A plant's everyday dose carries little of a compound that is also a medicine (a joint holds well under a milligram
 * of CBD; Epidiolex is dosed at milligrams per kilogram). For every compound through which a side's exposure change
 * was predicted, and every single-compound medicine in the KB made of it, the same victim is predicted again at the
 * medicine's label dose — every model's answer shown — followed by what people showed when that compound (or its
 * medicine) was given with substrates of the same enzymes. One rule for every compound: nothing here names CBD.
 */
function medicineDoseItems(kb: KbIndex, pair: PairAnalysis, item: BriefContext['item']): Statement[] {
  const out: Statement[] = [];
  const seen = new Set<string>();
  const sides = new Set([pair.a.id, pair.b.id]);
  for (const e of pair.pk) {
    const p = e.result;
    if (!('status' in p)) continue;
    const victimId = p.victim.id;
    for (const compound of p.perpetrator.compounds) {
      const medicines = productsMadeOnlyOf(kb, compound).filter((m) => m.kind === 'medicine' && m.usualDose && !sides.has(m.id));
      for (const m of medicines) {
        const key = `${m.id}>${victimId}>${p.victim.analyte}`;
        if (seen.has(key)) continue;
        seen.add(key);
        let r: Prediction;
        try {
          r = predict(kb, { victim: victimId, perpetrator: m.id, ...(p.victim.analyte !== victimId ? { analyte: p.victim.analyte } : {}) });
        } catch (err) {
          if (isCrosstalkError(err)) continue;
          throw err;
        }
        const compoundName = kb.substance(compound)?.name ?? compound;
        const params = { compound: compoundName, medicine: m.name, dose: r.perpetrator.dose, status: r.status, text: r.plain, technical: r.technical, ...modelParams(r) };
        out.push(item('BRIEF_MEDICINE_DOSE_PREDICTION', params, r.evidence.level, r.sources));
        out.push(...humanEvidenceItems(kb, compound, p.victim.analyte, item));
      }
    }
  }
  return out;
}

/** Products whose only constituent is `compound` (Epidiolex for CBD, dronabinol capsules for THC). */
function productsMadeOnlyOf(kb: KbIndex, compound: string): Substance[] {
  return kb.data.substances.filter((m) => m.constituents.length === 1 && m.constituents[0]!.substance === compound);
}

/** Human studies in which `compound` (or a medicine made of it) was the perpetrator, on enzymes that clear `victimId`. */
function humanEvidenceItems(kb: KbIndex, compound: string, victimId: string, item: BriefContext['item']): Statement[] {
  const clearing = new Set(kb.relationsOf(victimId).filter((r) => r.action === 'substrate').map((r) => r.object));
  const perps = new Set([compound, ...productsMadeOnlyOf(kb, compound).map((m) => m.id)]);
  const studies = kb.data.clinical.filter(
    (c) => c.species === 'human' && c.perpetrator && perps.has(c.perpetrator) && c.aucRatio && (c.analyte ?? c.victim) === c.victim && c.enzymes.some((z) => clearing.has(z)),
  );
  if (studies.length === 0) return [];
  const params = {
    compound: kb.substance(compound)?.name ?? compound,
    victim: kb.substance(victimId)?.name ?? victimId,
    enzymes: [...new Set(studies.flatMap((c) => c.enzymes.filter((z) => clearing.has(z))))].map((z) => kb.target(z)?.name ?? z),
    studyVictims: studies.map((c) => kb.substance(c.victim)?.name ?? c.victim),
    studyRatios: studies.map((c) => c.aucRatio!.value),
    studyDoses: studies.map((c) => c.perpetratorDose ?? ''),
    studyN: studies.map((c) => c.n ?? ''),
    studyIds: studies.map((c) => c.id),
  };
  return [item('BRIEF_COMPOUND_HUMAN_STUDIES', params, 'human_controlled', studies.flatMap((c) => [c.aucRatio!.source, ...(c.sources ?? [])]))];
}

function observedItem(kb: BriefContext['kb'], item: BriefContext['item'], p: Prediction, o: Prediction['observed'][number]): Statement {
  // A study of the same pair that measured another analyte (a metabolite, or the parent) names what it measured.
  const measured = o.measuresAsked ? p.victim.analyteName : (kb.substance(o.analyte ?? o.victim)?.name ?? o.analyte ?? o.victim);
  const params = {
    species: o.species,
    analyte: measured,
    aucRatio: o.aucRatio ?? null,
    cmaxRatio: o.cmaxRatio ?? null,
    perpetratorDose: o.perpetratorDose ?? null,
    summary: o.summary ?? null,
  };
  return item('BRIEF_OBSERVED', params, o.evidence as EvidenceLevel, o.sources);
}

/** Enzymes either side inhibits (shared ones first, then every inhibition either side's compounds record), with the inhibitors' names. */
function inhibitedEnzymes({ kb, A, B, pair }: BriefContext): Map<string, string[]> {
  const inhibited = new Map<string, string[]>();
  const add = (enzyme: string, name: string): void => void inhibited.set(enzyme, [...new Set([...(inhibited.get(enzyme) ?? []), name])]);
  for (const n of pair.sharedEnzymes) for (const x of [...n.a, ...n.b]) if (x.action === 'inhibitor' || x.action === 'tdi') add(n.id, x.substanceName);
  for (const s of [A, B])
    for (const id of withConstituents(kb, s.id))
      for (const r of kb.relationsOf(id))
        if ((r.action === 'inhibitor' || r.action === 'tdi') && kb.target(r.object)?.kind === 'enzyme') add(r.object, kb.substance(id)?.name ?? id);
  return inhibited;
}

/** Prescription medicines mostly (fm ≥ 0.5) cleared by an enzyme either side inhibits, up to 8 per enzyme, largest fm first. */
export function medicineItems(ctx: BriefContext): Statement[] {
  const { kb, item } = ctx;
  const out: Statement[] = [];
  for (const [enz, by] of [...inhibitedEnzymes(ctx).entries()].sort()) {
    const victims = kb
      .relationsTo(enz)
      .filter((r) => r.action === 'substrate' && r.fm && r.fm.value >= 0.5 && kb.substance(r.subject)?.kind === 'medicine')
      .sort((x, y) => y.fm!.value - x.fm!.value);
    const uniq = [...new Map(victims.map((v) => [v.subject, v])).values()].slice(0, 8);
    if (uniq.length === 0) continue;
    const params = {
      enzyme: kb.target(enz)?.name ?? enz,
      inhibitors: by,
      medicines: uniq.map((v) => kb.substance(v.subject)?.name ?? v.subject),
      medicineIds: uniq.map((v) => v.subject),
      narrowTherapeuticIds: uniq.filter((v) => kb.substance(v.subject)?.nti?.value).map((v) => v.subject),
      fm: uniq.map((v) => v.fm!.original.value),
    };
    out.push(item('BRIEF_MEDICINES', params, uniq[0]!.evidence, uniq.map((v) => v.fm!.source)));
  }
  return out;
}

function monthsBetween(a: string, b: string): number {
  const [ya, ma] = a.split('-').map(Number) as [number, number];
  const [yb, mb] = b.split('-').map(Number) as [number, number];
  return (yb - ya) * 12 + (mb - ma);
}

/** Legal status in the chosen jurisdiction (a state falls back to its country's records too), or a pointer to choose one. */
export function legalItems({ kb, A, B, item }: BriefContext, j: string | null, today: string): Statement[] {
  const out: Statement[] = [];
  const statuses = [A, B].flatMap((s) => [...withConstituents(kb, s.id), s.id].flatMap((id) => kb.legalOf(id)));
  const chosen = j ? statuses.filter((l) => l.jurisdiction === j || (j.includes('-') && l.jurisdiction === j.split('-')[0])) : [];
  if (j && chosen.length === 0) out.push(item('BRIEF_LEGAL_NO_RECORD', { jurisdiction: j }, undefined, []));
  for (const l of [...new Map(chosen.map((x) => [`${x.substance}|${x.form}|${x.jurisdiction}|${x.use}`, x])).values()]) {
    const params = { jurisdiction: l.jurisdictionName, form: l.form, use: l.use, status: l.status, asOf: l.asOf, stale: monthsBetween(l.asOf, today) > 12, rechecked: l.rechecked ?? null, notes: l.notes ?? null };
    out.push(item('BRIEF_LEGAL_STATUS', params, undefined, [l.source]));
  }
  if (!j) out.push(item('BRIEF_LEGAL_CHOOSE', { jurisdictions: new Set(statuses.map((s) => s.jurisdiction)).size }, undefined, []));
  return out;
}
