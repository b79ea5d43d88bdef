/**
 * Golden CLI text (issue 10 §4): what a user reads for a handful of pairs is committed and diffed, so a change of
 * wording or of an answer is a reviewed change, never an accident. CI compares and never rewrites; to accept a
 * deliberate change, run `UPDATE_GOLDEN=1 npx vitest run test/golden/cli.test.ts` and review the diff.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run.js';
import { loadKb } from '../../src/store/kb-store.js';

const kb = loadKb();
const UPDATE = process.env.UPDATE_GOLDEN === '1' && !process.env.CI;
// Colour codes (ESC [ … m), built from the escape character so the pattern has no literal control character.
const ANSI = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g');

const CASES: { name: string; argv: string[] }[] = [
  { name: 'check-cannabis-kratom', argv: ['check', 'cannabis', 'kratom'] },
  { name: 'predict-mitragynine-cbd', argv: ['predict', 'mitragynine', 'cbd', '--perpetrator-dose', '300 mg'] },
  { name: 'predict-midazolam-ketoconazole', argv: ['predict', 'midazolam', 'ketoconazole'] },
  { name: 'check-cbd-clobazam', argv: ['check', 'cbd', 'clobazam'] },
  { name: 'check-kratom-oxycodone-alprazolam', argv: ['check', 'kratom', 'oxycodone', 'alprazolam'] },
  // Issue 14: the medicine-dose case by name (the everyday default is check-cannabis-kratom).
  { name: 'check-cannabis-medicine-kratom', argv: ['check', 'cannabis', 'kratom', '--usage', 'cannabis=medicine'] },
  { name: 'predict-desipramine-fluoxetine', argv: ['predict', 'desipramine', 'fluoxetine'] },
];

async function run(argv: string[]): Promise<{ code: number; out: string }> {
  let out = '';
  const code = await runCli(argv, { stdout: (t) => (out += t), stderr: (t) => (out += t), getKb: () => kb, today: '2026-12-05' });
  return { code, out: out.replace(ANSI, '') };
}

describe('golden CLI text (REQ-10.golden)', () => {
  for (const c of CASES)
    it(`${c.argv.join(' ')}`, async () => {
      const { code, out } = await run(c.argv);
      expect(code).toBe(0);
      const file = new URL(`./cli/${c.name}.txt`, import.meta.url);
      if (UPDATE || !existsSync(file)) {
        if (!UPDATE && process.env.CI) throw new Error(`missing golden file ${file.pathname}: run UPDATE_GOLDEN=1 locally and commit it`);
        writeFileSync(file, out);
      }
      expect(out).toBe(readFileSync(file, 'utf8'));
    }, 60_000);
});
