import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CrosstalkError } from '../core/index.js';
import { KbIndex } from '../core/index.js';
import type { KbData } from '../core/index.js';
import { compileKb, type CompileResult } from '../compiler/compile.js';
import { yamlFiles } from '../compiler/load-yaml.js';
import { writeSqlite } from '../compiler/write-sqlite.js';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const KB_DIR = process.env.CROSSTALK_KB_DIR ?? join(ROOT, 'kb');
export const BUILD_DIR = process.env.CROSSTALK_BUILD_DIR ?? join(ROOT, 'build');
export const SQLITE_PATH = join(BUILD_DIR, 'kb.sqlite');
export const JSON_PATH = join(BUILD_DIR, 'kb.json');

function listYaml(dir: string): string[] {
  return existsSync(dir) ? yamlFiles(dir) : [];
}

/** Hash of the curated YAML (names and contents): the build is stale when it changes. */
export function sourceHash(kbDir = KB_DIR): string {
  const h = createHash('sha256');
  for (const f of listYaml(kbDir)) {
    h.update(relative(kbDir, f));
    h.update('\0');
    h.update(readFileSync(f));
    h.update('\0');
  }
  return h.digest('hex').slice(0, 16);
}

export interface BuildOutcome {
  result: CompileResult;
  sqlitePath?: string;
  jsonPath?: string;
}

/** Compile the YAML and, when it is valid, write the SQLite file and the JSON bundle for the browser. */
export function buildKb(kbDir = KB_DIR, buildDir = BUILD_DIR): BuildOutcome {
  const result = compileKb(kbDir, join(kbDir, '..'));
  if (!result.data) return { result };
  mkdirSync(buildDir, { recursive: true });
  const sqlitePath = join(buildDir, 'kb.sqlite');
  const jsonPath = join(buildDir, 'kb.json');
  writeSqlite(result.data, sqlitePath, sourceHash(kbDir));
  writeFileSync(jsonPath, JSON.stringify(result.data));
  return { result, sqlitePath, jsonPath };
}

function readMeta(path: string): Record<string, string> | null {
  if (!existsSync(path)) return null;
  try {
    const db = new Database(path, { readonly: true, fileMustExist: true });
    try {
      const rows = db.prepare('SELECT key, value FROM meta').all() as { key: string; value: string }[];
      return Object.fromEntries(rows.map((r) => [r.key, r.value]));
    } finally {
      db.close();
    }
  } catch {
    return null;
  }
}

/** Build the KB when the SQLite file is missing or older than the YAML (content hash), then load it. */
export function ensureKb(kbDir = KB_DIR, buildDir = BUILD_DIR): { rebuilt: boolean } {
  const path = join(buildDir, 'kb.sqlite');
  const meta = readMeta(path);
  if (meta && meta.sourceHash === sourceHash(kbDir) && existsSync(join(buildDir, 'kb.json'))) return { rebuilt: false };
  const out = buildKb(kbDir, buildDir);
  if (!out.result.data) {
    const first = out.result.issues.slice(0, 5).map((i) => `${i.file ?? ''}:${i.line ?? ''} ${i.message}`);
    throw new CrosstalkError(
      'KB_NOT_BUILT',
      `the knowledge base has ${out.result.issues.length} error(s); run 'crosstalk kb validate'. First: ${first.join(' | ')}`,
    );
  }
  return { rebuilt: true };
}

let cached: { path: string; kb: KbIndex } | null = null;

/** Load the compiled KB (building it first if needed) as an in-memory index. */
export function loadKb(kbDir = KB_DIR, buildDir = BUILD_DIR): KbIndex {
  ensureKb(kbDir, buildDir);
  const path = join(buildDir, 'kb.sqlite');
  if (cached && cached.path === path) return cached.kb;
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    const all = <T>(table: string): T[] =>
      (db.prepare(`SELECT json FROM ${table} ORDER BY rowid`).all() as { json: string }[]).map(
        (r) => JSON.parse(r.json) as T,
      );
    const version = (db.prepare("SELECT value FROM meta WHERE key = 'version'").get() as { value: string }).value;
    const data: KbData = {
      version,
      substances: all('substances'),
      targets: all('targets'),
      relations: all('relations'),
      pk: all('pk'),
      findings: all('findings'),
      sources: all('sources'),
      legal: all('legal'),
      effects: all('effects'),
      clinical: all('clinical'),
      risks: all('risks'),
    };
    const kb = new KbIndex(data);
    cached = { path, kb };
    return kb;
  } finally {
    db.close();
  }
}

/** Full-text search over names with SQLite FTS5 (prefix match per token). */
export function ftsSearch(q: string, limit = 20, buildDir = BUILD_DIR): { id: string; name: string }[] {
  const tokens = q
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
    .map((t) => `"${t}"*`);
  if (tokens.length === 0) return [];
  const db = new Database(join(buildDir, 'kb.sqlite'), { readonly: true, fileMustExist: true });
  try {
    return db
      .prepare('SELECT DISTINCT substance_id AS id, name FROM names_fts WHERE names_fts MATCH ? ORDER BY bm25(names_fts) LIMIT ?')
      .all(tokens.join(' AND '), limit) as { id: string; name: string }[];
  } finally {
    db.close();
  }
}
