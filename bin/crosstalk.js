#!/usr/bin/env node
// Runs the compiled CLI (dist/, plain JavaScript: no TypeScript loader at run time). `npm install` builds dist/;
// when src/ has changed since, the changed files are compiled first (bin/build.mjs), so a stale build never runs.
import { ensureBuilt } from './build.mjs';

try {
  // Say so only to a person at a terminal: scripts and tests read stderr.
  ensureBuilt(process.stderr.isTTY ? (s) => process.stderr.write(`crosstalk: ${s}\n`) : undefined);
} catch (e) {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
}
await import('../dist/cli/main.js');
