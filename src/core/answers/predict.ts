import { kaFromTmax, peakPerUnitDose } from '../models/one-compartment.js';
import { CrosstalkError } from '../errors.js';
import { gradeChain, uncertaintyLabel, type EvidenceLink, type EvidenceSummary } from './evidence/grade.js';
import type { KbIndex } from '../kb/kb-index.js';
import type { Relation } from '../kb/types.js';
import {
  cmaxRatio as cmaxRatioOf,
  DEFAULT_KA_PER_H,
  DEFAULT_QENT_L_PER_H,
  DEFAULT_QH_L_PER_H,
  magnitudeClass,
  onsetFraction,
  staticAucRatio,
  type ConcentrationOption,
  type EnzymeEffect,
  type MagnitudeClass,
  type PerpetratorInput,
  type Physiology,
  type VictimInput,
} from '../models/static/static-ddi.js';
import { createRng, lognormalFactor, percentile } from '../models/random.js';
import { parseRegimen, type Regimen } from '../units/parse-regimen.js';
import { resolveSubstance } from '../kb/fuzzy-match.js';
import { cmaxAtDose, fmScenarios, perpetratorEffects, pkValue, type ParamUse } from '../inputs/pk-inputs.js';
import { expandToCompounds } from '../kb/constituents.js';
import { withConstituents } from './describe.js';
import { dynamicAnswer } from './predict-dynamic-answer.js';

export interface PredictRequest {
  victim: string;
  perpetrator: string;
  victimDose?: string;
  perpetratorDose?: string;
  /** Metabolite or constituent whose exposure is the question. */
  analyte?: string;
  model?: 'static' | 'dynamic';
  /** Hours after the first perpetrator dose at which the victim is given. */
  victimAt?: number;
  weightKg?: number;
}

export interface PredictOptions {
  concentration?: ConcentrationOption;
  /** Scale TDI and induction by the fraction of steady state reached (enzyme turnover). */
  timeCourse?: boolean;
  /** Monte Carlo draws for the uncertainty range. */
  draws?: number;
  seed?: number;
}

export interface Mechanism {
  enzyme: string;
  kind: 'reversible' | 'time-dependent' | 'induction';
  site: 'gut' | 'liver';
  aucRatio: number;
}

export interface ObservedStudy {
  id: string;
  /** `related-product`: the study used another product carrying the same active compound. */
  match: 'exact' | 'related-product';
  perpetrator: string;
  victim: string;
  aucRatio?: number;
  cmaxRatio?: number;
  analyte?: string;
  species: string;
  victimDose?: string;
  perpetratorDose?: string;
  evidence: string;
  sources: string[];
  summary?: string;
}

/** A label's or the FDA table's classification of a perpetrator at an enzyme (qualitative, not a model input). */
export interface ClinicalClassNote {
  substance: string;
  enzyme: string;
  action: string;
  clinicalClass: 'strong' | 'moderate' | 'weak';
  sources: string[];
}

export interface Prediction {
  victim: { id: string; name: string; analyte: string; analyteName: string; dose: string; doseSource: string };
  perpetrator: { id: string; name: string; dose: string; doseSource: string; compounds: string[] };
  model: 'static' | 'dynamic' | 'none';
  /** Predicted from mechanism (theoretical) or backed by an observed study of this pair (referenced). */
  basis: 'theoretical' | 'referenced';
  /** grey = the KB lacks what the answer needs; the ratios are then null, never a guess. */
  status: 'predicted' | 'no-interaction-expected' | 'grey';
  aucRatio: number | null;
  cmaxRatio: number | null;
  cmaxMethod: string | null;
  magnitudeClass: MagnitudeClass | 'unknown';
  range: { low: number; high: number; method: string } | null;
  mechanisms: Mechanism[];
  gutRatio: number | null;
  liverRatio: number | null;
  concentrationsUM: Record<string, { ih: number; ig: number; imaxU: number }>;
  parameters: ParamUse[];
  assumptions: string[];
  missing: string[];
  warnings: string[];
  evidence: EvidenceSummary;
  uncertainty: 'low' | 'moderate' | 'high' | 'unknown';
  observed: ObservedStudy[];
  scenarios: { source: string; aucRatio: number }[];
  /** Clinical classifications of the perpetrator at the victim's enzymes, shown beside the numbers. */
  clinicalClasses: ClinicalClassNote[];
  sources: string[];
  plain: string;
  technical: string;
}

const DEFAULTS = { weightKg: 70, draws: 400, seed: 20240318 };
export const DEFAULT_CONCENTRATION: ConcentrationOption = 'systemic_max_u';

export function physiologyFromKb(kb: KbIndex): Physiology {
  const liver: Record<string, number> = {};
  const gut: Record<string, number> = {};
  for (const t of kb.data.targets) {
    if (t.kdegLiver) liver[t.id] = t.kdegLiver.value;
    if (t.kdegGut && t.gutExpressed) gut[t.id] = t.kdegGut.value;
  }
  return { qhLPerH: DEFAULT_QH_L_PER_H, qentLPerH: DEFAULT_QENT_L_PER_H, kdegLiverPerH: liver, kdegGutPerH: gut, d: 1 };
}

function fmt(x: number): string {
  return x >= 10 ? x.toFixed(1) : x >= 1 ? x.toFixed(2) : x.toPrecision(2);
}

function regimenOrUsual(kb: KbIndex, id: string, given: string | undefined, field: string): { regimen: Regimen | undefined; text: string; source: string } {
  if (given) return { regimen: parseRegimen(given, field), text: given, source: 'user' };
  const s = kb.substance(id);
  if (s?.usualDose) return { regimen: parseRegimen(s.usualDose.regimen, `${field} (KB usual dose of ${s.name})`), text: s.usualDose.regimen, source: s.usualDose.source };
  return { regimen: undefined, text: 'not given', source: 'none' };
}

/** Pick the constituent whose exposure answers the question: the analyte, else the main one with PK data. */
function chooseAnalyte(kb: KbIndex, victimId: string, analyte: string | undefined): string {
  if (analyte) return resolveSubstance(kb, analyte, 'analyte').id;
  const comps = expandToCompounds(kb, victimId, undefined, 70);
  const withFm = comps.filter((c) => fmScenarios(kb, c.compoundId).scenarios.length > 0);
  const pool = withFm.length ? withFm : comps;
  pool.sort((a, b) => b.weight - a.weight);
  return pool[0]!.compoundId;
}

function evidenceLinks(rels: Relation[], kb: KbIndex, claimFor: (r: Relation) => string): EvidenceLink[] {
  return rels.map((r) => ({
    claim: claimFor(r),
    level: r.evidence,
    species: r.species,
    sources: r.sources.length ? r.sources : [r.ki?.source ?? r.ic50?.source ?? r.fm?.source ?? r.KI?.source ?? r.kinactOverKI?.source ?? r.emaxFold?.source ?? ''].filter(Boolean),
    unverified: [r.ki, r.ic50, r.fm, r.KI, r.kinact, r.kinactOverKI, r.emaxFold, r.ec50].some((q) => q && !q.verified),
    indirect: r.species !== 'human',
  }));
  void kb;
}

/**
 * Predict how much `perpetrator` changes the exposure of `victim` with the mechanistic static model.
 * `aucRatio` is always the model's prediction from mechanism parameters; observed studies of the pair
 * go to `observed` and never feed the prediction.
 */
export function predict(kb: KbIndex, req: PredictRequest, opts: PredictOptions = {}): Prediction {
  const p = predictOnce(kb, req, opts);
  if (p.status === 'predicted' && p.aucRatio !== null) p.warnings.push(...observedDisagreement(p.observed, p.aucRatio, p.victim.analyte, p.victim.id));
  return p;
}

/**
 * Human studies of the same pair and analyte whose AUC ratio differs from the prediction by more than 2-fold. The
 * observation outranks the model: say so next to the number rather than leave the reader to spot it.
 */
export function observedDisagreement(observed: ObservedStudy[], predicted: number, analyteId: string, victimId: string): string[] {
  const out: string[] = [];
  for (const o of observed) {
    if (o.species !== 'human' || o.aucRatio === undefined || !(o.aucRatio > 0)) continue;
    const sameAnalyte = (o.analyte ?? o.victim) === analyteId || (o.analyte === undefined && analyteId === victimId);
    if (!sameAnalyte) continue;
    if (Math.abs(Math.log(predicted / o.aucRatio)) <= Math.LN2) continue;
    out.push(`A study in people measured ×${o.aucRatio} (${o.perpetratorDose ?? 'dose as reported'}; ${o.sources.join(', ')}) where the model gives ×${predicted >= 10 ? predicted.toFixed(1) : predicted.toFixed(2)}: more than 2-fold apart. The human observation outranks the model (doses and designs may differ).`);
  }
  return out;
}

function predictOnce(kb: KbIndex, req: PredictRequest, opts: PredictOptions = {}): Prediction {
  const weightKg = req.weightKg ?? DEFAULTS.weightKg;
  if (!(weightKg > 0 && weightKg < 400))
    throw new CrosstalkError('INPUT_INVALID', `weight: ${weightKg} kg is not a plausible body weight (0–400 kg)`, { field: 'weight' });
  const victim = resolveSubstance(kb, req.victim, 'victim');
  const perp = resolveSubstance(kb, req.perpetrator, 'perpetrator');
  if (victim.id === perp.id)
    throw new CrosstalkError('INPUT_SAME_SUBSTANCE', `perpetrator: '${req.perpetrator}' is the same substance as the victim`, { field: 'perpetrator' });
  if (req.victimAt !== undefined && !(req.victimAt >= 0 && req.victimAt <= 24 * 365))
    throw new CrosstalkError('INPUT_INVALID', `victimAt: ${req.victimAt} h must be between 0 and 8760`, { field: 'victimAt' });
  const phys = physiologyFromKb(kb);
  // Best estimate uses the unbound systemic Cmax; the regulatory inlet concentration is the screening option.
  // Settled on the development set (validate:ddi): see docs/validation.md for the figures before and after.
  const option = opts.concentration ?? DEFAULT_CONCENTRATION;
  const timeCourse = opts.timeCourse ?? true;
  const assumptions: string[] = [];
  const warnings: string[] = [];
  const missing: string[] = [];
  const parameters: ParamUse[] = [];
  const clinicalClasses: ClinicalClassNote[] = [];
  const classSentence = (): string =>
    clinicalClasses.length
      ? ` Clinical classification: ${[...new Map(clinicalClasses.map((c) => [`${c.substance}|${c.enzyme}`, c])).values()]
          .map((c) => `${kb.substance(c.substance)?.name ?? c.substance} is a ${c.clinicalClass} ${kb.target(c.enzyme)?.name ?? c.enzyme} ${c.action === 'inducer' ? 'inducer' : 'inhibitor'}`)
          .join('; ')} (FDA bands: ${[
          clinicalClasses.some((c) => c.action !== 'inducer') ? "a strong inhibitor raises a sensitive substrate's AUC at least 5-fold, a moderate one 2–5-fold, a weak one 1.25–2-fold" : '',
          clinicalClasses.some((c) => c.action === 'inducer') ? "a strong inducer lowers a sensitive substrate's AUC by at least 80 %, a moderate one by 50–80 %, a weak one by 20–50 %" : '',
        ].filter(Boolean).join('; ')}).`
      : '';
  const sources = new Set<string>();

  const vReg = regimenOrUsual(kb, victim.id, req.victimDose, 'victimDose');
  const pReg = regimenOrUsual(kb, perp.id, req.perpetratorDose, 'perpetratorDose');
  if (vReg.source !== 'user' && vReg.regimen) assumptions.push(`Victim dose not given: used the KB's reference dose of ${victim.name} (a dose from a label or study, not a recommendation), ${vReg.text} [${vReg.source}].`);
  if (pReg.source !== 'user' && pReg.regimen) assumptions.push(`Perpetrator dose not given: used the KB's reference dose of ${perp.name} (a dose from a label or study, not a recommendation), ${pReg.text} [${pReg.source}].`);
  const analyteId = chooseAnalyte(kb, victim.id, req.analyte);
  const analyte = kb.substance(analyteId)!;
  // Only a swallowed dose meets the gut wall and the liver on first pass; inhaled, oromucosal, sublingual and IV
  // doses reach the circulation directly, so the MSM treats them like an IV victim (no gut term).
  const victimRoute = vReg.regimen && vReg.regimen.route !== 'po' ? 'iv' : 'oral';

  // Observed studies of this pair (including via constituents) are shown beside the prediction.
  const perpIds = new Set([perp.id, ...expandToCompounds(kb, perp.id, undefined, weightKg).map((c) => c.compoundId)]);
  const victimIds = new Set([victim.id, analyteId]);
  // A study of a related product (kratom tea for kratom, Epidiolex for CBD) counts when it delivers the
  // same active compound; `match` says which.
  const overlaps = (id: string, ids: Set<string>): boolean => ids.has(id) || withConstituents(kb, id).some((x) => ids.has(x));
  const observed: ObservedStudy[] = kb.data.clinical
    .filter((c): c is typeof c & { perpetrator: string } => c.kind === 'interaction' && c.perpetrator !== undefined)
    .filter((c) => overlaps(c.perpetrator, perpIds) && (victimIds.has(c.victim) || (c.analyte !== undefined && victimIds.has(c.analyte)) || withConstituents(kb, c.victim).includes(analyteId)))
    .map((c) => ({
      match: (perpIds.has(c.perpetrator) && (victimIds.has(c.victim) || victimIds.has(c.analyte ?? '')) ? 'exact' : 'related-product') as ObservedStudy['match'],
      perpetrator: c.perpetrator,
      victim: c.victim,
      id: c.id,
      aucRatio: c.aucRatio?.value,
      cmaxRatio: c.cmaxRatio?.value,
      analyte: c.analyte,
      species: c.species,
      victimDose: c.victimDose,
      perpetratorDose: c.perpetratorDose,
      evidence: c.evidence,
      sources: c.sources,
      summary: c.summary,
    }));

  const base = {
    victim: { id: victim.id, name: victim.name, analyte: analyteId, analyteName: analyte.name, dose: vReg.text, doseSource: vReg.source },
    perpetrator: { id: perp.id, name: perp.name, dose: pReg.text, doseSource: pReg.source, compounds: [] as string[] },
    basis: (observed.some((o) => o.species === 'human') ? 'referenced' : 'theoretical') as Prediction['basis'],
    observed,
  };

  // The static model has no closed form for a metabolite's exposure (formation and elimination both change):
  // answer those, and explicit `model: dynamic` requests, with the dynamic model.
  const isMetaboliteQuestion = analyteId !== victim.id && withConstituents(kb, victim.id).every((x) => x !== analyteId);
  if (req.model === 'dynamic' || isMetaboliteQuestion)
    return dynamicAnswer(
      kb,
      req,
      victim,
      perp,
      analyteId,
      { observed, basis: base.basis },
      req.model === 'dynamic'
        ? 'Answered with the dynamic model, as requested.'
        : `${analyte.name} is a metabolite of ${victim.name}: the static model has no closed form for a metabolite's exposure, so the dynamic model answered.`,
    );

  const grey = (why: string[], links: EvidenceLink[] = []): Prediction => {
    const ev = gradeChain(links);
    return {
      ...base,
      ...GREY_FIELDS,
      mechanisms: [],
      scenarios: [],
      concentrationsUM: {},
      parameters,
      assumptions,
      missing: why,
      warnings,
      evidence: ev,
      clinicalClasses,
      sources: [...sources],
      plain: `No estimate: the knowledge base lacks what this answer needs (${why.join('; ')}). That is not the same as "no interaction".${classSentence()}`,
      technical: `Grey (no data): ${why.join('; ')}.`,
    };
  };

  // --- Victim: fm per enzyme (one scenario per source), Fg, and what the Cmax ratio needs.
  const { scenarios, relations: fmRels } = fmScenarios(kb, analyteId);
  if (scenarios.length === 0) return grey([`no metabolic pathway (fm) recorded for ${analyte.name}`]);
  if (analyteId !== victim.id && analyte.kind === 'metabolite' && kb.substance(victim.id)?.metabolites.some((m) => m.substance === analyteId))
    warnings.push(`${analyte.name} is a metabolite: the static model treats it as if it were dosed; its formation also changes. The dynamic model (crosstalk simulate) follows formation and elimination together.`);
  for (const s of scenarios) sources.add(s.source);
  const fgQ = pkValue(kb, analyteId, 'fg');
  const gutEnz = Object.keys(scenarios[0]!.fm).some((e) => phys.kdegGutPerH[e] !== undefined);
  let fg = fgQ?.value ?? 1;
  if (fgQ) {
    parameters.push({ substance: analyteId, name: 'Fg', value: fgQ.value, unit: 'fraction', source: fgQ.source, verified: fgQ.verified, assumption: false });
    sources.add(fgQ.source);
  } else if (gutEnz && victimRoute === 'oral') {
    assumptions.push(`Fg of ${analyte.name} unknown: assumed 1 (no gut-wall extraction), which under-states gut CYP3A interactions.`);
    fg = 1;
  }
  for (const s of scenarios)
    for (const [e, v] of Object.entries(s.fm))
      parameters.push({ substance: analyteId, name: `fm ${e}`, value: v, unit: 'fraction', source: s.source, verified: s.verified, assumption: kb.source(s.source)?.type === 'assumption' });
  if (scenarios.some((s) => kb.source(s.source)?.type === 'assumption'))
    assumptions.push(`Some fm values of ${analyte.name} are modelling assumptions, not measurements (see parameters).`);

  // --- Perpetrator compounds with their concentrations at the regimen.
  const comps = expandToCompounds(kb, perp.id, pReg.regimen, weightKg);
  const perps: PerpetratorInput[] = [];
  const perpRels: Relation[] = [];
  const altsByCompound: Record<string, Record<string, EnzymeEffect[]>> = {};
  const intervalH = pReg.regimen?.intervalH ?? null;
  const durationH = pReg.regimen?.intervalH ? (pReg.regimen.durationD ?? Infinity) * 24 : 0;
  const victimAtH = req.victimAt ?? (Number.isFinite(durationH) ? Math.max(0, durationH - 24) : Infinity);
  // Circulating metabolites that inhibit (norfluoxetine, hydroxyitraconazole) act alongside their parent:
  // their PK profiles give Cmax per dose of the parent, and they reach the liver from the circulation.
  const withMetabolites: (typeof comps[number] & { systemic?: boolean; parent?: string })[] = [...comps];
  for (const c of comps)
    for (const m of kb.substance(c.compoundId)?.metabolites ?? [])
      if (kb.substance(m.substance) && !withMetabolites.some((x) => x.compoundId === m.substance))
        withMetabolites.push({ ...c, compoundId: m.substance, name: kb.substance(m.substance)!.name, path: [...c.path, m.substance], systemic: true, parent: c.compoundId, basis: `circulating metabolite of ${c.name}; Cmax per dose of ${c.name}` });
  const victimEnzymes = new Set(scenarios.flatMap((sc) => Object.keys(sc.fm).filter((e) => (sc.fm[e] ?? 0) > 0)));
  // A product expanded into its constituents (St John's wort → hyperforin) keeps its own clinical class on the
  // answer: the label-level fact ("moderate CYP3A4 inducer") stays in view whatever the constituents' data allow.
  if (!withMetabolites.some((c) => c.compoundId === perp.id))
    for (const r of kb.relationsOf(perp.id))
      if (['inhibitor', 'tdi', 'inducer'].includes(r.action) && victimEnzymes.has(r.object) && r.clinicalClass) {
        clinicalClasses.push({ substance: perp.id, enzyme: r.object, action: r.action, clinicalClass: r.clinicalClass, sources: r.sources });
        r.sources.forEach((x) => sources.add(x));
      }
  for (const c of withMetabolites) {
    // The analyte itself (THC when cannabis is checked against THC) is dose, not a perpetrator of itself.
    if (c.compoundId === analyteId) continue;
    const eff = perpetratorEffects(kb, c.compoundId);
    // Relations that say a compound inhibits or induces one of the victim's enzymes but give no constant
    // (e.g. a label's "strong CYP3A inhibitor"): the effect is known to exist, its size is not. Never read
    // that as "no interaction".
    for (const r of kb.relationsOf(c.compoundId)) {
      if (!['inhibitor', 'tdi', 'inducer'].includes(r.action) || !victimEnzymes.has(r.object)) continue;
      const srcs = r.sources.length ? r.sources : [];
      if (r.clinicalClass)
        clinicalClasses.push({ substance: c.compoundId, enzyme: r.object, action: r.action, clinicalClass: r.clinicalClass, sources: srcs });
      if (!eff.effects[r.object]) {
        const what = r.action === 'inducer' ? 'induction constants (Emax, EC50)' : 'inhibition constants (Ki, or KI and kinact)';
        missing.push(`${what} of ${kb.substance(c.compoundId)?.name ?? c.compoundId} for ${kb.target(r.object)?.name ?? r.object} — the KB records the effect${r.clinicalClass ? ` (${r.clinicalClass} ${r.action === 'inducer' ? 'inducer' : 'inhibitor'})` : ''} but not its size`);
        srcs.forEach((x) => sources.add(x));
      }
    }
    if (Object.keys(eff.effects).length === 0) continue;
    const relevant = Object.keys(eff.effects).some((e) => scenarios.some((s) => (s.fm[e] ?? 0) > 0));
    if (!relevant) continue;
    const s = kb.substance(c.compoundId)!;
    const label = c.compoundId === perp.id ? s.name : `${s.name} (${c.systemic ? 'metabolite' : 'from'} ${c.systemic ? `of ${kb.substance(c.parent!)?.name}` : perp.name})`;
    if (c.doseMg === undefined) {
      missing.push(pReg.regimen ? `content of ${s.name} in ${perp.name} (needed to turn the dose into a ${s.name} dose)` : `a dose of ${perp.name} (none given and no usual dose in the KB)`);
      continue;
    }
    if (!s.mw) {
      missing.push(`molecular weight of ${s.name}`);
      continue;
    }
    const ex = cmaxAtDose(kb, c.compoundId, c.doseMg, intervalH, weightKg, 'human', pReg.regimen?.route);
    const fuQ = pkValue(kb, c.compoundId, 'fu');
    if (!ex) {
      missing.push(`human Cmax of ${s.name} at a known dose`);
      continue;
    }
    if (!fuQ) {
      missing.push(`plasma unbound fraction (fu) of ${s.name}`);
      continue;
    }
    if (pReg.regimen && !['po', 'iv'].includes(pReg.regimen.route))
      assumptions.push(`${s.name} given ${pReg.regimen.route}: treated as reaching the circulation directly (Ih = Ig = fu·Cmax, no gut-wall exposure); any swallowed fraction is ignored.`);
    if (ex.otherRoute) assumptions.push(`${s.name}: ${ex.note.split('; ').pop()}.`);
    const ka = pkValue(kb, c.compoundId, 'ka');
    const fa = pkValue(kb, c.compoundId, 'fa');
    const fgP = pkValue(kb, c.compoundId, 'fg');
    const rb = pkValue(kb, c.compoundId, 'rb');
    // Without a reported ka, the observed tmax and t½ pin one down (one-compartment); the FDA default 6 /h is the last
    // resort, and a conservative one: it maximises the gut and inlet concentrations.
    const tmaxQ = ex.profile.tmax ?? pkValue(kb, c.compoundId, 'tmax');
    const hl = ex.profile.halfLife ?? pkValue(kb, c.compoundId, 'halfLife');
    const kaFromT = !ka && tmaxQ && hl ? kaFromTmax(tmaxQ.value, Math.LN2 / hl.value) : undefined;
    if (!ka && kaFromT) assumptions.push(`ka of ${s.name} not reported: ${kaFromT.toPrecision(3)} /h inferred from tmax ${tmaxQ!.value} h and t½ ${hl!.value} h (one-compartment) for the hepatic inlet and gut concentrations.`);
    else if (!ka) assumptions.push(`ka of ${s.name} unknown: FDA default 6 /h (0.1 /min) used for the hepatic inlet and gut concentrations.`);
    if (!rb) assumptions.push(`blood:plasma ratio of ${s.name} unknown: 1 assumed.`);
    const fuFloor = Math.max(fuQ.value, 0.01);
    if (fuQ.value < 0.01) assumptions.push(`fu of ${s.name} (${fuQ.value}) floored at 0.01, as regulatory basic models do.`);
    parameters.push(
      { substance: c.compoundId, name: 'dose per administration', value: c.doseMg, unit: 'mg', source: pReg.source, verified: true, assumption: false, note: c.basis },
      { substance: c.compoundId, name: 'Cmax (total, at this regimen)', value: ex.cmaxUM, unit: 'µM', source: ex.profile.cmax!.source, verified: ex.profile.cmax!.verified, assumption: false, note: ex.note },
      { substance: c.compoundId, name: 'fu,p', value: fuQ.value, unit: 'fraction', source: fuQ.source, verified: fuQ.verified, assumption: false },
    );
    if (ka) parameters.push({ substance: c.compoundId, name: 'ka', value: ka.value, unit: '1/h', source: ka.source, verified: ka.verified, assumption: false });
    if (option === 'average_u') {
      if (ex.cavUM !== undefined)
        parameters.push({ substance: c.compoundId, name: 'Cav,ss (total, at this regimen)', value: ex.cavUM, unit: 'µM', source: ex.profile.auc?.source ?? ex.profile.cmax!.source, verified: false, assumption: false, note: ex.cavNote });
      else assumptions.push(`${s.name}: no average steady-state concentration (single dose, or no AUC, CL/F or absorption data): the unbound peak stands in for the average.`);
    }
    parameters.push(...eff.used);
    sources.add(ex.profile.cmax!.source);
    sources.add(fuQ.source);
    for (const u of eff.used) sources.add(u.source);
    perpRels.push(...eff.relations);
    altsByCompound[label] = eff.alternatives;
    // Enzyme turnover: a short regimen has not reached the steady-state TDI or induction effect. Induction builds at
    // kdeg; inactivation at kdeg + kobs, which the static model computes from the exposure time (tdiTimeH).
    const inductionOnset: Record<string, number> = {};
    let tdiTimeH: number | undefined;
    const victimHalfLife = pkValue(kb, analyteId, 'halfLife')?.value;
    const mrt = Math.min(48, (victimHalfLife ?? 6) / Math.LN2);
    const tEff = victimAtH + mrt;
    // One dose of an inactivator does not stay at its peak: the enzyme sees the equivalent of the peak for
    // AUC/Cmax hours (one compartment: 1/(k·peak shape)), after which it recovers. Repeated dosing keeps it there.
    const perpHl = ex.profile.halfLife ?? pkValue(kb, c.compoundId, 'halfLife');
    const perpK = perpHl ? Math.LN2 / perpHl.value : undefined;
    const singleDoseExposureH = !intervalH && perpK ? 1 / (perpK * peakPerUnitDose(ka?.value ?? kaFromT ?? DEFAULT_KA_PER_H, perpK, null)) : Infinity;
    if (timeCourse && Number.isFinite(tEff)) {
      for (const [e, x] of Object.entries(eff.effects)) {
        const kdeg = phys.kdegLiverPerH[e] ?? 0.0193;
        if (x.emaxFold !== undefined) inductionOnset[e] = onsetFraction(kdeg, tEff);
        if (x.KIuM !== undefined || x.kinactOverKIPerHPerUM !== undefined) tdiTimeH = Math.min(tEff, singleDoseExposureH);
      }
      if (tdiTimeH !== undefined && singleDoseExposureH < tEff)
        assumptions.push(`${s.name} given once: inactivation judged over ${singleDoseExposureH.toFixed(1)} h at its peak (AUC/Cmax of one dose), not the victim's whole exposure.`);
    }
    perps.push({
      name: label,
      route: c.systemic || (pReg.regimen && !['po', 'iv'].includes(pReg.regimen.route)) ? 'systemic' : pReg.regimen?.route === 'iv' ? 'iv' : 'oral',
      doseUmol: (c.doseMg * 1000) / s.mw.value,
      cmaxUM: ex.cmaxUM,
      cavUM: ex.cavUM,
      fuP: fuFloor,
      rb: rb?.value,
      fa: fa?.value,
      fg: fgP?.value,
      kaPerH: ka?.value ?? kaFromT ?? DEFAULT_KA_PER_H,
      enzymes: eff.effects,
      tdiTimeH,
      inductionOnset,
    });
    base.perpetrator.compounds.push(c.compoundId);
  }

  const victimLinks = evidenceLinks(fmRels, kb, (r) => `${analyte.name} is metabolised by ${kb.target(r.object)?.name ?? r.object}`);
  const perpLinks = evidenceLinks(perpRels, kb, (r) => `${kb.substance(r.subject)?.name ?? r.subject} ${r.action === 'inducer' ? 'induces' : r.action === 'tdi' ? 'inactivates' : 'inhibits'} ${kb.target(r.object)?.name ?? r.object}`);

  if (perps.length === 0) {
    if (missing.length > 0) return grey([...new Set(missing)], [...victimLinks, ...perpLinks]);
    // No recorded effect of the perpetrator on any of the victim's enzymes.
    const ev = gradeChain(victimLinks);
    const enz = Object.keys(scenarios[0]!.fm).map((e) => kb.target(e)?.name ?? e);
    return {
      ...base,
      model: 'static',
      status: 'no-interaction-expected',
      aucRatio: 1,
      cmaxRatio: 1,
      cmaxMethod: 'no-mechanism',
      magnitudeClass: 'none',
      range: null,
      mechanisms: [],
      gutRatio: 1,
      liverRatio: 1,
      concentrationsUM: {},
      parameters,
      assumptions,
      missing,
      warnings: [...warnings, `The KB records no inhibition or induction by ${perp.name} of ${enz.join(', ')}; absence of a record is weak evidence of absence.`],
      evidence: ev,
      uncertainty: 'moderate',
      scenarios: [],
      clinicalClasses,
      sources: [...sources],
      plain: `No pharmacokinetic effect of ${perp.name} on ${analyte.name} is expected from what the KB records: ${analyte.name} is cleared by ${enz.join(', ')}, and no effect of ${perp.name} on ${enz.length > 1 ? 'these enzymes' : 'this enzyme'} is recorded.`,
      technical: `No recorded ${perp.name} inhibitor/inducer relation on the victim's pathways (${Object.keys(scenarios[0]!.fm).join(', ')}); AUCR = 1 by construction.`,
    };
  }
  missing.splice(0, missing.length, ...new Set(missing));
  if (missing.length > 0) warnings.push(`Not included (missing data): ${missing.join('; ')}.`);

  const victimIn = (s = scenarios[0]!): VictimInput => ({ route: victimRoute, fm: s.fm, fg });
  const res = staticAucRatio(victimIn(), perps, phys, option);
  const classClash = classConsistency(clinicalClasses, scenarios[0]!.fm, res.aucRatio, (id) => kb.substance(id)?.name ?? kb.target(id)?.name ?? id, analyte.name);
  warnings.push(...classClash);

  // Cmax ratio: one-compartment Bateman when the victim's ka and k are known.
  const vHalf = pkValue(kb, analyteId, 'halfLife');
  const vKa = pkValue(kb, analyteId, 'ka');
  const vFu = pkValue(kb, analyteId, 'fu');
  const vRb = pkValue(kb, analyteId, 'rb');
  const vClF = pkValue(kb, analyteId, 'clF');
  const vCl = pkValue(kb, analyteId, 'cl');
  let fh = 1;
  if (vCl && vCl.unit === 'L/h') fh = Math.max(0, 1 - vCl.value / ((vRb?.value ?? 1) * phys.qhLPerH));
  else if (vClF && vClF.unit === 'L/h' && vFu) {
    const clint = (vClF.value * (pkValue(kb, analyteId, 'fa')?.value ?? 1) * fg) / vFu.value;
    const fub = vFu.value / (vRb?.value ?? 1);
    fh = phys.qhLPerH / (phys.qhLPerH + fub * clint);
  } else assumptions.push(`Hepatic availability of ${analyte.name} unknown: low extraction (Fh = 1) assumed for the Cmax ratio.`);
  let kaV = vKa?.value;
  const kV = vHalf ? Math.LN2 / vHalf.value : undefined;
  const vTmax = pkValue(kb, analyteId, 'tmax')?.value;
  if (!kaV && kV && vTmax) kaV = kaFromTmax(vTmax, kV);
  if (!kaV && kV) {
    kaV = DEFAULT_KA_PER_H;
    assumptions.push(`ka of ${analyte.name} unknown: FDA default 6 /h used for the Cmax ratio's absorption phase.`);
  }
  const cm = cmaxRatioOf({ gutRatio: res.gutRatio, hepaticClearanceScale: res.hepaticClearanceScale, fh, kaPerH: kaV, kPerH: kV, route: victimRoute });

  // Uncertainty: Monte Carlo over the spread of the inputs (MODEL.md §3.4 CVs, source-to-source spread).
  const rng = createRng(opts.seed ?? DEFAULTS.seed);
  const draws = opts.draws ?? DEFAULTS.draws;
  const samples: number[] = [];
  for (let i = 0; i < draws; i++) {
    const sc = scenarios[Math.floor(rng.next() * scenarios.length)]!;
    const fm: Record<string, number> = {};
    for (const [e, v] of Object.entries(sc.fm)) {
      const lo = sc.fmLow[e] ?? v;
      const hi = sc.fmHigh[e] ?? v;
      fm[e] = lo === hi ? Math.min(1, v * lognormalFactor(rng, 0.05)) : lo + (hi - lo) * rng.next();
    }
    const total = Object.values(fm).reduce((a, b) => a + b, 0);
    if (total > 1) for (const e of Object.keys(fm)) fm[e] = fm[e]! / total;
    const fgS = fg >= 1 ? 1 : 1 / (1 + ((1 - fg) / fg) * Math.exp(0.5 * rng.normal()));
    const ps = perps.map((p) => {
      const alts = altsByCompound[p.name] ?? {};
      const enzymes: Record<string, EnzymeEffect> = {};
      for (const [e, eff] of Object.entries(p.enzymes)) {
        const options = alts[e] ?? [];
        const pick = options.length > 1 ? options[Math.floor(rng.next() * options.length)]! : eff;
        const f = lognormalFactor(rng, 0.5);
        enzymes[e] = {
          ...eff,
          kiUM: pick.kiUM !== undefined ? pick.kiUM * f : eff.kiUM !== undefined ? eff.kiUM * f : undefined,
          KIuM: (pick.KIuM ?? eff.KIuM) !== undefined ? (pick.KIuM ?? eff.KIuM)! * lognormalFactor(rng, 0.5) : undefined,
          kinactPerH: (pick.kinactPerH ?? eff.kinactPerH) !== undefined ? (pick.kinactPerH ?? eff.kinactPerH)! * lognormalFactor(rng, 0.3) : undefined,
          kinactOverKIPerHPerUM: eff.kinactOverKIPerHPerUM !== undefined ? eff.kinactOverKIPerHPerUM * lognormalFactor(rng, 0.5) : undefined,
          emaxFold: (pick.emaxFold ?? eff.emaxFold) !== undefined ? 1 + ((pick.emaxFold ?? eff.emaxFold)! - 1) * lognormalFactor(rng, 0.3) : undefined,
          ec50UM: (pick.ec50UM ?? eff.ec50UM) !== undefined ? (pick.ec50UM ?? eff.ec50UM)! * lognormalFactor(rng, 0.5) : undefined,
        };
      }
      // Peak and average move together: one exposure draw scales both.
      const exposure = lognormalFactor(rng, 0.3);
      return { ...p, cmaxUM: p.cmaxUM * exposure, cavUM: p.cavUM === undefined ? undefined : p.cavUM * exposure, fuP: Math.min(1, p.fuP * lognormalFactor(rng, 0.2)), enzymes };
    });
    const kd = lognormalFactor(rng, 0.5);
    const physS: Physiology = {
      ...phys,
      kdegLiverPerH: Object.fromEntries(Object.entries(phys.kdegLiverPerH).map(([k, v]) => [k, v * kd])),
      kdegGutPerH: Object.fromEntries(Object.entries(phys.kdegGutPerH).map(([k, v]) => [k, v * kd])),
    };
    const r = staticAucRatio({ route: victimRoute, fm, fg: fgS }, ps, physS, option, false).aucRatio;
    if (Number.isFinite(r)) samples.push(r);
  }
  samples.sort((a, b) => a - b);
  const range = { low: percentile(samples, 0.05), high: percentile(samples, 0.95), method: `5th–95th percentile of ${samples.length} Monte Carlo draws over Ki/KI/kinact/EC50 (CV 50 %, and between-source spread), fm (source ranges and scenarios), fu (CV 20 %), perpetrator Cmax (CV 30 %), kdeg (CV 50 %), Fg (logit SD 0.5); seed ${rng.seed}, ${rng.algorithm}` };

  const scenarioResults = scenarios.map((s) => ({ source: s.source, aucRatio: staticAucRatio(victimIn(s), perps, phys, option, false).aucRatio }));
  if (scenarioResults.length > 1) {
    const rs = scenarioResults.map((s) => s.aucRatio);
    if (Math.max(...rs) / Math.min(...rs) > 1.25)
      warnings.push(`Sources disagree on ${analyte.name}'s pathways: ${scenarioResults.map((s) => `${s.source} → AUC ratio ${fmt(s.aucRatio)}`).join('; ')}. The range spans them; the point uses ${scenarios[0]!.source}.`);
  }
  for (const p of parameters) if (p.assumption) sources.add(p.source);
  const evidence = gradeChain([
    ...perpLinks,
    ...victimLinks,
    { claim: 'exposure change predicted by the mechanistic static model', level: 'in_silico' as const, sources: [], predicted: true },
  ].filter((l) => l.level !== 'in_silico' || l.predicted));
  // The model output itself: in-silico; the chain's level is the weakest measured link, capped as predicted.
  const measured = gradeChain([...perpLinks, ...victimLinks]);
  const ev: EvidenceSummary = { ...measured, grade: evidence.grade, caveats: [...measured.caveats, 'The exposure change is a model prediction, not an observation.'] };
  const intervalFold = range.high / Math.max(1e-9, range.low);
  const unverifiedCritical = parameters.filter((p) => !p.verified && /^(fm|Ki|KI|kinact|fu|Cmax|Fg)/.test(p.name)).length;
  const uncertainty = uncertaintyLabel({ grade: ev.grade, intervalFold, unverifiedCritical, extrapolated: false, missing: false });
  if (res.aucRatio > 0.8 && res.aucRatio < 1.25 && res.mechanisms.some((m) => m.aucRatio >= 1.25) && res.mechanisms.some((m) => m.aucRatio <= 0.8))
    warnings.push('Inhibition and induction roughly cancel here; each mechanism alone is shown below.');
  const mclass = magnitudeClass(res.aucRatio);
  const top = [...res.mechanisms].sort((a, b) => Math.abs(Math.log(b.aucRatio)) - Math.abs(Math.log(a.aucRatio)))[0];
  const enzName = (e: string): string => kb.target(e)?.name ?? e;
  const direction = res.aucRatio >= 1 ? 'raise' : 'lower';
  const plain = classClash.length > 0
    ? `From lab constants the model gives about ${fmt(res.aucRatio)}× (range ${fmt(range.low)}–${fmt(range.high)}×), but ${perp.name}'s clinical classification implies a larger effect on ${analyte.name} in people (see the warning): read the model figure as a lower estimate, not as reassurance.`
    : mclass === 'none'
      ? `${perp.name} is not predicted to change ${analyte.name} levels meaningfully (about ${fmt(res.aucRatio)}×; range ${fmt(range.low)}–${fmt(range.high)}×).`
      : `${perp.name} is predicted to ${direction} ${analyte.name} exposure about ${fmt(res.aucRatio)}-fold (range ${fmt(range.low)}–${fmt(range.high)}), mainly through ${top ? `${top.kind === 'induction' ? 'induction' : top.kind === 'time-dependent' ? 'inactivation' : 'inhibition'} of ${enzName(top.enzyme)} in the ${top.site}` : 'shared enzymes'}. This is a ${base.basis === 'referenced' ? 'model estimate shown beside observed human data' : 'prediction from lab measurements, not an observation in people'}.`;
  const plainWithClasses = plain + classSentence();
  const technical = `MSM (Fahmi/FDA 2020), ${option}: AUCR ${fmt(res.aucRatio)} [gut ${fmt(res.gutRatio)} × liver ${fmt(res.liverRatio)}], CmaxR ${fmt(cm.ratio)} (${cm.method}); ${perps
    .map((p) => `${p.name}: Ih,u ${fmt(res.concentrations[p.name]!.ihUM)} µM, Ig ${fmt(res.concentrations[p.name]!.igUM)} µM`)
    .join('; ')}; victim fm ${Object.entries(scenarios[0]!.fm).map(([e, v]) => `${e} ${v}`).join(', ')}, Fg ${fg}; FDA class ${mclass}.`;

  const out: Prediction = {
    ...base,
    model: 'static',
    status: 'predicted',
    aucRatio: res.aucRatio,
    cmaxRatio: cm.ratio,
    cmaxMethod: cm.method,
    magnitudeClass: mclass,
    range,
    mechanisms: res.mechanisms,
    gutRatio: res.gutRatio,
    liverRatio: res.liverRatio,
    concentrationsUM: Object.fromEntries(Object.entries(res.concentrations).map(([k, c]) => [k, { ih: c.ihUM, ig: c.igUM, imaxU: c.imaxUUM }])),
    parameters,
    assumptions: [...new Set(assumptions)],
    missing,
    warnings,
    evidence: ev,
    uncertainty,
    scenarios: scenarioResults,
    clinicalClasses,
    sources: [...sources].filter(Boolean).sort(),
    plain: plainWithClasses,
    technical,
  };
  assertFinite(out);
  return out;
}

/** The fields every grey (no data) answer shares: no ratios, no range, no mechanism. */
export const GREY_FIELDS = {
  model: 'none',
  status: 'grey',
  aucRatio: null,
  cmaxRatio: null,
  cmaxMethod: null,
  magnitudeClass: 'unknown',
  range: null,
  mechanisms: [],
  gutRatio: null,
  liverRatio: null,
  concentrationsUM: {},
  uncertainty: 'unknown',
  scenarios: [],
} as const satisfies Partial<Prediction>;

/**
 * Cross-check the mechanistic answer against the perpetrator's clinical class. FDA bands are defined on sensitive
 * substrates (fm ≈ 1): a strong inhibitor leaves at most 20 % of the enzyme's activity (AUC ≥ 5-fold), a moderate
 * one at most 50 %; a strong inducer multiplies it at least 5-fold, a moderate one at least 2-fold. For this victim
 * the class therefore implies an AUC ratio of at least 1/(fm·a + 1 − fm) (inhibitors) or at most that (inducers).
 * When the model falls short of that by more than 25 %, say so: in-vitro constants can understate in-vivo effects.
 */
export function classConsistency(
  classes: ClinicalClassNote[],
  fm: Record<string, number>,
  predicted: number,
  nameOf: (id: string) => string,
  victimName: string,
): string[] {
  const out: string[] = [];
  for (const c of new Map(classes.map((x) => [`${x.substance}|${x.enzyme}|${x.action}`, x])).values()) {
    const f = fm[c.enzyme] ?? 0;
    if (f < 0.3 || c.clinicalClass === 'weak') continue;
    const inducer = c.action === 'inducer';
    const activity = inducer ? (c.clinicalClass === 'strong' ? 5 : 2) : c.clinicalClass === 'strong' ? 0.2 : 0.5;
    const implied = 1 / (f * activity + 1 - f);
    const who = `${nameOf(c.substance)} is classified as a ${c.clinicalClass} ${nameOf(c.enzyme)} ${inducer ? 'inducer' : 'inhibitor'}`;
    if (!inducer && predicted < implied / 1.25)
      out.push(`${who}; for ${victimName} (fm ${f.toFixed(2)}) that class implies an AUC increase of at least about ${implied.toFixed(1)}-fold, more than the ${predicted.toFixed(2)}-fold the in-vitro constants give. In-vitro constants can understate inhibition in people (unbound Ki not known, accumulation in the liver, inhibitory metabolites): read the model figure as a lower estimate.`);
    if (inducer && predicted > implied * 1.25)
      out.push(`${who}; for ${victimName} (fm ${f.toFixed(2)}) that class implies an AUC ratio of at most about ${implied.toFixed(2)}, lower than the model's ${predicted.toFixed(2)}: the induction constants may understate the effect in people.`);
  }
  return out;
}

function assertFinite(p: Prediction): void {
  for (const [k, v] of [
    ['aucRatio', p.aucRatio],
    ['cmaxRatio', p.cmaxRatio],
    ['range.low', p.range?.low],
    ['range.high', p.range?.high],
  ] as const)
    if (v !== null && v !== undefined && !Number.isFinite(v))
      throw new CrosstalkError('ENGINE_NONFINITE', `predict: ${k} is not finite for ${p.perpetrator.name} → ${p.victim.analyteName}`, { field: k });
}
