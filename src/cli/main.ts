import { Command } from 'commander';
import pc from 'picocolors';
import { isCrosstalkError } from '../core/index.js';
import type { KbIndex } from '../core/index.js';
import { loadKb } from '../store/kb-store.js';
import type { CliDeps } from './io.js';
import { registerKb } from './commands/kb.js';
import { registerLookup } from './commands/lookup.js';
import { registerOptional } from './commands/_optional.js';

// `crosstalk … | head` closes the pipe early: that is the reader's choice, not an error.
for (const stream of [process.stdout, process.stderr])
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
    throw e;
  });

let kb: KbIndex | null = null;
const deps: CliDeps = {
  getKb: () => (kb ??= loadKb()),
  setExitCode: (code) => {
    process.exitCode = code;
  },
  today: new Date().toISOString().slice(0, 10),
};

const program = new Command();
program
  .name('crosstalk')
  .description('How two substances are connected in the body, how much one changes the other, and how sure we are.\nEducational use only: Crosstalk informs; it does not prescribe.')
  .version('0.1.0')
  .showHelpAfterError();

registerKb(program, deps);
registerLookup(program, deps);
await registerOptional(program, deps);

try {
  await program.parseAsync(process.argv);
} catch (e) {
  // Known errors: message and hint, exit 1. Anything else is a bug: print the stack.
  if (isCrosstalkError(e)) {
    const json = process.argv.includes('--json');
    if (json) process.stdout.write(`${JSON.stringify({ error: e.toJSON() }, null, 2)}\n`);
    console.error(`${pc.red('error')} ${e.code}: ${e.message}`);
    console.error(pc.dim(`hint: ${e.hint}`));
    process.exitCode = 1;
  } else {
    console.error(pc.red('crosstalk crashed — this is a bug; please report it with the command you ran:'));
    console.error(e);
    process.exitCode = 2;
  }
}
