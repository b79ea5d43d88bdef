/**
 * `crosstalk study <id>` — simulate a published interaction study design from scenarios/<id>.yaml
 * and show it beside the observed outcome recorded in the KB (never used as an input).
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { parse } from 'yaml';
import { fail } from '../../core/index.js';
import { runStudy, type StudyResult } from '../../core/index.js';
import type { CliDeps } from '../io.js';

const SCENARIOS = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'scenarios');

function text(r: StudyResult): string {
  const f = (x: number | null | undefined): string => (x === null || x === undefined ? '—' : x.toFixed(2));
  const out = [`${r.title} (${r.study}; translation: ${r.translation})`];
  for (const arm of r.arms) {
    out.push(`${arm.id}:`);
    for (const [a, c] of Object.entries(arm.analytes)) {
      out.push(`  ${a}: simulated AUC ratio ${f(c.simulated.aucRatio)} (${c.simulated.aucMetric}), Cmax ratio ${f(c.simulated.cmaxRatio)}, Tmax shift ${f(c.simulated.tmaxShiftH)} h`);
      out.push(c.reported
        ? `  ${a}: reported  AUC ratio ${f(c.reported.aucRatio)}, Cmax ratio ${f(c.reported.cmaxRatio)}, Tmax shift ${f(c.reported.tmaxShiftH)} h [${c.reported.clinicalId}]`
        : `  ${a}: reported  — (no numeric outcome in the KB)`);
      for (const e of c.explanations) out.push(`    · ${e}`);
    }
  }
  for (const s of r.sensitivity) {
    if (s.rows.length === 0) continue;
    out.push(`sensitivity of the ${r.arms[0]?.id ?? 'first'} arm, ${s.analyte} (one input at a time; * = value used above):`);
    out.push(`  ${'input'.padEnd(32)} ${'value'.padStart(8)}  ${'AUC ratio'.padStart(9)}  ${'Cmax ratio'.padStart(10)}`);
    for (const row of s.rows)
      out.push(`  ${row.parameter.padEnd(32)} ${`${row.value}${row.baseline ? '*' : ''}`.padStart(8)}  ${f(row.aucRatio).padStart(9)}  ${f(row.cmaxRatio).padStart(10)}`);
  }
  out.push('notes:', ...r.notes.map((n) => `  - ${n}`));
  return `${out.join('\n')}\n`;
}

export function registerStudy(program: Command, deps: CliDeps): void {
  program
    .command('study')
    .description('Simulate a published interaction study from single-substance inputs and compare with what was observed')
    .argument('<id>', 'scenario id, e.g. berthold-2024')
    .option('--json', 'print JSON')
    .action((id: string, o: { json?: boolean }) => {
      const file = join(SCENARIOS, `${id}.yaml`);
      if (!/^[a-z0-9-]+$/.test(id) || !existsSync(file)) {
        const known = existsSync(SCENARIOS) ? readdirSync(SCENARIOS).filter((f) => f.endsWith('.yaml')).map((f) => f.slice(0, -5)) : [];
        fail('INPUT_UNKNOWN_STUDY', { id, known: known.length ? known : 'none' }, { field: 'study', suggestions: known });
      }
      const r = runStudy(deps.getKb(), parse(readFileSync(file, 'utf8')));
      if (o.json) deps.printJson(r);
      else deps.write(text(r));
    });
}
