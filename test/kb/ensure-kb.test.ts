import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ensureKb, loadCurrentKb } from '../../src/node/ensure-kb.js';
import { loadKb } from '../../src/store/kb-store.js';

const SOURCES = `sources:\n  - id: src-a\n    type: article\n    title: A paper\n    doi: 10.1000/xyz\n`;
const substance = (name: string): string => `substances:\n  - id: drug-a\n    name: ${name}\n    kind: medicine\n    sources: [src-a]\n`;

function tinyKb(): { kbDir: string; buildDir: string } {
  const dir = mkdtempSync(join(tmpdir(), 'ct-ensure-'));
  const kbDir = join(dir, 'kb');
  mkdirSync(join(kbDir, 'sources'), { recursive: true });
  mkdirSync(join(kbDir, 'substances'), { recursive: true });
  writeFileSync(join(kbDir, 'sources', 's.yaml'), SOURCES);
  writeFileSync(join(kbDir, 'substances', 'a.yaml'), substance('Drug A'));
  return { kbDir, buildDir: join(dir, 'build') };
}

describe('the compiled KB is rebuilt when the YAML changes, and only then (issue 10, point 8)', () => {
  it('builds a missing bundle, reuses a current one, and rebuilds after an edit with a new version', () => {
    const { kbDir, buildDir } = tinyKb();
    const first = ensureKb(kbDir, buildDir);
    expect(first.rebuilt).toBe(true);
    expect(ensureKb(kbDir, buildDir)).toEqual({ rebuilt: false, version: first.version });
    writeFileSync(join(kbDir, 'substances', 'a.yaml'), substance('Drug A prime'));
    const again = ensureKb(kbDir, buildDir);
    expect(again.rebuilt).toBe(true);
    expect(again.version).not.toBe(first.version);
    expect(loadCurrentKb(kbDir, buildDir).substance('drug-a')!.name).toBe('Drug A prime');
  });
  it('rebuilds a bundle of another format instead of misreading it', () => {
    const { kbDir, buildDir } = tinyKb();
    ensureKb(kbDir, buildDir);
    const path = join(buildDir, 'kb.json');
    writeFileSync(path, readFileSync(path, 'utf8').replace('"format":1', '"format":0'));
    expect(ensureKb(kbDir, buildDir).rebuilt).toBe(true);
  });
  it('an invalid KB throws KB_NOT_BUILT naming the file, and writes nothing', () => {
    const { kbDir, buildDir } = tinyKb();
    writeFileSync(join(kbDir, 'substances', 'a.yaml'), 'substances:\n  - id: drug-a\n    name: [unclosed\n');
    expect(() => ensureKb(kbDir, buildDir)).toThrowError(/the knowledge base has \d+ error\(s\).*substances\/a\.yaml/);
    expect(() => loadKb(buildDir)).toThrowError(expect.objectContaining({ code: 'KB_BUNDLE_MISSING' }));
  });
  it('the store reads only: with no bundle it says how to build one', () => {
    const { buildDir } = tinyKb();
    let message = '';
    try {
      loadKb(buildDir);
    } catch (e) {
      message = (e as Error).message.replace(buildDir, '<build>');
    }
    expect(message).toMatchInlineSnapshot(`"<build>/kb.json: no compiled knowledge base (missing, unreadable or an older format)"`);
  });
});
