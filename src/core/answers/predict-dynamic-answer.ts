import { isCrosstalkError } from '../errors.js';
import { gradeChain, type EvidenceLink } from './evidence/grade.js';
import type { KbIndex } from '../kb/kb-index.js';
import { magnitudeClass } from '../models/static/static-ddi.js';
import { predictDynamic } from './dynamic-prediction.js';
import type { Substance } from '../kb/types.js';
import { fmScenarios, perpetratorEffects, type ParamUse } from '../inputs/pk-inputs.js';
import { expandToCompounds } from '../kb/constituents.js';
import { GREY_FIELDS, type ObservedStudy, type Prediction, type PredictRequest } from './predict.js';

/**
 * Answer a prediction request with the dynamic model (MODEL.md §2): used for `--model dynamic` and when
 * the question is an active metabolite's exposure, which the static model has no closed form for.
 * The answer has the static answer's shape, with `model: 'dynamic'`; a missing parameter gives grey.
 */
export function dynamicAnswer(
  kb: KbIndex,
  req: PredictRequest,
  victim: Substance,
  perp: Substance,
  analyteId: string,
  base: { observed: ObservedStudy[]; basis: Prediction['basis'] },
  why: string,
): Prediction {
  const analyte = kb.substance(analyteId)!;
  const perpIds = expandToCompounds(kb, perp.id, undefined, req.weightKg ?? 70).map((c) => c.compoundId);
  const rels = [...perpIds.flatMap((id) => perpetratorEffects(kb, id).relations), ...fmScenarios(kb, analyteId).relations, ...fmScenarios(kb, victim.id).relations];
  const links: EvidenceLink[] = rels.map((r) => ({
    claim: `${kb.substance(r.subject)?.name ?? r.subject} ${r.action} ${kb.target(r.object)?.name ?? r.object}`,
    level: r.evidence,
    species: r.species,
    sources: r.sources,
  }));
  const measured = gradeChain(links);
  const evidence = { ...measured, grade: measured.grade === 'high' || measured.grade === 'moderate' ? ('low' as const) : measured.grade, caveats: [...measured.caveats, 'The exposure change is a model prediction, not an observation.'] };
  const common = {
    victim: { id: victim.id, name: victim.name, analyte: analyteId, analyteName: analyte.name, dose: req.victimDose ?? victim.usualDose?.regimen ?? 'not given', doseSource: req.victimDose ? 'user' : (victim.usualDose?.source ?? 'none') },
    perpetrator: { id: perp.id, name: perp.name, dose: req.perpetratorDose ?? perp.usualDose?.regimen ?? 'not given', doseSource: req.perpetratorDose ? 'user' : (perp.usualDose?.source ?? 'none'), compounds: perpIds },
    basis: base.basis,
    observed: base.observed,
    mechanisms: [],
    gutRatio: null,
    liverRatio: null,
    concentrationsUM: {},
    scenarios: [],
    clinicalClasses: [],
  };
  // The simulator needs a victim dose; without one given or a KB reference dose, use the dose of the victim's
  // default PK profile (the dose its parameters were measured at), and say so.
  let victimDose = req.victimDose;
  const notes: string[] = [];
  if (!victimDose && !victim.usualDose) {
    const prof = kb.defaultPk(victim.id);
    if (prof?.dose) {
      victimDose = `${prof.dose.original.value} ${prof.dose.original.unit}`;
      notes.push(`No victim dose given and no reference dose in the KB: used ${victimDose}, the dose of ${victim.name}'s PK profile [${prof.dose.source}].`);
      common.victim.dose = victimDose;
      common.victim.doseSource = prof.dose.source;
    }
  }
  try {
    const d = predictDynamic(kb, {
      victim: victim.id,
      perpetrator: perp.id,
      victimDose,
      perpetratorDose: req.perpetratorDose,
      analyte: analyteId === victim.id ? undefined : analyteId,
      victimAt: req.victimAt,
      weightKg: req.weightKg,
    });
    const parameters: ParamUse[] = d.parameters.map((p) => ({
      substance: p.owner,
      name: p.name,
      value: p.value,
      unit: p.unit,
      source: p.source,
      verified: !p.assumption,
      assumption: p.assumption,
      note: p.note,
    }));
    const mclass = magnitudeClass(d.aucRatio);
    const f = (x: number): string => (x >= 10 ? x.toFixed(1) : x.toFixed(2));
    return {
      ...common,
      model: 'dynamic',
      status: 'predicted',
      aucRatio: d.aucRatio,
      cmaxRatio: d.cmaxRatio,
      cmaxMethod: 'dynamic model (dense output)',
      magnitudeClass: mclass,
      range: d.range,
      parameters,
      assumptions: [why, ...notes, ...d.notes],
      missing: [],
      warnings: [],
      evidence,
      uncertainty: d.range && d.range.high / d.range.low > 4 ? 'high' : 'moderate',
      sources: [...new Set(links.flatMap((l) => l.sources))].sort(),
      plain: `${perp.name} is predicted to ${d.aucRatio >= 1 ? 'raise' : 'lower'} ${analyte.name} exposure about ${f(d.aucRatio)}-fold${d.range ? ` (range ${f(d.range.low)}–${f(d.range.high)})` : ''}; the peak moves by ${d.tmaxShiftH >= 0 ? '+' : ''}${d.tmaxShiftH.toFixed(2)} h. This comes from a simulation built on lab measurements, not an observation in people.`,
      technical: `Dynamic model (semi-physiological, DOPRI5): AUCR ${f(d.aucRatio)} (${d.aucMetric}), CmaxR ${f(d.cmaxRatio)}, Tmax shift ${d.tmaxShiftH.toFixed(2)} h; ${d.explanations.join(' ')}`,
    };
  } catch (e) {
    if (!isCrosstalkError(e)) throw e;
    const ev = gradeChain(links);
    return {
      ...common,
      ...GREY_FIELDS,
      mechanisms: [],
      scenarios: [],
      concentrationsUM: {},
      parameters: [],
      assumptions: [why],
      missing: [e.message],
      warnings: [],
      evidence: ev,
      sources: [...new Set(links.flatMap((l) => l.sources))].sort(),
      plain: `No estimate: the dynamic model needs data the KB lacks (${e.message}). That is not the same as "no interaction".`,
      technical: `Grey (no data) — dynamic model: ${e.message}`,
    };
  }
}
