/**
 * kb/manifest.json: the committed number of records in each KB file. The build compares what it read with it, so
 * an emptied or truncated file (which may still be valid YAML) is an error naming the file instead of a KB that
 * silently lost records. An intended change updates the manifest in the same commit:
 * `node bin/crosstalk.js kb manifest --write`.
 *
 * Fewer records than listed, or a listed file gone, is an error (that is what truncation and deletion look like);
 * more records, or a file not listed yet, is a warning (curators add records all the time), and
 * test/kb/manifest.test.ts fails until the manifest is updated.
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Issue } from '../core/index.js';

export const MANIFEST_FILE = 'manifest.json';
export const MANIFEST_COMMAND = 'node bin/crosstalk.js kb manifest --write';

export interface KbManifest {
  note: string;
  /** Records per file, by path relative to the KB folder. */
  files: Record<string, number>;
}

/** The manifest in `kbDir`, or null when the KB has none (fixture KBs in tests); a broken one is an issue. */
export function readManifest(kbDir: string): { manifest: KbManifest | null; issues: Issue[] } {
  const path = join(kbDir, MANIFEST_FILE);
  if (!existsSync(path)) return { manifest: null, issues: [] };
  try {
    const m = JSON.parse(readFileSync(path, 'utf8')) as KbManifest;
    if (!m || typeof m.files !== 'object' || Object.values(m.files).some((n) => !Number.isInteger(n) || n < 0)) throw new Error('no "files" object of record counts');
    return { manifest: m, issues: [] };
  } catch (e) {
    return { manifest: null, issues: [issue(`kb/${MANIFEST_FILE}`, `not a valid manifest (${(e as Error).message}); rebuild it with \`${MANIFEST_COMMAND}\``)] };
  }
}

function issue(file: string, problem: string): Issue {
  return { code: 'KB_MANIFEST', file, line: 1, message: `${file}: ${problem}` };
}

/** Compare the records read per file with the manifest: errors for lost records or files, warnings for new ones. */
export function checkManifest(
  kbDir: string,
  recordsPerFile: Readonly<Record<string, number>>,
  unreadable: readonly string[] = [],
): { issues: Issue[]; warnings: Issue[] } {
  const { manifest, issues } = readManifest(kbDir);
  const warnings: Issue[] = [];
  if (!manifest) return { issues, warnings };
  const fix = `if the change is intended, run \`${MANIFEST_COMMAND}\` and commit kb/${MANIFEST_FILE} with it`;
  for (const [rel, expected] of Object.entries(manifest.files)) {
    const got = recordsPerFile[rel];
    const file = `kb/${rel}`;
    if (got === undefined) issues.push(issue(file, `listed in kb/${MANIFEST_FILE} with ${expected} records but missing; ${fix}`));
    else if (unreadable.includes(rel)) continue; // its syntax error is reported already
    else if (got < expected)
      issues.push(issue(file, `${got} records where kb/${MANIFEST_FILE} expects ${expected}: the file was ${got === 0 ? 'emptied' : 'truncated or records were removed'}; ${fix}`));
    else if (got > expected) warnings.push(issue(file, `${got} records where kb/${MANIFEST_FILE} lists ${expected}; run \`${MANIFEST_COMMAND}\` and commit kb/${MANIFEST_FILE} with the new records`));
  }
  for (const [rel, got] of Object.entries(recordsPerFile))
    if (!(rel in manifest.files) && !unreadable.includes(rel))
      warnings.push(issue(`kb/${rel}`, `${got} records in a file kb/${MANIFEST_FILE} does not list; run \`${MANIFEST_COMMAND}\` and commit kb/${MANIFEST_FILE} with it`));
  return { issues, warnings };
}

/** The manifest text for these counts: files sorted, one per line, so a diff shows exactly what changed. */
export function manifestText(recordsPerFile: Readonly<Record<string, number>>): string {
  const files = Object.fromEntries(Object.entries(recordsPerFile).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  const m: KbManifest = { note: `Records per KB file, checked at every build (src/compiler/manifest.ts). After an intended change: ${MANIFEST_COMMAND}`, files };
  return `${JSON.stringify(m, null, 2)}\n`;
}

/** Write kb/manifest.json (through a rename, so a reader never sees half of it). */
export function writeManifest(kbDir: string, recordsPerFile: Readonly<Record<string, number>>): string {
  const path = join(kbDir, MANIFEST_FILE);
  const tmp = `${path}.tmp-${process.pid}`;
  writeFileSync(tmp, manifestText(recordsPerFile));
  renameSync(tmp, path);
  return path;
}
