/**
 * Issue 14 §4: guidance lines are cited, never dosing or timing advice for recreational use, and attach to the
 * answers whose effect classes, mechanisms and classes they name (naloxone and not using alone for opioid
 * combinations only).
 */
import { describe, expect, it } from 'vitest';
import { DOSING_PATTERNS, checkGuidance, checkUsagePatterns } from '../../src/compiler/integrity-usage.js';
import { check } from '../../src/core/answers/check.js';
import { GuidanceLine, Substance } from '../../src/core/schema/records.js';
import type { KbData } from '../../src/core/kb/types.js';
import { loadKb } from '../../src/store/kb-store.js';

const kb = loadKb();
const lines = kb.data.guidance ?? [];

type Body = Omit<KbData, 'version'>;
const issuesOf = (run: (h: Parameters<typeof checkGuidance>[1]) => void): string[] => {
  const out: string[] = [];
  run({ at: (_r, path, code, message) => out.push(`${code} ${path.join('.')}: ${message}`), needSub: () => {}, needSource: () => {} });
  return out;
};

describe('guidance lines in the KB (REQ-14.4)', () => {
  it('there are lines for each stacking effect class and each mechanism', () => {
    for (const e of ['cns-depression', 'respiratory-depression', 'serotonergic-toxicity', 'qt-prolongation']) expect(lines.some((g) => g.appliesTo.effects.includes(e))).toBe(true);
    for (const m of ['exposure-increase', 'exposure-decrease', 'mutual-inhibition'] as const) expect(lines.some((g) => g.appliesTo.mechanisms.includes(m))).toBe(true);
  });

  it('every line is cited to sources that exist, with a basis and an evidence level', () => {
    for (const g of lines) {
      expect(g.sources.length, g.id).toBeGreaterThan(0);
      for (const s of g.sources) expect(kb.source(s), `${g.id}: ${s}`).toBeDefined();
      expect(['label', 'clinical-guideline', 'regulator', 'public-health']).toContain(g.basis);
      expect(g.evidence).toBeTruthy();
    }
  });

  it('no line gives recreational dosing or timing advice', () => {
    for (const g of lines) for (const re of DOSING_PATTERNS) expect(re.test(g.text), `${g.id}: ${g.text}`).toBe(false);
  });

  it('the compiler refuses a line that reads like dosing advice', () => {
    const bad = GuidanceLine.parse({ id: 'bad', kind: 'warning-signs', audience: 'everyone', appliesTo: { effects: ['cns-depression'] }, text: 'Start low: take half a dose and wait 2 hours.', basis: 'public-health', evidence: 'label', sources: ['x'] });
    const body = { effects: [{ id: 'cns-depression' }], guidance: [bad] } as unknown as Body;
    const issues = issuesOf((h) => checkGuidance(body, h, new Set(['cns-depression']), new Set()));
    expect(issues.join('\n')).toMatch(/KB_BAD_VALUE text: reads like dosing or timing advice/);
  });

  it('the compiler checks usage patterns: one default, reasoning for an assumption, constituent doses only', () => {
    const s = Substance.parse({
      id: 'p',
      name: 'P',
      kind: 'plant',
      usagePatterns: [
        { id: 'a', name: 'a', kind: 'everyday', default: true, regimen: '1 g', sources: ['x'], verified: false, assumption: true },
        { id: 'b', name: 'b', kind: 'medicine', default: true, doses: [{ substance: 'q', regimen: '5 mg' }], sources: ['x'], verified: true },
      ],
    });
    const issues = issuesOf((h) => checkUsagePatterns({ substances: [s] } as unknown as Body, h, () => []));
    expect(issues.join('\n')).toMatch(/at most one usage pattern may be the default/);
    expect(issues.join('\n')).toMatch(/needs reasoning/);
    expect(issues.join('\n')).toMatch(/'q' is not a constituent of p/);
  });
});

describe('guidance attached to answers (REQ-14.4)', () => {
  it('an opioid combination carries naloxone and not-using-alone lines, cited, with evidence', () => {
    const r = check(kb, ['kratom', 'oxycodone', 'alprazolam']);
    const kinds = r.guidance.map((g) => g.kind);
    expect(kinds).toContain('naloxone');
    expect(kinds).toContain('not-alone');
    expect(kinds).toContain('warning-signs');
    expect(kinds).toContain('label-advice');
    for (const g of r.guidance) {
      expect(g.sources.length).toBeGreaterThan(0);
      expect(g.evidence).toBeTruthy();
    }
    const pair = r.pairs.find((p) => p.a.id === 'oxycodone' && p.b.id === 'alprazolam')!;
    expect(pair.guidance.map((g) => g.kind)).toContain('naloxone');
    expect(pair.guidance.find((g) => g.kind === 'naloxone')!.matched.classes).toEqual(['opioid']);
  });

  it('without an opioid there is no naloxone line, but the depressant warning signs remain', () => {
    const r = check(kb, ['kratom', 'alprazolam']);
    const ids = r.guidance.map((g) => g.id);
    expect(ids).not.toContain('opioid-naloxone');
    expect(ids).toContain('depressants-warning-signs');
  });

  it('every attached line says what made it apply, and matches every criterion its KB record lists', () => {
    const r = check(kb, ['cannabis', 'kratom', 'oxycodone']);
    for (const g of r.guidance) {
      const rec = lines.find((x) => x.id === g.id)!;
      if (rec.appliesTo.effects.length) expect(g.matched.effects.length, g.id).toBeGreaterThan(0);
      if (rec.appliesTo.mechanisms.length) expect(g.matched.mechanisms.length, g.id).toBeGreaterThan(0);
      if (rec.appliesTo.classes.length) expect(g.matched.classes.length, g.id).toBeGreaterThan(0);
    }
  });
});
