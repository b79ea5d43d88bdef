/**
 * Issue 15 §5: a KB that cannot go stale or silently shrink. Each corruption of a KB file is an error naming the
 * file (the corruption matrix); an alias bomb is a syntax error with file and line; builders racing a curator's
 * edits end with a bundle that matches the YAML as it is, under its own hash; the real KB matches kb/manifest.json.
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sourceHash } from '../../src/compiler/build.js';
import { compileKb } from '../../src/compiler/compile.js';
import { loadKbYaml } from '../../src/compiler/load-yaml.js';
import { checkManifest, MANIFEST_COMMAND, writeManifest } from '../../src/compiler/manifest.js';
import { ensureKb } from '../../src/node/ensure-kb.js';
import { readBundle } from '../../src/store/kb-store.js';

const ROOT = join(import.meta.dirname, '..', '..');
const MINI = join(ROOT, 'test', 'fixtures', 'kb-mini');

/** A copy of the fixture KB with its manifest, in a fresh folder. */
function miniKb(): { kbDir: string; buildDir: string } {
  const dir = mkdtempSync(join(tmpdir(), 'ct-integrity-'));
  const kbDir = join(dir, 'kb');
  cpSync(MINI, kbDir, { recursive: true });
  writeManifest(kbDir, loadKbYaml(kbDir).recordsPerFile);
  return { kbDir, buildDir: join(dir, 'build') };
}

const BOMB = ['a: &a [x, x, x, x, x, x, x, x, x]', 'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]', 'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]', 'd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]', 'substances: [*d, *d, *d, *d, *d, *d, *d, *d, *d]', ''].join('\n');

/** The substances file cut after its first record (still valid YAML, one record fewer). */
function firstRecordOnly(text: string): string {
  const starts = [...text.matchAll(/^ {2}- /gm)].map((m) => m.index!);
  return text.slice(0, starts[1]);
}

describe('the KB corruption matrix: each corruption is an error naming the file (issue 15 §5)', () => {
  const cases: [string, (kbDir: string) => void, string, RegExp][] = [
    ['an emptied file', (k) => writeFileSync(join(k, 'substances/fixture.yaml'), ''), 'KB_MANIFEST', /substances\/fixture\.yaml: 0 records where kb\/manifest\.json expects \d+: the file was emptied/],
    ['a file truncated at a record', (k) => writeFileSync(join(k, 'substances/fixture.yaml'), firstRecordOnly(readFileSync(join(k, 'substances/fixture.yaml'), 'utf8'))), 'KB_MANIFEST', /substances\/fixture\.yaml: 1 records where .* expects \d+: the file was truncated/],
    ['a file truncated mid-line', (k) => { const t = readFileSync(join(k, 'pk/fixture.yaml'), 'utf8'); writeFileSync(join(k, 'pk/fixture.yaml'), `${t.slice(0, Math.floor(t.length / 2))}\n  - [`); }, 'KB_YAML_SYNTAX', /.*/],
    ['a deleted file', (k) => rmSync(join(k, 'relations/fixture.yaml')), 'KB_MANIFEST', /relations\/fixture\.yaml: listed in kb\/manifest\.json with \d+ records but missing/],
    ['an alias bomb', (k) => writeFileSync(join(k, 'substances/fixture.yaml'), BOMB), 'KB_YAML_SYNTAX', /ALIAS_LIMIT/],
    ['binary garbage', (k) => writeFileSync(join(k, 'targets/fixture.yaml'), Buffer.from([0xff, 0xfe, 0x00, 0x7b, 0x3a, 0x5b, 0x0a, 0x09, 0x22])), 'KB_SCHEMA', /targets/],
    ['a wrong top-level key', (k) => writeFileSync(join(k, 'targets/fixture.yaml'), 'substances: []\n'), 'KB_SCHEMA', /must have one top-level key 'targets:'/],
    ['a broken manifest', (k) => writeFileSync(join(k, 'manifest.json'), '{"files": {"substances/fixture.yaml": "many"}}'), 'KB_MANIFEST', /not a valid manifest/],
  ];
  it.each(cases)('%s', (_name, corrupt, code, message) => {
    const { kbDir } = miniKb();
    expect(compileKb(kbDir).issues).toEqual([]);
    corrupt(kbDir);
    const r = compileKb(kbDir, join(kbDir, '..'));
    expect(r.data).toBeNull();
    const hit = r.issues.find((i) => i.code === code);
    expect(hit, JSON.stringify(r.issues.slice(0, 3))).toBeDefined();
    expect(hit!.file).toMatch(/^kb\//);
    expect(hit!.line).toBeGreaterThanOrEqual(1);
    expect(hit!.message).toMatch(message);
  });

  it('an alias bomb names the line where the aliases start', () => {
    const { kbDir } = miniKb();
    writeFileSync(join(kbDir, 'substances/fixture.yaml'), BOMB);
    const hit = compileKb(kbDir, join(kbDir, '..')).issues.find((i) => i.code === 'KB_YAML_SYNTAX')!;
    expect(hit).toMatchObject({ file: 'kb/substances/fixture.yaml', line: 2 });
  });

  it('a lost record tells the curator the exact command; new records are only a warning', () => {
    const { kbDir } = miniKb();
    writeFileSync(join(kbDir, 'substances/fixture.yaml'), '');
    expect(compileKb(kbDir).issues[0]!.message).toContain(MANIFEST_COMMAND);
    const extra = miniKb().kbDir;
    writeFileSync(join(extra, 'sources/new.yaml'), readFileSync(join(extra, 'sources/fixture.yaml'), 'utf8').replace(/id: (\S+)/g, 'id: $1-copy'));
    const r = compileKb(extra);
    expect(r.issues).toEqual([]);
    expect(r.warnings.some((w) => w.code === 'KB_MANIFEST' && w.message.includes(MANIFEST_COMMAND))).toBe(true);
  });
});

describe('concurrent rebuilds while the YAML changes (issue 15 §5)', () => {
  it('ends with a bundle holding the final YAML under its own hash, and no lock or temp file left', async () => {
    const { kbDir, buildDir } = miniKb();
    const file = join(kbDir, 'substances/fixture.yaml');
    const original = readFileSync(file, 'utf8');
    const firstName = /name: (.+)/.exec(original)![1]!;
    const variant = (k: number): string => original.replace(`name: ${firstName}`, `name: ${firstName} v${k}`);
    const builders = Array.from({ length: 3 }, () =>
      new Promise<number>((resolve) => {
        const p = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'fixtures/build-loop.ts'), kbDir, buildDir, '15'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
        let err = '';
        p.stderr.on('data', (d) => (err += d));
        p.on('close', (code) => { if (code !== 0) console.error(err); resolve(code ?? -1); });
      }));
    // A curator saving the file again and again while the builders run (and finally going back to an earlier text).
    let k = 0;
    const editor = setInterval(() => writeFileSync(file, variant(k++ % 4)), 15);
    const codes = await Promise.all(builders);
    clearInterval(editor);
    writeFileSync(file, variant(2));
    expect(codes).toEqual([0, 0, 0]);
    ensureKb(kbDir, buildDir);
    const bundle = readBundle(buildDir)!;
    expect(bundle.sourceHash).toBe(sourceHash(kbDir));
    expect(bundle.substances.some((s) => s.name === `${firstName} v2`)).toBe(true);
    expect(readdirSync(buildDir).filter((f) => f !== 'kb.json')).toEqual([]);
  }, 120_000);
});

describe('the real KB matches kb/manifest.json (issue 15 §5)', () => {
  it(`records per file are as committed; after an intended change run ${MANIFEST_COMMAND}`, () => {
    const kbDir = join(ROOT, 'kb');
    expect(existsSync(join(kbDir, 'manifest.json'))).toBe(true);
    const loaded = loadKbYaml(kbDir);
    const m = checkManifest(kbDir, loaded.recordsPerFile, loaded.unreadable);
    expect([...m.issues, ...m.warnings].map((i) => i.message), `run ${MANIFEST_COMMAND}`).toEqual([]);
  });
});
