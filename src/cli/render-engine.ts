import pc from 'picocolors';
import type { CheckResult, PairAnalysis, Tier } from '../core/index.js';
import type { Prediction } from '../core/index.js';
import type { ClaimCheckResult, ClaimResult } from '../core/index.js';
import { EVIDENCE_LABEL } from '../core/index.js';
import { renderGuidanceText, renderRegimenHeader } from './render-regimen.js';
import type { KbIndex } from '../core/index.js';

const TIER_COLOR: Record<Tier, (s: string) => string> = {
  red: pc.red,
  amber: pc.yellow,
  yellow: pc.yellow,
  green: pc.green,
  grey: pc.dim,
};
const TIER_TEXT: Record<Tier, string> = {
  red: 'RED — do not combine without specialist advice',
  amber: 'AMBER — potential interaction: may need dose adjustment or monitoring',
  yellow: 'YELLOW — weak or unquantified interaction',
  green: 'GREEN — no interaction expected from what is recorded',
  grey: 'GREY — not enough data to say',
};

function f(x: number | null | undefined): string {
  if (x === null || x === undefined) return '—';
  return x >= 10 ? x.toFixed(1) : x.toFixed(2);
}

/** Every model's answer, the chosen one marked: one format for predict and check. */
function modelsText(models: NonNullable<Prediction['models']>): string {
  return models
    .map((m) => `${m.model} ${m.aucRatio === null ? 'grey' : `×${f(m.aucRatio)}`}${m.range ? ` (${f(m.range.low)}–${f(m.range.high)})` : ''}${m.chosen ? pc.bold(' ← best estimate') : ''}`)
    .join(' · ');
}

export function renderPredictionText(p: Prediction, kb: KbIndex): string {
  const out: string[] = [];
  out.push(pc.bold(`${p.perpetrator.name} → ${p.victim.analyteName}${p.victim.analyte !== p.victim.id ? ` (from ${p.victim.name})` : ''}`));
  const doseNote = (src: string, usage?: string): string =>
    src === 'user' ? '' : src === 'none' ? pc.dim(' (not needed for the static AUC ratio)') : usage ? pc.dim(` (everyday default: ${usage}, ${src})`) : pc.dim(` (KB reference dose, ${src})`);
  out.push(`doses: ${p.victim.name} ${p.victim.dose}${doseNote(p.victim.doseSource, p.victim.usage)}; ${p.perpetrator.name} ${p.perpetrator.dose}${doseNote(p.perpetrator.doseSource, p.perpetrator.usage)}`);
  if (p.status === 'grey') {
    out.push(pc.dim(`GREY (no data): ${p.missing.join('; ')}`));
  } else {
    out.push(`AUC ratio ${pc.bold(f(p.aucRatio))}${p.range ? ` (5–95 %: ${f(p.range.low)}–${f(p.range.high)})` : ''} · ${p.cmaxRatio === null ? 'Cmax ratio not estimated by this model' : `Cmax ratio ${f(p.cmaxRatio)} (${p.cmaxMethod})`} · ${p.magnitudeClass} · model ${p.model} · ${p.basis}`);
    for (const m of p.mechanisms) out.push(`  ${m.kind} ${kb.target(m.enzyme)?.name ?? m.enzyme} in ${m.site}: alone ×${f(m.aucRatio)}`);
  }
  if (p.models?.length) out.push(`models: ${modelsText(p.models)}`);
  out.push(p.plain);
  out.push(pc.dim(p.technical));
  for (const o of p.observed)
    out.push(`${pc.cyan('observed')}${o.match === 'related-product' ? ` with ${o.perpetrator} → ${o.victim}` : ''}${o.measuresAsked ? '' : pc.dim(` [measured ${kb.substance(o.analyte ?? o.victim)?.name ?? o.analyte ?? o.victim}, not ${p.victim.analyteName}: context]`)} (${o.species}, ${EVIDENCE_LABEL[o.evidence as keyof typeof EVIDENCE_LABEL] ?? o.evidence}): AUC ×${f(o.aucRatio)}, Cmax ×${f(o.cmaxRatio)} · ${observedDesign(o)} [${o.sources.join(', ')}${o.locator ? `; ${o.locator}` : ''}]`);
  out.push(`evidence: ${EVIDENCE_LABEL[p.evidence.level]} (grade ${p.evidence.grade}); uncertainty ${p.uncertainty}`);
  for (const c of p.evidence.caveats) out.push(pc.yellow(`caveat: ${c}`));
  for (const w of p.warnings) out.push(pc.yellow(`warning: ${w}`));
  for (const a of p.assumptions) out.push(pc.magenta(`assumption: ${a}`));
  if (p.parameters.length) {
    out.push(pc.underline('parameters used'));
    for (const x of p.parameters)
      out.push(`  ${x.substance} ${x.name} = ${Number(x.value.toPrecision(4))} ${x.unit} [${x.source}]${x.verified ? '' : pc.yellow(' unverified')}${x.assumption ? pc.magenta(' assumption') : ''}${x.derived ? pc.dim(` (${x.derived})`) : ''}`);
  }
  out.push(pc.dim(`sources: ${p.sources.join(', ')}`));
  return out.join('\n');
}

function pairText(p: PairAnalysis, kb: KbIndex): string {
  const out: string[] = [];
  out.push(pc.bold(`${p.a.name} + ${p.b.name}`));
  out.push(TIER_COLOR[p.tier](TIER_TEXT[p.tier]));
  for (const r of p.tierReasons) out.push(`  · ${r}`);
  // The two axes apart (issue 17): what can happen, and how sure; then the tier rule in one sentence.
  const axes = p.statements.find((x) => x.code === 'PAIR_AXES');
  out.push(axes ? axes.plain : `severity ${p.severity}; likelihood ${p.likelihood}`);
  if (axes) out.push(pc.dim(axes.technical));
  out.push(p.verdict.plain);
  const pd = p.statements.filter((x) => x.topic === 'pd' && x.code?.startsWith('PD_'));
  if (pd.length) {
    out.push(pc.underline('Pharmacodynamic danger (labels, case reports, mechanisms)'));
    for (const x of pd) out.push(`  ${x.plain} ${pc.dim(`[${EVIDENCE_LABEL[x.evidence]}; ${x.technical}; ${x.sources.join(', ')}]`)}`);
  }
  if (p.sharedTargets.length) {
    out.push(pc.underline('Shared receptors'));
    for (const n of p.sharedTargets) out.push(`  ${pc.bold(n.name)}: ${n.interpretation} [${EVIDENCE_LABEL[n.evidence.level]}]`);
  }
  if (p.sharedEnzymes.length) {
    out.push(pc.underline('Shared enzymes and transporters'));
    for (const n of p.sharedEnzymes) out.push(`  ${pc.bold(n.name)}: ${n.interpretation} [${EVIDENCE_LABEL[n.evidence.level]}]`);
  }
  if (p.mutualInhibition) out.push(pc.yellow(p.mutualInhibition.plain));
  if (p.sharedEffects.length) {
    out.push(pc.underline('Shared effects (pharmacodynamic overlap)'));
    for (const e of p.sharedEffects) out.push(`  ${pc.bold(e.name)} (${e.severity}): ${e.a.map((x) => `${x.substance} ${x.strength}`).join(', ')} + ${e.b.map((x) => `${x.substance} ${x.strength}`).join(', ')} [${EVIDENCE_LABEL[e.evidence.level]}]`);
  }
  // Contributions set aside because the dose in use is below the evidence behind them (dose-reach.ts).
  for (const s of p.statements.filter((x) => x.code === 'PAIR_EFFECT_DOSE_NOT_REACHED')) out.push(pc.dim(`  ${s.plain}`));
  out.push(pc.underline('Exposure changes'));
  for (const e of p.pk) {
    const x = e.result;
    if ('error' in x) out.push(`  ${pc.dim(x.error)}`);
    else
      out.push(
        `  ${e.via ? pc.dim(`(${x.perpetrator.name} at ${x.perpetrator.dose}, standing in for ${e.via}) `) : ''}${e.victimVia ? pc.dim(`(${x.victim.name} at ${x.victim.dose}, standing in for ${e.victimVia}) `) : ''}${x.perpetrator.name} → ${x.victim.analyteName}: ${x.status === 'grey' ? pc.dim(`grey (${x.missing.join('; ')})`) : `AUC ×${f(x.aucRatio)}${x.range ? ` (${f(x.range.low)}–${f(x.range.high)})` : ''}, Cmax ×${f(x.cmaxRatio)}, ${x.magnitudeClass}, ${x.model} model`}${x.observed.length ? pc.cyan(` · observed: ${x.observed.map((o) => `${o.analyte && o.analyte !== x.victim.analyte ? `${o.analyte} ` : ''}×${f(o.aucRatio)} (${o.species}; ${observedDesign(o)})`).join('; ')}`) : ''}`,
      );
    if ('error' in x) continue;
    // Every model that answered, and — when they are more than 2-fold apart — the warning that says so and why.
    const answered = (x.models ?? []).filter((m) => m.aucRatio !== null);
    if (answered.length > 1) out.push(pc.dim(`    models: ${modelsText(answered)}`));
    for (const w of x.statements.filter((st) => st.code === 'WARN_MODELS_DISAGREE')) out.push(pc.yellow(`    ${w.text}`));
  }
  if (p.findings.length) {
    out.push(pc.underline('Findings that tie them'));
    for (const fd of p.findings) out.push(`  ${fd.title} ${pc.dim(`[${EVIDENCE_LABEL[fd.evidence]}, ${fd.species}; ${fd.source}]`)}`);
  }
  const pre = p.statements.filter((s) => s.preclinical).length;
  if (pre) out.push(pc.yellow(`${pre} of ${p.statements.length} statements rest only on preclinical (lab or animal) evidence.`));
  void kb;
  return out.join('\n');
}

export function renderCheckText(r: CheckResult, kb: KbIndex): string {
  const guidance = renderGuidanceText(r);
  return [renderRegimenHeader(r), ...r.pairs.map((p) => pairText(p, kb)), ...(guidance ? [guidance] : []), '', pc.dim(r.notice)].join('\n\n');
}

const VERDICT_COLOR: Record<ClaimResult['verdict'], (s: string) => string> = {
  supported: pc.green,
  contradicted: pc.red,
  'not-supported': pc.yellow,
  'insufficient-evidence': pc.dim,
  unrecognized: pc.dim,
};

export function renderClaimText(r: ClaimResult): string {
  const out: string[] = [`claim: "${r.claim}"`];
  if (r.reading) out.push(`I read this as: ${r.reading.text}`);
  out.push(`${VERDICT_COLOR[r.verdict](pc.bold(r.verdict.toUpperCase()))} ${r.summary}`);
  for (const x of r.reasons) out.push(`  · ${x.text}${x.evidence ? pc.dim(` (${EVIDENCE_LABEL[x.evidence]})`) : ''}${x.sources.length ? pc.dim(` [${x.sources.join(', ')}]`) : ''}`);
  for (const c of r.caveats) out.push(pc.yellow(`caveat: ${c}`));
  if (r.suggestions) {
    out.push('Claims Crosstalk can check, with an example:');
    for (const s of r.suggestions) out.push(`  ${s.kind}: "${s.example}"`);
  }
  return out.join('\n');
}

/** Every claim of a text, then the summary. */
export function renderClaimsText(r: ClaimCheckResult): string {
  return [...r.claims.map(renderClaimText), pc.bold(r.summary.text)].join('\n\n');
}

/** A study's design in a few words, so it can be compared with the question asked. */
export function observedDesign(o: Prediction['observed'][number]): string {
  const parts = [
    o.perpetratorDose ? `perpetrator ${o.perpetratorDose}` : 'perpetrator dose not recorded',
    o.victimDose ? `victim ${o.victimDose}` : o.victimRoute ? `victim ${o.victimRoute}` : '',
    o.victimAtH !== undefined ? `victim at ${o.victimAtH} h` : '',
    o.genotype ?? '',
    o.n !== undefined ? `n ${o.n}` : '',
  ];
  return parts.filter(Boolean).join(', ');
}
