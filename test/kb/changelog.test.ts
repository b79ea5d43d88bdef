/** kb/CHANGELOG.md is generated from the YAML history and names the current KB version first (issue 16 §6). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadKb, ROOT } from '../../src/store/kb-store.js';

describe('kb/CHANGELOG.md (issue 16 §6)', () => {
  it('its newest entry is the current KB version, and it goes back to f65d7faa51d1f52e', () => {
    const text = readFileSync(join(ROOT, 'kb', 'CHANGELOG.md'), 'utf8');
    const versions = [...text.matchAll(/^## ([0-9a-f]{16}|YAML [0-9a-f]{12})/gm)].map((m) => m[1]);
    expect(versions[0], 'stale: commit the KB change, then run `npm run kb:changelog` and commit kb/CHANGELOG.md').toBe(loadKb().data.version);
    expect(versions[versions.length - 1]).toBe('f65d7faa51d1f52e');
    // Every entry but the baseline says what was added, changed and removed.
    expect((text.match(/^\d+ added, \d+ changed, \d+ removed/gm) ?? []).length).toBe(versions.length - 1);
  });
});
