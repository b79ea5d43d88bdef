/** Issue 15 §4: docs/limits.md lists every limit defined in src/core/limits.ts (the doc cannot silently fall behind). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');

describe('docs/limits.md (issue 15 §4)', () => {
  it('names every exported constant of src/core/limits.ts', () => {
    const src = readFileSync(join(ROOT, 'src/core/limits.ts'), 'utf8');
    const doc = readFileSync(join(ROOT, 'docs/limits.md'), 'utf8');
    const names = [...src.matchAll(/^export const (\w+)/gm)].map((m) => m[1]!);
    expect(names.length).toBeGreaterThan(20);
    expect(names.filter((n) => !doc.includes(`\`${n}\``)), 'add a row for each to docs/limits.md').toEqual([]);
  });
});
