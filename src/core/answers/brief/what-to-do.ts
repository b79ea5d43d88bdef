/**
 * The brief's doses and guidance (issue 14): which dose each substance was assessed at (with the other patterns it
 * can be changed to), and the guidance lines that match the pair. Both quote check's answers: the dose sentence is
 * rendered by src/core/render/regimen.ts, the guidance text is the KB's own paraphrase.
 */
import { doseUsed } from '../check/usage.js';
import { renderDoseUsed } from '../../render/regimen.js';
import type { Statement } from '../../schema/statement.js';
import type { BriefContext } from './sections.js';

export function doseItems({ kb, A, B, item }: BriefContext): Statement[] {
  return [A, B].map((s) => {
    const d = doseUsed(kb, s, undefined, 'substances');
    return item('BRIEF_DOSE', { text: renderDoseUsed(d), assumption: d.pattern?.assumption ?? false, alternatives: d.alternatives.map((x) => x.id) }, undefined, d.sources);
  });
}

export function guidanceItems({ pair, item }: BriefContext): Statement[] {
  return pair.guidance.map((g) => item('BRIEF_GUIDANCE', { kind: g.kind, audience: g.audience, basis: g.basis, text: g.text }, g.evidence, g.sources));
}
