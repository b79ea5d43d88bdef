import type { Command } from 'commander';
import pc from 'picocolors';
import type { Issue, KbAudit, WeakKind } from '../../core/index.js';
import { auditKb, kbStats } from '../../core/index.js';
import { BUILD_DIR, KB_DIR } from '../../store/kb-store.js';
import { buildKb } from '../../compiler/build.js';
import { compileKb } from '../../compiler/compile.js';
import { loadKbYaml } from '../../compiler/load-yaml.js';
import { checkManifest, writeManifest } from '../../compiler/manifest.js';
import { join } from 'node:path';
import type { CliDeps } from '../io.js';

function formatIssue(i: Issue): string {
  const where = [i.file, i.line, i.column].filter((x) => x !== undefined).join(':');
  return `${where ? `${where} ` : ''}${pc.red(i.code)} ${i.message}`;
}

function printCounts(deps: CliDeps, counts: Record<string, { in: number; out: number }>): void {
  const parts = Object.entries(counts).map(([k, c]) => `${k} ${c.in}→${c.out}`);
  deps.print(`records in → out: ${parts.join(', ')}`);
}

export function registerKb(program: Command, deps: CliDeps): void {
  const kb = program.command('kb').description('validate, build and inspect the knowledge base');

  kb.command('validate')
    .description('check every YAML record: schema, units, references and sources (errors name file, line and field)')
    .option('--json', 'machine-readable output')
    .action((opts: { json?: boolean }) => {
      const r = compileKb(KB_DIR, join(KB_DIR, '..'));
      if (opts.json) {
        deps.printJson({ ok: r.issues.length === 0, issues: r.issues, warnings: r.warnings, counts: r.counts, files: r.files.length });
      } else {
        for (const i of r.issues) deps.print(formatIssue(i));
        for (const w of r.warnings) deps.print(`${pc.yellow('warning')} ${formatIssue(w)}`);
        printCounts(deps, r.counts);
        const dropped = Object.values(r.counts).reduce((a, c) => a + c.in - c.out, 0);
        deps.print(
          r.issues.length === 0
            ? pc.green(`valid: ${r.files.length} files, KB version ${r.data?.version}`)
            : pc.red(`${r.issues.length} error(s) in ${r.files.length} files; ${dropped} record(s) not compiled (each listed above)`),
        );
      }
      if (r.issues.length > 0) deps.setExitCode(1);
    });

  kb.command('build')
    .description('compile the YAML into build/kb.json (deterministic); prints the KB version')
    .option('--json', 'machine-readable output')
    .action((opts: { json?: boolean }) => {
      const out = buildKb(KB_DIR, BUILD_DIR);
      const r = out.result;
      if (!r.data) {
        for (const i of r.issues) deps.warn(formatIssue(i));
        deps.warn(pc.red(`build failed: ${r.issues.length} error(s)`));
        deps.setExitCode(1);
        return;
      }
      if (opts.json) deps.printJson({ version: r.data.version, json: out.jsonPath, counts: r.counts });
      else {
        printCounts(deps, r.counts);
        deps.print(`KB version ${pc.bold(r.data.version)}`);
        deps.print(`wrote ${out.jsonPath}`);
      }
    });

  kb.command('manifest')
    .description('compare the records per file with kb/manifest.json; --write records the current counts (after an intended change)')
    .option('--write', 'write kb/manifest.json from the YAML as it is now')
    .action((opts: { write?: boolean }) => {
      const loaded = loadKbYaml(KB_DIR);
      if (opts.write) {
        if (loaded.unreadable.length) {
          for (const i of loaded.issues) deps.warn(formatIssue(i));
          deps.warn(pc.red('not written: fix the YAML syntax first (a file that does not parse has no record count)'));
          deps.setExitCode(1);
          return;
        }
        const path = writeManifest(KB_DIR, loaded.recordsPerFile);
        const total = Object.values(loaded.recordsPerFile).reduce((a, b) => a + b, 0);
        deps.print(`wrote ${path}: ${Object.keys(loaded.recordsPerFile).length} files, ${total} records`);
        return;
      }
      const m = checkManifest(KB_DIR, loaded.recordsPerFile, loaded.unreadable);
      for (const i of [...m.issues, ...m.warnings]) deps.print(formatIssue(i));
      if (m.issues.length || m.warnings.length) deps.setExitCode(1);
      else deps.print(pc.green(`kb/manifest.json matches: ${Object.keys(loaded.recordsPerFile).length} files`));
    });

  kb.command('stats')
    .description('counts by record type, relations by kind, share of numbers verified')
    .option('--json', 'machine-readable output')
    .action((opts: { json?: boolean }) => {
      const s = kbStats(deps.getKb().data);
      if (opts.json) return deps.printJson(s);
      deps.print(`KB version ${s.version}`);
      deps.print(
        `substances ${s.substances} (${Object.entries(s.substancesByKind)
          .map(([k, n]) => `${k} ${n}`)
          .join(', ')})`,
      );
      deps.print(`targets ${s.targets}; relations ${s.relations}; pk profiles ${s.pkProfiles}; findings ${s.findings}`);
      deps.print(`sources ${s.sources}; legal statuses ${s.legalStatuses} (${s.jurisdictions} jurisdictions); effect classes ${s.effectClasses}; clinical studies ${s.clinicalStudies}; risk notes ${s.riskNotes}`);
      deps.print(`relations by action: ${Object.entries(s.relationsByAction).map(([k, n]) => `${k} ${n}`).join(', ')}`);
      deps.print(`numbers: ${s.numbers}, verified ${s.verifiedNumbers} (${(s.verifiedShare * 100).toFixed(1)}%)`);
    });

  kb.command('audit')
    .description('records lacking sources, unverified numbers, assumptions, legal statuses older than 12 months')
    .option('--json', 'machine-readable output')
    .option('--today <date>', 'reference date (YYYY-MM-DD); defaults to today')
    .option('--weak', 'list the weak sources verified numbers still rest on, and why each was not moved (Markdown)')
    .action((opts: { json?: boolean; today?: string; weak?: boolean }) => {
      // The clock is read here, at the CLI's edge; the audit itself is pure.
      const today = opts.today ?? new Date().toISOString().slice(0, 10);
      const kb = deps.getKb();
      const a = auditKb(kb.data, today);
      if (opts.json) return deps.printJson(a);
      if (opts.weak) return deps.print(weakSourcesMarkdown(a, kb.data.version));
      deps.print(`audit as of ${today}`);
      deps.print(`records without a source: ${a.withoutSource.length}`);
      for (const r of a.withoutSource.slice(0, 50)) deps.print(`  ${r}`);
      deps.print(`unverified numbers: ${a.unverified.length}`);
      for (const r of a.unverified.slice(0, 30)) deps.print(`  ${r}`);
      if (a.unverified.length > 30) deps.print(`  … ${a.unverified.length - 30} more (--json for all)`);
      deps.print(`numbers resting on assumptions: ${a.assumptions.length}`);
      for (const r of a.assumptions.slice(0, 20)) deps.print(`  ${r}`);
      deps.print(`legal statuses older than 12 months: ${a.staleLegal.length} (searched again within the last 12 months, no later source found: ${a.staleLegalRechecked})`);
      for (const r of a.staleLegal.slice(0, 30)) deps.print(`  ${r}`);
      const tierLine = (t: Record<string, number>): string =>
        Object.entries(t).map(([k, n]) => `${k} ${n}`).join(', ');
      deps.print(`verified numbers by source tier: ${tierLine(a.verifiedByTier)}`);
      deps.print(`  of which read on a copy of the cited document (readOn): ${a.verifiedReadOnCopy}`);
      deps.print(`legal statuses by source tier: ${tierLine(a.legalByTier)}`);
      deps.print(`fm sums over 1: ${a.fmSumsOver1.length}`);
      deps.print(`identifiers missing (no reason recorded): ${a.identifiersMissing.length}`);
      for (const r of a.identifiersMissing.slice(0, 10)) deps.print(`  ${r}`);
      for (const r of a.verifiedOnWeak.slice(0, 20)) deps.print(`  on a weak source: ${r}`);
      if (a.verifiedOnWeak.length > 20) deps.print(`  … ${a.verifiedOnWeak.length - 20} more on weak sources (--json for all)`);
    });
}

const WEAK_KIND_TITLE: Record<WeakKind, string> = {
  'label-copy': 'Labels read on third-party copies (the regulator\'s own text is not stored far enough to read the number)',
  'paper-without-identifier': 'Papers read on an index or mirror page, with no PMID or DOI on any stored page',
  'web-page': 'Web pages (wikis, vendors, aggregators) whose number no stored primary or secondary source states',
  'uncurated-database': 'Databases that are neither curated nor the publisher\'s own',
  other: 'Other',
};

/** The weak sources and the searches recorded on each: issue 16's list of what could not be moved, and why. */
function weakSourcesMarkdown(a: KbAudit, kbVersion: string): string {
  const total = Object.entries(a.verifiedByTier).filter(([t]) => t !== 'assumption').reduce((x, [, n]) => x + n, 0);
  const strong = a.verifiedByTier.primary + a.verifiedByTier.secondary;
  const lines = [
    '# Verified numbers still on weak sources',
    '',
    `Generated by \`node bin/crosstalk.js kb audit --weak\` from KB ${kbVersion} (${a.today}). ${a.verifiedByTier.weak} of ${total} verified numbers ` +
      `rest on ${a.weakSources.length} weak sources; ${((strong / total) * 100).toFixed(1)} % are on primary or secondary sources. ` +
      'Each source lists the last search round recorded in its note (`issue 16 (session …)`), which says what was tried and not found.',
  ];
  const kinds = [...new Set(a.weakSources.map((w) => w.kind))];
  for (const kind of kinds) {
    const rows = a.weakSources.filter((w) => w.kind === kind);
    lines.push('', `## ${WEAK_KIND_TITLE[kind]}: ${rows.reduce((x, w) => x + w.numbers, 0)} numbers, ${rows.length} sources`, '');
    lines.push('| source | read on | numbers | search rounds | last search recorded |', '|---|---|---:|---:|---|');
    for (const w of rows)
      lines.push(`| ${w.source} | ${w.host ?? '—'} | ${w.numbers} | ${w.searchRounds} | ${(w.lastSearch ?? 'none recorded').replace(/\|/g, '\\|').replace(/\s+/g, ' ')} |`);
  }
  return lines.join('\n');
}

