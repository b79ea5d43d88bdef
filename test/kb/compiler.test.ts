import { mkdtempSync, mkdirSync, readFileSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileKb } from '../../src/compiler/compile.js';
import { buildKb } from '../../src/compiler/build.js';
import { KB_DIR, loadKb, readBundle } from '../../src/store/kb-store.js';

function tinyKb(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'ct-kb-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

const SOURCES = `sources:\n  - id: src-a\n    type: article\n    title: A paper\n    doi: 10.1000/xyz\n`;
const SUBSTANCE = `substances:
  - id: drug-a
    name: Drug A
    kind: medicine
    mw: { value: 300, unit: g/mol, source: src-a, verified: true }
`;

describe('KB compiler errors name file, line and field (REQ-2.validate)', () => {
  it('a corrupted YAML file gives its file and line', () => {
    const dir = tinyKb({ 'sources/s.yaml': SOURCES, 'substances/bad.yaml': 'substances:\n  - id: x\n    name: [unclosed\n    kind: medicine\n' });
    const r = compileKb(dir, dir);
    expect(r.data).toBeNull();
    const e = r.issues.find((i) => i.code === 'KB_YAML_SYNTAX')!;
    expect(e.file).toBe(join('substances', 'bad.yaml'));
    expect(e.line).toBeGreaterThanOrEqual(3);
  });
  it('an unknown unit names the field and line and suggests a unit', () => {
    const dir = tinyKb({
      'sources/s.yaml': SOURCES,
      'substances/a.yaml': SUBSTANCE,
      'targets/t.yaml': 'targets:\n  - id: cyp3a4\n    name: CYP3A4\n    kind: enzyme\n',
      'relations/r.yaml': `relations:
  - subject: drug-a
    object: cyp3a4
    action: inhibitor
    evidence: in_vitro
    ki: { value: 2, unit: uMol, source: src-a, verified: true }
`,
    });
    const r = compileKb(dir, dir);
    const e = r.issues.find((i) => i.code === 'KB_UNKNOWN_UNIT')!;
    expect(e).toBeDefined();
    expect(e.file).toBe(join('relations', 'r.yaml'));
    expect(e.line).toBe(6);
    expect(e.message).toMatch(/ki\.unit: unit 'uMol' is not known; did you mean/);
  });
  it('schema errors, unresolved references, missing sources and duplicate ids are all reported', () => {
    const dir = tinyKb({
      'sources/s.yaml': SOURCES,
      'substances/a.yaml': `${SUBSTANCE}  - id: drug-a\n    name: Copy\n    kind: medicine\n  - id: drug-b\n    name: B\n    kind: pill\n`,
      'relations/r.yaml': 'relations:\n  - subject: drug-a\n    object: nowhere\n    action: substrate\n    evidence: in_vitro\n    fm: { value: 0.5, unit: fraction, source: no-such-source, verified: false }\n',
    });
    const r = compileKb(dir, dir);
    const codes = r.issues.map((i) => i.code);
    expect(codes).toContain('KB_DUPLICATE_ID');
    expect(codes).toContain('KB_SCHEMA'); // kind: pill
    expect(codes).toContain('KB_UNRESOLVED_REF'); // object: nowhere
    expect(codes).toContain('KB_MISSING_SOURCE');
    const kind = r.issues.find((i) => i.code === 'KB_SCHEMA')!;
    expect(kind.line).toBe(11);
    expect(kind.field).toBe('kind');
    // Nothing is dropped silently: records in and out are counted.
    expect(r.counts.substances.in).toBe(3);
  });
  it('a mass concentration is converted with the molecular weight', () => {
    const dir = tinyKb({
      'sources/s.yaml': SOURCES,
      'substances/a.yaml': SUBSTANCE,
      'pk/p.yaml': 'pk:\n  - id: a-po\n    substance: drug-a\n    route: po\n    cmax: { value: 150, unit: ng/mL, source: src-a, verified: true }\n',
    });
    const r = compileKb(dir, dir);
    expect(r.issues).toEqual([]);
    expect(r.data!.pk[0]!.cmax!.value).toBeCloseTo(0.5, 12); // 150 ng/mL ÷ 300 g/mol = 0.5 µM
    expect(r.data!.pk[0]!.cmax!.original).toEqual({ value: 150, unit: 'ng/mL' });
  });
});

describe('the real KB (REQ-2.integrity)', () => {
  it('compiles with no errors: every reference resolves and every number has a known unit and a source', () => {
    const r = compileKb(KB_DIR, join(KB_DIR, '..'));
    expect(r.issues.map((i) => `${i.file}:${i.line} ${i.message}`)).toEqual([]);
    for (const c of Object.values(r.counts)) expect(c.out).toBe(c.in);
    expect(r.data!.substances.length).toBeGreaterThanOrEqual(60);
  });
  it('builds deterministically: same YAML, byte-identical bundle and the same version hash', () => {
    const src = mkdtempSync(join(tmpdir(), 'ct-det-'));
    cpSync(KB_DIR, join(src, 'kb'), { recursive: true });
    const b1 = buildKb(join(src, 'kb'), join(src, 'b1'));
    const b2 = buildKb(join(src, 'kb'), join(src, 'b2'));
    expect(b1.result.data!.version).toBe(b2.result.data!.version);
    expect(readFileSync(b1.jsonPath!).equals(readFileSync(b2.jsonPath!))).toBe(true);
    // The store reads back exactly what was compiled.
    expect(loadKb(join(src, 'b1')).data).toEqual(b1.result.data);
    expect(readBundle(join(src, 'b1'))!.sourceHash).toMatch(/^[0-9a-f]{16}$/);
  });
});
