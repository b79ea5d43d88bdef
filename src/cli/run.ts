/**
 * The CLI as a function: `runCli(argv, io)` parses the arguments, runs one command and returns the exit code.
 * It never exits the process (main.ts does), so tests call it in-process with captured output.
 * @example const code = await runCli(['search', 'ketum', '--json'], { stdout: (s) => (out += s), stderr: () => {} });
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Command, CommanderError } from 'commander';
import pc from 'picocolors';
import { fail, isCrosstalkError, type KbIndex } from '../core/index.js';
import { loadCurrentKb } from '../node/ensure-kb.js';
import type { CliDeps, CliIo } from './io.js';
import { registerKb } from './commands/kb.js';
import { registerLookup } from './commands/lookup.js';
import { registerOptional } from './commands/_optional.js';

export type { CliIo } from './io.js';

const DESCRIPTION =
  'How two substances are connected in the body, how much one changes the other, and how sure we are.\nEducational use only: Crosstalk informs; it does not prescribe.';

/** What a failed write means to the person who typed the path, or null for a failure that is a bug. */
export function writeProblem(code: string | undefined): string | null {
  switch (code) {
    case 'ENOENT':
      return 'the folder does not exist';
    case 'EISDIR':
      return 'it is a folder';
    case 'ENOTDIR':
      return 'a part of the path is a file, not a folder';
    case 'EACCES':
    case 'EPERM':
      return 'no permission to write there';
    case 'EROFS':
      return 'the file system is read-only';
    case 'ENOSPC':
      return 'the disk is full';
    default:
      return null;
  }
}

function depsFor(io: CliIo, setExitCode: (code: number) => void): CliDeps {
  let kb: KbIndex | null = null;
  const resolvePath = (p: string): string => resolve(io.cwd ?? process.cwd(), p);
  return {
    // The one call that rebuilds the KB when the YAML changed (then reads build/kb.json); once per run.
    getKb: () => (kb ??= (io.getKb ?? loadCurrentKb)()),
    setExitCode,
    today: io.today ?? new Date().toISOString().slice(0, 10),
    print: (text) => io.stdout(`${text}\n`),
    warn: (text) => io.stderr(`${text}\n`),
    printJson: (v) => io.stdout(`${JSON.stringify(v, null, 2)}\n`),
    write: (text) => io.stdout(text),
    readFile: (p, field = 'file') => {
      try {
        return (io.readFile ?? ((q: string) => readFileSync(q, 'utf8')))(resolvePath(p));
      } catch (e) {
        // A path the user typed that is not there is their error, not a bug.
        const code = (e as NodeJS.ErrnoException).code;
        if (code === 'ENOENT' || code === 'EACCES' || code === 'EISDIR' || code === 'ENOTDIR')
          fail('INPUT_UNREADABLE_FILE', { field, path: p, problem: code === 'ENOENT' ? 'no such file' : code }, { field, file: p });
        throw e;
      }
    },
    writeFile: (p, data, field = 'file') => {
      try {
        (io.writeFile ?? writeFileSync)(resolvePath(p), data);
      } catch (e) {
        // A folder that is not there, a directory where a file should go, no permission: the user's path, not a bug.
        const problem = writeProblem((e as NodeJS.ErrnoException).code);
        if (problem) fail('INPUT_UNWRITABLE_FILE', { field, path: p, problem }, { field, file: p });
        throw e;
      }
    },
    resolvePath,
    env: io.env ?? {},
    ...(io.progressStream ? { progressStream: io.progressStream } : {}),
  };
}

/** A fresh program per run: commander keeps parsed options on the command objects. */
export async function buildProgram(deps: CliDeps, io: CliIo): Promise<Command> {
  const program = new Command();
  program
    .name('crosstalk')
    .description(DESCRIPTION)
    .version('0.1.0')
    .showHelpAfterError()
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr });
  registerKb(program, deps);
  registerLookup(program, deps);
  await registerOptional(program, deps);
  // Subcommands inherit neither exitOverride nor the output streams: set them on each.
  const walk = (c: Command): void => {
    for (const sub of c.commands) {
      sub.exitOverride().configureOutput({ writeOut: io.stdout, writeErr: io.stderr });
      walk(sub);
    }
  };
  walk(program);
  return program;
}

/**
 * Run one command line (without the `node crosstalk` prefix) and return its exit code: 0 done, 1 a known error
 * (message and hint printed; with --json also `{error}` on stdout), 2 a bug (stack printed).
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  let exitCode = 0;
  const deps = depsFor(io, (code) => {
    exitCode = code;
  });
  try {
    const program = await buildProgram(deps, io);
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (e) {
    // commander has already printed its own message (unknown option, missing argument) or the help.
    if (e instanceof CommanderError) return e.exitCode;
    if (isCrosstalkError(e)) {
      if (argv.includes('--json')) deps.printJson({ error: e.toJSON() });
      deps.warn(`${pc.red('error')} ${e.code}: ${e.message}`);
      deps.warn(pc.dim(`hint: ${e.hint}`));
      return 1;
    }
    deps.warn(pc.red('crosstalk crashed — this is a bug; please report it with the command you ran:'));
    deps.warn(e instanceof Error ? (e.stack ?? e.message) : String(e));
    return 2;
  }
}
