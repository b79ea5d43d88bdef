/** Terminal text for the regimen view of `crosstalk check` (issue 14): verdict, grid worst first, doses, effects, guidance. */
import pc from 'picocolors';
import type { CheckResult, Tier } from '../core/index.js';
import { EVIDENCE_LABEL } from '../core/index.js';

const TIER_COLOR: Record<Tier, (s: string) => string> = { red: pc.red, amber: pc.yellow, yellow: pc.yellow, green: pc.green, grey: pc.dim };
const GUIDANCE_HEAD: Record<string, string> = {
  'warning-signs': 'warning signs',
  'seek-help': 'get help',
  naloxone: 'naloxone',
  'not-alone': 'not alone',
  monitoring: 'monitoring',
  'label-advice': 'what labels advise',
  alternatives: 'alternatives',
};

/** Verdict, the grid of pairs worst first, the doses used, notes and the combined effect classes. */
export function renderRegimenHeader(r: CheckResult): string {
  const out: string[] = [pc.bold(`${r.substances.map((s) => s.name).join(' + ')}: ${r.pairs.length} pair${r.pairs.length === 1 ? '' : 's'}`)];
  out.push(r.worstPair ? TIER_COLOR[r.worstPair.tier](r.verdict.text) : r.verdict.text);
  for (const n of r.notes) out.push(pc.yellow(`note: ${n.text}`));
  if (r.pairs.length > 1) {
    out.push(pc.underline('Pairs, worst first'));
    const w = Math.max(...r.pairs.map((p) => `${p.a.name} + ${p.b.name}`.length));
    for (const p of r.pairs)
      out.push(`  ${TIER_COLOR[p.tier](p.tier.toUpperCase().padEnd(6))} ${`${p.a.name} + ${p.b.name}`.padEnd(w)}  severity ${p.severity}; likelihood ${p.likelihood}; evidence ${EVIDENCE_LABEL[p.verdict.evidence]}`);
  }
  out.push(pc.underline('Doses used'));
  for (const d of r.doses) out.push(`  · ${d.text}`);
  const changeable = r.doses.find((d) => d.alternatives.some((a) => a.id !== d.pattern?.id));
  if (changeable) {
    const other = changeable.alternatives.find((a) => a.id !== changeable.pattern?.id)!;
    out.push(pc.dim(`  change with --usage <substance>=<pattern>, e.g. --usage ${changeable.substance}=${other.id}`));
  }
  if (r.effects.length) {
    out.push(pc.underline('Combined effects, all substances'));
    for (const e of r.effects) out.push(`  ${e.flagged ? pc.red('! ') : '  '}${e.text}`);
  }
  return out.join('\n');
}

/** What to do: the guidance lines for the whole list, each with its basis, evidence and sources. */
export function renderGuidanceText(r: CheckResult): string {
  if (!r.guidance.length) return '';
  const out: string[] = [pc.underline('What to do')];
  for (const g of r.guidance)
    out.push(`  · ${pc.bold(GUIDANCE_HEAD[g.kind] ?? g.kind)}${g.audience === 'clinician' ? pc.dim(' (clinicians)') : ''}: ${g.text} ${pc.dim(`[${g.basis}; ${EVIDENCE_LABEL[g.evidence]}; ${g.sources.join(', ')}]`)}`);
  return out.join('\n');
}
