/**
 * The one step that rebuilds the KB when the YAML changed (content hash of file names and bytes, not mtimes),
 * called by the CLI and the server at start and by the test setup. The store itself only reads.
 */
import type { KbIndex } from '../core/index.js';
import { fail } from '../core/index.js';
import { buildUnlocked, sourceHash } from '../compiler/build.js';
import { withBuildLock } from '../compiler/build-lock.js';
import { BUILD_DIR, KB_DIR, loadKb, readBundle } from '../store/kb-store.js';

/** Build the bundle when it is missing, of another format, or compiled from other YAML. */
export function ensureKb(kbDir = KB_DIR, buildDir = BUILD_DIR): { rebuilt: boolean; version: string } {
  const have = readBundle(buildDir);
  if (have && have.sourceHash === sourceHash(kbDir)) return { rebuilt: false, version: have.version };
  // One builder at a time; whoever waited finds the bundle another process has just built and uses it.
  const out = withBuildLock(buildDir, () => {
    const now = readBundle(buildDir);
    if (now && now.sourceHash === sourceHash(kbDir)) return null;
    return buildUnlocked(kbDir, buildDir);
  });
  if (out === null) return { rebuilt: false, version: readBundle(buildDir)!.version };
  if (!out.result.data) {
    const first = out.result.issues.slice(0, 5).map((i) => `${i.file ?? ''}:${i.line ?? ''} ${i.message}`);
    fail('KB_NOT_BUILT', { count: out.result.issues.length, first: first.join(' | ') });
  }
  return { rebuilt: true, version: out.result.data.version };
}

/**
 * The KB as the YAML is now: rebuilt first if needed, then loaded read-only.
 * @example const kb = loadCurrentKb(); // after editing kb/*.yaml, this compiles once, then reads build/kb.json
 */
export function loadCurrentKb(kbDir = KB_DIR, buildDir = BUILD_DIR): KbIndex {
  ensureKb(kbDir, buildDir);
  return loadKb(buildDir);
}
