import type { Command } from 'commander';
import { checkClaim } from '../../core/claims/check-claim.js';
import { check } from '../../core/engine/check.js';
import { printJson, type CliDeps } from '../io.js';
import { renderCheckText, renderClaimText } from '../render-engine.js';

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
  registerClaim(program, deps);
}

export function registerClaim(program: Command, deps: CliDeps): void {
  program
    .command('claim <text...>')
    .description('check a plain-English claim, e.g. "cannabis and kratom are pharmacologically unrelated"')
    .option('--json', 'print {claim, verdict, reasons, sources, caveats}')
    .action((words: string[], opts: { json?: boolean }) => {
      const r = checkClaim(deps.getKb(), words.join(' '));
      if (opts.json) printJson(r);
      else console.log(renderClaimText(r));
      if (r.verdict === 'unrecognized') deps.setExitCode(1);
    });
}
