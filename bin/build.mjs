#!/usr/bin/env node
/**
 * Compile the CLI and server (src/**, without src/web and tests) to plain JavaScript in dist/, so nothing runs
 * TypeScript through a loader in production. The compiler options and the file list are tsconfig.build.json's;
 * each file is transpiled on its own (the project is isolatedModules: no file's output depends on another's types),
 * so a rebuild after an edit compiles only the files that changed. Type errors are `npm run typecheck`'s job.
 *
 * dist/.build.json records every source's size, mtime and SHA-1. `ensureBuilt()` (bin/crosstalk.js calls it before
 * every run) compares the sources with it: a new, removed or changed file (a different hash; an mtime alone is
 * not a change) rebuilds first, so a stale dist/ is never run. Builders take turns on dist/.lock.
 *
 *   node bin/build.mjs               build what changed (`npm install` runs this through the prepare script)
 *   node bin/build.mjs --force       rebuild every file
 *   node bin/build.mjs --if-possible as above, but without TypeScript (a production install) only say so
 *   … --kb                           then compile the KB too (`crosstalk kb build`, in its own process), so the first
 *                                    `npm start` does not compile it inside the server (its resident memory stays
 *                                    about 70 MB lower); a KB that does not build is reported, and left to
 *                                    `npm start` / `npm test` to name again
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const SRC = join(ROOT, 'src');
export const DIST = join(ROOT, 'dist');
const STAMP = join(DIST, '.build.json');
const LOCK = join(DIST, '.lock');
const CONFIGS = ['tsconfig.build.json', 'tsconfig.json'];
/** A build takes seconds; a lock this old was left by a builder that died. */
const LOCK_STALE_MS = 120_000;
const LOCK_WAIT_MS = 180_000;
const STAMP_FORMAT = 1;

const sha1 = (buf) => createHash('sha1').update(buf).digest('hex');

/** The sources the build compiles: src/**.ts except the web app, tests and declaration files (relative, '/'). */
function listSources(dir = SRC) {
  const out = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) {
      if (p === join(SRC, 'web') || e.name === 'node_modules') continue;
      out.push(...listSources(p));
    } else if (e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') && !e.name.endsWith('.d.ts')) {
      out.push(relative(SRC, p).split(sep).join('/'));
    }
  }
  return out.sort();
}

const configHash = () => sha1(CONFIGS.map((c) => (existsSync(join(ROOT, c)) ? readFileSync(join(ROOT, c)) : '')).join('\0'));

function readStamp() {
  try {
    const s = JSON.parse(readFileSync(STAMP, 'utf8'));
    return s?.format === STAMP_FORMAT && s.files && typeof s.config === 'string' ? s : null;
  } catch {
    return null;
  }
}

/** The files to compile (all of them when the stamp or the config changed), and the files no longer there. */
function changes(stamp) {
  const files = listSources();
  if (!stamp || stamp.config !== configHash()) return { compile: files, removed: [], all: true };
  const compile = [];
  for (const f of files) {
    const was = stamp.files[f];
    const st = statSync(join(SRC, f));
    if (!was || was.size !== st.size || !existsSync(join(DIST, f.replace(/\.ts$/, '.js')))) compile.push(f);
    // A checkout or copy may touch a file without changing it: only a different hash counts.
    else if (was.mtimeMs !== st.mtimeMs && was.sha1 !== sha1(readFileSync(join(SRC, f)))) compile.push(f);
  }
  const now = new Set(files);
  const removed = Object.keys(stamp.files).filter((f) => !now.has(f));
  return { compile, removed, all: false };
}

/** True when dist/ is missing or older than the sources. */
export function isStale() {
  const c = changes(readStamp());
  return c.compile.length > 0 || c.removed.length > 0;
}

function typescript() {
  try {
    return createRequire(import.meta.url)('typescript');
  } catch {
    return null;
  }
}

const sleep = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

function ownerAlive() {
  try {
    const pid = Number(readFileSync(LOCK, 'utf8').trim());
    if (!Number.isInteger(pid) || pid <= 0) return false;
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return e.code === 'EPERM';
  }
}

/** Run `fn` holding dist/.lock (created exclusively, with the owner's pid; taken over when its owner is gone). */
function withLock(fn) {
  mkdirSync(DIST, { recursive: true });
  const started = Date.now();
  for (;;) {
    try {
      const fd = openSync(LOCK, 'wx');
      writeSync(fd, `${process.pid}\n`);
      closeSync(fd);
      break;
    } catch (e) {
      if (e.code !== 'EEXIST') throw e;
      let age;
      try {
        age = Date.now() - statSync(LOCK).mtimeMs;
      } catch {
        continue; // removed meanwhile
      }
      if (age > LOCK_STALE_MS || !ownerAlive()) {
        rmSync(LOCK, { force: true });
        continue;
      }
      if (Date.now() - started > LOCK_WAIT_MS) throw new Error(`crosstalk build: ${LOCK} has been held for ${Math.round((Date.now() - started) / 1000)} s by pid ${readFileSync(LOCK, 'utf8').trim()}; remove it if that process is gone`, { cause: e });
      sleep(100);
    }
  }
  try {
    return fn();
  } finally {
    rmSync(LOCK, { force: true });
  }
}

/** Write `text` to `path` whole or not at all (a reader never sees half a file). */
function writeAtomic(path, text) {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, text);
  renameSync(tmp, path);
}

/**
 * Bring dist/ up to date with src/. Returns the number of files compiled (0 when it was current). Throws when it
 * cannot (no TypeScript, a syntax error), naming the file.
 */
export function build({ force = false, log = () => {} } = {}) {
  return withLock(() => {
    const stamp = force ? null : readStamp();
    const { compile, removed } = changes(stamp);
    if (!compile.length && !removed.length) return 0; // another builder finished while this one waited
    const ts = typescript();
    if (!ts) throw new Error('crosstalk build: dist/ is missing or older than src/, and TypeScript is not installed. Run `npm install` (with dev dependencies) or build elsewhere with `npm run build` and copy dist/.');
    const configPath = join(ROOT, 'tsconfig.build.json');
    const parsed = ts.getParsedCommandLineOfConfigFile(configPath, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: (d) => { throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n')); } });
    // One file at a time, as ES modules (the package is "type": "module"; NodeNext would need the whole program).
    const compilerOptions = { ...parsed.options, module: ts.ModuleKind.ES2022, moduleResolution: ts.ModuleResolutionKind.Bundler, noEmit: false };
    log(`compiling ${compile.length} file${compile.length === 1 ? '' : 's'} (src → dist)…`);
    const files = { ...(stamp?.files ?? {}) };
    for (const f of removed) {
      delete files[f];
      rmSync(join(DIST, f.replace(/\.ts$/, '.js')), { force: true });
    }
    for (const f of compile) {
      const path = join(SRC, f);
      const st = statSync(path);
      const source = readFileSync(path);
      const out = ts.transpileModule(source.toString('utf8'), { compilerOptions, fileName: path, reportDiagnostics: true });
      const errors = (out.diagnostics ?? []).filter((d) => d.category === ts.DiagnosticCategory.Error);
      if (errors.length) {
        const d = errors[0];
        const pos = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start) : null;
        throw new Error(`crosstalk build: src/${f}${pos ? `:${pos.line + 1}:${pos.character + 1}` : ''}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
      }
      writeAtomic(join(DIST, f.replace(/\.ts$/, '.js')), out.outputText);
      files[f] = { size: st.size, mtimeMs: st.mtimeMs, sha1: sha1(source) };
    }
    writeAtomic(STAMP, JSON.stringify({ format: STAMP_FORMAT, config: configHash(), files }));
    return compile.length;
  });
}

/** Build when stale; the quick path (dist/ current) only reads the stamp and stats the sources. */
export function ensureBuilt(log = () => {}) {
  if (!isStale()) return 0;
  return build({ log });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const args = process.argv.slice(2);
  const started = Date.now();
  if (args.includes('--if-possible') && !typescript()) {
    console.error(`crosstalk build: TypeScript is not installed; ${existsSync(STAMP) ? 'keeping the existing dist/' : 'no dist/ yet: run `npm run build` where dev dependencies are installed'}`);
  } else {
    try {
      const n = build({ force: args.includes('--force'), log: (s) => console.error(s) });
      console.error(n ? `crosstalk build: ${n} file${n === 1 ? '' : 's'} compiled into dist/ in ${((Date.now() - started) / 1000).toFixed(1)} s` : 'crosstalk build: dist/ is current');
    } catch (e) {
      console.error(e.message);
      process.exit(1);
    }
    if (args.includes('--kb')) {
      const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'crosstalk.js'), 'kb', 'build'], { stdio: ['ignore', 'ignore', 'inherit'] });
      console.error(r.status === 0 ? 'crosstalk build: KB compiled (build/kb.json)' : `crosstalk build: the KB did not compile (exit ${r.status ?? r.signal}); \`npm start\` and \`npm test\` will name the problem`);
    }
  }
}
