/**
 * Issue 17: pharmacodynamic danger. Requirements proved here:
 * R1 every pair a label contraindicates (or gives a boxed warning, or for which deaths are published) comes out red,
 *    for the classes as named and for their members (minus stated exceptions);
 * R2 the table of well-known dangerous and low-risk combinations (test/fixtures/pd-combinations.yaml) matches;
 * R3 severity (what can happen) and evidence (how sure) are separate fields in every pair answer;
 * R4 class exceptions are stated, names people use resolve to class records, rule sources exist.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { check } from '../../src/core/answers/check.js';
import { RED_RECORD_KINDS } from '../../src/core/answers/check/pd-records.js';
import { RULE_SOURCES, rolesOf } from '../../src/core/answers/check/pd-rules.js';
import { withConstituents } from '../../src/core/kb/constituents.js';
import { resolveSubstance } from '../../src/core/kb/fuzzy-match.js';
import { loadKb } from '../../src/store/kb-store.js';

const kb = loadKb();

interface Row {
  a: string;
  b: string;
  tier: string;
  severity: string;
  source: string;
  chart?: string;
  difference?: string;
  note?: string;
  knownDifference?: { wantedTier: string; wantedSeverity: string; why: string };
}
const rows = (parse(readFileSync(new URL('../fixtures/pd-combinations.yaml', import.meta.url), 'utf8')) as { pairs: Row[] }).pairs;

const pairOf = (a: string, b: string) => check(kb, [a, b]).pairs[0]!;

/** A class side stands for itself and for each member (the record's exceptions removed); a substance for itself. */
function sideIds(id: string, except: string[]): string[] {
  if (kb.substance(id)?.kind !== 'class') return [id];
  const members = kb.allSubstances().filter((s) => s.classes.includes(id) && !except.includes(s.id) && s.kind !== 'metabolite').map((s) => s.id);
  // The class as named, plus its first and last member: enough to catch a broken inheritance without checking
  // every member × member product (each pair runs the exposure models).
  return [id, ...new Set([members[0], members[members.length - 1]].filter((x): x is string => !!x))];
}

describe('issue 17 R1: label-contraindicated, boxed-warning and fatal pairs are red', () => {
  const red = (kb.data.pd ?? []).filter((r) => RED_RECORD_KINDS.includes(r.kind));
  it('the KB has such records', () => expect(red.length).toBeGreaterThanOrEqual(15));
  for (const r of red)
    it(`${r.id}: ${r.a} × ${r.b}`, () => {
      for (const a of sideIds(r.a, r.except))
        for (const b of sideIds(r.b, r.except)) {
          if (a === b) continue;
          const p = pairOf(a, b);
          expect(p.tier, `${a} + ${b}: ${p.tierReasons.join(' | ')}`).toBe('red');
          expect(p.severity).toBe('high');
          expect(p.statements.some((s) => s.id === `pd-record-${r.id}`), `${a} + ${b} cites ${r.id}`).toBe(true);
        }
    }, 120_000);
});

describe('issue 17 R2: well-known combinations (test/fixtures/pd-combinations.yaml)', () => {
  it('has at least 40 rows, each citing a source in the KB, including every pair of the issue', () => {
    expect(rows.length).toBeGreaterThanOrEqual(40);
    for (const r of rows) expect(kb.source(r.source), `${r.a} + ${r.b}: source ${r.source}`).toBeDefined();
    const named = rows.map((r) => `${r.a}+${r.b}`);
    for (const p of ['mdma+moclobemide', 'tramadol+sertraline', 'tramadol+maoi', 'cocaine+maoi', 'lsd+lithium', 'psilocybin+lithium', 'alcohol+cocaine', 'alcohol+ketamine']) expect(named).toContain(p);
  });
  for (const r of rows)
    it(`${r.a} + ${r.b}: ${r.tier}, severity ${r.severity}${r.knownDifference ? ' (known difference, pinned)' : ''}`, () => {
      const p = pairOf(r.a, r.b);
      expect({ tier: p.tier, severity: p.severity }, p.tierReasons.join(' | ')).toEqual({ tier: r.tier, severity: r.severity });
    }, 60_000);
});

describe('issue 17 R3: severity and evidence are separate axes in every pair answer', () => {
  // Every row of the table, plus a pair of two names for the same compounds (answered without the tier rules).
  const answers = [...rows.map((r) => pairOf(r.a, r.b)), pairOf('cannabis', 'thc')];
  it('every answer carries severity, likelihood and a PAIR_AXES statement with both axes and the tier rule', { timeout: 120_000 }, () => {
    for (const p of answers) {
      expect(['high', 'moderate', 'low', 'none', 'unknown']).toContain(p.severity);
      expect(['established', 'probable', 'possible', 'theoretical', 'unknown']).toContain(p.likelihood);
      const axes = p.statements.find((s) => s.code === 'PAIR_AXES')!;
      expect(axes.params.severity).toBe(p.severity);
      expect(axes.params).toHaveProperty('level');
      expect(axes.plain).toMatch(/Severity \(what can happen\).*Evidence \(how sure\)/);
      expect(axes.technical).toMatch(/^Tier rule: red when/);
    }
  });
  it('severity is not read off the tier: high-severity pairs exist at amber and at red, on different evidence', () => {
    const highAmber = answers.filter((p) => p.tier === 'amber' && p.severity === 'high');
    const highRed = answers.filter((p) => p.tier === 'red' && p.severity === 'high');
    expect(highAmber.length).toBeGreaterThan(0);
    expect(highRed.length).toBeGreaterThan(0);
    const levels = new Set(answers.filter((p) => p.severity === 'high').map((p) => p.statements.find((s) => s.code === 'PAIR_AXES')!.params.level));
    expect(levels.size).toBeGreaterThan(1);
  });
});

describe('issue 17 R4: classes, exceptions, rules', () => {
  it('names people use resolve to the class records', () => {
    const want: Record<string, string> = { MAOIs: 'maoi', SSRIs: 'ssri', benzos: 'benzodiazepine', opioids: 'opioid', stimulants: 'stimulant', psychedelics: 'psychedelic' };
    for (const [name, id] of Object.entries(want)) expect(resolveSubstance(kb, name, 'substances[0]').id, name).toBe(id);
  });
  it('a class record that excludes a member says so for that member (reversible vs irreversible MAOI)', () => {
    const p = pairOf('cocaine', 'moclobemide');
    const ex = p.statements.find((s) => s.code === 'PD_RECORD_EXCEPTION');
    expect(ex?.plain).toMatch(/does not cover Moclobemide/);
    expect(p.statements.some((s) => s.id === 'pd-record-pd-maoi-cocaine-contraindication')).toBe(false);
  });
  it('a toxic-metabolite combination is its own interaction kind', () => {
    const p = pairOf('alcohol', 'cocaine');
    expect(p.statements.find((s) => s.code === 'PD_TOXIC_METABOLITE')?.plain).toMatch(/form cocaethylene/);
  });
  it('every mechanism rule cites sources that exist in the KB', () => {
    for (const ids of Object.values(RULE_SOURCES)) for (const id of ids) expect(kb.source(id), id).toBeDefined();
  });
  it('a respiratory-depression rule lists each depressant with its strength and evidence', () => {
    const rule = pairOf('oxycodone', 'gabapentin').statements.find((s) => s.id === 'pd-rule-respiratory-depression');
    expect(rule).toBeDefined();
    expect(rule!.params.aStrength).toBeDefined();
    expect(rule!.plain).toMatch(/respiratory depressant, (major|moderate|minor), /);
  });
});

describe('issue 17 R5: combinations no record or table names are still caught by the mechanism rules', () => {
  // Every substance whose own or inherited effect contributions give it a role; pairs across roles that no
  // pair-level record covers are answers Crosstalk was never told. Deterministic sample: every 3rd such pair.
  const subs = kb.allSubstances().filter((s) => s.kind !== 'class' && s.kind !== 'metabolite');
  const roles = new Map(subs.map((s) => [s.id, new Set(rolesOf(kb, withConstituents(kb, s.id)).map((r) => r.role))]));
  const has = (id: string, xs: string[]): boolean => xs.some((r) => roles.get(id)!.has(r as never));
  const covered = (a: string, b: string): boolean => check(kb, [a, b]).pairs[0]!.statements.some((x) => x.code === 'PD_RECORD');
  const MAOI = ['mao-inhibitor-irreversible', 'mao-inhibitor-reversible'];
  const SERO = ['serotonin-reuptake-inhibitor', 'serotonin-releaser', 'serotonin-agonist', 'serotonin-precursor'];
  const pairs: [string, string, string][] = [];
  for (const m of subs.filter((s) => has(s.id, MAOI)))
    for (const p of subs.filter((s) => s.id !== m.id && !has(s.id, MAOI))) {
      if (has(p.id, SERO)) pairs.push([m.id, p.id, 'serotonin-maoi']);
      else if (has(p.id, ['sympathomimetic'])) pairs.push([m.id, p.id, 'hypertensive-maoi']);
    }
  const sample = pairs.filter((_, i) => i % 3 === 0);
  it('there are such pairs', () => expect(sample.length).toBeGreaterThan(10));
  it('each is at least amber with high severity and names its mechanism', { timeout: 300_000 }, () => {
    let unseen = 0;
    for (const [a, b, rule] of sample) {
      const p = check(kb, [a, b]).pairs[0]!;
      if (!covered(a, b)) unseen++;
      expect(['amber', 'red'], `${a} + ${b}`).toContain(p.tier);
      expect(p.severity, `${a} + ${b}`).toBe('high');
      expect(p.statements.some((x) => x.id === `pd-rule-${rule}`), `${a} + ${b}: ${rule}`).toBe(true);
    }
    expect(unseen).toBeGreaterThan(0);
  });
});

