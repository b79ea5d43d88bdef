import type { Command } from 'commander';
import { check } from '../../core/engine/check.js';
import { printJson, type CliDeps } from '../io.js';
import { renderCheckText } from '../render-engine.js';

export function registerAnalysis(program: Command, deps: CliDeps): void {
  program
    .command('check <substances...>')
    .description('every pair: shared pathways, exposure change both ways, effect overlap, tier and evidence')
    .option('--json', 'machine-readable output')
    .action((names: string[], opts: { json?: boolean }) => {
      const r = check(deps.getKb(), names);
      if (opts.json) printJson(r);
      else console.log(renderCheckText(r, deps.getKb()));
    });
}
