/**
 * Issue 15 §7: every CLI I/O failure is a clear error with exit 1 (never a stack trace), `predict --batch` answers
 * every line and exits non-zero when one failed, and no file is replaced silently. Real files in a temp folder.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { KbIndex } from '../../src/core/index.js';
import { runCli } from '../../src/cli/run.js';
import { loadKbWithRetry } from '../api/helpers.js';

const ROOT = join(import.meta.dirname, '..', '..');
const ANSI = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g');
let kb: KbIndex;
let dir: string;
beforeAll(async () => {
  kb = await loadKbWithRetry();
  dir = mkdtempSync(join(tmpdir(), 'ct-cli-io-'));
}, 120_000);

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(args, { stdout: (s) => (out += s.replace(ANSI, '')), stderr: (s) => (err += s.replace(ANSI, '')), getKb: () => kb, today: '2026-11-26', cwd: dir });
  return { code, out, err };
}

const SIM = ['simulate', 'midazolam:7.5 mg', 'ketoconazole:200 mg', '--days', '1'];

describe('CLI I/O failures are clear errors with exit 1 (issue 15 §7)', () => {
  it.each([
    ['--csv into a folder that does not exist', [...SIM, '--csv', 'no/such/folder/out.csv'], /INPUT_UNWRITABLE_FILE: --csv: cannot write 'no\/such\/folder\/out.csv' \(the folder does not exist\)/],
    ['--svg onto a folder', [...SIM, '--svg', '.'], /INPUT_UNWRITABLE_FILE: --svg: cannot write '\.' \(it is a folder\)/],
    ['a missing --batch file', ['predict', '--batch', 'missing.jsonl'], /INPUT_UNREADABLE_FILE: --batch: cannot read 'missing.jsonl' \(no such file\)/],
    ['explain --out into a missing folder', ['explain', 'cannabis', 'kratom', '--out', 'nope/brief.md'], /INPUT_UNWRITABLE_FILE: --out: cannot write/],
  ])('%s', async (_name, args, message) => {
    const r = await cli(args);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(message);
    expect(r.err).not.toMatch(/\n\s+at /);
  });

  it('predict --batch answers every line, in order, and exits 1 when one failed', async () => {
    const lines = [
      { victim: 'midazolam', perpetrator: 'ketoconazole', model: 'static' },
      'not json',
      { victim: 'midazolam', perpetrator: 'nosuchthing' },
      { victim: 'midazolam', perpetrator: 'ketoconazole', model: 'static', perpetratorDose: '1e-300 mg' },
      { victim: 'midazolam', perpetrator: 'ketoconazole', model: 'static' },
    ];
    writeFileSync(join(dir, 'batch.jsonl'), lines.map((l) => (typeof l === 'string' ? l : JSON.stringify(l))).join('\n'));
    const r = await cli(['predict', '--batch', 'batch.jsonl']);
    expect(r.code).toBe(1);
    const answers = r.out.trim().split('\n').map((l) => JSON.parse(l) as { line?: number; error?: { code: string } });
    expect(answers).toHaveLength(5);
    expect(answers.map((a) => a.error?.code ?? 'ok')).toEqual(['ok', 'INPUT_BAD_JSON', 'INPUT_UNKNOWN_SUBSTANCE', 'INPUT_DOSE_IMPLAUSIBLE', 'ok']);
    expect(r.err).toContain('3 line(s) failed: 2, 3, 4');
  });

  it('explain --format pdf without --out never replaces an existing file', async () => {
    const target = join(dir, 'crosstalk-cannabis-kratom.pdf');
    writeFileSync(target, 'my own file');
    const r = await cli(['explain', 'cannabis', 'kratom', '--format', 'pdf']);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/INPUT_UNWRITABLE_FILE: --format pdf: cannot write 'crosstalk-cannabis-kratom.pdf' \(the file exists; give --out <file> or add --force/);
    expect(readFileSync(target, 'utf8')).toBe('my own file');
  });

  it('kb validate on a YAML alias bomb is a syntax error with file and line (exit 1, no stack)', () => {
    const kbDir = join(dir, 'kb');
    mkdirSync(join(kbDir, 'substances'), { recursive: true });
    writeFileSync(join(kbDir, 'substances', 'bomb.yaml'), ['a: &a [x, x, x, x, x, x, x, x, x]', 'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]', 'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]', 'd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]', 'substances: [*d, *d, *d, *d, *d, *d, *d, *d, *d]'].join('\n'));
    const r = spawnSync(process.execPath, [join(ROOT, 'bin/crosstalk.js'), 'kb', 'validate'], { env: { ...process.env, CROSSTALK_KB_DIR: kbDir, CROSSTALK_BUILD_DIR: join(dir, 'build') }, encoding: 'utf8', timeout: 60_000 });
    expect(r.status).toBe(1);
    expect(r.stdout.replace(ANSI, '')).toMatch(/bomb\.yaml:2 KB_YAML_SYNTAX ALIAS_LIMIT/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  }, 60_000);
});
