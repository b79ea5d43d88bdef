/**
 * Read-only access to the compiled KB (build/kb.json). The store never compiles and never writes: building
 * is the compiler's job (src/compiler/build.ts), and rebuilding when the YAML changed is src/node/ensure-kb.ts's.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fail, KbIndex } from '../core/index.js';
import type { KbData } from '../core/index.js';
import { BUNDLE_FILE, BUNDLE_FORMAT, type KbBundle } from './bundle.js';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** The curated YAML (read by the compiler, never by the store; kept here beside the build path it feeds). */
export const KB_DIR = process.env.CROSSTALK_KB_DIR ?? join(ROOT, 'kb');
export const BUILD_DIR = process.env.CROSSTALK_BUILD_DIR ?? join(ROOT, 'build');

let bundleCache: { path: string; stamp: string; bundle: KbBundle } | null = null;

/**
 * The bundle in `buildDir`, or null when there is none or it is not a bundle of this format (both mean "build
 * it"). Parsed once per file version: a rebuilt file (new mtime or size) is read again.
 */
export function readBundle(buildDir = BUILD_DIR): KbBundle | null {
  const path = join(buildDir, BUNDLE_FILE);
  if (!existsSync(path)) return null;
  const st = statSync(path);
  const stamp = `${st.mtimeMs}:${st.size}`;
  if (bundleCache && bundleCache.path === path && bundleCache.stamp === stamp) return bundleCache.bundle;
  let bundle: KbBundle;
  try {
    bundle = JSON.parse(readFileSync(path, 'utf8')) as KbBundle;
  } catch {
    return null;
  }
  if (bundle?.format !== BUNDLE_FORMAT || typeof bundle.sourceHash !== 'string' || !Array.isArray(bundle.substances)) return null;
  bundleCache = { path, stamp, bundle };
  return bundle;
}

let indexCache: { bundle: KbBundle; kb: KbIndex } | null = null;

/**
 * The compiled KB as an in-memory index. Throws KB_BUNDLE_MISSING when there is no bundle; it does not
 * rebuild a stale one (the CLI and server call `loadCurrentKb` from src/node/ensure-kb.ts for that).
 * @example const kb = loadKb(); kb.substance('kratom')
 */
export function loadKb(buildDir = BUILD_DIR): KbIndex {
  const bundle = readBundle(buildDir);
  if (!bundle) fail('KB_BUNDLE_MISSING', { path: join(buildDir, BUNDLE_FILE) });
  if (indexCache?.bundle === bundle) return indexCache.kb;
  const { format: _format, sourceHash: _sourceHash, ...data } = bundle;
  const kb = new KbIndex(data satisfies KbData);
  indexCache = { bundle, kb };
  return kb;
}
