/**
 * YAML → build/kb.json, the one compiled artefact (format in src/store/bundle.ts). Deterministic: the same YAML
 * gives a byte-identical file (compile order is file order, no timestamps), and the file is replaced by a
 * rename, so a reader never sees half a bundle. The bundle's source hash comes from the same read of the YAML as
 * its data, and builds of one build folder take turns (build-lock.ts).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { KbData } from '../core/index.js';
import { BUNDLE_FILE, BUNDLE_FORMAT, type KbBundle } from '../store/bundle.js';
import { withBuildLock } from './build-lock.js';
import { compileKb, type CompileResult } from './compile.js';
import { hashFile, kbRelative, kbSourceFiles } from './load-yaml.js';

/** Hash of the curated YAML (names and contents) as it is now: the build is stale when it differs from the bundle's. */
export function sourceHash(kbDir: string): string {
  const h = createHash('sha256');
  for (const f of existsSync(kbDir) ? kbSourceFiles(kbDir) : []) hashFile(h, kbRelative(kbDir, f), readFileSync(f));
  return h.digest('hex').slice(0, 16);
}

/** The bundle's text: header fields first, then the KB exactly as compiled. */
function bundleText(data: KbData, hash: string): string {
  const bundle: KbBundle = { format: BUNDLE_FORMAT, sourceHash: hash, ...data };
  return `${JSON.stringify(bundle)}\n`;
}

export interface BuildOutcome {
  result: CompileResult;
  /** Where the bundle was written; absent when the YAML has errors (nothing is written then). */
  jsonPath?: string;
}

/** Compile the YAML and, when it is valid, write the bundle (holding the build lock). */
export function buildKb(kbDir: string, buildDir: string): BuildOutcome {
  return withBuildLock(buildDir, () => buildUnlocked(kbDir, buildDir));
}

/** The build itself; the caller holds the lock (ensureKb re-checks freshness inside it first). */
export function buildUnlocked(kbDir: string, buildDir: string): BuildOutcome {
  const result = compileKb(kbDir, join(kbDir, '..'));
  if (!result.data) return { result };
  mkdirSync(buildDir, { recursive: true });
  const jsonPath = join(buildDir, BUNDLE_FILE);
  const tmp = `${jsonPath}.tmp-${process.pid}`;
  writeFileSync(tmp, bundleText(result.data, result.sourceHash));
  renameSync(tmp, jsonPath);
  return { result, jsonPath };
}
