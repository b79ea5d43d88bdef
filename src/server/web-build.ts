/**
 * Build the web app with Vite when src/web/dist is missing or older than its sources — once, into that cached
 * folder, in a child process: the server never loads Vite (a build inside the server process took its resident
 * memory from about 130 to 430 MB), and servers starting together take turns on a lock instead of writing the
 * same folder at once.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { withBuildLock } from '../compiler/build-lock.js';
import { BUILD_DIR, ROOT } from '../store/kb-store.js';

// From the repository root, not this file: the server also runs compiled, from dist/server.
export const WEB_DIR = join(ROOT, 'src', 'web');
export const WEB_DIST = join(WEB_DIR, 'dist');

function newestMtime(dir: string): number {
  let t = 0;
  for (const name of readdirSync(dir)) {
    if (name === 'dist' || name === 'node_modules') continue;
    const p = join(dir, name);
    const s = statSync(p);
    t = Math.max(t, s.isDirectory() ? newestMtime(p) : s.mtimeMs);
  }
  return t;
}

export function webBuildIsStale(webDir = WEB_DIR): boolean {
  const index = join(webDir, 'dist', 'index.html');
  if (!existsSync(index)) return true;
  return newestMtime(webDir) > statSync(index).mtimeMs;
}

/** Vite's command-line entry, or null where Vite is not installed (a production install serves a prebuilt app). */
function viteBin(): string | null {
  try {
    // bin/vite.js is not in Vite's exports map; its package.json is, and names the bin.
    const pkg = createRequire(import.meta.url).resolve('vite/package.json');
    return join(dirname(pkg), 'bin', 'vite.js');
  } catch {
    return null;
  }
}

/** Returns true when it built. Without Vite, a missing build is reported and the API is served alone. */
export async function ensureWebBuilt(log: (s: string) => void = () => {}, webDir = WEB_DIR): Promise<boolean> {
  if (!webBuildIsStale(webDir)) return false;
  const vite = viteBin();
  if (!vite) {
    log(`the web app in ${join(webDir, 'dist')} is missing or older than its sources, and Vite is not installed: ${existsSync(join(webDir, 'dist', 'index.html')) ? 'serving the existing build' : 'serving the API only'}`);
    return false;
  }
  // The lock lives in build/ (not under src/web, whose mtimes decide whether the app is stale).
  return withBuildLock(join(BUILD_DIR, 'web-build'), () => {
    if (!webBuildIsStale(webDir)) return false; // another server built it while this one waited
    log('building the web app (src/web → src/web/dist)…');
    const r = spawnSync(process.execPath, [vite, 'build', '-c', join(webDir, 'vite.config.ts'), '--logLevel', 'warn'], { stdio: ['ignore', 'inherit', 'inherit'] });
    if (r.status !== 0) log(`the web app did not build (exit ${r.status ?? r.signal}); ${existsSync(join(webDir, 'dist', 'index.html')) ? 'serving the previous build' : 'serving the API only'}`);
    return r.status === 0;
  });
}
