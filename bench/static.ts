/**
 * `npm run bench:static`: the mechanistic static model in TypeScript vs an independent Python implementation
 * of the same equations (bench/static_ref.py) on the ddir reference cases, in the same run: agreement
 * (max relative difference) and evaluations per second; then the full `predict` (KB lookup + Monte Carlo range)
 * per pair on the flagship and validation pairs. Last line: one JSON object.
 */
import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { predict } from '../src/core/index.js';
import { staticAucRatio } from '../src/core/index.js';
import { loadStaticCases } from '../test/fixtures/static-cases.js';
import { loadCurrentKb as loadKb } from '../src/node/ensure-kb.js';

const FIXTURE = 'test/fixtures/static_model_cases.json';
const prepared = loadStaticCases();

const ours: Record<string, number> = {};
for (const c of prepared) ours[c.id] = staticAucRatio(c.victim, c.perps, c.phys).aucRatio;
const N = 20000;
let t0 = performance.now();
for (let i = 0; i < N; i++) for (const c of prepared) staticAucRatio(c.victim, c.perps, c.phys, 'inlet_max_u', false);
const oursEps = (N * prepared.length) / ((performance.now() - t0) / 1000);

const py = spawnSync('python3', ['bench/static_ref.py', FIXTURE, '2000'], { encoding: 'utf8', env: { ...process.env, PYENV_VERSION: 'system' } });
let refEps: number | null = null;
let maxRelDiff: number | null = null;
if (py.status === 0) {
  const ref = JSON.parse(py.stdout) as { aucr: Record<string, number>; evalsPerSecond: number };
  refEps = ref.evalsPerSecond;
  maxRelDiff = Math.max(...Object.keys(ours).map((k) => Math.abs(ours[k]! / ref.aucr[k]! - 1)));
} else console.log(`python3 reference could not run: ${py.stderr.trim().split('\n').pop()}`);

const kb = loadKb();
const pairs: [string, string][] = [['mitragynine', 'cbd'], ['midazolam', 'kratom'], ['triazolam', 'itraconazole'], ['midazolam', 'clarithromycin'], ['alprazolam', 'rifampicin'], ['desipramine', 'quinidine']];
predict(kb, { victim: pairs[0]![0], perpetrator: pairs[0]![1] });
const M = 50;
t0 = performance.now();
for (let i = 0; i < M; i++) for (const [v, p] of pairs) predict(kb, { victim: v, perpetrator: p });
const predictMs = (performance.now() - t0) / (M * pairs.length);

console.log(`static model, ${prepared.length} reference cases`);
console.log(`  TypeScript: ${Math.round(oursEps).toLocaleString()} evaluations/s`);
console.log(`  Python reference (same equations, same run): ${refEps ? Math.round(refEps).toLocaleString() : 'n/a'} evaluations/s`);
console.log(`  speed ratio ${refEps ? (oursEps / refEps).toFixed(1) : 'n/a'}×; max relative difference of AUCR ${maxRelDiff?.toExponential(2) ?? 'n/a'}`);
console.log(`full predict (KB lookup, fm scenarios, 400-draw Monte Carlo range): ${predictMs.toFixed(2)} ms per pair`);
console.log(JSON.stringify({ speedupVsPython: refEps ? Math.round((oursEps / refEps) * 10) / 10 : null, maxRelDiff, evalsPerSecond: Math.round(oursEps), predictMsPerPair: Math.round(predictMs * 100) / 100 }));
