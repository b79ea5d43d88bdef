import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { LineCounter, parseDocument, isSeq, type Document } from 'yaml';
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

/** Read every `kb/<kind>/*.yaml` file; syntax errors are issues with file and line, never a crash. */
export function loadKbYaml(kbDir: string, rootForNames = kbDir): LoadResult {
  const records: RawRecord[] = [];
  const issues: Issue[] = [];
  const files: string[] = [];
  for (const kind of Object.keys(RECORD_KINDS) as RecordKind[]) {
    let list: string[];
    try {
      list = yamlFiles(join(kbDir, kind));
    } catch {
      continue; // a missing folder is an empty kind
    }
    for (const path of list) {
      const file = relative(rootForNames, path) || path;
      files.push(file);
      const src = readFileSync(path, 'utf8');
      const lc = new LineCounter();
      const doc = parseDocument(src, { lineCounter: lc, prettyErrors: true, uniqueKeys: true });
      if (doc.errors.length > 0) {
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
      const js = doc.toJS() as unknown;
      if (js === null || js === undefined) continue; // empty file
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
  }
  return { records, issues, files };
}
