/**
 * Coverage of the drugs named in issue 6: for every ordered pair that shares an enzyme, does `predict` answer, and
 * what is missing when it does not. With --matrix, a Markdown table of which model inputs each drug has.
 * Usage: tsx scripts/coverage-listed.ts [--matrix]
 */
import { predict } from '../src/core/engine/predict.js';
import { resolveSubstance } from '../src/core/search/fuzzy-match.js';
import { pkValue } from '../src/core/engine/pk-inputs.js';
import { loadKb } from '../src/store/kb-store.js';
import { LISTED_DRUGS } from './listed-drugs.js';

const LISTED = LISTED_DRUGS;
// Piping into `head` closes stdout early: stop quietly.
process.stdout.on('error', (e: NodeJS.ErrnoException) => process.exit(e.code === 'EPIPE' ? 0 : 1));

const kb = loadKb();
const ids: string[] = [];
for (const n of LISTED) {
  try {
    ids.push(resolveSubstance(kb, n).id);
  } catch (e) {
    console.log(`unresolved: ${n}: ${(e as Error).message}`);
  }
}
if (process.argv.includes('--matrix')) {
  // Which inputs of the static model each listed drug has (victim: fm, Fg; perpetrator: constants, Cmax at a dose,
  // fu, ka, mw). "·" = absent; a grey answer names exactly which one it lacked.
  const yes = (b: boolean) => (b ? '✓' : '·');
  console.log('| drug | fm (enzymes) | Fg | inhibition/induction constants (enzymes) | Cmax at a dose | fu | ka | Fa | mw |');
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const id of [...new Set(ids)]) {
    const rels = kb.relationsOf(id);
    const fm = [...new Set(rels.filter((r) => r.action === 'substrate' && r.fm).map((r) => kb.target(r.object)?.name ?? r.object))];
    const consts = [...new Set(rels.filter((r) => (r.action === 'inhibitor' && (r.ki || r.ic50)) || (r.action === 'tdi' && ((r.KI && r.kinact) || r.kinactOverKI)) || (r.action === 'inducer' && r.emaxFold && r.ec50)).map((r) => kb.target(r.object)?.name ?? r.object))];
    const cmax = kb.pkOf(id).some((p) => p.species === 'human' && p.cmax && p.dose);
    const s = kb.substance(id)!;
    console.log(`| ${s.name} | ${fm.join(', ') || '·'} | ${yes(!!pkValue(kb, id, 'fg'))} | ${consts.join(', ') || '·'} | ${yes(cmax)} | ${yes(!!pkValue(kb, id, 'fu'))} | ${yes(!!pkValue(kb, id, 'ka'))} | ${yes(!!pkValue(kb, id, 'fa'))} | ${yes(!!s.mw)} |`);
  }
  process.exit(0);
}
const enz = (id: string) => new Set(kb.relationsOf(id).filter((r) => kb.target(r.object)?.kind === 'enzyme').map((r) => r.object));
const missCount = new Map<string, number>();
const greyByVictim = new Map<string, number>();
let pairs = 0, grey = 0, errors = 0;
for (const v of ids)
  for (const p of ids) {
    if (v === p) continue;
    const ev = enz(v), ep = enz(p);
    if (![...ev].some((e) => ep.has(e))) continue;
    pairs++;
    try {
      const r = predict(kb, { victim: v, perpetrator: p }, { draws: 16 });
      if (r.status === 'grey') {
        grey++;
        greyByVictim.set(v, (greyByVictim.get(v) ?? 0) + 1);
        for (const m of r.missing) missCount.set(m, (missCount.get(m) ?? 0) + 1);
      }
    } catch (e) {
      errors++;
      console.log(`error ${v} ← ${p}: ${(e as Error).message}`);
    }
  }
console.log(`listed ${LISTED.length}, resolved ${ids.length}; pairs sharing an enzyme ${pairs}; grey ${grey} (${((100 * grey) / pairs).toFixed(1)} %); errors ${errors}`);
console.log('\nmost common missing items:');
for (const [m, c] of [...missCount].sort((a, b) => b[1] - a[1]).slice(0, 80)) console.log(`${String(c).padStart(5)}  ${m}`);
