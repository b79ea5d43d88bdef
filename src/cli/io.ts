/**
 * Shared CLI plumbing. Commands write through `deps` (never to process.stdout or the console), so the whole CLI
 * runs in-process under test (`runCli(argv, io)`); only main.ts touches the real process.
 */
import type { KbIndex } from '../core/index.js';

/** Where the CLI reads and writes. `main.ts` passes the process's streams and the file system. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Reads a user-named file (e.g. `predict --batch requests.jsonl`), relative to `cwd`. */
  readFile?: (path: string) => string;
  /** Writes a user-named file (e.g. `explain --out brief.md`), relative to `cwd`. */
  writeFile?: (path: string, data: string) => void;
  /** Directory user-named paths are relative to (default: the process's). */
  cwd?: string;
  /** The KB (default: built if stale, then loaded); tests pass a fixture or a shared index. */
  getKb?: () => KbIndex;
  /** Today's date, YYYY-MM-DD (default: the clock, read once at the edge). */
  today?: string;
  /** Environment variables the CLI reads (PORT); default: none. */
  env?: Readonly<Record<string, string | undefined>>;
  /** A terminal stream for progress bars; none (no bar) when absent. */
  progressStream?: NodeJS.WritableStream & { isTTY?: boolean };
}

export interface CliDeps {
  getKb: () => KbIndex;
  setExitCode: (code: number) => void;
  /** Today's date (YYYY-MM-DD), read once at the edge. */
  today: string;
  /** One line (or several joined by newlines) to stdout. */
  print: (text: string) => void;
  /** One line to stderr. */
  warn: (text: string) => void;
  /** Pretty-printed JSON to stdout. */
  printJson: (v: unknown) => void;
  /** Raw text to stdout (no newline added). */
  write: (text: string) => void;
  /** A user-named file's text; a missing one is INPUT_UNREADABLE_FILE naming `field` (the option). */
  readFile: (path: string, field?: string) => string;
  /** Writes a user-named file; a folder that is missing, a directory or no permission is INPUT_UNWRITABLE_FILE naming `field`. */
  writeFile: (path: string, data: string, field?: string) => void;
  /** A user-named path made absolute against the CLI's working directory. */
  resolvePath: (path: string) => string;
  env: Readonly<Record<string, string | undefined>>;
  progressStream?: CliIo['progressStream'];
}
