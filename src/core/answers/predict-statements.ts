/** The statements a static prediction makes about itself: headline, technical line, class cross-checks. */
import type { KbIndex } from '../kb/kb-index.js';
import type { ObservedStudy } from '../inputs/observed.js';
import type { Scenario } from '../inputs/scenario.js';
import type { ClinicalClassNote } from '../inputs/static-perpetrator.js';
import type { StaticVictimInputs } from '../inputs/static-victim.js';
import type { Interval } from '../models/model.js';
import type { StaticModelAnswer } from '../models/static/index.js';
import { magnitudeClass, type ConcentrationOption } from '../models/static/static-ddi.js';
import type { AnswerSize } from './prediction.js';
import { statement, type Statement } from '../schema/statement.js';

/** Minimum fm for the class cross-check: below it the class says little about this victim. */
const CLASS_CHECK_MIN_FM = 0.3;
/**
 * FDA bands are defined on sensitive substrates (fm ≈ 1): a strong inhibitor leaves at most 20 % of the enzyme's
 * activity (AUC ≥ 5-fold), a moderate one at most 50 %; a strong inducer multiplies it at least 5-fold, a moderate
 * one at least 2-fold (MODEL.md §1.4).
 */
const CLASS_ACTIVITY = { inhibitor: { strong: 0.2, moderate: 0.5 }, inducer: { strong: 5, moderate: 2 } } as const;
/** How far below (above, for inducers) the class-implied ratio the model may fall before we say so. */
const CLASS_TOLERANCE = 1.25;

/**
 * Cross-check the mechanistic answer against the perpetrator's clinical class: for this victim the class implies an
 * AUC ratio of at least 1/(fm·a + 1 − fm) (inhibitors) or at most that (inducers). When the model falls short by
 * more than 25 %, say so: in-vitro constants can understate in-vivo effects.
 */
export function classConsistency(kb: KbIndex, classes: ClinicalClassNote[], fm: Record<string, number>, predicted: number, victimName: string): Statement[] {
  const out: Statement[] = [];
  const nameOf = (id: string): string => kb.substance(id)?.name ?? kb.target(id)?.name ?? id;
  for (const c of new Map(classes.map((x) => [`${x.substance}|${x.enzyme}|${x.action}`, x])).values()) {
    const f = fm[c.enzyme] ?? 0;
    if (f < CLASS_CHECK_MIN_FM || c.clinicalClass === 'weak') continue;
    const inducer = c.action === 'inducer';
    const activity = CLASS_ACTIVITY[inducer ? 'inducer' : 'inhibitor'][c.clinicalClass];
    const implied = 1 / (f * activity + 1 - f);
    const params = { perpetrator: nameOf(c.substance), clinicalClass: c.clinicalClass, enzyme: nameOf(c.enzyme), victim: victimName, fm: f, implied, predicted };
    if (!inducer && predicted < implied / CLASS_TOLERANCE) out.push(statement('WARN_CLASS_CLASH_INHIBITOR', 'warning', params, 'label', c.sources));
    if (inducer && predicted > implied * CLASS_TOLERANCE) out.push(statement('WARN_CLASS_CLASH_INDUCER', 'warning', params, 'label', c.sources));
  }
  return out;
}

/** The perpetrator's label or FDA classes at the victim's enzymes, as one statement (parallel lists). */
export function classStatement(kb: KbIndex, classes: ClinicalClassNote[]): Statement {
  const unique = [...new Map(classes.map((c) => [`${c.substance}|${c.enzyme}`, c])).values()];
  return statement(
    'PLAIN_CLINICAL_CLASSES',
    'plain',
    {
      substances: unique.map((c) => kb.substance(c.substance)?.name ?? c.substance),
      classes: unique.map((c) => c.clinicalClass),
      enzymes: unique.map((c) => kb.target(c.enzyme)?.name ?? c.enzyme),
      inducer: unique.map((c) => (c.action === 'inducer' ? 1 : 0)),
      anyInhibitor: classes.some((c) => c.action !== 'inducer'),
      anyInducer: classes.some((c) => c.action === 'inducer'),
    },
    'label',
    [...new Set(unique.flatMap((c) => c.sources))],
  );
}

/**
 * Human studies of the same pair and analyte whose AUC ratio differs from the prediction by more than 2-fold. The
 * observation outranks the model: say so next to the number rather than leave the reader to spot it.
 */
export function observedDisagreement(observed: ObservedStudy[], predicted: number): Statement[] {
  const out: Statement[] = [];
  for (const o of observed) {
    if (o.species !== 'human' || o.aucRatio === undefined || !(o.aucRatio > 0)) continue;
    // Only a study that measured the exposure asked about can disagree with the answer (inputs/observed.ts `measures`).
    if (!o.measuresAsked || Math.abs(Math.log(predicted / o.aucRatio)) <= Math.LN2) continue;
    out.push(statement('WARN_OBSERVED_DISAGREES', 'warning', { observed: o.aucRatio, dose: o.perpetratorDose ?? null, studySources: o.sources, predicted }, o.evidence as Statement['evidence'], o.sources));
  }
  return out;
}

/** The plain-language headline of a static answer. */
export function headline(kb: KbIndex, sc: Scenario, ans: StaticModelAnswer, range: Interval, classClash: boolean, basis: 'theoretical' | 'referenced'): Statement {
  const common = { perpetrator: sc.perpetrator.name, analyte: sc.analyte.name, ratio: ans.aucRatio, low: range.low, high: range.high };
  if (classClash) return statement('PLAIN_CLASS_CLASH', 'plain', common, 'model');
  if (magnitudeClass(ans.aucRatio) === 'none') return statement('PLAIN_NO_CHANGE', 'plain', common, 'model');
  const top = [...ans.mechanisms].sort((a, b) => Math.abs(Math.log(b.aucRatio)) - Math.abs(Math.log(a.aucRatio)))[0];
  return statement(
    'PLAIN_CHANGE',
    'plain',
    {
      ...common,
      // A transporter term lowers exposure only when the transporter is induced (more efflux, or more uptake ahead of
      // metabolism); it raises it when inhibited.
      mechanism: top ? (top.kind === 'induction' || ((top.kind === 'efflux' || top.kind === 'uptake') && top.aucRatio < 1) ? 'induction' : top.kind === 'time-dependent' ? 'inactivation' : 'inhibition') : null,
      enzyme: top ? (kb.target(top.enzyme)?.name ?? top.enzyme) : null,
      site: top?.site ?? null,
      observedBeside: basis === 'referenced',
    },
    'model',
  );
}

/** The technical line: the model, the concentration option, the components and the inputs that drove them. */
export function technicalLine(ans: StaticModelAnswer, option: ConcentrationOption, victim: StaticVictimInputs, mclass: AnswerSize): Statement {
  const names = Object.keys(ans.concentrationsUM);
  const fm = victim.fmScenarios[0]!.fm;
  return statement(
    'TECH_MSM',
    'technical',
    {
      option,
      ratio: ans.aucRatio,
      gut: ans.gutRatio,
      liver: ans.liverRatio,
      cmaxRatio: ans.cmaxRatio,
      cmaxMethod: ans.cmaxMethod,
      perpetrators: names,
      ihUM: names.map((n) => ans.concentrationsUM[n]!.ih),
      igUM: names.map((n) => ans.concentrationsUM[n]!.ig),
      fmEnzymes: Object.keys(fm),
      fmValues: Object.values(fm),
      fg: victim.fg,
      magnitudeClass: mclass,
    },
    'model',
  );
}

/**
 * What stood in for a dose the question did not give: the KB's reference dose, or the substance's everyday usage
 * pattern (a typical-use estimate). `patternsOnly` for the dynamic model, whose simulator states reference doses itself.
 */
export function doseStatements(sc: Scenario, patternsOnly = false): Statement[] {
  return (['victim', 'perpetrator'] as const).flatMap((role) => {
    const d = role === 'victim' ? sc.victimDose : sc.perpetratorDose;
    const s = role === 'victim' ? sc.victim : sc.perpetrator;
    if (!d.defaulted || !d.regimen || (patternsOnly && !d.pattern)) return [];
    if (d.pattern)
      return [statement('ASSUME_DEFAULT_USAGE', 'assumption', { role, name: s.name, pattern: d.pattern.name, regimen: d.text, estimate: d.pattern.assumption, sources: d.pattern.sources }, null, d.pattern.sources)];
    return [statement('ASSUME_DEFAULT_DOSE', 'assumption', { role, name: s.name, regimen: d.text, source: d.source }, null, [d.source])];
  });
}
