/**
 * Which parameters make the answers for the issue-6 drug list most uncertain? For every ordered pair that shares
 * an enzyme and gets a prediction, collect the parameters it used; score each parameter by
 *   (number of predictions resting on it) × ln(spread), spread = max/min over the values the KB holds for it
 *   (several sources, or a recorded low–high range, or an assumption's range),
 * and flag unverified values and assumptions. Usage: tsx scripts/uncertain-params.ts [N]
 */
import { predict } from '../src/core/index.js';
import { resolveSubstance } from '../src/core/index.js';
import { loadCurrentKb as loadKb } from '../src/node/ensure-kb.js';
import { LISTED_DRUGS } from './listed-drugs.js';

process.stdout.on('error', (e: NodeJS.ErrnoException) => process.exit(e.code === 'EPIPE' ? 0 : 1));
const top = Number(process.argv[2] ?? 15);
const kb = loadKb();
const ids = LISTED_DRUGS.map((n) => resolveSubstance(kb, n).id);
const enz = (id: string) => new Set(kb.relationsOf(id).filter((r) => kb.target(r.object)?.kind === 'enzyme').map((r) => r.object));

interface Agg { uses: number; values: Set<number>; sources: Set<string>; unverified: boolean; assumption: boolean; unit: string }
const agg = new Map<string, Agg>();
// fm ranges recorded on relations (low/high) widen the spread of that fm.
const fmRange = new Map<string, [number, number]>();
for (const r of kb.data.relations)
  if (r.action === 'substrate' && r.fm) {
    const k = `${r.subject}|fm ${r.object}`;
    const [lo, hi] = fmRange.get(k) ?? [Infinity, 0];
    fmRange.set(k, [Math.min(lo, r.fm.low ?? r.fm.value), Math.max(hi, r.fm.high ?? r.fm.value)]);
  }
let n = 0;
for (const v of ids)
  for (const p of ids) {
    if (v === p || ![...enz(v)].some((e) => enz(p).has(e))) continue;
    const r = predict(kb, { victim: v, perpetrator: p }, { draws: 8 });
    if (r.status !== 'predicted') continue;
    n++;
    const seen = new Set<string>();
    for (const u of r.parameters) {
      if (u.name.startsWith('dose')) continue;
      const k = `${u.substance}|${u.name}`;
      const a = agg.get(k) ?? { uses: 0, values: new Set(), sources: new Set(), unverified: false, assumption: false, unit: u.unit };
      if (!seen.has(k)) a.uses++;
      seen.add(k);
      a.values.add(u.value);
      a.sources.add(u.source);
      a.unverified ||= !u.verified;
      a.assumption ||= u.assumption;
      agg.set(k, a);
    }
  }
const rows = [...agg].map(([k, a]) => {
  const vals = [...a.values].filter((x) => x > 0);
  const range = fmRange.get(k);
  // A fraction's range that reaches 0 is floored at 0.01 so the spread stays finite.
  if (range && range[1] > 0) vals.push(Math.max(0.01, range[0]), range[1]);
  const spread = vals.length ? Math.max(...vals) / Math.min(...vals) : 1;
  return { k, ...a, spread, score: a.uses * Math.log(Math.max(spread, 1.0001)) * (a.unverified || a.assumption ? 1.5 : 1) };
});
rows.sort((x, y) => y.score - x.score);
console.log(`${n} predictions among the issue-6 drugs; parameters ranked by uses × ln(spread) (×1.5 when unverified or an assumption)`);
console.log('rank | parameter | uses | spread (max/min) | values | flags | sources');
rows.slice(0, top).forEach((r, i) => {
  const vals = [...r.values].sort((a, b) => a - b).map((x) => +x.toPrecision(3));
  console.log(`${i + 1} | ${r.k.replace('|', ' ')} (${r.unit}) | ${r.uses} | ${r.spread.toFixed(1)}× | ${vals.join(', ')} | ${[r.unverified ? 'unverified' : '', r.assumption ? 'assumption' : ''].filter(Boolean).join(' ')} | ${[...r.sources].join(', ')}`);
});
