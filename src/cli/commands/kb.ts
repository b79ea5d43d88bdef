import type { Command } from 'commander';
import pc from 'picocolors';
import type { Issue } from '../../core/index.js';
import { auditKb, kbStats } from '../../core/index.js';
import { buildKb, KB_DIR, loadKb } from '../../store/kb-store.js';
import { compileKb } from '../../compiler/compile.js';
import { join } from 'node:path';
import { printJson, type CliDeps } from '../io.js';

function formatIssue(i: Issue): string {
  const where = [i.file, i.line, i.column].filter((x) => x !== undefined).join(':');
  return `${where ? `${where} ` : ''}${pc.red(i.code)} ${i.message}`;
}

function printCounts(counts: Record<string, { in: number; out: number }>): void {
  const parts = Object.entries(counts).map(([k, c]) => `${k} ${c.in}→${c.out}`);
  console.log(`records in → out: ${parts.join(', ')}`);
}

export function registerKb(program: Command, deps: CliDeps): void {
  const kb = program.command('kb').description('validate, build and inspect the knowledge base');

  kb.command('validate')
    .description('check every YAML record: schema, units, references and sources (errors name file, line and field)')
    .option('--json', 'machine-readable output')
    .action((opts: { json?: boolean }) => {
      const r = compileKb(KB_DIR, join(KB_DIR, '..'));
      if (opts.json) {
        printJson({ ok: r.issues.length === 0, issues: r.issues, warnings: r.warnings, counts: r.counts, files: r.files.length });
      } else {
        for (const i of r.issues) console.log(formatIssue(i));
        for (const w of r.warnings) console.log(`${pc.yellow('warning')} ${formatIssue(w)}`);
        printCounts(r.counts);
        const dropped = Object.values(r.counts).reduce((a, c) => a + c.in - c.out, 0);
        console.log(
          r.issues.length === 0
            ? pc.green(`valid: ${r.files.length} files, KB version ${r.data?.version}`)
            : pc.red(`${r.issues.length} error(s) in ${r.files.length} files; ${dropped} record(s) not compiled (each listed above)`),
        );
      }
      if (r.issues.length > 0) deps.setExitCode(1);
    });

  kb.command('build')
    .description('compile the YAML into build/kb.sqlite (deterministic) and build/kb.json (browser bundle)')
    .option('--json', 'machine-readable output')
    .action((opts: { json?: boolean }) => {
      const out = buildKb();
      const r = out.result;
      if (!r.data) {
        for (const i of r.issues) console.error(formatIssue(i));
        console.error(pc.red(`build failed: ${r.issues.length} error(s)`));
        deps.setExitCode(1);
        return;
      }
      if (opts.json) printJson({ version: r.data.version, sqlite: out.sqlitePath, json: out.jsonPath, counts: r.counts });
      else {
        printCounts(r.counts);
        console.log(`KB version ${pc.bold(r.data.version)}`);
        console.log(`wrote ${out.sqlitePath} and ${out.jsonPath}`);
      }
    });

  kb.command('stats')
    .description('counts by record type, relations by kind, share of numbers verified')
    .option('--json', 'machine-readable output')
    .action((opts: { json?: boolean }) => {
      const s = kbStats(loadKb().data);
      if (opts.json) return printJson(s);
      console.log(`KB version ${s.version}`);
      console.log(
        `substances ${s.substances} (${Object.entries(s.substancesByKind)
          .map(([k, n]) => `${k} ${n}`)
          .join(', ')})`,
      );
      console.log(`targets ${s.targets}; relations ${s.relations}; pk profiles ${s.pkProfiles}; findings ${s.findings}`);
      console.log(`sources ${s.sources}; legal statuses ${s.legalStatuses} (${s.jurisdictions} jurisdictions); effect classes ${s.effectClasses}; clinical studies ${s.clinicalStudies}; risk notes ${s.riskNotes}`);
      console.log(`relations by action: ${Object.entries(s.relationsByAction).map(([k, n]) => `${k} ${n}`).join(', ')}`);
      console.log(`numbers: ${s.numbers}, verified ${s.verifiedNumbers} (${(s.verifiedShare * 100).toFixed(1)}%)`);
    });

  kb.command('audit')
    .description('records lacking sources, unverified numbers, assumptions, legal statuses older than 12 months')
    .option('--json', 'machine-readable output')
    .option('--today <date>', 'reference date (YYYY-MM-DD); defaults to today')
    .action((opts: { json?: boolean; today?: string }) => {
      // The clock is read here, at the CLI's edge; the audit itself is pure.
      const today = opts.today ?? new Date().toISOString().slice(0, 10);
      const a = auditKb(loadKb().data, today);
      if (opts.json) return printJson(a);
      console.log(`audit as of ${today}`);
      console.log(`records without a source: ${a.withoutSource.length}`);
      for (const r of a.withoutSource.slice(0, 50)) console.log(`  ${r}`);
      console.log(`unverified numbers: ${a.unverified.length}`);
      for (const r of a.unverified.slice(0, 30)) console.log(`  ${r}`);
      if (a.unverified.length > 30) console.log(`  … ${a.unverified.length - 30} more (--json for all)`);
      console.log(`numbers resting on assumptions: ${a.assumptions.length}`);
      for (const r of a.assumptions.slice(0, 20)) console.log(`  ${r}`);
      console.log(`legal statuses older than 12 months: ${a.staleLegal.length}`);
      for (const r of a.staleLegal.slice(0, 30)) console.log(`  ${r}`);
    });
}
