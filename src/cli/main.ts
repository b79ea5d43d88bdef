/**
 * The `crosstalk` executable (bin/crosstalk.js): runs the CLI against the real process. The only file that
 * touches process.exit and the terminal; everything else goes through runCli (src/cli/run.ts).
 */
import { runCli } from './run.js';

// `crosstalk … | head` closes the pipe early: that is the reader's choice, not an error.
for (const stream of [process.stdout, process.stderr])
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
    throw e;
  });

// exitCode, not exit(): `crosstalk serve` keeps running after its command returns.
process.exitCode = await runCli(process.argv.slice(2), {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  env: process.env,
  progressStream: process.stderr,
});
