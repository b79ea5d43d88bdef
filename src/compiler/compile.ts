import { createHash } from 'node:crypto';
import type { Issue } from '../core/index.js';
import { convertQuantities, type Path } from '../core/index.js';
import type { KbData } from '../core/index.js';
import { RECORD_KINDS, type RecordKind } from '../core/index.js';
import { checkIntegrity } from './integrity.js';
import { loadKbYaml, type RawRecord } from './load-yaml.js';
import { checkManifest } from './manifest.js';

export interface CompileResult {
  data: KbData | null;
  issues: Issue[];
  warnings: Issue[];
  files: string[];
  /** Records read per kind, and records that made it into the compiled KB. */
  counts: Record<RecordKind, { in: number; out: number }>;
  origins: Map<object, RawRecord>;
  /** Hash of the YAML bytes this compile read (the bundle's staleness key; the same read as the data). */
  sourceHash: string;
  /** Records per file (KB-relative path), as kb/manifest.json lists them. */
  recordsPerFile: Record<string, number>;
}

function emptyCounts(): Record<RecordKind, { in: number; out: number }> {
  return Object.fromEntries(Object.keys(RECORD_KINDS).map((k) => [k, { in: 0, out: 0 }])) as Record<
    RecordKind,
    { in: number; out: number }
  >;
}

/** Canonical JSON with sorted keys, so the hash does not depend on key order. */
function canonicalJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`;
  if (v && typeof v === 'object')
    return `{${Object.keys(v)
      .sort()
      .filter((k) => (v as Record<string, unknown>)[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((v as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(v);
}

/** The KB version: a hash of the compiled content. */
function contentHash(data: Omit<KbData, 'version'>): string {
  return createHash('sha256').update(canonicalJson(data)).digest('hex').slice(0, 16);
}

/**
 * YAML → validated, unit-converted, cross-checked records. Every problem is collected as an issue naming
 * file, line and field; nothing is dropped silently (counts in = counts out, or an issue says why not).
 */
export function compileKb(kbDir: string, rootForNames?: string): CompileResult {
  const loaded = loadKbYaml(kbDir, rootForNames);
  // 0. Every file holds as many records as kb/manifest.json says (an emptied or truncated file is an error).
  const manifest = checkManifest(kbDir, loaded.recordsPerFile, loaded.unreadable);
  const issues: Issue[] = [...loaded.issues, ...manifest.issues];
  const warnings: Issue[] = [...manifest.warnings];
  const counts = emptyCounts();
  const origins = new Map<object, RawRecord>();

  // 1. Schema validation.
  const parsed: { raw: RawRecord; value: Record<string, unknown> }[] = [];
  for (const raw of loaded.records) {
    counts[raw.kind].in++;
    const schema = RECORD_KINDS[raw.kind];
    const r = schema.safeParse(raw.data);
    if (!r.success) {
      for (const iss of r.error.issues) {
        const path = [...iss.path] as Path;
        if (iss.code === 'unrecognized_keys' && iss.keys[0]) path.push(iss.keys[0]);
        const field = path.join('.') || '(record)';
        const id = (raw.data as { id?: unknown } | null)?.id;
        issues.push({
          code: 'KB_SCHEMA',
          file: raw.file,
          line: raw.lineOf(path),
          field,
          message: `${raw.kind}[${raw.index}]${typeof id === 'string' ? ` (${id})` : ''}.${field}: ${iss.message}`,
        });
      }
      continue;
    }
    parsed.push({ raw, value: r.data as Record<string, unknown> });
  }

  // 2. Molecular weights first: mass units elsewhere need them.
  const mw = new Map<string, number>();
  for (const { raw, value } of parsed)
    if (raw.kind === 'substances') {
      const q = value.mw as { value: number; unit: string } | undefined;
      if (q && q.unit.trim() === 'g/mol') mw.set(value.id as string, q.value);
    }

  // 3. Unit conversion.
  const out: Record<RecordKind, unknown[]> = Object.fromEntries(
    Object.keys(RECORD_KINDS).map((k) => [k, []]),
  ) as unknown as Record<RecordKind, unknown[]>;
  const relSeq = new Map<string, number>();
  for (const { raw, value } of parsed) {
    const subj =
      raw.kind === 'relations'
        ? (value.subject as string)
        : raw.kind === 'pk'
          ? (value.substance as string)
          : raw.kind === 'substances'
            ? (value.id as string)
            : raw.kind === 'findings'
              ? (value.interventions as { substance: string }[])[0]?.substance
              : raw.kind === 'clinical'
                ? ((value.analyte as string | undefined) ?? (value.victim as string))
                : undefined;
    let bad = false;
    const conv = convertQuantities(value, subj ? mw.get(subj) : undefined, (iss, path) => {
      bad = true;
      issues.push({ ...iss, file: raw.file, line: raw.lineOf(path) });
    });
    if (bad) continue;
    if (raw.kind === 'relations' && !conv.id) {
      const key = `${String(conv.subject)}-${String(conv.action)}-${String(conv.object)}`;
      const n = (relSeq.get(key) ?? 0) + 1;
      relSeq.set(key, n);
      conv.id = n === 1 ? key : `${key}-${n}`;
    }
    origins.set(conv, raw);
    out[raw.kind].push(conv);
  }

  const body = out as unknown as Omit<KbData, 'version'>;
  // 4. Referential integrity, duplicate ids, sources.
  const integ = checkIntegrity(body, (rec) => origins.get(rec as object));
  issues.push(...integ.issues);
  warnings.push(...integ.warnings);
  for (const k of Object.keys(counts) as RecordKind[]) counts[k].out = out[k].length;

  const data: KbData = { version: contentHash(body), ...body };
  return { data: issues.length === 0 ? data : null, issues, warnings, files: loaded.files, counts, origins, sourceHash: loaded.sourceHash, recordsPerFile: loaded.recordsPerFile };
}
