/**
 * English text for every statement code the engine produces. Wording lives here and nowhere else: the engine
 * returns codes and parameters (src/core/schema/statement.ts), and golden files of CLI and brief output pin what
 * users read, so a change of wording is a reviewed diff. A second language is a second file of the same shape.
 */
import type { Statement, StatementParam } from '../schema/statement.js';
import { magnitudeClass } from '../models/static/static-ddi.js';

/** What some templates need beyond their own parameters: the answer's missing items, already rendered. */

/** Why the dynamic model came before the static one (best-estimate.ts `perpetratorCourse`). */
const SINGLE_DOSE_WHY = 'the dynamic model before the static one because a single dose of the other substance rises and falls while this one is in the body, which the static model replaces by one constant concentration';
const SHORT_COURSE_WHY = 'the dynamic model before the static one because the other substance was taken for less than three of its half-lives, so its level was still rising toward the steady state the static model assumes';

export interface RenderContext {
  missing: string[];
}

type P = Record<string, StatementParam>;
type Template = (p: P, ctx: RenderContext) => string;

const t = (x: StatementParam | undefined): string => String(x);
const n = (x: StatementParam | undefined): number => x as number;
const list = (x: StatementParam | undefined): readonly (string | number)[] => (x ?? []) as readonly (string | number)[];
/** Ratios as the engine has always printed them: 1 decimal from 10, 2 from 1, else 2 significant digits. */
export function fmtRatio(x: number): string {
  return x >= 10 ? x.toFixed(1) : x >= 1 ? x.toFixed(2) : x.toPrecision(2);
}
const MODEL_NAMES: Record<string, string> = { anchored: 'clinically anchored model', static: 'mechanistic static model', dynamic: 'dynamic model' };
const f2 = (x: number): string => (x >= 10 ? x.toFixed(1) : x.toFixed(2));
/** Inside the FDA "no interaction" band (MODEL.md §1.4), the one the static headline uses: no direction is worth stating. */
const noMeaningfulChange = (ratio: number): boolean => magnitudeClass(ratio) === 'none';

const ASSUMPTIONS: Record<string, Template> = {
  ASSUME_DEFAULT_DOSE: (p) =>
    `${p.role === 'victim' ? 'Victim' : 'Perpetrator'} dose not given: used the KB's reference dose of ${t(p.name)} (a dose from a label or study, not a recommendation), ${t(p.regimen)} [${t(p.source)}].`,
  ASSUME_DEFAULT_USAGE: (p) =>
    `${p.role === 'victim' ? 'Victim' : 'Perpetrator'} dose not given: ${t(p.name)} taken as in its everyday default, ${t(p.pattern)} (${t(p.regimen)})${p.estimate ? ', a typical-use estimate' : ''} — a description of common use, not a recommendation; give a dose to ask about another [${list(p.sources).join(', ')}].`,
  ASSUME_FG_ONE: (p) => `Fg of ${t(p.analyte)} unknown: assumed 1 (no gut-wall extraction), which under-states gut CYP3A interactions.`,
  ASSUME_FHEPATIC_ONE: (p) => `No hepatic share of ${t(p.analyte)}'s clearance is recorded: all of it is taken as hepatic, so hepatic uptake inhibition may be over-stated.`,
  ASSUME_UPTAKE_TOTAL_INLET: (p) =>
    `Inhibition of ${t(p.analyte)}'s hepatic uptake (OATP1B) is computed at the other substance's total (bound + unbound) hepatic inlet peak, not its unbound one: OATP constants are measured without plasma protein, and unbound concentrations under-predicted every OATP study used to choose the model's settings; read the uptake term as an upper estimate.`,
  ASSUME_TRANSPORT_ASSUMED: (p) => `Some transporter fractions of ${t(p.analyte)} (hepatic uptake, gut efflux or secretion shares) are modelling assumptions, not measurements (see parameters).`,
  ASSUME_FUINC_PREDICTED: (p) =>
    `${t(p.compound)} at ${t(p.enzyme)}: total in-vitro constants made unbound with a predicted microsomal binding (${t(p.detail)})${p.proteinAssumed ? '; the assay\'s protein concentration is not reported, so a typical value is assumed' : ''}.`,
  ASSUME_FUINC_NONE: (p) => `${t(p.compound)} at ${t(p.enzyme)}: some total in-vitro constants are used as if unbound (${t(p.reason)}), which can under-state inhibition.`,
  ASSUME_FM_ASSUMED: (p) => `Some fm values of ${t(p.analyte)} are modelling assumptions, not measurements (see parameters).`,
  ASSUME_ROUTE_SYSTEMIC: (p) =>
    `${t(p.compound)} given ${t(p.route)}: treated as reaching the circulation directly (Ih = Ig = fu·Cmax, no gut-wall exposure); any swallowed fraction is ignored.`,
  ASSUME_EXPOSURE_OTHER_ROUTE: (p) => `${t(p.compound)}: ${t(p.note)}.`,
  ASSUME_KA_FROM_TMAX: (p) =>
    `ka of ${t(p.compound)} not reported: ${n(p.ka).toPrecision(3)} /h inferred from tmax ${t(p.tmax)} h and t½ ${t(p.halfLife)} h (one-compartment) for the hepatic inlet and gut concentrations.`,
  ASSUME_KA_DEFAULT: (p) => `ka of ${t(p.compound)} unknown: FDA default 6 /h (0.1 /min) used for the hepatic inlet and gut concentrations.`,
  ASSUME_RB_ONE: (p) => `blood:plasma ratio of ${t(p.compound)} unknown: 1 assumed.`,
  NOTE_GUT_SOLUBILITY_CAP: (p) => `The gut concentrations of ${t(p.compound)} are capped at its aqueous solubility (${f2(n(p.solubility))} µM): drug that has not dissolved does not inhibit.`,
  ASSUME_FU_FLOOR: (p) => `fu of ${t(p.compound)} (${t(p.fu)}) floored at 0.01, as regulatory basic models do.`,
  ASSUME_CAV_FROM_PEAK: (p) =>
    `${t(p.compound)}: no average steady-state concentration (single dose, or no AUC, CL/F or absorption data): the unbound peak stands in for the average.`,
  ASSUME_TDI_SINGLE_DOSE: (p) =>
    `${t(p.compound)} given once: inactivation judged over ${n(p.hours).toFixed(1)} h at its peak (AUC/Cmax of one dose), not the victim's whole exposure.`,
  ASSUME_KDEG_FALLBACK: (p) => `Turnover (kdeg) of ${t(p.enzyme)} is not in the KB: the hepatic CYP3A4 value, ${t(p.kdeg)} /h, is assumed for the onset of induction.`,
  ASSUME_FH_ONE: (p) => `Hepatic availability of ${t(p.analyte)} unknown: low extraction (Fh = 1) assumed for the Cmax ratio.`,
  ASSUME_VICTIM_KA_DEFAULT: (p) => `ka of ${t(p.analyte)} unknown: FDA default 6 /h used for the Cmax ratio's absorption phase.`,
  ASSUME_DYNAMIC_REQUESTED: () => 'Answered with the dynamic model, as requested.',
  ASSUME_DYNAMIC_FOR_METABOLITE: (p) =>
    `${t(p.analyte)} is a metabolite of ${t(p.victim)}: the static model has no closed form for a metabolite's exposure, so the dynamic model answered.`,
  ASSUME_VICTIM_DOSE_FROM_PROFILE: (p) => `No victim dose given and no reference dose in the KB: used ${t(p.dose)}, the dose of ${t(p.victim)}'s PK profile [${t(p.source)}].`,
  NOTE_SIMULATOR: (p) => t(p.text),
  NOTE_BEST_ESTIMATE: (p) =>
    `Best estimate from the ${MODEL_NAMES[t(p.chosen)] ?? t(p.chosen)}: the rule, settled on the benchmark's tune split, takes the first of ${list(p.order)
      .map((m) => MODEL_NAMES[String(m)] ?? m)
      .join(', then ')} that can answer${p.why === 'transporter' ? ' (the mechanistic model first because a transporter drives its answer, which the anchored model has no path for)' : p.why === 'partial-anchored' ? ' (the mechanistic model first because the anchored answer lacks an in-vivo ratio on one of the main pathways)' : p.why === 'partial-anchored-single-dose' ? ` (the mechanistic model first because the anchored answer lacks an in-vivo ratio on one of the main pathways; ${SINGLE_DOSE_WHY})` : p.why === 'single-dose' ? ` (${SINGLE_DOSE_WHY})` : p.why === 'partial-anchored-short-course' ? ` (the mechanistic model first because the anchored answer lacks an in-vivo ratio on one of the main pathways; ${SHORT_COURSE_WHY})` : p.why === 'short-course' ? ` (${SHORT_COURSE_WHY})` : p.why === 'metabolite' ? " (for a metabolite the dynamic model, which simulates its formation and elimination, comes before the anchored model's mass balance)" : ''}; every model's answer is listed under models${typeof p.rangeFactor === 'number' ? `, each with its own range; the best estimate's range is that model's range narrowed on the log scale to ×${n(p.rangeFactor)} of its width, calibrated on the tune split (chosen answers err less than a model's answers at large)` : ''}.`,
  ASSUME_PHENOTYPE: (p) =>
    `${t(p.analyte)} taken by a ${t(p.phenotype)} of ${t(p.enzyme)}: its clearance through ${t(p.enzyme)} scaled by ${t(p.multiplier)} (CPIC/DPWG-based multiplier, a modelling assumption), and its fractions of clearance moved accordingly.`,
  NOTE_PHENOTYPE_NOT_SIMULATED: (p) =>
    `The dynamic model simulates the reference (normal) phenotype here: the phenotype given for ${list(p.enzymes).join(', ')} is not applied to a single simulated person (use crosstalk simulate with --phenotype).`,
  ASSUME_ANCHORED_REQUESTED: () => "Answered with the clinically anchored model: the victim's in-vivo share of clearance (CR) and the perpetrator's in-vivo inhibition (IR) or induction (IC), each from other pairs' clinical studies.",
  NOTE_ANCHORED_LEFT_OUT: (p) => `Leave-pair-out: the ${list(p.studies).length} stud${list(p.studies).length === 1 ? 'y' : 'ies'} of this pair, with any genotype contrast published beside them (${list(p.studies).join(', ')}), were not read by the model; the pair's own are shown only beside its answer.`,
  ASSUME_ANCHORED_FORMATION: (p) =>
    `${t(p.analyte)} is formed from ${t(p.parent)}: ${(p.fractions as number[]).map((f, i) => `${f} of ${t(p.parent)}'s clearance${(p.enzymes as string[])[i] ? ` through ${t((p.enzymes as string[])[i])}${(p.known as number[])[i] ? ` (in-vivo activity ×${(p.activities as number[])[i]})` : ' (no in-vivo ratio of the other substance on it: taken as unchanged)'}` : ' (no enzyme named: formed pro rata, taken as unchanged)'}`).join('; ')}. By mass balance the amount formed through an enzyme moves with its activity times ${t(p.parent)}'s exposure change, and ${t(p.analyte)}'s own elimination moves with the enzymes that clear it; changes in the gut wall are left out.`,
  ASSUME_ANCHORED_NO_RECORDED_EFFECT: (p) =>
    `The KB records no effect of ${t(p.perpetrator)} on ${list(p.enzymes).join(', ')} (a main pathway of ${t(p.analyte)}): taken as unchanged, as the mechanistic models take it; an effect no study has looked for would be missed.`,
  ASSUME_ANCHORED_CR: (p) =>
    `CR of ${t(p.victim)} through ${t(p.enzyme)}: ${n(p.cr).toFixed(2)} (${n(p.low).toFixed(2)}–${n(p.high).toFixed(2)}), ${ANCHORED_CR_METHOD[t(p.method)] ?? t(p.method)}${list(p.studies).length ? ` [${list(p.studies).join(', ')}]` : ''}.`,
  ASSUME_ANCHORED_EFFECT: (p) =>
    `${p.kind === 'induction' ? 'IC' : 'IR'} of ${t(p.perpetrator)} on ${t(p.enzyme)}: ${n(p.ratio).toFixed(2)}, from its studies with ${list(p.anchors).join(', ')} [${list(p.studies).join(', ')}] at ${t(p.indexRegimen)}; ${p.transfer === 'dose-scaled' ? `moved to ${t(p.askedRegimen)} along IR = D/(D + Kapp), exposure taken as proportional to the amount per day` : p.transfer === 'single-dose-no-induction' ? `a single dose (${t(p.askedRegimen)}) is asked and induction takes days of dosing, so no induction is assumed` : p.transfer === 'index-regimen' ? `the asked regimen (${t(p.askedRegimen)}) could not be compared, so the index regimen's value is used` : 'same amount per day as asked'}.`,
};

const ANCHORED_CR_METHOD: Record<string, string> = {
  genotype: 'from poor vs normal metaboliser AUCs (CR = 1 − AUC normal / AUC poor)',
  'index-inhibitor': 'from its largest AUC rise with an index inhibitor, taken to inhibit fully (IR = 1; a lower bound)',
  'perpetrator-of-known-IR': "from its studies with perpetrators whose IR is known from index substrates (CR = (1 − 1/AUCR)/IR)",
  'literature-fm': 'a cited in-vivo fm from poor-vs-normal metabolisers (genotype or phenotype study) in the KB',
  'mechanistic-fm': 'no clinical anchor: the mechanistic fm (with Fg for an oral CYP3A victim) stands in',
  'no-pathway': 'the KB records no pathway through this enzyme, so 0 is assumed',
};

const MISSING: Record<string, Template> = {
  MISSING_FM: (p) => `no metabolic pathway (fm) recorded for ${t(p.analyte)}`,
  MISSING_CONSTANTS: (p) =>
    `${p.induction ? 'induction constants (Emax, EC50)' : 'inhibition constants (Ki, or KI and kinact)'} of ${t(p.compound)} for ${t(p.enzyme)} — the KB records the effect${p.clinicalClass ? ` (${t(p.clinicalClass)} ${p.induction ? 'inducer' : 'inhibitor'})` : ''} but not its size`,
  MISSING_DYNAMIC_TRANSPORTER: (p) =>
    `the ${p.induction ? 'induction' : 'inhibition'} of ${t(p.transporter)} by ${t(p.compound)}, which carries ${t(p.analyte)} — the dynamic model has no transporter path, so the simulation leaves it out`,
  MISSING_CONTENT: (p) => `content of ${t(p.compound)} in ${t(p.product)} (needed to turn the dose into a ${t(p.compound)} dose)`,
  MISSING_DOSE: (p) => `a dose of ${t(p.product)} (none given and no usual dose in the KB)`,
  MISSING_MW: (p) => `molecular weight of ${t(p.compound)}`,
  MISSING_CMAX: (p) => `human Cmax of ${t(p.compound)} at a known dose`,
  MISSING_FU: (p) => `plasma unbound fraction (fu) of ${t(p.compound)}`,
  MISSING_KDEG: (p) => `turnover rate (kdeg) of ${t(p.enzyme)}, so inactivation of it by ${t(p.compound)} is not included`,
  MISSING_DYNAMIC: (p) => t(p.message),
  MISSING_ANCHORED_IR: (p) => `an in-vivo inhibition or induction ratio of ${t(p.perpetrator)}${p.enzyme ? ` on ${t(p.enzyme)}` : ''} (no study of it with an index substrate outside this pair)`,
  MISSING_ANCHORED_CR: (p) => `the in-vivo share of ${t(p.victim)}'s clearance through ${t(p.enzyme)} (no genotype, index-inhibitor or fm data outside this pair)`,
  MISSING_ANCHORED_METABOLITE: (p) => `a formation fraction of the metabolite ${t(p.analyte)} from its parent (the anchored model follows a metabolite through the share of the parent's clearance that forms it)`,
};

const WARNINGS: Record<string, Template> = {
  WARN_METABOLITE_AS_DOSED: (p) =>
    `${t(p.analyte)} is a metabolite: the static model treats it as if it were dosed; its formation also changes. The dynamic model (crosstalk simulate) follows formation and elimination together.`,
  WARN_PARTIAL_DATA: (_p, ctx) => `Not included (missing data): ${ctx.missing.join('; ')}.`,
  WARN_MODELS_DISAGREE: (p) =>
    `The models disagree by more than 2-fold (${list(p.models)
      .map((m, i) => `${MODEL_NAMES[String(m)] ?? m} ×${fmtRatio(n(list(p.ratios)[i]))}`)
      .join(', ')}): the anchored model reads what people showed in other pairs' studies, the static and dynamic models read laboratory constants and single-drug PK, so a wide gap usually means a mechanism or an in-vivo strength the lab data miss. Read the answer with its range.`,
  WARN_CLASS_CLASH_INHIBITOR: (p) =>
    `${t(p.perpetrator)} is classified as a ${t(p.clinicalClass)} ${t(p.enzyme)} inhibitor; for ${t(p.victim)} (fm ${n(p.fm).toFixed(2)}) that class implies an AUC increase of at least about ${n(p.implied).toFixed(1)}-fold, more than the ${n(p.predicted).toFixed(2)}-fold the in-vitro constants give. In-vitro constants can understate inhibition in people (unbound Ki not known, accumulation in the liver, inhibitory metabolites): read the model figure as a lower estimate.`,
  WARN_CLASS_CLASH_INDUCER: (p) =>
    `${t(p.perpetrator)} is classified as a ${t(p.clinicalClass)} ${t(p.enzyme)} inducer; for ${t(p.victim)} (fm ${n(p.fm).toFixed(2)}) that class implies an AUC ratio of at most about ${n(p.implied).toFixed(2)}, lower than the model's ${n(p.predicted).toFixed(2)}: the induction constants may understate the effect in people.`,
  WARN_FM_SOURCES_DISAGREE: (p) =>
    `Sources disagree on ${t(p.analyte)}'s pathways: ${list(p.sources)
      .map((s, i) => `${s} → AUC ratio ${fmtRatio(n(list(p.ratios)[i]))}`)
      .join('; ')}. The range spans them; the point uses ${t(p.pointSource)}.`,
  WARN_MECHANISMS_CANCEL: () => 'Inhibition and induction roughly cancel here; each mechanism alone is shown below.',
  WARN_OBSERVED_DISAGREES: (p) =>
    `A study in people measured ×${t(p.observed)} (${p.dose ?? 'dose as reported'}; ${list(p.studySources).join(', ')}) where the model gives ×${f2(n(p.predicted))}: more than 2-fold apart. The human observation outranks the model (doses and designs may differ).`,
  WARN_NO_RECORDED_EFFECT: (p) =>
    `The KB records no inhibition or induction by ${t(p.perpetrator)} of ${list(p.enzymes).join(', ')}; absence of a record is weak evidence of absence.`,
};

const FDA_BANDS_INHIBITOR = "a strong inhibitor raises a sensitive substrate's AUC at least 5-fold, a moderate one 2–5-fold, a weak one 1.25–2-fold";
const FDA_BANDS_INDUCER = "a strong inducer lowers a sensitive substrate's AUC by at least 80 %, a moderate one by 50–80 %, a weak one by 20–50 %";

const PLAIN: Record<string, Template> = {
  PLAIN_GREY: (_p, ctx) => `No estimate: the knowledge base lacks what this answer needs (${ctx.missing.join('; ')}). That is not the same as "no interaction".`,
  PLAIN_CLINICAL_CLASSES: (p) =>
    `Clinical classification: ${list(p.substances)
      .map((s, i) => `${s} is a ${list(p.classes)[i]} ${list(p.enzymes)[i]} ${list(p.inducer)[i] ? 'inducer' : 'inhibitor'}`)
      .join('; ')} (FDA bands: ${[p.anyInhibitor ? FDA_BANDS_INHIBITOR : '', p.anyInducer ? FDA_BANDS_INDUCER : ''].filter(Boolean).join('; ')}).`,
  PLAIN_NO_INTERACTION: (p) => {
    const enz = list(p.enzymes);
    return `No pharmacokinetic effect of ${t(p.perpetrator)} on ${t(p.analyte)} is expected from what the KB records: ${t(p.analyte)} is cleared by ${enz.join(', ')}, and no effect of ${t(p.perpetrator)} on ${enz.length > 1 ? 'these pathways' : 'this pathway'} is recorded.`;
  },
  PLAIN_CLASS_CLASH: (p) =>
    `From lab constants the model gives about ${fmtRatio(n(p.ratio))}× (range ${fmtRatio(n(p.low))}–${fmtRatio(n(p.high))}×), but ${t(p.perpetrator)}'s clinical classification implies a larger effect on ${t(p.analyte)} in people (see the warning): read the model figure as a lower estimate, not as reassurance.`,
  PLAIN_NO_CHANGE: (p) =>
    `${t(p.perpetrator)} is not predicted to change ${t(p.analyte)} levels meaningfully (about ${fmtRatio(n(p.ratio))}×; range ${fmtRatio(n(p.low))}–${fmtRatio(n(p.high))}×).`,
  PLAIN_CHANGE: (p) =>
    `${t(p.perpetrator)} is predicted to ${n(p.ratio) >= 1 ? 'raise' : 'lower'} ${t(p.analyte)} exposure about ${fmtRatio(n(p.ratio))}-fold (range ${fmtRatio(n(p.low))}–${fmtRatio(n(p.high))}), mainly through ${p.mechanism ? `${t(p.mechanism)} of ${t(p.enzyme)} in the ${t(p.site)}` : 'shared enzymes'}. This is a ${p.observedBeside ? 'model estimate shown beside observed human data' : 'prediction from lab measurements, not an observation in people'}.`,
  PLAIN_DYNAMIC: (p) =>
    `${t(p.perpetrator)} is ${noMeaningfulChange(n(p.ratio)) ? `not predicted to change ${t(p.analyte)} exposure meaningfully (about ${f2(n(p.ratio))}×${p.low !== null ? `; range ${f2(n(p.low))}–${f2(n(p.high))}×` : ''})` : `predicted to ${n(p.ratio) >= 1 ? 'raise' : 'lower'} ${t(p.analyte)} exposure about ${f2(n(p.ratio))}-fold${p.low !== null ? ` (range ${f2(n(p.low))}–${f2(n(p.high))})` : ''}`}${Math.abs(n(p.tmaxShiftH)) >= 0.05 ? `; the peak moves by ${n(p.tmaxShiftH) >= 0 ? '+' : ''}${n(p.tmaxShiftH).toFixed(2)} h` : ''}. This comes from a simulation built on lab measurements, not an observation in people.`,
  PLAIN_ANCHORED: (p) =>
    `${t(p.perpetrator)} is ${noMeaningfulChange(n(p.ratio)) ? `not estimated to change ${t(p.analyte)} exposure meaningfully (about ${fmtRatio(n(p.ratio))}×; range ${fmtRatio(n(p.low))}–${fmtRatio(n(p.high))}×)` : `estimated to ${n(p.ratio) >= 1 ? 'raise' : 'lower'} ${t(p.analyte)} exposure about ${fmtRatio(n(p.ratio))}-fold (range ${fmtRatio(n(p.low))}–${fmtRatio(n(p.high))})`}, inferred from ${n(p.studies)} clinical stud${n(p.studies) === 1 ? 'y' : 'ies'} of other pairs, not from a study of this pair.`,
  PLAIN_GREY_DYNAMIC: (p) => `No estimate: the dynamic model needs data the KB lacks (${t(p.message)}). That is not the same as "no interaction".`,
};

const TECHNICAL: Record<string, Template> = {
  TECH_GREY: (_p, ctx) => `Grey (no data): ${ctx.missing.join('; ')}.`,
  TECH_NO_INTERACTION: (p) => `No recorded ${t(p.perpetrator)} inhibitor/inducer relation on the victim's pathways (${list(p.enzymes).join(', ')}); AUCR = 1 by construction.`,
  TECH_MSM: (p) => {
    const perps = list(p.perpetrators).map((name, i) => `${name}: Ih,u ${fmtRatio(n(list(p.ihUM)[i]))} µM, Ig ${fmtRatio(n(list(p.igUM)[i]))} µM`);
    const fm = list(p.fmEnzymes).map((e, i) => `${e} ${list(p.fmValues)[i]}`);
    return `MSM (Fahmi/FDA 2020), ${t(p.option)}: AUCR ${fmtRatio(n(p.ratio))} [gut ${fmtRatio(n(p.gut))} × liver ${fmtRatio(n(p.liver))}], CmaxR ${fmtRatio(n(p.cmaxRatio))} (${t(p.cmaxMethod)}); ${perps.join('; ')}; victim fm ${fm.length ? fm.join(', ') : 'none (carried by transporters only)'}, Fg ${t(p.fg)}; FDA class ${t(p.magnitudeClass)}.`;
  },
  TECH_DYNAMIC: (p) =>
    `Dynamic model (semi-physiological, DOPRI5): AUCR ${f2(n(p.ratio))} (${t(p.metric)}), CmaxR ${f2(n(p.cmaxRatio))}, Tmax shift ${n(p.tmaxShiftH).toFixed(2)} h; ${list(p.explanations).join(' ')}`,
  TECH_ANCHORED: (p) =>
    `Anchored model (Ohno 2007: AUCR = 1/(1 + Σ CR·(a − 1))${p.formed !== undefined ? ` for the metabolite's elimination, times its formation ratio Σ F·a·AUCR(parent)/Σ F` : ''}): AUCR ${fmtRatio(n(p.ratio))}; ${[
      ...(p.formed !== undefined ? [`formation ×${fmtRatio(n(p.formed))} (parent AUCR ${fmtRatio(n(p.parentRatio))})`] : []),
      ...list(p.enzymes).map((e, i) => `${e} CR ${list(p.crs)[i]}, a ${list(p.activities)[i]}`),
    ].join('; ') || 'no term'}; read ${list(p.studies).length} studies, left out ${t(p.left)} of this pair.`,
  TECH_GREY_DYNAMIC: (p) => `Grey (no data) — dynamic model: ${t(p.message)}`,
};

/** Every code the English renderer knows, by code. */
export const EN: Readonly<Record<string, Template>> = { ...ASSUMPTIONS, ...MISSING, ...WARNINGS, ...PLAIN, ...TECHNICAL };

/** Render one statement; an unknown code is a bug (every code the engine emits has a template). */
export function renderEn(s: Statement, ctx: RenderContext = { missing: [] }): string {
  const tpl = EN[s.code];
  if (!tpl) throw new Error(`render: no English template for statement code ${s.code} (a bug: add it to src/core/render/en.ts)`);
  return tpl(s.params, ctx);
}
