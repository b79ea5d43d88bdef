/** Build the web app with Vite when src/web/dist is missing or older than its sources. */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const WEB_DIR = join(import.meta.dirname, '..', 'web');
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

/** Returns true when it built. Vite is imported lazily so the API alone never loads it. */
export async function ensureWebBuilt(log: (s: string) => void = () => {}, webDir = WEB_DIR): Promise<boolean> {
  if (!webBuildIsStale(webDir)) return false;
  log('building the web app (src/web → src/web/dist)…');
  const { build } = await import('vite');
  await build({ configFile: join(webDir, 'vite.config.ts'), logLevel: 'warn' });
  return true;
}
