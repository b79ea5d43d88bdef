/** Shared CLI plumbing. Only main.ts exits the process; commands set the exit code through deps. */
import type { KbIndex } from '../core/index.js';

export interface CliDeps {
  getKb: () => KbIndex;
  setExitCode: (code: number) => void;
  /** Today's date (YYYY-MM-DD), read once at the edge. */
  today: string;
}

export function printJson(v: unknown): void {
  process.stdout.write(`${JSON.stringify(v, null, 2)}\n`);
}
