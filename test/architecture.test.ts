import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ERRORS } from '../src/core/errors.js';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? files(p) : /\.ts$/.test(n) && !/\.test\.ts$/.test(n) ? [p] : [];
  });
}

describe('architecture (STYLE.md)', () => {
  it('the core imports no file, network, process or terminal modules', () => {
    const bad: string[] = [];
    for (const f of files('src/core')) {
      const src = readFileSync(f, 'utf8');
      if (/from '(node:[a-z_/]+|fs|path|http|https|child_process|os|worker_threads|better-sqlite3|picocolors|commander)'/.test(src)) bad.push(`${f}: imports I/O`);
      if (/\bprocess\.(env|argv|exit|stdout|stderr|cwd)/.test(src)) bad.push(`${f}: touches process`);
      if (/\bconsole\.(log|error|warn|info)\(/.test(src)) bad.push(`${f}: prints`);
      if (/new Date\(\)|Date\.now\(\)/.test(src)) bad.push(`${f}: reads the clock`);
    }
    expect(bad).toEqual([]);
  });
  it('every error code is documented in docs/errors.md, and every documented code exists', () => {
    const doc = readFileSync('docs/errors.md', 'utf8');
    const documented = [...doc.matchAll(/\| `([A-Z_]+)` \|/g)].map((m) => m[1]);
    expect(new Set(documented)).toEqual(new Set(Object.keys(ERRORS)));
  });
});
