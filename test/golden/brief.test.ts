/**
 * Golden Markdown briefs (issue 10 §4): the evidence brief a reader gets for seven pairs is committed under
 * test/golden/brief/ and diffed, so a change of wording or of an answer is a reviewed change, never an accident.
 * CI compares and never rewrites; to accept a deliberate change, run
 * `UPDATE_GOLDEN=1 npx vitest run test/golden/brief.test.ts` locally and review the diff before committing.
 *
 * What varies is frozen: `today` is fixed (it dates the legal records' age), and the KB version line is masked. The
 * version is a hash of the whole KB, so it changes with every KB edit, including edits that touch none of these
 * pairs; a change to what these briefs say still shows as a diff in the text itself.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { briefAnswer, buildBrief, renderBrief } from '../../src/core/index.js';
import { BRIEF_EN } from '../../src/core/render/brief-en.js';
import { loadKb } from '../../src/store/kb-store.js';

const kb = loadKb();
const UPDATE = process.env.UPDATE_GOLDEN === '1' && !process.env.CI;
const TODAY = '2026-12-05';
const KB_VERSION_MASK = '(masked in golden files)';

// The brief compares exactly two substances, so the three-substance question (kratom + oxycodone + alprazolam) is
// covered by the CLI check golden; here it is kratom + oxycodone. Together the cases use every brief statement code.
const CASES: { name: string; substances: [string, string]; jurisdiction?: string }[] = [
  { name: 'cannabis-kratom', substances: ['cannabis', 'kratom'], jurisdiction: 'US-FL' },
  { name: 'midazolam-ketoconazole', substances: ['midazolam', 'ketoconazole'] },
  { name: 'kratom-oxycodone', substances: ['kratom', 'oxycodone'], jurisdiction: 'US' },
  { name: 'cbd-clobazam', substances: ['cbd', 'clobazam'], jurisdiction: 'GB' },
  { name: 'warfarin-fluconazole', substances: ['warfarin', 'fluconazole'] },
  { name: 'rifampicin-midazolam', substances: ['rifampicin', 'midazolam'], jurisdiction: 'FR' },
  // a pair the KB cannot yet quantify (no fm for ramelteon), so the grey prediction statement keeps a golden case
  { name: 'ramelteon-ketoconazole', substances: ['ramelteon', 'ketoconazole'] },
];

describe('golden Markdown briefs (REQ-10.golden)', () => {
  for (const c of CASES)
    it(`brief ${c.substances.join(' + ')}${c.jurisdiction ? ` (${c.jurisdiction})` : ''}`, () => {
      const brief = buildBrief(kb, c.substances, { jurisdiction: c.jurisdiction, today: TODAY });
      const md = renderBrief({ ...brief, kbVersion: KB_VERSION_MASK }, 'md');
      const file = new URL(`./brief/${c.name}.md`, import.meta.url);
      if (UPDATE || !existsSync(file)) {
        if (!UPDATE && process.env.CI) throw new Error(`missing golden file ${file.pathname}: run UPDATE_GOLDEN=1 locally and commit it`);
        writeFileSync(file, md);
      }
      expect(md).toBe(readFileSync(file, 'utf8'));
    }, 60_000);

  it('the cases use every statement code the brief renders (a new code gets a golden case)', () => {
    const used = new Set(CASES.flatMap((c) => briefAnswer(kb, c.substances, { jurisdiction: c.jurisdiction, today: TODAY }).sections.flatMap((s) => s.items.map((i) => i.code))));
    expect(Object.keys(BRIEF_EN).filter((code) => !used.has(code))).toEqual([]);
  }, 60_000);

  it('a brief compares exactly two substances', () => {
    expect(() => buildBrief(kb, ['kratom', 'oxycodone', 'alprazolam'], { today: TODAY })).toThrow(/exactly two substances \(got 3\)/);
  });
});
