/** Issue 17: pair-level PD records (kb/pd/) are validated like other record kinds — errors name file, line and field. */
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileKb } from '../../src/compiler/compile.js';

function tinyKb(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'ct-pd-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

const BASE = {
  'sources/s.yaml': 'sources:\n  - id: label-a\n    type: label\n    title: A label\n    url: https://example.org/label\n',
  'substances/s.yaml': `substances:
  - id: maoi
    name: MAOIs
    kind: class
  - id: drug-a
    name: Drug A
    kind: medicine
    classes: [maoi]
  - id: drug-b
    name: Drug B
    kind: medicine
  - id: drug-c
    name: Drug C
    kind: medicine
`,
  'effects/e.yaml': `effects:
  - id: serotonergic-toxicity
    name: Serotonin toxicity
    description: Too much serotonin.
    severity: high
    contributors:
      - { substance: drug-b, strength: major, evidence: label, role: serotonin-reuptake-inhibitor, sources: [label-a] }
`,
};

const record = (extra: string): string => `pd:
  - id: pd-x
    kind: contraindication
    a: maoi
    b: drug-b
    effect: serotonergic-toxicity
    severity: high
    outcome: serotonin syndrome
    evidence: label
    text: Paraphrase.
    source: label-a
    locator: 4 CONTRAINDICATIONS
    verified: true
${extra}`;

describe('kb/pd records (issue 17)', () => {
  it('a valid record compiles, with a class side', () => {
    const r = compileKb(tinyKb({ ...BASE, 'pd/p.yaml': record('') }), undefined);
    expect(r.issues).toEqual([]);
    expect(r.data!.pd).toHaveLength(1);
  });
  it('unknown sides, effect, source and a bad kind are errors naming file, line and field', () => {
    const bad = `pd:
  - id: pd-y
    kind: contraindication
    a: no-such-drug
    b: drug-b
    effect: no-such-effect
    severity: high
    outcome: x
    evidence: label
    text: x
    source: no-such-source
    locator: x
    verified: false
  - id: pd-z
    kind: rumour
    a: drug-a
    b: drug-b
    effect: serotonergic-toxicity
    severity: high
    outcome: x
    evidence: label
    text: x
    source: label-a
    locator: x
    verified: false
`;
    const r = compileKb(tinyKb({ ...BASE, 'pd/p.yaml': bad }), undefined);
    const file = join('pd', 'p.yaml');
    const at = (field: string) => r.issues.find((i) => i.field === field);
    expect(at('a')).toMatchObject({ code: 'KB_UNRESOLVED_REF', file, line: 4 });
    expect(at('effect')).toMatchObject({ code: 'KB_UNRESOLVED_REF', file, line: 6 });
    expect(at('source')).toMatchObject({ code: 'KB_MISSING_SOURCE', file, line: 11 });
    expect(at('kind')).toMatchObject({ code: 'KB_SCHEMA', file, line: 15 });
  });
  it('an exception must be a member of a class side and needs its reason; a toxic metabolite names its compound', () => {
    const r1 = compileKb(tinyKb({ ...BASE, 'pd/p.yaml': record('    except: [drug-c]\n') }), undefined);
    expect(r1.issues.map((i) => i.field)).toEqual(expect.arrayContaining(['except.0', 'appliesTo']));
    const r2 = compileKb(tinyKb({ ...BASE, 'pd/p.yaml': record('').replace('kind: contraindication', 'kind: toxic-metabolite') }), undefined);
    expect(r2.issues.find((i) => i.field === 'metabolite')?.message).toMatch(/names the compound formed/);
  });
});
