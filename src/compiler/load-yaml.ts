import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { LineCounter, parseDocument, isSeq, visit, type Document } from 'yaml';
import type { Issue } from '../core/index.js';
import { RECORD_KINDS, type RecordKind } from '../core/index.js';
import type { Path } from '../core/index.js';

/** One record as parsed from YAML, before validation, with where it came from. */
export interface RawRecord {
  kind: RecordKind;
  file: string;
  index: number;
  line: number;
  data: unknown;
  /** Line of a path inside this record (falls back to the record's own line). */
  lineOf(path: Path): number;
}

export interface LoadResult {
  records: RawRecord[];
  issues: Issue[];
  files: string[];
  /**
   * Hash of the bytes this load read (file names relative to the KB folder, and contents): the compiled data and
   * its hash come from one read, so a file edited during a build cannot be stored under the new hash.
   */
  sourceHash: string;
  /** Records per file, by path relative to the KB folder ('substances/kratom.yaml'), for the manifest check. */
  recordsPerFile: Record<string, number>;
  /** Files (relative to the KB folder) whose YAML did not parse: the manifest check leaves them to the syntax error. */
  unreadable: string[];
}

/** Every .yaml/.yml file below a folder, sorted (so builds are deterministic). */
export function yamlFiles(dir: string): string[] {
  let out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out = out.concat(yamlFiles(p));
    else if (/\.ya?ml$/.test(name)) out.push(p);
  }
  return out;
}

function nodeLine(doc: Document, lc: LineCounter, path: Path): number | undefined {
  for (let n = path.length; n >= 0; n--) {
    const node = doc.getIn(path.slice(0, n), true) as { range?: [number, number, number] } | undefined;
    if (node && typeof node === 'object' && node.range) return lc.linePos(node.range[0]).line;
  }
  return undefined;
}

/** The YAML files the KB is compiled from: `<kind>/**.yaml` in record-kind order, each folder sorted. */
export function kbSourceFiles(kbDir: string): string[] {
  const out: string[] = [];
  for (const kind of Object.keys(RECORD_KINDS)) {
    try {
      out.push(...yamlFiles(join(kbDir, kind)));
    } catch {
      // a missing folder is an empty kind
    }
  }
  return out;
}

/** A KB-relative name with forward slashes, the same on every platform (hash and manifest keys). */
export const kbRelative = (kbDir: string, path: string): string => relative(kbDir, path).split(sep).join('/');

/** Add one file to a source hash: its KB-relative name and its bytes (the format ensureKb's check repeats). */
export function hashFile(h: ReturnType<typeof createHash>, rel: string, bytes: Buffer): void {
  h.update(rel);
  h.update('\0');
  h.update(bytes);
  h.update('\0');
}

/** Line of the first alias in a document (where an alias bomb starts expanding). */
function firstAliasLine(doc: Document, lc: LineCounter): number | undefined {
  let line: number | undefined;
  visit(doc, {
    Alias(_key, node) {
      if (node.range) line = lc.linePos(node.range[0]).line;
      return visit.BREAK;
    },
  });
  return line;
}

/** Read every `kb/<kind>/*.yaml` file once; syntax errors are issues with file and line, never a crash. */
export function loadKbYaml(kbDir: string, rootForNames = kbDir): LoadResult {
  const records: RawRecord[] = [];
  const issues: Issue[] = [];
  const files: string[] = [];
  const recordsPerFile: Record<string, number> = {};
  const unreadable: string[] = [];
  const hash = createHash('sha256');
  for (const path of kbSourceFiles(kbDir)) {
    const kind = kbRelative(kbDir, path).split('/')[0] as RecordKind;
    const file = relative(rootForNames, path) || path;
    const rel = kbRelative(kbDir, path);
    files.push(file);
    const bytes = readFileSync(path);
    hashFile(hash, rel, bytes);
    recordsPerFile[rel] = 0;
    const src = bytes.toString('utf8');
    const lc = new LineCounter();
    const doc = parseDocument(src, { lineCounter: lc, prettyErrors: true, uniqueKeys: true });
    let js: unknown;
    if (doc.errors.length === 0) {
      try {
        // yaml stops expanding aliases past maxAliasCount (an "alias bomb" would need gigabytes): a syntax error here.
        js = doc.toJS({ maxAliasCount: 100 });
      } catch (e) {
        unreadable.push(rel);
        issues.push({ code: 'KB_YAML_SYNTAX', file, line: firstAliasLine(doc, lc) ?? 1, message: `ALIAS_LIMIT: ${(e as Error).message.split('\n')[0]} (aliases expand to too many nodes; write the values out)` });
        continue;
      }
    }
    if (doc.errors.length > 0) {
      unreadable.push(rel);
      for (const e of doc.errors) {
        const pos = e.linePos?.[0];
        issues.push({
          code: 'KB_YAML_SYNTAX',
          file,
          line: pos?.line,
          column: pos?.col,
          message: `${e.code}: ${e.message.split('\n')[0]}`,
        });
      }
      continue;
    }
    if (js === null || js === undefined) continue; // empty file (the manifest check says whether it should be)
    if (typeof js !== 'object' || Array.isArray(js) || !(kind in js)) {
      issues.push({
        code: 'KB_SCHEMA',
        file,
        line: 1,
        field: kind,
        message: `a file in kb/${kind}/ must have one top-level key '${kind}:' holding a list of records`,
      });
      continue;
    }
    const keys = Object.keys(js);
    for (const k of keys)
      if (k !== kind)
        issues.push({
          code: 'KB_SCHEMA',
          file,
          line: nodeLine(doc, lc, [k]) ?? 1,
          field: k,
          message: `unexpected top-level key '${k}' (a file in kb/${kind}/ holds only '${kind}:')`,
        });
    const seq = doc.get(kind, true);
    const items = (js as Record<string, unknown>)[kind];
    if (!isSeq(seq) || !Array.isArray(items)) {
      if (items === null) continue;
      issues.push({ code: 'KB_SCHEMA', file, line: nodeLine(doc, lc, [kind]) ?? 1, field: kind, message: `'${kind}' must be a list` });
      continue;
    }
    recordsPerFile[rel] = items.length;
    items.forEach((data, index) => {
      const base: Path = [kind, index];
      records.push({
        kind,
        file,
        index,
        line: nodeLine(doc, lc, base) ?? 1,
        data,
        lineOf: (p: Path) => nodeLine(doc, lc, [...base, ...p]) ?? nodeLine(doc, lc, base) ?? 1,
      });
    });
  }
  return { records, issues, files, sourceHash: hash.digest('hex').slice(0, 16), recordsPerFile, unreadable };
}
