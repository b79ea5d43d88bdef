import pc from 'picocolors';
import type { RelationView, SubstanceDescription } from '../core/index.js';
import type { Quantity } from '../core/index.js';
import { EVIDENCE_LABEL, sourceLabel } from '../core/index.js';

function q(v: Quantity | undefined): string {
  if (!v) return '';
  const range = v.low !== undefined && v.high !== undefined ? ` (${fmt(v.original.value === v.value ? v.low : v.low)}–${fmt(v.high)} ${v.unit})` : '';
  const conv = v.original.unit !== v.unit ? ` = ${fmt(v.value)} ${v.unit}` : '';
  return `${v.original.value} ${v.original.unit}${conv}${range}${v.verified ? '' : pc.yellow(' [unverified]')}`;
}

function fmt(x: number): string {
  if (x === 0) return '0';
  const a = Math.abs(x);
  return a >= 1000 || a < 0.01 ? x.toPrecision(3) : String(Math.round(x * 1000) / 1000);
}

function relLine(r: RelationView): string {
  const params = (['ki', 'ic50', 'ec50', 'fm', 'KI', 'kinact', 'kinactOverKI', 'emaxFold', 'emaxPct'] as const)
    .filter((k) => r[k])
    .map((k) => `${k} ${q(r[k])}`);
  const via = r.via ? pc.dim(` via ${r.via}`) : '';
  return `  ${pc.bold(r.objectName)} — ${r.action}${via}${params.length ? `: ${params.join(', ')}` : ''} ${pc.dim(`[${EVIDENCE_LABEL[r.evidence]}, ${r.species}${r.system ? `, ${r.system}` : ''}; ${r.sources.join(', ') || [r.ki, r.ic50, r.fm, r.KI, r.kinactOverKI, r.ec50].find(Boolean)?.source || ''}]`)}`;
}

/** ` (from mitragynine)` when a rolled-up record comes from a constituent or product rather than the page's substance. */
function viaLabel(d: SubstanceDescription, recordId: string): string {
  const v = d.via[recordId];
  return v ? pc.dim(` (from ${v})`) : '';
}

/** Plain-text rendering of `crosstalk show`. */
export function renderSubstanceText(d: SubstanceDescription): string {
  const s = d.substance;
  const out: string[] = [];
  out.push(`${pc.bold(s.name)} ${pc.dim(`(${s.id}, ${s.kind})`)}`);
  const aka = [...s.synonyms, ...s.brands, ...s.slang, ...s.latin];
  if (aka.length) out.push(`also known as: ${aka.join(', ')}`);
  if (s.summary) out.push(s.summary);
  const ids = Object.entries(s.identifiers).map(([k, v]) => `${k} ${String(v)}`);
  if (ids.length) out.push(pc.dim(ids.join(' · ')));
  if (s.mw) out.push(`molecular weight: ${q(s.mw)}`);
  if (s.usualDose) out.push(`reference dose (used when none is given; from a label or study, not a recommendation): ${s.usualDose.regimen} [${s.usualDose.source}]`);
  if (d.constituents.length) {
    out.push('', pc.underline('Constituents'));
    for (const c of d.constituents) out.push(`  ${c.name}${c.content ? ` — ${c.content}` : ''}${c.share ? ` (share ${c.share})` : ''}`);
  }
  if (d.partOf.length) out.push(`found in: ${d.partOf.map((p) => p.name).join(', ')}`);
  if (d.metabolites.length) {
    out.push('', pc.underline('Metabolites'));
    for (const m of d.metabolites) out.push(`  ${m.name}${m.enzyme ? ` (by ${m.enzyme})` : ''}`);
  }
  out.push('', pc.underline(`Receptors and targets (${d.targets.length})`));
  if (d.targets.length === 0) out.push('  none recorded');
  for (const r of d.targets) out.push(relLine(r));
  out.push('', pc.underline(`Enzymes and transporters (${d.enzymes.length})`));
  if (d.enzymes.length === 0) out.push('  none recorded');
  for (const r of d.enzymes) out.push(relLine(r));
  if (d.pk.length) {
    out.push('', pc.underline('Pharmacokinetics'));
    for (const p of d.pk) {
      const parts = (['dose', 'cmax', 'tmax', 'halfLife', 'clF', 'cl', 'vF', 'fu', 'fg', 'ka', 'f'] as const)
        .filter((k) => p[k])
        .map((k) => `${k} ${q(p[k])}`);
      out.push(`  ${p.substance} · ${p.species} · ${p.route}${p.formulation ? ` · ${p.formulation}` : ''}${p.default ? pc.dim(' (default)') : ''}`);
      out.push(`    ${parts.join('; ')}`);
    }
  }
  if (d.findings.length) {
    out.push('', pc.underline('Findings'));
    for (const f of d.findings)
      out.push(`  ${pc.bold(f.title)}${viaLabel(d, f.id)} ${pc.dim(`[${EVIDENCE_LABEL[f.evidence]}, ${f.species}; ${f.source}]`)}`, `    ${f.summary}`);
  }
  if (d.clinical.length) {
    const human = d.clinical.filter((c) => c.species === 'human');
    out.push('', pc.underline(`Interaction studies (${human.length} in people, ${d.clinical.length - human.length} in animals)`));
    for (const c of [...human, ...d.clinical.filter((x) => x.species !== 'human')]) {
      const ratio = c.aucRatio ? `AUC ratio ${c.aucRatio.original.value}` : c.cmaxRatio ? `Cmax ratio ${c.cmaxRatio.original.value}` : 'no ratio recorded';
      const who = c.perpetrator ? `${c.victim} with ${c.perpetrator}` : `${c.victim}${c.genotype ? ` (${c.genotype})` : ''}`;
      const species = c.species === 'human' ? 'people' : `${c.species} — an animal study, not a human outcome`;
      out.push(`  ${who}: ${ratio}${c.n ? `, n=${c.n}` : ''}${viaLabel(d, c.id)} ${pc.dim(`[${species}; ${c.sources.join(', ')}]`)}`);
    }
  }
  if (d.effects.length) {
    out.push('', pc.underline('Effect classes'));
    for (const e of d.effects) out.push(`  ${e.name}: ${e.strength}${e.via ? ` via ${e.via}` : ''} [${EVIDENCE_LABEL[e.evidence as keyof typeof EVIDENCE_LABEL]}]`);
  }
  if (d.risks.length) {
    out.push('', pc.underline('Risk notes'));
    for (const r of d.risks) out.push(`  ${pc.bold(r.title)}${viaLabel(d, r.id)}: ${r.text} [${r.sources.join(', ')}]`);
  }
  if (d.legal.length) {
    out.push('', pc.underline(`Legal status (${d.legal.length} jurisdictions; check the as-of date)`));
    for (const l of d.legal.slice(0, 15)) out.push(`  ${l.jurisdictionName} (${l.jurisdiction}) · ${l.form} · ${l.use}: ${l.status} — as of ${l.asOf}${l.rechecked ? ` (searched again ${l.rechecked}: no later source found)` : ''}`);
    if (d.legal.length > 15) out.push(`  … ${d.legal.length - 15} more (--json for all)`);
  }
  out.push('', pc.underline(`Sources (${d.sources.length})`));
  for (const src of d.sources) out.push(`  [${src.id}] ${sourceLabel(src)}`);
  return out.join('\n');
}
