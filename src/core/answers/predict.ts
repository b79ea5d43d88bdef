/**
 * How much a perpetrator changes a victim's exposure: the answer composed from one Scenario (resolved once), the
 * static or dynamic model's inputs (built from the KB in src/core/inputs), the model (pure numerics in
 * src/core/models), the evidence chain and the observed studies shown beside it. The answer holds statements, not
 * prose; src/core/render turns it into text. Observed studies are displayed and never feed a mechanistic model.
 */
import type { KbIndex } from '../kb/kb-index.js';
import type { Relation } from '../kb/types.js';
import type { ObservedStudy } from '../inputs/observed.js';
import type { ParamUse } from '../inputs/pk-inputs.js';
import type { Scenario } from '../inputs/scenario.js';
import { GUT_SOLUBILITY_CAP, staticPerpetratorInputs, type ClinicalClassNote, type StaticPerpetratorInputs } from '../inputs/static-perpetrator.js';
import { staticVictimInputs, type StaticVictimInputs } from '../inputs/static-victim.js';
import { transportersOf } from '../inputs/static-transport.js';
import { staticModel, type StaticModelAnswer } from '../models/static/index.js';
import { DEFAULT_QENT_L_PER_H, DEFAULT_QH_L_PER_H, type ConcentrationOption, type Physiology } from '../models/static/static-ddi.js';
import { statement, type Statement } from '../schema/statement.js';
import { gradeChain, uncertaintyLabel, type EvidenceLink, type EvidenceSummary } from './evidence/grade.js';
import { classConsistency, classStatement, doseStatements, headline, observedDisagreement, technicalLine } from './predict-statements.js';
import { dynamicAnswer } from './predict-dynamic-answer.js';
import { answerSize, GREY_FIELDS, type AnswerBase, type PredictionAnswer, type PredictOptions } from './prediction.js';
export { GREY_FIELDS } from './prediction.js';
export type { AnswerBase, Prediction, PredictionAnswer, PredictOptions } from './prediction.js';

export type { ObservedStudy } from '../inputs/observed.js';
export type { ClinicalClassNote } from '../inputs/static-perpetrator.js';
export type { PredictRequest } from '../inputs/scenario.js';
export type { Mechanism } from '../models/model.js';

const DEFAULTS = { draws: 400, seed: 20240318 };
/**
 * The best estimate feeds the liver the unbound average steady-state concentration (Tseng et al. 2021); a single
 * dose falls back to the unbound peak. Chosen on the benchmark's tune split (188 studies) by GMFE: average_u 1.93
 * vs systemic_max_u 1.98, inlet_max_u 2.45, by_mechanism_u 2.04 (docs/model-choices.md). The regulatory inlet
 * concentration stays the screening option.
 */
/**
 * Width of the static model's structural uncertainty (SD of the log of the log effect), chosen on the benchmark's tune
 * split so that the 5–95 % interval covers about 90 % of observed ratios there (docs/model-choices.md). An assumption
 * about the model's own error, estimated from other studies, never from the pair predicted.
 */
export const STRUCTURAL_LOG_SD = 0.85;

export const DEFAULT_CONCENTRATION: ConcentrationOption = 'average_u';

export function physiologyFromKb(kb: KbIndex): Physiology {
  const liver: Record<string, number> = {};
  const gut: Record<string, number> = {};
  for (const t of kb.data.targets) {
    if (t.kdegLiver) liver[t.id] = t.kdegLiver.value;
    if (t.kdegGut && t.gutExpressed) gut[t.id] = t.kdegGut.value;
  }
  return { qhLPerH: DEFAULT_QH_L_PER_H, qentLPerH: DEFAULT_QENT_L_PER_H, kdegLiverPerH: liver, kdegGutPerH: gut, d: 1 };
}

export function baseOf(sc: Scenario, observed: ObservedStudy[]): AnswerBase {
  return {
    victim: { id: sc.victim.id, name: sc.victim.name, analyte: sc.analyte.id, analyteName: sc.analyte.name, dose: sc.victimDose.text, doseSource: sc.victimDose.source, ...(sc.victimDose.pattern ? { usage: sc.victimDose.pattern.name } : {}) },
    perpetrator: { id: sc.perpetrator.id, name: sc.perpetrator.name, dose: sc.perpetratorDose.text, doseSource: sc.perpetratorDose.source, ...(sc.perpetratorDose.pattern ? { usage: sc.perpetratorDose.pattern.name } : {}), compounds: [] },
    basis: observed.some((o) => o.species === 'human') ? 'referenced' : 'theoretical',
    observed,
  };
}

function evidenceLinks(rels: Relation[], claimFor: (r: Relation) => string): EvidenceLink[] {
  return rels.map((r) => ({
    claim: claimFor(r),
    level: r.evidence,
    species: r.species,
    sources: r.sources.length ? r.sources : [r.ki?.source ?? r.ic50?.source ?? r.fm?.source ?? r.KI?.source ?? r.kinactOverKI?.source ?? r.emaxFold?.source ?? ''].filter(Boolean),
    unverified: [r.ki, r.ic50, r.fm, r.KI, r.kinact, r.kinactOverKI, r.emaxFold, r.ec50].some((q) => q && !q.verified),
    indirect: r.species !== 'human',
  }));
}

/** The mechanistic answer: dynamic when asked for, or for a metabolite's exposure (no static closed form); else static. */
export function mechanisticAnswer(kb: KbIndex, sc: Scenario, base: AnswerBase, opts: PredictOptions = {}): PredictionAnswer {
  if (sc.model === 'dynamic' || sc.metaboliteQuestion) return dynamicAnswer(kb, sc, base, opts);
  const phys = physiologyFromKb(kb);
  const victim = staticVictimInputs(kb, sc, phys);
  if ('missing' in victim) return greyAnswer(base, [...doseStatements(sc), ...victim.missing], [], [], []);
  const perp = staticPerpetratorInputs(kb, sc, victim, phys, opts.concentration ?? DEFAULT_CONCENTRATION, opts.timeCourse ?? true, opts.gutSolubilityCap ?? GUT_SOLUBILITY_CAP);
  const enzyme = (id: string): string => kb.target(id)?.name ?? id;
  const victimLinks = [
    ...evidenceLinks(victim.fmRelations, (r) => `${sc.analyte.name} is metabolised by ${enzyme(r.object)}`),
    ...evidenceLinks(victim.transportRelations, (r) => `${sc.analyte.name} is carried by ${enzyme(r.object)}`),
  ];
  const verb = (r: Relation): string => (r.action === 'inducer' ? 'induces' : r.action === 'tdi' ? 'inactivates' : 'inhibits');
  const perpLinks = evidenceLinks(perp.relations, (r) => `${kb.substance(r.subject)?.name ?? r.subject} ${verb(r)} ${enzyme(r.object)}`);
  const statements = [...doseStatements(sc), ...victim.notes, ...perp.notes];
  const parameters = [...victim.parameters, ...perp.parameters];
  const sources = [...victim.sources, ...perp.sources];
  const missing = dedupe(perp.missing);
  if (perp.perpetrators.length === 0) {
    if (missing.length > 0) return greyAnswer(base, [...statements, ...missing], parameters, sources, perp.clinicalClasses, [...victimLinks, ...perpLinks], kb);
    return noInteractionAnswer(kb, sc, base, victim, perp, [...statements, ...missing], parameters, sources, victimLinks);
  }
  const ans = staticModel.predict({
    route: victim.route,
    fmScenarios: victim.fmScenarios,
    fg: victim.fg,
    transport: victim.transport,
    perpetrators: perp.perpetrators,
    alternatives: perp.alternatives,
    physiology: phys,
    option: opts.concentration ?? DEFAULT_CONCENTRATION,
    fh: victim.fh,
    kaPerH: victim.kaPerH,
    kPerH: victim.kPerH,
    draws: opts.draws ?? DEFAULTS.draws,
    seed: opts.seed ?? DEFAULTS.seed,
    structuralLogSd: opts.structuralLogSd ?? STRUCTURAL_LOG_SD,
  });
  return staticAnswer(kb, sc, base, { victim, perp, ans, statements: [...statements, ...missing], parameters, sources, links: { victimLinks, perpLinks }, option: opts.concentration ?? DEFAULT_CONCENTRATION });
}

function dedupe(xs: Statement[]): Statement[] {
  const seen = new Set<string>();
  return xs.filter((s) => {
    const k = `${s.code}|${JSON.stringify(s.params)}`;
    return seen.has(k) ? false : (seen.add(k), true);
  });
}

function greyAnswer(base: AnswerBase, statements: Statement[], parameters: ParamUse[], sources: string[], classes: ClinicalClassNote[], links: EvidenceLink[] = [], kb?: KbIndex): PredictionAnswer {
  const classLine = kb && classes.length ? [classStatement(kb, classes)] : [];
  return {
    ...base,
    ...GREY_FIELDS,
    mechanisms: [],
    scenarios: [],
    concentrationsUM: {},
    parameters,
    statements: [...statements, statement('PLAIN_GREY', 'plain'), ...classLine, statement('TECH_GREY', 'technical')],
    evidence: gradeChain(links),
    clinicalClasses: classes,
    sources: [...new Set(sources)],
  };
}

function noInteractionAnswer(
  kb: KbIndex,
  sc: Scenario,
  base: AnswerBase,
  victim: StaticVictimInputs,
  perp: StaticPerpetratorInputs,
  statements: Statement[],
  parameters: ParamUse[],
  sources: string[],
  victimLinks: EvidenceLink[],
): PredictionAnswer {
  // The victim's pathways: its enzymes, and the transporters that carry it (a transport-only victim has no enzyme).
  const ids = [...new Set([...Object.keys(victim.fmScenarios[0]!.fm), ...(victim.transport ? transportersOf(victim.transport) : [])])];
  const enzymes = ids.map((e) => kb.target(e)?.name ?? e);
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
    statements: [
      ...statements,
      statement('WARN_NO_RECORDED_EFFECT', 'warning', { perpetrator: sc.perpetrator.name, enzymes }),
      statement('PLAIN_NO_INTERACTION', 'plain', { perpetrator: sc.perpetrator.name, analyte: sc.analyte.name, enzymes }),
      statement('TECH_NO_INTERACTION', 'technical', { perpetrator: sc.perpetrator.name, enzymes: ids }),
    ],
    evidence: gradeChain(victimLinks),
    uncertainty: 'moderate',
    scenarios: [],
    clinicalClasses: perp.clinicalClasses,
    sources: [...new Set(sources)],
  };
}

interface StaticParts {
  victim: StaticVictimInputs;
  perp: StaticPerpetratorInputs;
  ans: StaticModelAnswer;
  statements: Statement[];
  parameters: ParamUse[];
  sources: string[];
  links: { victimLinks: EvidenceLink[]; perpLinks: EvidenceLink[] };
  option: ConcentrationOption;
}

/** The static model's answer with its warnings, evidence grade, uncertainty label and the sentences to render. */
function staticAnswer(kb: KbIndex, sc: Scenario, base: AnswerBase, p: StaticParts): PredictionAnswer {
  const { ans, victim, perp } = p;
  const range = ans.uncertainty!;
  const warnings: Statement[] = [];
  if (p.statements.some((s) => s.role === 'missing')) warnings.push(statement('WARN_PARTIAL_DATA', 'warning'));
  const clash = classConsistency(kb, perp.clinicalClasses, victim.fmScenarios[0]!.fm, ans.aucRatio, sc.analyte.name);
  warnings.push(...clash);
  const rs = ans.scenarios.map((s) => s.aucRatio);
  if (rs.length > 1 && Math.max(...rs) / Math.min(...rs) > 1.25)
    warnings.push(statement('WARN_FM_SOURCES_DISAGREE', 'warning', { analyte: sc.analyte.name, sources: ans.scenarios.map((s) => s.source), ratios: rs, pointSource: victim.fmScenarios[0]!.source }, null, ans.scenarios.map((s) => s.source)));
  if (ans.aucRatio > 0.8 && ans.aucRatio < 1.25 && ans.mechanisms.some((m) => m.aucRatio >= 1.25) && ans.mechanisms.some((m) => m.aucRatio <= 0.8))
    warnings.push(statement('WARN_MECHANISMS_CANCEL', 'warning'));
  warnings.push(...observedDisagreement(base.observed, ans.aucRatio));
  const sources = new Set(p.sources);
  for (const x of p.parameters) if (x.assumption) sources.add(x.source);
  // The model output itself is in-silico: the chain's level is the weakest measured link, capped as predicted.
  const chained = gradeChain([...p.links.perpLinks, ...p.links.victimLinks, { claim: 'exposure change predicted by the mechanistic static model', level: 'in_silico', sources: [], predicted: true }]);
  const measured = gradeChain([...p.links.perpLinks, ...p.links.victimLinks]);
  const evidence: EvidenceSummary = { ...measured, grade: chained.grade, caveats: [...measured.caveats, 'The exposure change is a model prediction, not an observation.'] };
  const unverifiedCritical = p.parameters.filter((x) => !x.verified && /^(fm|Ki|KI|kinact|fu|Cmax|Fg)/.test(x.name)).length;
  // The label reads the parameter spread (MODEL.md §4.3); the shown range adds the model's structural error.
  const pi = ans.parameterInterval;
  const uncertainty = uncertaintyLabel({ grade: evidence.grade, intervalFold: pi.high / Math.max(1e-9, pi.low), unverifiedCritical, extrapolated: false, missing: false });
  const mclass = answerSize(sc.metaboliteQuestion, ans.aucRatio);
  return {
    ...base,
    perpetrator: { ...base.perpetrator, compounds: perp.compounds },
    model: 'static',
    status: 'predicted',
    aucRatio: ans.aucRatio,
    cmaxRatio: ans.cmaxRatio,
    cmaxMethod: ans.cmaxMethod,
    magnitudeClass: mclass,
    range,
    mechanisms: ans.mechanisms,
    gutRatio: ans.gutRatio,
    liverRatio: ans.liverRatio,
    concentrationsUM: ans.concentrationsUM,
    parameters: p.parameters,
    statements: [
      ...p.statements,
      ...victim.cmaxNotes,
      ...warnings,
      headline(kb, sc, ans, range, clash.length > 0, base.basis),
      ...(perp.clinicalClasses.length ? [classStatement(kb, perp.clinicalClasses)] : []),
      technicalLine(ans, p.option, victim, mclass),
    ],
    evidence,
    uncertainty,
    scenarios: ans.scenarios,
    clinicalClasses: perp.clinicalClasses,
    sources: [...sources].filter(Boolean).sort(),
  };
}
