/**
 * `npm run bench:static`: the mechanistic static model in TypeScript vs an independent Python implementation
 * of the same equations (bench/static_ref.py) on the ddir reference cases, in the same run: agreement
 * (max relative difference) and evaluations per second; then the full `predict` (KB lookup + Monte Carlo range)
 * per pair on the flagship and validation pairs. Last line: one JSON object.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { predict } from '../src/core/engine/predict.js';
import { staticAucRatio, type EnzymeEffect, type PerpetratorInput, type Physiology } from '../src/core/pk/static-ddi.js';
import { loadKb } from '../src/store/kb-store.js';

const FIXTURE = 'test/fixtures/static_model_cases.json';
interface CaseE { Ki_uM?: number; KI_uM?: number; kinact_per_h?: number; KI_gut_uM?: number; kinact_gut_per_h?: number; Emax?: number; emax_fold?: number; EC50_uM?: number }
interface CaseP { name: string; route: string; dose_mg?: number; mw?: number; cmax_uM?: number; fu_p?: number; rb?: number; fa?: number; fg?: number; ka_per_h?: number; Ih_uM?: number; Ig_uM?: number; Imax_u_uM?: number; enzymes: Record<string, CaseE> }
interface Case { id: string; victim: { route: 'oral' | 'iv'; fm: Record<string, number>; Fg: number }; perpetrator?: CaseP; perpetrators?: CaseP[]; constants?: { Qh_L_per_h?: number; Qent_L_per_h?: number } }
const cases = (JSON.parse(readFileSync(FIXTURE, 'utf8')) as { cases: Case[] }).cases;

const toPerp = (p: CaseP): PerpetratorInput => ({
  name: p.name,
  route: p.route === 'systemic' ? 'systemic' : 'oral',
  doseUmol: p.dose_mg !== undefined && p.mw ? (p.dose_mg * 1000) / p.mw : undefined,
  cmaxUM: p.cmax_uM ?? p.Imax_u_uM ?? 0,
  fuP: p.fu_p ?? 1,
  rb: p.rb,
  fa: p.fa,
  fg: p.fg,
  kaPerH: p.ka_per_h,
  ihUM: p.Ih_uM,
  igUM: p.Ig_uM,
  enzymes: Object.fromEntries(
    Object.entries(p.enzymes).map(([k, e]): [string, EnzymeEffect] => [
      k.toLowerCase(),
      { kiUM: e.Ki_uM, KIuM: e.KI_uM, kinactPerH: e.kinact_per_h, KIGutUM: e.KI_gut_uM, kinactGutPerH: e.kinact_gut_per_h, emaxFold: e.emax_fold ?? (e.Emax !== undefined ? e.Emax + 1 : undefined), ec50UM: e.EC50_uM },
    ]),
  ),
});
const phys = (c: Case): Physiology => ({
  qhLPerH: c.constants?.Qh_L_per_h ?? 97,
  qentLPerH: c.constants?.Qent_L_per_h ?? 18,
  kdegLiverPerH: { cyp3a4: 0.0193, cyp2d6: 0.0099, cyp2c9: 0.0067, cyp2c19: 0.0267, cyp1a2: 0.0183, cyp2c8: 0.0301 },
  kdegGutPerH: { cyp3a4: 0.03 },
  d: 1,
});
const prepared = cases.map((c) => ({
  id: c.id,
  victim: { route: c.victim.route, fm: Object.fromEntries(Object.entries(c.victim.fm).map(([k, v]) => [k.toLowerCase(), v])), fg: c.victim.Fg },
  perps: (c.perpetrators ?? [c.perpetrator!]).map(toPerp),
  phys: phys(c),
}));

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
