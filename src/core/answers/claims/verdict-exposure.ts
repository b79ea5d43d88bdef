/**
 * Exposure claims: "rifampicin increases midazolam exposure", "CBD doubles clobazam levels", "grapefruit makes
 * statins stronger". Observed studies in people outrank animal studies, which outrank model predictions; a
 * claimed magnitude must be within 2-fold of the observed ratio and in the same direction.
 */
import type { KbIndex } from '../../kb/kb-index.js';
import type { EvidenceLevel } from '../../schema/quantity.js';
import { isPreclinical } from '../evidence/labels.js';
import { withConstituents } from '../../kb/constituents.js';
import { idsOf, idsWithParents, judge, nameOf, speciesFits, st, subjectLabel, objectLabel } from './evidence.js';
import { pairEvidence } from './pair-evidence.js';
import { isCrosstalkError } from '../../errors.js';
import { predict } from '../../predict.js';
import type { ClaimStatement, Judgement, Reading } from './types.js';

/** A ratio counts as a change at ≥ 1.25 (or ≤ 0.8): the usual no-effect bounds of interaction studies. */
const UP = 1.25;
const DOWN = 0.8;

interface Obs {
  ratio: number;
  species: string;
  evidence: EvidenceLevel;
  sources: string[];
  perpetrator: string;
  victim: string;
  model: boolean;
}

function observations(kb: KbIndex, perpIds: string[], victimIds: string[]): Obs[] {
  const out: Obs[] = [];
  // A study of a related product counts when it delivers the same compound (kratom tea for kratom, smoked cannabis
  // flower for cannabis), as the observed-study matcher of the predict operation does.
  const overlaps = (id: string, ids: string[]): boolean => ids.includes(id) || withConstituents(kb, id).some((x) => ids.includes(x));
  for (const c of kb.data.clinical) {
    const ratio = c.aucRatio ?? c.cmaxRatio;
    if (c.kind !== 'interaction' || !c.perpetrator || ratio === undefined) continue;
    if (!overlaps(c.perpetrator, perpIds)) continue;
    const analyte = c.analyte ?? c.victim;
    if (!victimIds.includes(analyte) && !(victimIds.includes(c.victim) && !c.analyte)) continue;
    out.push({ ratio: ratio.value, species: c.species, evidence: c.evidence, sources: c.sources, perpetrator: c.perpetrator, victim: analyte, model: false });
  }
  // Findings of exposure (plasma levels, AUC) with both substances given together: animal or human studies.
  for (const f of kb.data.findings) {
    const subs = f.interventions.map((i) => i.substance);
    if (!subs.some((s) => perpIds.includes(s)) || !subs.some((s) => victimIds.includes(s))) continue;
    if (!/plasma|auc|cmax|exposure|level|concentration/i.test(f.endpoint)) continue;
    const ratio = f.direction === 'increase' ? 2 : f.direction === 'decrease' ? 0.5 : f.direction === 'no-change' ? 1 : undefined;
    if (ratio === undefined) continue;
    out.push({ ratio: f.magnitudeValue?.value && f.magnitudeValue.unit === 'ratio' ? f.magnitudeValue.value : ratio, species: f.species, evidence: f.evidence, sources: [f.source], perpetrator: subs.find((s) => perpIds.includes(s))!, victim: subs.find((s) => victimIds.includes(s))!, model: false });
  }
  return out;
}

function obsReason(kb: KbIndex, o: Obs): ClaimStatement {
  return st(o.model ? 'CLAIM_REASON_PREDICTED_RATIO' : 'CLAIM_REASON_OBSERVED_RATIO', { perpetrator: nameOf(kb, o.perpetrator), victim: nameOf(kb, o.victim), ratio: Math.round(o.ratio * 100) / 100, species: o.species }, o.evidence, o.sources);
}

export function checkExposure(kb: KbIndex, r: Reading): Judgement {
  const perp = r.subjects[0]!;
  const victim = r.objects[0]!;
  const up = r.predicate === 'raise';
  const params = { perpetrator: subjectLabel(r), victim: objectLabel(r), direction: r.predicate, magnitude: r.magnitude ?? null };
  // "makes clopidogrel weaker", "clopidogrel's active metabolite": for a victim with active metabolites, their exposure.
  const active = victim.ids.flatMap((id) => (kb.substance(id)?.metabolites ?? []).filter((m) => m.active).map((m) => m.substance));
  const useActive = active.length > 0 && (r.context.includes('active-metabolite') || r.context.includes('effect'));
  const victimIds = useActive ? (r.context.includes('active-metabolite') ? active : [...active, ...idsWithParents(kb, victim)]) : idsWithParents(kb, victim);
  const obsAll = observations(kb, idsWithParents(kb, perp), victimIds);
  const obs = useActive && obsAll.some((o) => active.includes(o.victim)) ? obsAll.filter((o) => active.includes(o.victim)) : obsAll;
  const preds: Obs[] = [];
  for (const p of pairEvidence(kb, perp, victim).analyses)
    for (const e of p.pk) {
      const x = e.result;
      if (!('status' in x) || x.status !== 'predicted' || x.aucRatio === null) continue;
      if (!idsOf(kb, perp).includes(x.perpetrator.id) && !perp.ids.includes(x.perpetrator.id)) continue;
      if (!idsWithParents(kb, victim).includes(x.victim.id) && !idsWithParents(kb, victim).includes(x.victim.analyte)) continue;
      preds.push({ ratio: x.aucRatio, species: 'human', evidence: x.evidence.level, sources: x.sources, perpetrator: x.perpetrator.id, victim: x.victim.analyte, model: true });
    }
  // A prodrug's effect ("paroxetine makes codeine less effective") follows its active metabolite: when no study
  // measured that metabolite, predict it (codeine → morphine) rather than quote the parent's unchanged level.
  if (useActive && !obs.some((o) => active.includes(o.victim))) {
    const viaMetabolite = activeMetabolitePredictions(kb, idsOf(kb, perp), victim.ids, active);
    if (viaMetabolite.length > 0) preds.splice(0, preds.length, ...viaMetabolite);
  }
  const fits = (o: Obs): boolean => speciesFits(r.species, o.evidence, o.species);
  const humans = obs.filter((o) => !isPreclinical(o.evidence) && fits(o));
  const animals = obs.filter((o) => isPreclinical(o.evidence) && fits(o));
  const tiers: { xs: Obs[]; preclinical: boolean }[] = [
    { xs: humans, preclinical: false },
    { xs: animals, preclinical: true },
    // Predictions rest on lab data: never enough for a claim that names a species ("in humans") or a system.
    { xs: r.species ? [] : preds, preclinical: true },
  ];
  for (const { xs, preclinical } of tiers) {
    if (xs.length === 0) continue;
    const reasons = xs.slice(0, 6).map((o) => obsReason(kb, o));
    const same = xs.filter((o) => (up ? o.ratio >= UP : o.ratio <= DOWN));
    const opposite = xs.filter((o) => (up ? o.ratio <= DOWN : o.ratio >= UP));
    const model = xs.every((o) => o.model);
    let verdict: 'yes' | 'no' | 'mixed' | 'none';
    if (same.length > 0 && opposite.length === 0) verdict = 'yes';
    else if (opposite.length > 0 && same.length === 0) verdict = 'no';
    else if (same.length > 0) verdict = 'mixed';
    else verdict = 'none';
    if (model && verdict !== 'yes') return judge('insufficient-evidence', st('CLAIM_EXPOSURE_PREDICTED_SMALL', params), reasons);
    if (verdict === 'mixed') return judge('insufficient-evidence', st('CLAIM_EXPOSURE_CONFLICT', params), reasons);
    if (verdict === 'yes' && r.magnitude !== undefined) {
      // A bound ("more than 90 %") is met by the largest change in its direction; a point by the closest one.
      const bound = r.magnitudeBound === true;
      const best = bound
        ? same.reduce((b, o) => ((up ? o.ratio > b.ratio : o.ratio < b.ratio) ? o : b))
        : same.reduce((b, o) => (Math.abs(Math.log(o.ratio / r.magnitude!)) < Math.abs(Math.log(b.ratio / r.magnitude!)) ? o : b));
      const beyond = bound && (up ? best.ratio >= r.magnitude : best.ratio <= r.magnitude);
      const within = beyond || Math.abs(Math.log(best.ratio / r.magnitude)) <= Math.log(2);
      if (!within) return judge(r.negated ? 'supported' : 'contradicted', st('CLAIM_EXPOSURE_MAGNITUDE_OFF', { ...params, observed: Math.round(best.ratio * 100) / 100 }), reasons);
    }
    const holds = verdict === 'yes';
    const code = holds ? (model ? 'CLAIM_EXPOSURE_PREDICTED' : 'CLAIM_EXPOSURE_OBSERVED') : verdict === 'no' && opposite.length > 0 ? 'CLAIM_EXPOSURE_OPPOSITE' : 'CLAIM_EXPOSURE_NO_CHANGE';
    const claimTrue = holds !== r.negated;
    if (!claimTrue) return judge('contradicted', st(code, params), reasons);
    const caveats = preclinical && !r.species ? [st(model ? 'CLAIM_CAVEAT_PREDICTED' : 'CLAIM_CAVEAT_PRECLINICAL', { species: [...new Set(xs.map((o) => o.species))].join(', ') })] : [];
    return judge('supported', st(code, params), reasons, caveats);
  }
  if (obs.length > 0) return judge('insufficient-evidence', st('CLAIM_EXPOSURE_OTHER_SPECIES', { ...params, species: r.species ?? '' }), obs.slice(0, 6).map((o) => obsReason(kb, o)));
  // A mechanism without numbers: the perpetrator acts on an enzyme or transporter that clears the victim.
  const mech = mechanism(kb, idsOf(kb, perp), idsWithParents(kb, victim));
  if (mech.length > 0) return judge('insufficient-evidence', st('CLAIM_EXPOSURE_MECHANISM_ONLY', params), mech.slice(0, 6));
  return judge('not-supported', st('CLAIM_EXPOSURE_NONE', params), []);
}

/** Model predictions of a victim's active metabolites under the perpetrator (at KB reference doses). */
function activeMetabolitePredictions(kb: KbIndex, perpIds: string[], victimIds: string[], active: string[]): Obs[] {
  const out: Obs[] = [];
  for (const perpetrator of perpIds.slice(0, 3))
    for (const victimId of victimIds.slice(0, 3))
      for (const analyte of active.filter((m) => (kb.substance(victimId)?.metabolites ?? []).some((x) => x.substance === m))) {
        try {
          const x = predict(kb, { victim: victimId, perpetrator, analyte });
          if (x.status === 'predicted' && x.aucRatio !== null)
            out.push({ ratio: x.aucRatio, species: 'human', evidence: x.evidence.level, sources: x.sources, perpetrator, victim: analyte, model: true });
        } catch (e) {
          // A pair the engine cannot set up (no dose, no route to the metabolite) adds no prediction.
          if (!isCrosstalkError(e)) throw e;
        }
      }
  return out;
}

function mechanism(kb: KbIndex, perpIds: string[], victimIds: string[]): ClaimStatement[] {
  const cleared = new Set(victimIds.flatMap((v) => kb.relationsOf(v).filter((x) => x.action === 'substrate' || x.action === 'transporter-substrate').map((x) => x.object)));
  return perpIds.flatMap((p) =>
    kb.relationsOf(p)
      .filter((x) => cleared.has(x.object) && ['inhibitor', 'tdi', 'inducer', 'transporter-inhibitor'].includes(x.action))
      .map((x) => st('CLAIM_REASON_RELATION', { subject: nameOf(kb, p), action: x.action, object: nameOf(kb, x.object), species: x.species }, x.evidence, x.sources)),
  );
}
