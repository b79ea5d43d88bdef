/**
 * Simulator benchmark (run: PYENV_VERSION=system npx tsx bench/sim.ts). The same two-drug interaction
 * model solved by our DOPRI5 and by SciPy solve_ivp (LSODA, RK45) at rtol 1e-8, in both formulations:
 * the default quasi-steady-state liver (bench/ref/interaction_qss_ref.py solves the same algebraic
 * liver by Newton inside its right-hand side) and the full liver state (bench/ref/interaction_ref.py);
 * QSS liver vs full liver at equal accuracy; then a 10,000-subject × 7-day × 2-substance population.
 * The last line is one JSON object: speedupVsScipy is the default (QSS) formulation against LSODA on
 * the same QSS formulation, speedupVsScipyFullLiver the full-liver pair; maxRelDiff the worst AUC/Cmax
 * disagreement over both formulations and both SciPy methods.
 *
 * The population's wall time depends on what else the machine runs, so three figures that depend less on
 * it come with it: the process CPU time of the population (all worker threads), the population time in
 * units of one LSODA solve measured in the same run (both slow down together under load), and the CPU time
 * per subject in this thread after JIT warm-up with the 2-core projection it implies (no worker start-up), best of
 * two rounds, alternating with the generic right-hand side on the same subjects (the generated one's gain).
 *
 * The population runs as the CLI and the server run it: from the compiled dist/ (brought up to date first, as
 * bin/crosstalk.js does), so its workers load plain JavaScript. From the TypeScript sources each worker would
 * first register tsx and transpile the whole core again (measured: 2–2.5 s more CPU per run, 1–7 s more wall
 * time on a loaded machine), a cost only development runs pay. BENCH_TS_WORKERS=1 measures that path instead.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { InteractionModel } from '../src/core/index.js';
import { ArmRunner } from '../src/core/index.js';
import { DEFAULT_SOLVE, runPopulationChunk, type DoseEvent, type DrugParams, type Physiology, type PopulationSpec } from '../src/core/index.js';
import type * as PopulationPool from '../src/node/population-pool.js';

const spec = JSON.parse(readFileSync(new URL('../test/reference/interaction-spec.json', import.meta.url), 'utf8')) as {
  drugs: DrugParams[]; physiology: Physiology; doses: DoseEvent[]; tEndH: number;
};
const RTOL = 1e-8;

/**
 * Solves before timing starts. TurboFan compiles the solver loop with the right-hand side inlined in 0.1–1 s
 * (more on a loaded machine); timed from a single warm-up run, the 50 runs fell inside that compile, so the
 * figure (13–69 ms per solve measured, against 2.4 ms warm) and the ratio to SciPy swung with the load. A
 * population's subjects run warm, so the per-subject figure is the warm one.
 */
const WARM_UP_MS = 1000;
/** Median of up to 5 timed batches, so one load spike does not set the figure. */
const TIMED_BATCHES = 5;

function ours(liverQSS: boolean, rtol: number, reps: number): { auc: number[]; cmax: number[]; seconds: number; steps: number } {
  const m = new InteractionModel(spec.drugs, spec.physiology, liverQSS);
  const r = new ArmRunner(m, { ...DEFAULT_SOLVE, rtol, atolUmol: Math.min(1e-9, rtol * 1e-4), liverQSS });
  const res = r.run(spec.doses, spec.tEndH, undefined, false);
  const out = { auc: res.drugs.map((d) => d.aucUMH), cmax: res.drugs.map((d) => d.cmaxUM), seconds: NaN, steps: res.stats.steps };
  if (reps <= 0) return out;
  for (const w = performance.now(); performance.now() - w < WARM_UP_MS;) r.run(spec.doses, spec.tEndH, undefined, false);
  const nb = Math.min(TIMED_BATCHES, reps), per = Math.ceil(reps / nb), times: number[] = [];
  for (let b = 0; b < nb; b++) {
    const t0 = performance.now();
    for (let k = 0; k < per; k++) r.run(spec.doses, spec.tEndH, undefined, false);
    times.push((performance.now() - t0) / 1000 / per);
  }
  return { ...out, seconds: times.sort((x, y) => x - y)[nb >> 1]! };
}

const rel = (a: number, b: number): number => Math.abs(a / b - 1);
const fmt = (x: number): string => x.toExponential(2);

// 1. reference accuracy and speed against SciPy, for the default QSS liver and for the full liver state
interface RefOut { scipy: string; methods: Record<string, { auc: number[]; cmax: number[]; secondsPerSolve: number }> }
function scipy(script: string): RefOut | null {
  const py = spawnSync('python3', [script], {
    input: JSON.stringify({ ...spec, rtol: RTOL, atolRel: 1e-12, methods: ['LSODA', 'RK45'], reps: 1 }),
    env: { ...process.env, PYENV_VERSION: 'system' },
    encoding: 'utf8',
    maxBuffer: 1 << 24,
  });
  if (py.status === 0) return JSON.parse(py.stdout) as RefOut;
  const missing = /No module named 'scipy'|No module named 'numpy'/.test(py.stderr);
  process.stdout.write(missing
    ? 'python3-scipy is missing (apt-get install -y python3-scipy; run with PYENV_VERSION=system): SciPy comparison skipped\n'
    : `SciPy reference ${script} failed, comparison skipped:\n${py.stderr}\n`);
  return null;
}
/** Print the per-method comparison; returns [max rel diff, LSODA seconds / ours]. */
function compare(label: string, ref: RefOut, o: { auc: number[]; cmax: number[]; seconds: number }): [number, number] {
  process.stdout.write(`SciPy ${ref.scipy}; model: 2 drugs, ${label}, ${spec.tEndH} h, rtol ${RTOL}\n`);
  let worst = 0;
  for (const [method, r] of Object.entries(ref.methods)) {
    const diffs = spec.drugs.flatMap((_, i) => [rel(o.auc[i]!, r.auc[i]!), rel(o.cmax[i]!, r.cmax[i]!)]);
    const mx = Math.max(...diffs);
    worst = Math.max(worst, mx);
    process.stdout.write(`  ${method.padEnd(6)} max rel diff (AUC, Cmax of both drugs) ${fmt(mx)}  ${(r.secondsPerSolve * 1000).toFixed(1)} ms/subject  ours ${(o.seconds * 1000).toFixed(2)} ms/subject → ×${(r.secondsPerSolve / o.seconds).toFixed(1)}\n`);
  }
  if (worst > 1e-6) process.stdout.write(`  WARNING: agreement ${fmt(worst)} is worse than 1e-6\n`);
  return [worst, ref.methods['LSODA']!.secondsPerSolve / o.seconds];
}
let maxRelDiff: number | null = null;
let speedupVsScipy: number | null = null;
let speedupVsScipyFullLiver: number | null = null;
const refQss = scipy('bench/ref/interaction_qss_ref.py');
if (refQss) {
  const [d, s] = compare('QSS (algebraic) liver — the default formulation, same equations in both', refQss, ours(true, RTOL, 50));
  maxRelDiff = d; speedupVsScipy = s;
}
const refFull = scipy('bench/ref/interaction_ref.py');
if (refFull) {
  const [d, s] = compare('full liver state', refFull, ours(false, RTOL, 5));
  maxRelDiff = Math.max(maxRelDiff ?? 0, d); speedupVsScipyFullLiver = s;
}

// 2. QSS liver vs full liver at equal accuracy (error against each formulation's own rtol 1e-12 solution)
process.stdout.write('QSS liver vs full liver state (DOPRI5), error vs own rtol-1e-12 solution:\n');
const refQ = ours(true, 1e-12, 0), refF = ours(false, 1e-12, 0);
for (const rtol of [1e-4, 1e-6, 1e-8]) {
  const q = ours(true, rtol, 20), f = ours(false, rtol, 3);
  const eq = Math.max(...spec.drugs.flatMap((_, i) => [rel(q.auc[i]!, refQ.auc[i]!), rel(q.cmax[i]!, refQ.cmax[i]!)]));
  const ef = Math.max(...spec.drugs.flatMap((_, i) => [rel(f.auc[i]!, refF.auc[i]!), rel(f.cmax[i]!, refF.cmax[i]!)]));
  process.stdout.write(`  rtol ${fmt(rtol)}  QSS ${(q.seconds * 1000).toFixed(2)} ms ${q.steps} steps err ${fmt(eq)} | full ${(f.seconds * 1000).toFixed(2)} ms ${f.steps} steps err ${fmt(ef)} | full/QSS time ×${(f.seconds / q.seconds).toFixed(0)}\n`);
}
const modelDiff = Math.max(...spec.drugs.flatMap((_, i) => [rel(refQ.auc[i]!, refF.auc[i]!), rel(refQ.cmax[i]!, refF.cmax[i]!)]));
process.stdout.write(`  QSS vs full model difference (not solver error): ${fmt(modelDiff)}\n`);

// 3. population: 10,000 subjects × 7 days × 2 substances (combined + each alone = 3 solves per subject)
const doses7: DoseEvent[] = [];
for (let d = 0; d < 7; d++) for (const x of spec.doses.filter((x) => x.tH === 0)) doses7.push({ ...x, tH: 24 * d });
const n = Number(process.env['BENCH_SUBJECTS'] ?? 10_000);
const popSpec: PopulationSpec = {
  drugs: spec.drugs, physiology: spec.physiology, doses: doses7, tEndH: 168, n, seed: 1, ancestry: 'european', fixedPhenotypes: {},
  groups: spec.drugs.map((d) => ({ id: d.id, compounds: [d.id] })),
};
const fromSources = process.env['BENCH_TS_WORKERS'] === '1';
if (!fromSources) ((await import(new URL('../bin/build.mjs', import.meta.url).href)) as { ensureBuilt: () => number }).ensureBuilt();
const poolUrl = new URL(fromSources ? '../src/node/population-pool.ts' : '../dist/node/population-pool.js', import.meta.url).href;
const { runPopulationParallel } = (await import(poolUrl)) as typeof PopulationPool;
const t0 = performance.now(), cpu0 = process.cpuUsage();
const pop = await runPopulationParallel(popSpec);
const populationSeconds = (performance.now() - t0) / 1000;
const cpuPop = process.cpuUsage(cpu0);
const populationCpuSeconds = (cpuPop.user + cpuPop.system) / 1e6;
const lsodaSeconds = refQss?.methods['LSODA']?.secondsPerSolve ?? null;
const populationInLsodaSolves = lsodaSeconds ? populationSeconds / lsodaSeconds : null;
process.stdout.write(`population: ${n} subjects × 7 days × 2 substances (3 arms each, rtol ${pop.settings.rtol}, QSS liver, ${availableParallelism()} threads: this one and worker threads from ${fromSources ? 'src/ via tsx' : 'dist/'}): ${populationSeconds.toFixed(2)} s, ${(pop.steps / n / 3).toFixed(0)} steps per arm; process CPU ${populationCpuSeconds.toFixed(2)} s${populationInLsodaSolves ? `; = ${populationInLsodaSolves.toFixed(1)} LSODA solves of this run` : ''}\n`);
// CPU per subject in this thread, after warm-up: the load-independent part of the figure. The same subjects with the
// generic right-hand side (compiledRhs false) alternate with it, so both see the same load: their ratio is what the
// generated right-hand side (models/dynamic/rhs-codegen.ts) buys.
// Warm-up: 100 subjects each (the first batches of a fresh function run in the interpreter: 5 and 3 ms per subject
// for the first two batches of 50 against 0.4–0.5 ms warm, measured), so neither figure includes JIT compilation.
const warm = Math.min(100, n), measured = Math.min(200, n), rounds = 2;
const genericSpec: PopulationSpec = { ...popSpec, settings: { compiledRhs: false } };
runPopulationChunk(popSpec, 0, warm);
runPopulationChunk(genericSpec, 0, warm);
const cpuMsPerSubject = (s: PopulationSpec): number => {
  const c0 = process.cpuUsage();
  runPopulationChunk(s, warm, Math.min(n, warm + measured));
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / 1000 / Math.min(measured, n - warm || 1);
};
let subjectCpuMs = Infinity, subjectCpuMsGenericRhs = Infinity;
for (let r = 0; r < rounds; r++) {
  subjectCpuMs = Math.min(subjectCpuMs, cpuMsPerSubject(popSpec));
  subjectCpuMsGenericRhs = Math.min(subjectCpuMsGenericRhs, cpuMsPerSubject(genericSpec));
}
const projectedTwoCoreSeconds = (subjectCpuMs * n) / 1000 / 2;
process.stdout.write(`  one thread, warm: ${subjectCpuMs.toFixed(2)} ms CPU per subject → ${projectedTwoCoreSeconds.toFixed(2)} s for ${n} subjects on 2 cores (without worker start-up); generic right-hand side ${subjectCpuMsGenericRhs.toFixed(2)} ms (×${(subjectCpuMsGenericRhs / subjectCpuMs).toFixed(2)})\n`);
for (const c of pop.compounds)
  process.stdout.write(`  ${c.id}: AUC ratio median ${c.aucRatio?.median.toFixed(3)} (5–95 % ${c.aucRatio?.p5.toFixed(3)}–${c.aucRatio?.p95.toFixed(3)})\n`);
process.stdout.write(`${JSON.stringify({ speedupVsScipy, maxRelDiff, populationSeconds, speedupVsScipyFullLiver, populationCpuSeconds, populationInLsodaSolves, subjectCpuMs, subjectCpuMsGenericRhs, projectedTwoCoreSeconds })}\n`);
