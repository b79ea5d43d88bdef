/**
 * English for the regimen view (issue 14): the overall verdict, the combined effect classes, the doses used and the
 * notes about the list (duplicates). The answers (src/core/answers/check/regimen*.ts, usage.ts) hold codes and data.
 */
import type { EffectContribution, RegimenEffect } from '../answers/check/regimen-effects.js';
import type { RegimenVerdictAnswer } from '../answers/check/regimen.js';
import type { DoseUsed } from '../answers/check/usage.js';
import { EVIDENCE_LABEL } from '../answers/evidence/labels.js';
import { inSentence } from '../answers/evidence/text.js';
import type { StatementParam, StatementParams } from '../schema/statement.js';

const t = (x: StatementParam | undefined): string => String(x);
const list = (x: StatementParam | undefined): string[] => ((x ?? []) as readonly (string | number)[]).map(String);
const TIER_WORD: Record<string, string> = { red: 'red', amber: 'amber', yellow: 'yellow', green: 'green', grey: 'grey (not enough data)' };
const NUMBER_WORD = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];
const count = (n: number): string => NUMBER_WORD[n] ?? String(n);
const and = (xs: string[]): string => (xs.length <= 1 ? (xs[0] ?? '') : `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]}`);

/** "Worst pair: Oxycodone + Alprazolam (red). 3 pairs: 1 red, 2 amber. Three substances add to CNS depression …" */
export function renderRegimenVerdict(v: RegimenVerdictAnswer): string {
  const p = v.params;
  if (v.code === 'REGIMEN_NO_PAIRS') return `No pair to compare: ${list(p.substances).join(', ')} ${list(p.substances).length === 1 ? 'is one substance' : 'are the same substance'}.`;
  const tally = ['red', 'amber', 'yellow', 'grey', 'green'].filter((k) => Number(p[k]) > 0).map((k) => `${t(p[k])} ${k}`);
  const flagged = list(p.flagged).map((name, i) => `${count(Number(list(p.flaggedCounts)[i]))} substances add to ${inSentence(name)}`);
  const head = Number(p.pairs) === 1 ? `${t(p.a)} + ${t(p.b)}: ${TIER_WORD[t(p.tier)]}.` : `Worst pair: ${t(p.a)} + ${t(p.b)} (${TIER_WORD[t(p.tier)]}). ${t(p.pairs)} pairs: ${tally.join(', ')}.`;
  return `${head}${flagged.length ? ` Together, ${and(flagged)}; each added substance adds to the risk.` : ''}`;
}

const contribution = (c: EffectContribution): string =>
  `${c.substanceName}${c.via !== c.substance ? ` (via ${c.viaName})` : ''} ${c.strength}, ${EVIDENCE_LABEL[c.evidence]}`;

/** One line per effect class: who adds to it, with strength and evidence, and the flag. */
export function renderRegimenEffect(e: RegimenEffect): string {
  const who = e.contributors.map(contribution).join('; ');
  const n = e.substances.length;
  const flag = n >= 2 ? ` — ${count(n)} substances add to it${e.flagged ? ' (flagged: three or more)' : ''}` : '';
  return `${e.name} (${e.severity} severity): ${who}${flag}.`;
}

const mg = (x: number): string => (x >= 10 ? x.toFixed(0) : Number(x.toPrecision(2)).toString());

/** "Cannabis: a THC-dominant joint, smoked — 0.32 g inhaled (about 55 mg THC, 0.48 mg CBD); a typical-use estimate. Other choices: …" */
export function renderDoseUsed(d: DoseUsed): string {
  const doses = d.doses.map((x) => (x.substance === d.substance ? x.regimen : `${x.substanceName} ${x.regimen}`)).join(' + ');
  const implied = d.implied.length ? ` (about ${d.implied.map((i) => `${mg(i.mg)} mg ${i.substanceName}`).join(', ')} in the material)` : '';
  const others = d.alternatives.filter((a) => a.id !== d.pattern?.id);
  const change = others.length ? ` Other choices: ${others.map((a) => `${a.id} (${a.name})`).join('; ')}.` : ' A prediction can be run at any other dose.';
  switch (d.basis) {
    case 'usage-pattern':
      return `${d.substanceName}: ${d.pattern!.name} — ${doses}${implied}; ${d.pattern!.kind === 'medicine' ? 'a medicine dose' : d.pattern!.assumption ? 'a typical-use estimate' : 'typical use'}${d.pattern!.default ? ', the everyday default' : ''}.${change}`;
    case 'usual-dose':
      return `${d.substanceName}: ${doses}${implied}, the KB's reference dose.${change}`;
    case 'constituents':
      return `${d.substanceName}: no dose of its own in the KB, so each compound at its usual dose (${doses}).${change}`;
    default:
      return `${d.substanceName}: no dose in the KB; exposure changes that need one are grey.`;
  }
}

const NOTE: Record<string, (p: StatementParams) => string> = {
  CHECK_DUPLICATE: (p) => `${t(p.name)} was named more than once (${list(p.given).map((g) => `'${g}'`).join(', ')}); it is checked once.`,
};

export function renderCheckNote(code: string, params: StatementParams): string {
  const tpl = NOTE[code];
  if (!tpl) throw new Error(`render: no English template for check note ${code} (a bug: add it to src/core/render/regimen.ts)`);
  return tpl(params);
}
