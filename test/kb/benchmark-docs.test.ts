/**
 * The benchmark's committed files agree with the KB (issue 11 §2–3): every pair has its pre-registered label in
 * docs/benchmark-split.json and the function gives the same label, and docs/benchmark.md was generated from the
 * current KB. Cheap: reads two files and the compiled KB; never reruns the benchmark.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KB_VERSION_LINE, splitLabels } from '../../src/core/index.js';
import type { SplitLabel } from '../../src/core/index.js';
import { loadKb, ROOT } from '../../src/store/kb-store.js';

const SPLIT = join(ROOT, 'docs', 'benchmark-split.json');
const REPORT = join(ROOT, 'docs', 'benchmark.md');
const REGENERATE = 'regenerate with `npx crosstalk benchmark` and commit docs/benchmark.md and docs/benchmark-split.json';

describe('benchmark files are current (issue 11)', () => {
  const kb = loadKb();

  it('REQ-11.3 every KB pair has its committed split label, and the split function agrees with the file', () => {
    expect(existsSync(SPLIT), `docs/benchmark-split.json is missing: ${REGENERATE}`).toBe(true);
    const committed = JSON.parse(readFileSync(SPLIT, 'utf8')) as Record<string, SplitLabel>;
    const computed = splitLabels(kb.data.clinical);
    const missing = Object.keys(computed).filter((p) => committed[p] === undefined);
    const moved = Object.entries(computed)
      .filter(([p, l]) => committed[p] !== undefined && committed[p] !== l)
      .map(([p, l]) => `${p}: file '${committed[p]}', function '${l}'`);
    expect(missing, `pairs without a committed label: ${REGENERATE}`).toEqual([]);
    expect(moved, 'a pre-registered label moved: the split function or a devId changed; labels must never move silently').toEqual([]);
  });

  it('REQ-11.2 docs/benchmark.md states the current KB version', () => {
    expect(existsSync(REPORT), `docs/benchmark.md is missing: ${REGENERATE}`).toBe(true);
    const version = readFileSync(REPORT, 'utf8').match(KB_VERSION_LINE)?.[1];
    expect(version, `docs/benchmark.md is stale (KB ${version ?? 'unknown'}, now ${kb.data.version}): ${REGENERATE}`).toBe(kb.data.version);
  });
});
