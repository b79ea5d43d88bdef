/**
 * kb/CHANGELOG.md from the YAML history (issue 16 §6): one entry per KB version since f65d7faa51d1f52e, with the
 * records added, changed and removed.
 *
 * For every commit that touched kb/ the script extracts that commit's kb/ and compiler into a scratch folder and asks
 * that commit's own compiler for the KB version (today's compiler would hash old YAML differently). Consecutive
 * commits with the same version (comment-only edits) form one entry. Records are compared as parsed YAML, keyed by
 * kind and id (relations without an id by subject, action, object, species and their first source).
 *
 *   npx tsx scripts/kb-changelog.ts            # rewrite kb/CHANGELOG.md
 *   npx tsx scripts/kb-changelog.ts --check    # exit 1 if the file is not current
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';

const ROOT = new URL('..', import.meta.url).pathname;
/** The commit whose KB is version f65d7faa51d1f52e (docs/kb-coverage.md of 2026-11-26 names it). */
const START = '18747b7';
const OUT = join(ROOT, 'kb', 'CHANGELOG.md');
const SCRATCH = join(tmpdir(), 'crosstalk-kb-changelog');

const git = (...args: string[]): string => execFileSync('git', args, { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 28 });

interface Snapshot {
  sha: string;
  date: string;
  subject: string;
  version: string;
  records: Map<string, string>;
}

function recordKey(kind: string, r: Record<string, unknown>): string {
  if (typeof r.id === 'string') return `${kind}:${r.id}`;
  const parts = ['subject', 'substance', 'action', 'object', 'species', 'jurisdiction', 'use', 'form'].map((k) => r[k]).filter((v) => v !== undefined);
  const src = Array.isArray(r.sources) ? r.sources[0] : r.source;
  return `${kind}:${parts.join('|')}${src ? `|${String(src)}` : ''}`;
}

function loadRecords(kbDir: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const folder of readdirSync(kbDir, { withFileTypes: true })) {
    if (!folder.isDirectory()) continue;
    for (const f of readdirSync(join(kbDir, folder.name)).filter((x) => x.endsWith('.yaml'))) {
      let doc: unknown;
      try {
        doc = parse(readFileSync(join(kbDir, folder.name, f), 'utf8'), { maxAliasCount: 100 });
      } catch {
        continue; // a broken file at some commit: its records count as absent there
      }
      if (!doc || typeof doc !== 'object') continue;
      for (const [kind, list] of Object.entries(doc as Record<string, unknown>)) {
        if (!Array.isArray(list)) continue;
        for (const r of list) if (r && typeof r === 'object') {
          let key = recordKey(kind, r as Record<string, unknown>);
          while (out.has(key)) key += '+';
          out.set(key, JSON.stringify(r));
        }
      }
    }
  }
  return out;
}

function snapshot(sha: string): Snapshot {
  const dir = join(SCRATCH, sha);
  if (!existsSync(join(dir, 'kb'))) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const paths = ['kb', 'src', 'bin', 'package.json', 'tsconfig.json'].filter((p) => git('ls-tree', '--name-only', sha, p).trim() !== '');
    const tar = execFileSync('git', ['archive', sha, ...paths], { cwd: ROOT, maxBuffer: 1 << 30 });
    spawnSync('tar', ['-x', '-C', dir], { input: tar });
    symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
  }
  const [date = '', subject = ''] = git('log', '-1', '--format=%cs%x00%s', sha).trim().split('\u0000');
  // The baseline's version is the one docs/kb-coverage.md recorded at that commit.
  const recorded = sha.startsWith(git('rev-parse', START).trim()) ? git('show', `${sha}:docs/kb-coverage.md`).match(/KB ([0-9a-f]{16})/)?.[1] : undefined;
  const version = recorded ?? versionOf(dir) ?? yamlHash(dir);
  return { sha: sha.slice(0, 7), date, subject, version, records: loadRecords(join(dir, 'kb')) };
}

/**
 * The KB version of an extracted commit. That commit's own compiler gives the version users saw then; a commit made
 * mid-change whose own code does not run is hashed by today's compiler instead, and the entry says so. Cached.
 */
function versionOf(dir: string): string | undefined {
  const cache = join(dir, '.kb-version');
  if (existsSync(cache)) return readFileSync(cache, 'utf8');
  const run = (bin: string): string | undefined => {
    const r = spawnSync('node', [bin, 'kb', 'validate'], { cwd: dir, encoding: 'utf8', env: { ...process.env, CROSSTALK_KB_DIR: join(dir, 'kb') } });
    return `${r.stdout}\n${r.stderr}`.match(/version ([0-9a-f]{16})/)?.[1];
  };
  const own = run('bin/crosstalk.js');
  const today = own ? undefined : run(join(ROOT, 'bin', 'crosstalk.js'));
  if (!own && !today) return undefined; // not cached: today's compiler may be mid-edit and work on the next run
  const v = own ?? `${today} (hashed by today's compiler: this commit's own code did not run)`;
  writeFileSync(cache, v);
  return v;
}

/** A stand-in id when no compiler of the time runs here (the SQLite-era code; YAML today's schema rejects). */
function yamlHash(dir: string): string {
  const h = createHash('sha256');
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (e.isDirectory()) walk(join(d, e.name));
      else if (e.name.endsWith('.yaml')) h.update(e.name).update(readFileSync(join(d, e.name)));
    }
  };
  walk(join(dir, 'kb'));
  return `YAML ${h.digest('hex').slice(0, 12)} (KB version not recoverable: no compiler of that time runs here)`;
}

function list(keys: string[]): string {
  const shown = keys.slice(0, 25).map((k) => `\`${k}\``).join(', ');
  return keys.length > 25 ? `${shown} … and ${keys.length - 25} more` : shown;
}

function byKind(keys: string[]): Map<string, string[]> {
  const m = new Map<string, string[]>();
  for (const k of keys) {
    const kind = k.slice(0, k.indexOf(':'));
    m.set(kind, [...(m.get(kind) ?? []), k.slice(kind.length + 1)]);
  }
  return new Map([...m].sort(([a], [b]) => a.localeCompare(b)));
}

/** One version's entry: what changed since the previous version (the first is the baseline). */
function entryLines(cur: Snapshot, prev: Snapshot | undefined): string[] {
  const lines = [`## ${cur.version} — ${cur.date} (commit ${cur.sha})`, '', `Last change: ${cur.subject}`, ''];
  if (!prev) return [...lines, `Baseline: ${cur.records.size} records.`, ''];
  const added = [...cur.records.keys()].filter((k) => !prev.records.has(k));
  const removed = [...prev.records.keys()].filter((k) => !cur.records.has(k));
  const changed = [...cur.records.keys()].filter((k) => prev.records.has(k) && prev.records.get(k) !== cur.records.get(k));
  lines.push(`${added.length} added, ${changed.length} changed, ${removed.length} removed (${cur.records.size} records).`, '');
  for (const [label, keys] of [['Added', added], ['Changed', changed], ['Removed', removed]] as const)
    for (const [kind, ids] of byKind(keys)) lines.push(`- ${label} ${kind} (${ids.length}): ${list(ids)}`);
  lines.push('');
  return lines;
}

function main(): void {
  const commits = [git('rev-parse', START).trim(), ...git('log', '--reverse', '--format=%H', `${START}..HEAD`, '--', 'kb').split('\n').filter(Boolean)];
  // One entry per version: the last commit of a run of equal versions carries it. Snapshots are streamed, two at a
  // time (the previous version and the current run), so memory stays flat as the history grows (holding all 460 of
  // them ran out of the default heap).
  const entries: string[][] = [];
  let prev: Snapshot | undefined;
  let run: Snapshot | undefined;
  commits.forEach((c, i) => {
    process.stderr.write(`\r${i + 1}/${commits.length} ${c.slice(0, 7)}`);
    const s = snapshot(c);
    if (run && run.version !== s.version) {
      entries.push(entryLines(run, prev));
      prev = run;
    }
    run = s;
  });
  if (run) entries.push(entryLines(run, prev));
  process.stderr.write('\n');
  const lines = [
    '# KB changelog',
    '',
    'One entry per knowledge-base version (the compiler\'s content hash), newest first, generated from the YAML history by',
    '`npx tsx scripts/kb-changelog.ts` — do not edit by hand. Records are keyed by kind and id; "changed" means any field',
    'of the record differs. The KB data are licensed CC BY 4.0 (see README).',
    '',
    ...entries.reverse().flat(),
  ];
  const text = lines.join('\n');
  if (process.argv.includes('--check')) {
    const current = existsSync(OUT) ? readFileSync(OUT, 'utf8') : '';
    if (current !== text) {
      console.error('kb/CHANGELOG.md is not current: run `npx tsx scripts/kb-changelog.ts` and commit it');
      process.exit(1);
    }
    return;
  }
  writeFileSync(OUT, text);
  console.log(`kb/CHANGELOG.md: ${entries.length} versions`);
}

main();
