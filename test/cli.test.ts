/**
 * The crosstalk CLI as a user runs it, called in-process through runCli (no child processes): the same argv,
 * the same stdout, stderr and exit code that bin/crosstalk.js would give.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { KbIndex } from '../src/core/index.js';
import { loadCurrentKb } from '../src/node/ensure-kb.js';
import { runCli, type CliIo } from '../src/cli/run.js';

const ANSI = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g');

let kb: KbIndex;
beforeAll(() => {
  kb = loadCurrentKb();
});

interface Run {
  code: number;
  out: string;
  err: string;
  written: Map<string, string>;
}

/** Run one command line; `files` are what io.readFile sees (by path relative to /work), writes are collected. */
async function cli(args: string[], opts: { files?: Record<string, string>; io?: Partial<CliIo> } = {}): Promise<Run> {
  let out = '';
  let err = '';
  const written = new Map<string, string>();
  const code = await runCli(args, {
    // Colour codes are stripped: picocolors turns colour on when CI is set, and the text is what is under test.
    stdout: (s) => (out += s.replace(ANSI, '')),
    stderr: (s) => (err += s.replace(ANSI, '')),
    getKb: () => kb,
    today: '2026-11-26',
    cwd: '/work',
    readFile: (p) => {
      const text = opts.files?.[p.replace(/^\/work\//, '')];
      if (text === undefined) throw Object.assign(new Error(`ENOENT: no such file, open '${p}'`), { code: 'ENOENT' });
      return text;
    },
    writeFile: (p, data) => void written.set(p, data),
    ...opts.io,
  });
  return { code, out, err, written };
}

describe('the crosstalk CLI as a user runs it (REQ-2.cli)', () => {
  it('search --json prints [{id, name, kind, matched, score}]', async () => {
    const r = await cli(['search', 'ketum', '--json']);
    expect(r.code).toBe(0);
    const hits = JSON.parse(r.out) as { id: string; matched: string; score: number }[];
    expect(hits[0]).toMatchObject({ id: 'kratom', matched: 'ketum' });
    expect(typeof hits[0]!.score).toBe('number');
  });
  it('show --json carries related records and sources with identifiers', async () => {
    const r = await cli(['show', 'kratom', '--json']);
    expect(r.code).toBe(0);
    const d = JSON.parse(r.out) as { constituents: unknown[]; targets: unknown[]; enzymes: unknown[]; findings: unknown[]; sources: { doi?: string; pmid?: string }[] };
    expect(d.constituents.length).toBeGreaterThan(0);
    expect(d.targets.length).toBeGreaterThan(0);
    expect(d.enzymes.length).toBeGreaterThan(0);
    expect(d.findings.length).toBeGreaterThan(0);
    expect(d.sources.some((s) => s.doi || s.pmid)).toBe(true);
  });
  it('an unknown name exits 1 with suggestions and the hint on stderr, nothing on stdout', async () => {
    const r = await cli(['show', 'kratum']);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/INPUT_UNKNOWN_SUBSTANCE: substance: no substance called 'kratum' in the knowledge base; did you mean Kratom/);
    expect(r.err).toMatch(/hint: Check the spelling/);
    expect(r.out).toBe('');
  });
  it('with --json a known error is also {error: {code, message, hint, details}} on stdout', async () => {
    const r = await cli(['show', 'kratum', '--json']);
    expect(r.code).toBe(1);
    const { error } = JSON.parse(r.out) as { error: { code: string; message: string; hint: string; details: { field: string; suggestions: string[] } } };
    expect(error).toMatchObject({ code: 'INPUT_UNKNOWN_SUBSTANCE', details: { field: 'substance' } });
    expect(error.details.suggestions).toContain('Kratom');
    expect(error.hint).toBe('Check the spelling or try one of the suggestions.');
  });
  it('kb stats --json has numeric counts', async () => {
    const r = await cli(['kb', 'stats', '--json']);
    expect(r.code).toBe(0);
    const s = JSON.parse(r.out) as { substances: number; verifiedShare: number };
    expect(s.substances).toBeGreaterThanOrEqual(300);
    expect(s.verifiedShare).toBeGreaterThan(0.8);
  });
  it('kb audit --weak lists each weak source with the searches recorded on it, as Markdown', async () => {
    const r = await cli(['kb', 'audit', '--weak', '--today', '2026-12-05']);
    expect(r.code).toBe(0);
    const weak = JSON.parse((await cli(['kb', 'audit', '--json', '--today', '2026-12-05'])).out) as { weakSources: { source: string; numbers: number }[]; verifiedByTier: { weak: number } };
    expect(r.out).toMatch(/^# Verified numbers still on weak sources/);
    expect(r.out).toContain(`${weak.verifiedByTier.weak} of `);
    // Every weak source has its own table row.
    for (const w of weak.weakSources) expect(r.out).toContain(`| ${w.source} |`);
  });
  it('claim --json prints {claims: [{claim, reading, verdict, reasons, sources, caveats}], summary, verdict}', async () => {
    const r = await cli(['claim', 'cannabis and kratom are pharmacologically unrelated', '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.out) as { verdict: string; claims: { verdict: string; reasons: unknown[]; sources: string[]; caveats: string[]; claim: string; reading: { text: string } }[]; summary: { text: string } };
    const c = out.claims[0]!;
    expect(out.verdict).toBe('contradicted');
    expect(c.verdict).toBe('contradicted');
    expect(c.claim).toMatch(/unrelated/);
    expect(c.reading.text).toMatch(/^Cannabis and Kratom — are unrelated/);
    expect(c.sources.length).toBeGreaterThan(0);
    expect(out.summary.text).toBe('1 claim checked: 1 contradicted.');
  });
  it('claim --file checks every claim of a post; the text form shows the reading', async () => {
    const files = { 'post.txt': 'Kratom only acts on opioid receptors.\nCBD inhibits CYP2D6.\nkratom is a lovely plant' };
    const r = await cli(['claim', '--file', 'post.txt', '--json'], { files });
    expect(r.code).toBe(0);
    const out = JSON.parse(r.out) as { claims: { verdict: string }[]; verdict?: string };
    expect(out.claims.map((c) => c.verdict)).toEqual(['contradicted', 'supported', 'unrecognized']);
    expect(out.verdict).toBeUndefined();
    const text = await cli(['claim', 'CBD inhibits CYP2D6']);
    expect(text.out).toMatch(/I read this as: Cannabidiol — inhibits — CYP2D6/);
    const missing = await cli(['claim', '--file', 'nope.txt']);
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/--file/);
  });
  it('a bad regimen points at the word and exits 1', async () => {
    const r = await cli(['predict', '--victim', 'midazolam', '--perpetrator', 'ketoconazole', '--perpetrator-dose', '400 mgg']);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/could not read 'mgg'/);
    expect(r.err).toMatch(/INPUT_BAD_REGIMEN: perpetratorDose: could not read 'mgg' \(word 2 of '400 mgg'\)/);
  });
  it('predict takes victim and perpetrator as arguments; the screening concentration predicts at least as much as the default', async () => {
    const run = async (...extra: string[]) => {
      const r = await cli(['predict', 'midazolam', 'ketoconazole', '--perpetrator-dose', '400 mg qd 4d', '--json', ...extra]);
      expect(r.code).toBe(0);
      return JSON.parse(r.out) as { victim: { id: string }; perpetrator: { id: string }; aucRatio: number; technical: string };
    };
    // --concentration is a static-model option: giving it selects the static model (see the second run).
    const best = await run('--model', 'static');
    const screen = await run('--concentration', 'inlet_max_u');
    expect(best.victim.id).toBe('midazolam');
    expect(best.perpetrator.id).toBe('ketoconazole');
    expect(screen.technical).toMatch(/inlet_max_u/);
    expect(screen.aucRatio).toBeGreaterThanOrEqual(best.aucRatio);
    const bad = await cli(['predict', 'midazolam', 'ketoconazole', '--concentration', 'peak']);
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/--concentration: 'peak'/);
  });
  it('predict checks its request with the API schema and names the options that are wrong', async () => {
    const r = await cli(['predict', 'midazolam', 'ketoconazole', '--model', 'quick', '--weight', 'abc']);
    expect(r.code).toBe(1);
    expect(r.err.split('\n')[0]).toMatchInlineSnapshot(`"error INPUT_INVALID: --model: must be one of static, dynamic, anchored; --weight: must be a number (got 'abc')"`);
    const missing = await cli(['predict', 'midazolam']);
    expect(missing.code).toBe(1);
    expect(missing.err.split('\n')[0]).toMatchInlineSnapshot(`"error INPUT_REQUIRED: --perpetrator: required (give it as the second argument or with --perpetrator)"`);
  });
});

describe('check, claim and explain parse with the API\'s request schemas (issue 10, point 1)', () => {
  it('the limits and messages are the server\'s', async () => {
    const one = await cli(['check', 'kratom']);
    expect(one.code).toBe(1);
    expect(one.err.split('\n')[0]).toMatchInlineSnapshot(`"error INPUT_INVALID: substances: must have at least 2 items (got 1)"`);
    const many = await cli(['check', ...Array.from({ length: 9 }, () => 'kratom'), '--json']);
    expect(many.code).toBe(1);
    expect((JSON.parse(many.out) as { error: { code: string; details: { field: string } } }).error).toMatchObject({ code: 'INPUT_TOO_LARGE', details: { field: 'substances' } });
    const long = await cli(['claim', 'x'.repeat(20_001)]);
    expect(long.code).toBe(1);
    expect(long.err).toMatch(/INPUT_TOO_LARGE: text: must have at most 20000 characters \(got 20001 characters\)/);
    const place = await cli(['explain', 'cannabis', 'kratom', '--jurisdiction', 'florida']);
    expect(place.code).toBe(1);
    expect(place.err).toMatch(/--jurisdiction: 'FLORIDA' does not have the expected form/);
  });
  it('explain takes a lower-case jurisdiction as before', async () => {
    const r = await cli(['explain', 'cannabis', 'kratom', '--jurisdiction', 'us-fl', '--json']);
    expect(r.code).toBe(0);
    const brief = JSON.parse(r.out) as { sections: { title: string }[] };
    expect(brief.sections.map((x) => x.title)).toContain('Legal status (US-FL)');
  });
});

describe('predict --batch: JSON lines in, JSON lines out (issue 10, point 1)', () => {
  const good = JSON.stringify({ victim: 'midazolam', perpetrator: 'ketoconazole', perpetratorDose: '400 mg qd 4d' });
  it('answers each line in order and exits 0 when every line is answered', async () => {
    const r = await cli(['predict', '--batch', 'requests.jsonl'], { files: { 'requests.jsonl': `${good}\n\n${JSON.stringify({ victim: 'midazolam', perpetrator: 'itraconazole', victimDose: null })}\n` } });
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const lines = r.out.trim().split('\n').map((l) => JSON.parse(l) as { perpetrator: { id: string }; aucRatio: number });
    expect(lines.map((l) => l.perpetrator.id)).toEqual(['ketoconazole', 'itraconazole']);
    expect(lines[0]!.aucRatio).toBeGreaterThan(2);
  });
  it('a failing line gives {line, error} naming the line and the field; the others are still answered; exit 1', async () => {
    const text = [good, '{"victim": "midazolam"}', 'not json', '{"victim": "midazolam", "perpetrator": "kratom", "dose": "2 g"}', '{"victim": "midazolam", "perpetrator": "kratom", "victimAt": "soon"}', '{"victim": "midazolam", "perpetrator": "kratum"}', good].join('\n');
    const r = await cli(['predict', '--batch', 'requests.jsonl'], { files: { 'requests.jsonl': text } });
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/predict --batch: 5 line\(s\) failed: 2, 3, 4, 5, 6/);
    const lines = r.out.trim().split('\n').map((l) => JSON.parse(l) as { line?: number; error?: { code: string; message: string; details: { line: number; field?: string } }; aucRatio?: number });
    expect(lines).toHaveLength(7);
    expect(lines[0]!.aucRatio).toBeGreaterThan(2);
    expect(lines[6]!.aucRatio).toBe(lines[0]!.aucRatio);
    expect(lines.slice(1, 6).map((l) => [l.line, l.error?.code, l.error?.details.line, l.error?.details.field, l.error?.message])).toEqual([
      [2, 'INPUT_INVALID', 2, 'perpetrator', 'perpetrator: required'],
      [3, 'INPUT_BAD_JSON', 3, undefined, expect.stringMatching(/^line 3: not valid JSON \(/)],
      [4, 'INPUT_INVALID', 4, 'dose', 'dose: unknown field; remove it (fields: victim, perpetrator, victimDose, perpetratorDose, analyte, model, victimAt, victimRoute, weightKg, phenotypes)'],
      [5, 'INPUT_INVALID', 5, 'victimAt', "victimAt: must be a number (got 'soon')"],
      [6, 'INPUT_UNKNOWN_SUBSTANCE', 6, 'perpetrator', expect.stringMatching(/^perpetrator: no substance called 'kratum'.*did you mean Kratom/)],
    ]);
  });
  it('an over-long name is INPUT_TOO_LARGE, from the same limit the server uses', async () => {
    const r = await cli(['predict', '--batch', 'r.jsonl'], { files: { 'r.jsonl': JSON.stringify({ victim: 'x'.repeat(500), perpetrator: 'kratom' }) } });
    expect(r.code).toBe(1);
    const line = JSON.parse(r.out) as { error: { code: string; details: { field: string } } };
    expect(line.error).toMatchObject({ code: 'INPUT_TOO_LARGE', details: { field: 'victim' } });
  });
  it('a batch file that is not there is the user\'s error (exit 1), not a bug', async () => {
    const r = await cli(['predict', '--batch', 'missing.jsonl']);
    expect(r.code).toBe(1);
    expect(r.err.split('\n')[0]).toMatchInlineSnapshot(`"error INPUT_UNREADABLE_FILE: --batch: cannot read 'missing.jsonl' (no such file)"`);
  });
});

describe('runCli: the CLI in-process (issue 10, point 9)', () => {
  it('--help goes to stdout with exit 0; an unknown option is commander\'s error with exit 1', async () => {
    const help = await cli(['predict', '--help']);
    expect(help.code).toBe(0);
    expect(help.out).toMatch(/--batch <file>/);
    const bad = await cli(['search', 'ketum', '--nope']);
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/unknown option '--nope'/);
  });
  it('explain --out writes through io.writeFile, relative to cwd', async () => {
    const r = await cli(['explain', 'cannabis', 'kratom', '--format', 'md', '--out', 'brief.md']);
    expect(r.code).toBe(0);
    expect(r.out).toBe('wrote brief.md\n');
    expect(r.written.get('/work/brief.md')).toMatch(/^# .*Cannabis.*Kratom/m);
  });
  it('an unexpected failure is reported as a bug with exit 2, never thrown out of runCli', async () => {
    const r = await cli(['search', 'ketum'], { io: { getKb: () => { throw new TypeError('boom'); } } });
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/this is a bug/);
    expect(r.err).toMatch(/TypeError: boom/);
  });
  it('two runs share nothing: options of one do not leak into the next', async () => {
    const a = await cli(['search', 'ketum', '--limit', '1', '--json']);
    const b = await cli(['search', 'ketum', '--json']);
    expect((JSON.parse(a.out) as unknown[]).length).toBe(1);
    expect((JSON.parse(b.out) as unknown[]).length).toBeGreaterThan(1);
  });
});
