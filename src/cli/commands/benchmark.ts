/**
 * `crosstalk benchmark [--json] [--out docs/benchmark.md]` — predict every scored clinical study in the KB with
 * every model and score it (issue 11). Writes the report (docs/benchmark.md), the data (build/benchmark.json, served
 * to the web app's Validation page) and adds new pairs to the committed split (docs/benchmark-split.json). With
 * --json the last stdout line is the summary object.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Command } from 'commander';
import { guestBand, reconcileSplit, renderBenchmarkMarkdown, runBenchmark, summariseBenchmark, summaryLine } from '../../core/index.js';
import type { ConcentrationOption, Metrics, SplitLabel } from '../../core/index.js';
import { BUILD_DIR, ROOT } from '../../store/kb-store.js';
import type { CliDeps } from '../io.js';

export const SPLIT_FILE = join(ROOT, 'docs', 'benchmark-split.json');
export const REPORT_FILE = join(ROOT, 'docs', 'benchmark.md');
export const DATA_FILE = join(BUILD_DIR, 'benchmark.json');

/** The code revision the report came from (read here: the core has no process access). */
function gitRevision(): string {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim() || 'unknown';
  } catch {
    return 'unknown';
  }
}

export function readSplitFile(path = SPLIT_FILE): Record<string, SplitLabel> {
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as Record<string, SplitLabel>) : {};
}

function write(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
}

const pct = (x: number | null): string => (x === null ? '—' : `${(x * 100).toFixed(0)} %`);
const num = (x: number | null): string => (x === null ? '—' : x.toFixed(2));
const line = (m: Metrics): string => `n ${m.n} · answered ${pct(m.answered)} · within 2-fold ${pct(m.within2)} · Guest ${pct(m.guest)} · GMFE ${num(m.gmfe)} · bias ${num(m.bias)} · coverage ${pct(m.coverage)}`;

export function registerBenchmark(program: Command, deps: CliDeps): void {
  program
    .command('benchmark')
    .description('Predict every scored clinical interaction study in the KB with every model and score the predictions (writes docs/benchmark.md and build/benchmark.json)')
    .option('--json', 'print the summary object as the last line')
    .option('--out <file>', 'where to write the Markdown report', REPORT_FILE)
    .option('--concentration <option>', 'inhibitor concentration for the liver, to compare global choices (inlet_max_u | systemic_max_u | average_u | by_mechanism_u); the report says when it is not the default')
    .option('--no-time-course', 'switch off the enzyme-turnover time course, to compare global choices')
    .option('--gut-solubility-cap', 'cap oral perpetrators\' gut concentrations at their aqueous solubility, to compare global choices')
    .action((o: { json?: boolean; out: string; concentration?: ConcentrationOption; timeCourse: boolean; gutSolubilityCap?: boolean }) => {
      const t0 = performance.now();
      const kb = deps.getKb();
      const split = reconcileSplit(kb.data.clinical, readSplitFile());
      if (split.added.length) {
        write(SPLIT_FILE, `${JSON.stringify(split.labels, null, 2)}\n`);
        deps.warn(`benchmark: ${split.added.length} new pair(s) labelled in docs/benchmark-split.json (commit it): ${split.added.join(', ')}`);
      }
      for (const m of split.moved)
        deps.warn(`benchmark: WARNING the committed label of ${m.pair} is '${m.committed}' but the split rule now gives '${m.computed}'; the committed label is used (a label must never move silently)`);
      const optionsNote = [o.concentration && `concentration ${o.concentration}`, !o.timeCourse && 'time course off', o.gutSolubilityCap && 'gut solubility cap on'].filter(Boolean).join(', ');
      const run = runBenchmark(kb, { labels: split.labels, predictOptions: { ...(o.concentration ? { concentration: o.concentration } : {}), timeCourse: o.timeCourse, ...(o.gutSolubilityCap ? { gutSolubilityCap: true } : {}) } });
      const figures = summariseBenchmark(run);
      const summary = summaryLine(run, figures);
      const revision = gitRevision();
      const seconds = (performance.now() - t0) / 1000;
      write(deps.resolvePath(o.out), renderBenchmarkMarkdown(run, figures, revision, optionsNote || undefined));
      write(DATA_FILE, JSON.stringify({ kbVersion: run.kbVersion, revision, options: optionsNote || 'defaults', runSeconds: Math.round(seconds * 10) / 10, summary, counts: run.counts, figures, guestBand: guestBand(), entries: run.entries }));
      deps.warn(`benchmark: ${run.entries.length} studies × ${Object.keys(figures.models).length} answers (${Object.keys(figures.models).join(', ')}) in ${seconds.toFixed(1)} s; wrote ${deps.resolvePath(o.out)} and ${DATA_FILE}`);
      if (o.json) {
        deps.print(JSON.stringify(summary));
        return;
      }
      const out = [`Clinical benchmark — KB ${run.kbVersion}, code ${revision}: ${summary.n} human studies (${summary.nCannabisKratom} cannabis/kratom)`];
      for (const m of Object.keys(figures.models) as (keyof typeof figures.models)[])
        for (const s of ['tune', 'check'] as const) out.push(`  ${`${m === 'best' ? 'best estimate' : m} ${s}`.padEnd(20)} ${line(figures.models[m][s])}`);
      out.push(`  grey or error: ${figures.grey.length} studies (listed in the report)`);
      deps.print(out.join('\n'));
    });
}
