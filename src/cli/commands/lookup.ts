import type { Command } from 'commander';
import pc from 'picocolors';
import { fail, MAX_SEARCH_RESULTS_CLI } from '../../core/index.js';
import { describeSubstance } from '../../core/index.js';
import { resolveSubstance, searchSubstances } from '../../core/index.js';
import type { CliDeps } from '../io.js';
import { renderSubstanceText } from '../render-substance.js';

export function registerLookup(program: Command, deps: CliDeps): void {
  program
    .command('search <text...>')
    .description('find substances by name, synonym, brand or slang (typo-tolerant)')
    .option('--json', 'print [{id, name, kind, matched, score}]')
    .option('--limit <n>', 'how many results', '10')
    .action((words: string[], opts: { json?: boolean; limit: string }) => {
      const text = words.join(' ');
      const limit = Number(opts.limit);
      if (!Number.isInteger(limit) || limit < 1 || limit > MAX_SEARCH_RESULTS_CLI)
        fail('INPUT_OUT_OF_RANGE', { field: '--limit', value: opts.limit, expected: `a whole number from 1 to ${MAX_SEARCH_RESULTS_CLI}` }, { field: 'limit' });
      const hits = searchSubstances(deps.getKb(), text, limit);
      if (opts.json) {
        deps.printJson(hits.map(({ id, name, kind, matched, score }) => ({ id, name, kind, matched, score })));
      } else if (hits.length === 0) {
        deps.print(`no substance matches '${text}'`);
      } else {
        for (const h of hits)
          deps.print(
            `${pc.bold(h.name)} ${pc.dim(`(${h.id}, ${h.kind})`)}${h.matched !== h.name ? ` — matched ${h.matchType} '${h.matched}'` : ''}  ${pc.dim(h.score.toFixed(2))}`,
          );
      }
      if (hits.length === 0) deps.setExitCode(1);
    });

  program
    .command('show <substance...>')
    .description('a substance with its constituents, targets, enzymes, PK, findings, legal status and sources')
    .option('--json', 'print the record with its related records and sources')
    .action((words: string[], opts: { json?: boolean }) => {
      const kb = deps.getKb();
      const s = resolveSubstance(kb, words.join(' '));
      const d = describeSubstance(kb, s.id);
      if (opts.json) deps.printJson(d);
      else deps.print(renderSubstanceText(d));
    });
}
