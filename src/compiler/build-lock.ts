/**
 * One build at a time per build folder: `build/kb.lock`, created exclusively (O_EXCL), holding the owner's pid.
 * Another process (a test worker, the server, a second CLI) waits for it; a lock whose owner is gone, or older than
 * LOCK_STALE_MS, is taken over. Synchronous on purpose: ensureKb runs before anything else starts.
 */
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { fail } from '../core/index.js';

export const LOCK_FILE = 'kb.lock';
/** A build takes a few seconds; a lock this old belongs to a build that died without removing it. */
export const LOCK_STALE_MS = 120_000;
/** How long a second builder waits before giving up with KB_BUILD_LOCKED. */
export const LOCK_WAIT_MS = 180_000;

const sleep = (ms: number): void => {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
};

function ownerAlive(path: string): boolean {
  try {
    const pid = Number(readFileSync(path, 'utf8').trim());
    if (!Number.isInteger(pid) || pid <= 0) return false;
    process.kill(pid, 0); // signal 0: only asks whether the process exists
    return true;
  } catch (e) {
    // EPERM: it exists but belongs to someone else
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** When the lock was taken, or null when it is gone. */
function lockTime(path: string): number | null {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return null;
  }
}

/** Run `fn` holding the build lock of `buildDir`. */
export function withBuildLock<T>(buildDir: string, fn: () => T, waitMs = LOCK_WAIT_MS): T {
  mkdirSync(buildDir, { recursive: true });
  const path = join(buildDir, LOCK_FILE);
  const started = Date.now();
  let fd: number | null = null;
  while (fd === null) {
    try {
      fd = openSync(path, 'wx');
      writeSync(fd, `${process.pid}\n`);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const mtimeMs = lockTime(path);
      if (mtimeMs === null) continue; // removed meanwhile: try again at once
      const age = Date.now() - mtimeMs;
      if (age > LOCK_STALE_MS || !ownerAlive(path)) {
        rmSync(path, { force: true });
        continue;
      }
      if (Date.now() - started > waitMs) fail('KB_BUILD_LOCKED', { path, waitedS: Math.round((Date.now() - started) / 1000) }, { file: path });
      sleep(50);
    }
  }
  try {
    return fn();
  } finally {
    closeSync(fd);
    rmSync(path, { force: true });
  }
}
