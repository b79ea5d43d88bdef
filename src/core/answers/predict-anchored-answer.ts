import type { KbIndex } from '../kb/kb-index.js';
import { anchoredInputs, type AnchoredInputs, type Derived } from '../inputs/anchored.js';
import type { ParamUse } from '../inputs/pk-inputs.js';
import type { Scenario } from '../inputs/scenario.js';
import { multiplierOf, shiftFractions } from '../inputs/phenotype-shift.js';
import { anchoredModel } from '../models/anchored/index.js';
import { statement, type Statement } from '../schema/statement.js';
import { gradeChain, type EvidenceLink } from './evidence/grade.js';
import { answerSize, GREY_FIELDS, type AnswerBase, type PredictionAnswer } from './prediction.js';
import { observedDisagreement } from './predict-statements.js';

/**
 * Between-study spread of an anchored answer (`assume-anchored-spread`): chosen on the benchmark's tune split only, as
 * the fold among 1.5, 2, 2.5, 3 and 4 whose 5–95 % interval covers the observed ratio nearest the nominal 90 %
 * (tune coverage 54 %, 80 %, 85 %, 88.5 %, 92 %).
 */
export const ANCHORED_SPREAD_FOLD = 3;
const SPREAD_SOURCE = 'assume-anchored-spread';
const TRANSFER_SOURCE = 'assume-anchored-dose-transfer';

const round = (x: number): number => Math.round(x * 1000) / 1000;

function crStatement(kb: KbIndex, victim: string, enzyme: string, d: Derived): Statement {
  const name = (id: string): string => kb.substance(id)?.name ?? id;
  return statement('ASSUME_ANCHORED_CR', 'assumption', { victim: name(victim), enzyme: kb.target(enzyme)?.name ?? enzyme, cr: round(d.value), low: round(d.low), high: round(d.high), method: d.method, studies: d.studies }, d.studies.length ? 'human_controlled' : null, d.sources);
}

function effectStatement(kb: KbIndex, compounds: string[], enzyme: string, d: Derived): Statement {
  const name = (id: string): string => kb.substance(id)?.name ?? id;
  return statement(
    'ASSUME_ANCHORED_EFFECT',
    'assumption',
    {
      perpetrator: compounds.map(name).join(' + '),
      enzyme: kb.target(enzyme)?.name ?? enzyme,
      kind: d.value > 1 ? 'induction' : 'inhibition',
      ratio: round(d.value > 1 ? d.value - 1 : 1 - d.value),
      anchors: (d.anchors ?? []).map((a) => `${name(a.substance)} (CR ${round(a.cr)})`),
      studies: d.studies,
      indexRegimen: d.regimen?.index ?? 'not recorded',
      askedRegimen: d.regimen?.asked ?? 'not given',
      transfer: d.regimen?.transfer ?? 'same',
    },
    'human_controlled',
    [...d.sources, ...(d.regimen?.transfer === 'dose-scaled' ? [TRANSFER_SOURCE] : [])],
  );
}

function missingStatements(kb: KbIndex, x: AnchoredInputs): Statement[] {
  const name = (id: string): string => kb.substance(id)?.name ?? id;
  return x.missing.map((m) =>
    m.what === 'metabolite'
      ? statement('MISSING_ANCHORED_METABOLITE', 'missing', { analyte: name(m.substance) })
      : m.what === 'content'
        ? statement('MISSING_CONTENT', 'missing', { compound: name(m.substance), product: name(x.perpetrator) })
        : m.what === 'CR'
        ? statement('MISSING_ANCHORED_CR', 'missing', { victim: name(m.substance), enzyme: kb.target(m.enzyme ?? '')?.name ?? m.enzyme ?? '' })
        : statement('MISSING_ANCHORED_IR', 'missing', { perpetrator: name(m.substance), enzyme: m.enzyme ? (kb.target(m.enzyme)?.name ?? m.enzyme) : null }),
  );
}

/** A metabolite's formation from its parent, as one statement: each link's share, enzyme and in-vivo activity. */
function formationStatement(kb: KbIndex, x: AnchoredInputs): Statement {
  const f = x.formation!;
  const name = (id: string): string => kb.substance(id)?.name ?? id;
  return statement(
    'ASSUME_ANCHORED_FORMATION',
    'assumption',
    {
      analyte: name(x.victim),
      parent: name(f.parent),
      fractions: f.links.map((l) => round(l.fraction)),
      // '' = no enzyme named; known 0 = no in-vivo ratio of the perpetrator on it (its activity is then 1).
      enzymes: f.links.map((l) => (l.enzyme ? (kb.target(l.enzyme)?.name ?? l.enzyme) : '')),
      activities: f.links.map((l) => (l.effect ? round(l.effect.value) : 1)),
      known: f.links.map((l) => (l.effect ? 1 : 0)),
    },
    f.links.every((l) => l.verified) ? 'in_vitro' : null,
    [...new Set(f.links.map((l) => l.source))],
  );
}

function parametersOf(x: AnchoredInputs): ParamUse[] {
  const formation: ParamUse[] = (x.formation?.links ?? []).map((l) => ({ substance: x.formation!.parent, name: `fraction → ${x.victim}${l.enzyme ? ` (${l.enzyme})` : ''}`, value: l.fraction, unit: 'fraction', source: l.source, verified: l.verified, assumption: false, note: "share of the parent's clearance" }));
  const parent: ParamUse[] = (x.formation?.parentTerms ?? []).map((t) => ({ substance: x.formation!.parent, name: `CR ${t.enzyme}`, value: t.cr.value, unit: 'fraction', source: t.cr.sources[0] ?? 'none', verified: t.cr.studies.length > 0 || t.cr.method === 'literature-fm', assumption: t.cr.method === 'index-inhibitor', derived: t.cr.method, note: t.cr.studies.join(', ') }));
  return [...formation, ...parent, ...x.terms.flatMap((t) => [
    { substance: x.victim, name: `CR ${t.enzyme}`, value: t.cr.value, unit: 'fraction', source: t.cr.sources[0] ?? 'none', verified: t.cr.studies.length > 0 || t.cr.method === 'literature-fm', assumption: t.cr.method === 'index-inhibitor', derived: t.cr.method, note: t.cr.studies.join(', ') },
    { substance: t.compounds.join('+'), name: `${t.effect.value > 1 ? 'IC' : 'IR'} ${t.enzyme}`, value: t.effect.value > 1 ? t.effect.value - 1 : 1 - t.effect.value, unit: 'fraction', source: t.effect.sources[0] ?? 'none', verified: true, assumption: t.effect.regimen?.transfer === 'dose-scaled', derived: 'index-substrate', note: t.effect.studies.join(', ') },
  ])];
}

/**
 * Answer a scenario with the clinically anchored model (MODEL.md §6): in-vivo CR of the victim and IR/IC of the
 * perpetrator from other pairs' studies (leave-pair-out), combined as 1/(1 − Σ CR·IR). Same shape as the static and
 * dynamic answers, with `model: 'anchored'`; grey, naming what is missing, when no enzyme has both numbers.
 */
export function anchoredAnswer(kb: KbIndex, sc: Scenario, base: AnswerBase): PredictionAnswer {
  const x = anchoredInputs(kb, sc);
  const assumptions: Statement[] = [
    statement('ASSUME_ANCHORED_REQUESTED', 'assumption'),
    ...(x.excluded.length ? [statement('NOTE_ANCHORED_LEFT_OUT', 'assumption', { studies: x.excluded })] : []),
    ...(x.formation ? [formationStatement(kb, x)] : []),
    ...(x.formation?.parentTerms ?? []).flatMap((t) => [crStatement(kb, x.formation!.parent, t.enzyme, t.cr), effectStatement(kb, t.compounds, t.enzyme, t.effect)]),
    ...x.terms.flatMap((t) => [crStatement(kb, x.victim, t.enzyme, t.cr), effectStatement(kb, t.compounds, t.enzyme, t.effect)]),
    ...(x.unaffected.length ? [statement('ASSUME_ANCHORED_NO_RECORDED_EFFECT', 'assumption', { perpetrator: sc.perpetrator.name, analyte: kb.substance(x.formation?.parent ?? x.victim)?.name ?? x.victim, enzymes: x.unaffected.map((e) => kb.target(e)?.name ?? e) })] : []),
    // Links whose enzyme is not among the terms above still carry the perpetrator's effect: say where it comes from.
    ...(x.formation?.links ?? []).filter((l) => l.effect && l.enzyme && ![...x.terms, ...x.formation!.parentTerms].some((t) => t.enzyme === l.enzyme)).map((l) => effectStatement(kb, l.compounds, l.enzyme!, l.effect!)),
  ];
  const missing = missingStatements(kb, x);
  // A victim of known phenotype: its in-vivo fractions move as the static model's fm do (inputs/phenotype-shift.ts).
  const shifted = (terms: AnchoredInputs['terms']) => {
    const shift = (pick: (d: Derived) => number): Record<string, number> => shiftFractions(Object.fromEntries(terms.map((t) => [t.enzyme, pick(t.cr)])), sc.phenotypes);
    const [crs, lows, highs] = [shift((d) => d.value), shift((d) => d.low), shift((d) => d.high)];
    return terms.map((t) => ({ enzyme: t.enzyme, cr: { ...t.cr, value: crs[t.enzyme]!, low: lows[t.enzyme]!, high: highs[t.enzyme]! }, activity: t.effect }));
  };
  for (const [e, ph] of Object.entries(sc.phenotypes))
    assumptions.push(statement('ASSUME_PHENOTYPE', 'assumption', { enzyme: kb.target(e)?.name ?? e, phenotype: ph, multiplier: multiplierOf(e, ph) ?? 1, analyte: sc.analyte.name }));
  const ans = anchoredModel.predict({
    terms: shifted(x.terms),
    ...(x.formation ? { formation: { parentTerms: shifted(x.formation.parentTerms), links: x.formation.links.map((l) => ({ enzyme: l.enzyme, fraction: l.fraction, activity: l.effect })) } } : {}),
    studiesRead: x.studiesRead,
    missing,
    assumptions,
    spreadFold: ANCHORED_SPREAD_FOLD,
  });
  const studies = kb.data.clinical.filter((c) => x.studiesRead.includes(c.id));
  const links: EvidenceLink[] = studies.map((c) => ({ claim: `${c.perpetrator ?? c.comparison?.test ?? ''} changes ${c.victim} exposure (study ${c.id})`, level: c.evidence, species: c.species, sources: c.sources }));
  const measured = gradeChain(links);
  const sources = [...new Set([...studies.flatMap((c) => c.sources), ...assumptions.flatMap((s) => s.sources), SPREAD_SOURCE])].sort();
  const common = { ...base, perpetrator: { ...base.perpetrator, compounds: sc.perpetratorCompounds.map((c) => c.compoundId) }, gutRatio: null, liverRatio: null, concentrationsUM: {}, scenarios: [], clinicalClasses: [], parameters: parametersOf(x), sources, studiesRead: x.studiesRead };
  if (ans.status === 'grey' || ans.aucRatio === null)
    return {
      ...common,
      ...GREY_FIELDS,
      mechanisms: [],
      scenarios: [],
      concentrationsUM: {},
      statements: [...assumptions, ...missing, statement('PLAIN_GREY', 'plain'), statement('TECH_GREY', 'technical')],
      evidence: measured,
    };
  const range = ans.uncertainty!;
  return {
    ...common,
    model: 'anchored',
    status: 'predicted',
    aucRatio: ans.aucRatio,
    cmaxRatio: null,
    cmaxMethod: null,
    magnitudeClass: answerSize(sc.metaboliteQuestion, ans.aucRatio),
    range,
    mechanisms: ans.mechanisms,
    statements: [
      ...assumptions,
      ...missing,
      ...(missing.length ? [statement('WARN_PARTIAL_DATA', 'warning')] : []),
      ...observedDisagreement(base.observed, ans.aucRatio),
      statement('PLAIN_ANCHORED', 'plain', { perpetrator: sc.perpetrator.name, analyte: sc.analyte.name, ratio: ans.aucRatio, low: range.low, high: range.high, studies: x.studiesRead.length }, 'model'),
      statement('TECH_ANCHORED', 'technical', { ratio: ans.aucRatio, enzymes: x.terms.map((t) => t.enzyme), crs: x.terms.map((t) => round(t.cr.value)), activities: x.terms.map((t) => round(t.effect.value)), studies: x.studiesRead, left: x.excluded.length, ...(ans.formation ? { formed: ans.formation.ratio, parentRatio: ans.formation.parentRatio } : {}) }, 'model'),
    ],
    // Observed in people, but for other pairs: the transfer to this pair is a model step, so never above low.
    evidence: { ...measured, grade: measured.grade === 'high' || measured.grade === 'moderate' ? 'low' : measured.grade, caveats: [...measured.caveats, "The exposure change is inferred from other pairs' clinical studies, not observed for this pair."] },
    uncertainty: range.high / range.low > 4 ? 'high' : 'moderate',
  };
}
