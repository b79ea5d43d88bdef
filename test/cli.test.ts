import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

function cli(...args: string[]): { code: number | null; out: string; err: string } {
  const r = spawnSync('node', ['bin/crosstalk.js', ...args], { encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('the crosstalk CLI as a user runs it (REQ-2.cli)', () => {
  it('search --json prints [{id, name, kind, matched, score}]', () => {
    const r = cli('search', 'ketum', '--json');
    expect(r.code).toBe(0);
    const hits = JSON.parse(r.out) as { id: string; matched: string; score: number }[];
    expect(hits[0]).toMatchObject({ id: 'kratom', matched: 'ketum' });
    expect(typeof hits[0]!.score).toBe('number');
  });
  it('show --json carries related records and sources with identifiers', () => {
    const r = cli('show', 'kratom', '--json');
    expect(r.code).toBe(0);
    const d = JSON.parse(r.out) as { constituents: unknown[]; targets: unknown[]; enzymes: unknown[]; findings: unknown[]; sources: { doi?: string; pmid?: string }[] };
    expect(d.constituents.length).toBeGreaterThan(0);
    expect(d.targets.length).toBeGreaterThan(0);
    expect(d.enzymes.length).toBeGreaterThan(0);
    expect(d.findings.length).toBeGreaterThan(0);
    expect(d.sources.some((s) => s.doi || s.pmid)).toBe(true);
  });
  it('an unknown name exits non-zero with suggestions', () => {
    const r = cli('show', 'kratum');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/did you mean Kratom/);
  });
  it('kb stats --json has numeric counts', () => {
    const s = JSON.parse(cli('kb', 'stats', '--json').out) as { substances: number; verifiedShare: number };
    expect(s.substances).toBeGreaterThanOrEqual(300);
    expect(s.verifiedShare).toBeGreaterThan(0.8);
  });
  it('claim --json prints {claim, verdict, reasons, sources, caveats}', () => {
    const r = cli('claim', 'cannabis and kratom are pharmacologically unrelated', '--json');
    const c = JSON.parse(r.out) as { verdict: string; reasons: unknown[]; sources: string[]; caveats: string[]; claim: string };
    expect(c.verdict).toBe('contradicted');
    expect(c.claim).toMatch(/unrelated/);
    expect(c.sources.length).toBeGreaterThan(0);
  });
  it('a bad regimen points at the word and exits 1', () => {
    const r = cli('predict', '--victim', 'midazolam', '--perpetrator', 'ketoconazole', '--perpetrator-dose', '400 mgg');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/could not read 'mgg'/);
  });
  it('predict takes victim and perpetrator as arguments; the screening concentration predicts at least as much as the default', () => {
    const run = (...extra: string[]) => {
      const r = cli('predict', 'midazolam', 'ketoconazole', '--perpetrator-dose', '400 mg qd 4d', '--json', ...extra);
      expect(r.code).toBe(0);
      return JSON.parse(r.out) as { victim: { id: string }; perpetrator: { id: string }; aucRatio: number; technical: string };
    };
    const best = run();
    const screen = run('--concentration', 'inlet_max_u');
    expect(best.victim.id).toBe('midazolam');
    expect(best.perpetrator.id).toBe('ketoconazole');
    expect(screen.technical).toMatch(/inlet_max_u/);
    expect(screen.aucRatio).toBeGreaterThanOrEqual(best.aucRatio);
    const bad = cli('predict', 'midazolam', 'ketoconazole', '--concentration', 'peak');
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/--concentration: 'peak'/);
  });
});
