/**
 * `crosstalk simulate <substance:regimen...>` — dynamic interaction simulation (MODEL.md §2–3).
 * Example: crosstalk simulate "kratom:2 g qd 7d" "cbd:300 mg qd 7d" --population 5000 --svg curves.svg
 */
import type { Command } from 'commander';
import cliProgress from 'cli-progress';
import { fail } from '../../core/index.js';
import { simulateInteraction, type InteractionResult } from '../../core/index.js';
import { parsePhenotype, type Phenotype } from '../../core/index.js';
import { planItemsFromArgs, planSimulation } from '../../core/index.js';
import type { PopulationSummary } from '../../core/index.js';
import { renderSvg, type PlotPanel } from '../../core/index.js';
import { runPopulationParallel } from '../../node/population-pool.js';
import type { CliDeps } from '../io.js';

interface SimulateOptions {
  species: string;
  population?: string;
  phenotype: string[];
  ancestry: string;
  seed: string;
  csv?: string;
  svg?: string;
  json?: boolean;
  weight?: string;
  days?: string;
  workers?: string;
}

function num(v: string | undefined, field: string, check: (x: number) => boolean, what: string): number | undefined {
  if (v === undefined) return undefined;
  const x = Number(v);
  if (!Number.isFinite(x) || !check(x)) fail('INPUT_OUT_OF_RANGE', { field: `--${field}`, value: v, expected: what }, { field });
  return x;
}

const COLORS = ['#1f77b4', '#d62728', '#2ca02c', '#9467bd', '#ff7f0e', '#8c564b'];

export function svgFor(r: InteractionResult, pop: PopulationSummary | null): string {
  const grid = r.gridH ?? [];
  const panels: PlotPanel[] = r.compounds.filter((c) => c.curves).map((c, k) => {
    const color = COLORS[k % COLORS.length]!;
    const mw = c.mwGPerMol;
    const series = [{ label: 'combined', timesH: grid, values: c.curves!.combined.cpNgPerMl, color }];
    if (c.curves!.alone) series.push({ label: `${c.group} alone`, timesH: grid, values: c.curves!.alone.cpNgPerMl, color: '#555', dashed: true } as never);
    const band = pop?.bands?.compounds.find((b) => b.id === c.id);
    const bands = band && pop?.bands
      ? [
          { label: `combined 5–95 % (n=${pop.bands.subjects})`, timesH: pop.bands.gridH, low: band.combined.p5.map((x) => x * mw), high: band.combined.p95.map((x) => x * mw), color },
          ...(band.alone ? [{ label: 'alone 5–95 %', timesH: pop.bands.gridH, low: band.alone.p5.map((x) => x * mw), high: band.alone.p95.map((x) => x * mw), color: '#777' }] : []),
        ]
      : [];
    const ratio = c.ratios?.aucRatio ? ` — AUC ratio ${c.ratios.aucRatio.toFixed(2)} (${c.ratios.aucMetric})` : '';
    return { title: `${c.id} (${c.group})${ratio}`, yUnit: 'ng/mL', series, bands };
  });
  return renderSvg(panels, { title: 'Crosstalk simulation: alone vs combined' });
}

function csvFor(r: InteractionResult): string {
  const cols = ['time_h', ...r.compounds.flatMap((c) => [`${c.id}_combined_uM`, `${c.id}_combined_ng_per_mL`, ...(c.curves?.alone ? [`${c.id}_alone_uM`, `${c.id}_alone_ng_per_mL`] : [])])];
  const rows = (r.gridH ?? []).map((t, i) => [t, ...r.compounds.flatMap((c) => [
    c.curves!.combined.cpUM[i]!, c.curves!.combined.cpNgPerMl[i]!,
    ...(c.curves?.alone ? [c.curves.alone.cpUM[i]!, c.curves.alone.cpNgPerMl[i]!] : []),
  ])].map((v) => (typeof v === 'number' ? Number(v.toPrecision(8)) : v)).join(','));
  return `${cols.join(',')}\n${rows.join('\n')}\n`;
}

/** Ratios within this band of 1 are shown in one summary line instead of per compound. */
const UNCHANGED_BAND = 0.02;
const within = (x: number | null | undefined): boolean => x === null || x === undefined || Math.abs(x - 1) <= UNCHANGED_BAND;
const PHENOTYPE_ORDER = ['PM', 'IM', 'NM', 'RM', 'UM'];

function text(r: InteractionResult, pop: PopulationSummary | null, notes: string[]): string {
  const f = (x: number | null | undefined, d = 3): string => (x === null || x === undefined ? '—' : x.toPrecision(d));
  const out: string[] = [];
  const quiet: string[] = [];
  for (const c of r.compounds) {
    if (c.ratios && within(c.ratios.aucRatio) && within(c.ratios.cmaxRatio) && Math.abs(c.ratios.tmaxShiftH ?? 0) <= 0.05) { quiet.push(c.id); continue; }
    out.push(`${c.id} (${c.group}): Cmax ${f(c.combined.cmaxUM * c.mwGPerMol)} ng/mL at ${f(c.combined.tmaxH)} h; AUC0-t ${f(c.combined.aucUMH)} µM·h; t½ ${f(c.combined.halfLifeH)} h`);
    if (c.ratios) out.push(`  vs alone: AUC ratio ${f(c.ratios.aucRatio)} (${c.ratios.aucMetric}), Cmax ratio ${f(c.ratios.cmaxRatio)}, Tmax shift ${f(c.ratios.tmaxShiftH, 2)} h`);
    for (const e of c.explanations) out.push(`  · ${e}`);
  }
  if (quiet.length) out.push(`unchanged (AUC and Cmax ratios within ${100 * UNCHANGED_BAND} %, Tmax within 0.05 h): ${quiet.join(', ')}`);
  if (pop) {
    out.push(`population: n = ${pop.n}, seed ${pop.seed} (${pop.rng}), ancestry ${pop.ancestry}`);
    const dist = (d: { median: number; p5: number; p95: number } | null | undefined): string => (d ? `${f(d.median)} (5–95 % ${f(d.p5)}–${f(d.p95)})` : '—');
    const popQuiet: string[] = [];
    for (const c of pop.compounds) {
      if (!c.aucRatio) continue;
      const flat = (d: { min: number; max: number } | null): boolean => !d || (within(d.min) && within(d.max));
      if (flat(c.aucRatio) && flat(c.cmaxRatio)) { popQuiet.push(c.id); continue; }
      out.push(`  ${c.id}: AUC ratio median ${dist(c.aucRatio)}; Cmax ratio median ${dist(c.cmaxRatio)}; share ≥ 1.25: ${(100 * (c.shareAbove['1.25'] ?? 0)).toFixed(1)} %`);
      for (const [enzyme, groups] of Object.entries(c.byPhenotype)) {
        const rows = Object.entries(groups).filter(([, d]) => d)
          .sort(([a], [b]) => (PHENOTYPE_ORDER.indexOf(a) + 1 || 99) - (PHENOTYPE_ORDER.indexOf(b) + 1 || 99))
          .map(([ph, d]) => `${ph} ${dist(d)} n=${d!.n}`);
        if (rows.length) out.push(`    AUC ratio by ${enzyme.toUpperCase()}: ${rows.join('; ')}`);
      }
    }
    if (popQuiet.length) out.push(`  every subject within ${100 * UNCHANGED_BAND} % (AUC and Cmax ratios): ${popQuiet.join(', ')}`);
    for (const p of pop.pgx) out.push(`  ${p.enzyme.toUpperCase()}: ${Object.entries(p.counts).map(([k, v]) => `${k} ${v}`).join(', ')}${p.notes.length ? ` (${p.notes.join('; ')})` : ''}`);
  }
  if (notes.length) out.push('notes:', ...notes.map((n) => `  - ${n}`));
  return `${out.join('\n')}\n`;
}

export function registerSimulate(program: Command, deps: CliDeps): void {
  program
    .command('simulate')
    .description('Simulate substances together and alone over time (dynamic model, MODEL.md §2)')
    .argument('<items...>', 'substance:regimen, e.g. "kratom:2 g qd 7d" "cbd:300 mg qd 7d"')
    .option('--species <species>', 'human or rat', 'human')
    .option('--population <n>', 'simulate n virtual subjects')
    .option('--phenotype <enzyme=phenotype>', 'fix a phenotype, e.g. CYP2D6=PM (repeatable)', (v: string, acc: string[]) => [...acc, v], [] as string[])
    .option('--ancestry <name>', 'phenotype frequency table (european, east-asian)', 'european')
    .option('--seed <seed>', 'random seed (same seed → identical runs)', '1')
    .option('--csv <file>', 'write concentration–time curves as CSV')
    .option('--svg <file>', 'write a concentration–time plot as SVG')
    .option('--json', 'print JSON')
    .option('--weight <kg>', 'body weight in kg')
    .option('--days <n>', 'simulated days (horizon)')
    .option('--workers <n>', 'threads for populations, the main one included (default: CPU count)')
    .action(async (items: string[], o: SimulateOptions) => {
      if (o.species !== 'human' && o.species !== 'rat') fail('INPUT_NOT_ONE_OF', { field: '--species', value: o.species, allowed: ['human', 'rat'] }, { field: 'species' });
      const n = num(o.population, 'population', (x) => Number.isInteger(x) && x >= 1 && x <= 1_000_000, 'an integer from 1 to 1,000,000');
      const seed = num(o.seed, 'seed', (x) => Number.isInteger(x) && x >= 0 && x < 2 ** 32, 'an integer 0 … 2^32−1')!;
      const weightKg = num(o.weight, 'weight', (x) => x > 0 && x < 500, 'a body weight in kg');
      const days = num(o.days, 'days', (x) => x > 0 && x <= 365, 'a number of days (0–365)');
      const workers = num(o.workers, 'workers', (x) => Number.isInteger(x) && x >= 1 && x <= 64, 'an integer 1–64');
      const fixed: Record<string, Phenotype> = {};
      for (const p of o.phenotype) { const x = parsePhenotype(p); fixed[x.enzyme] = x.phenotype; }
      const kb = deps.getKb();
      const plan = planSimulation(kb, planItemsFromArgs(items), { species: o.species, ...(weightKg !== undefined ? { weightKg } : {}), ...(days !== undefined ? { days } : {}) });
      const grid = Array.from({ length: 241 }, (_, k) => (plan.tEndH * k) / 240);
      const result = simulateInteraction({ drugs: plan.drugs, physiology: plan.physiology, groups: plan.groups, doses: plan.doses, tEndH: plan.tEndH, gridH: grid });
      let pop: PopulationSummary | null = null;
      if (n !== undefined) {
        let bar: cliProgress.SingleBar | null = null;
        const started = performance.now();
        pop = await runPopulationParallel({
          drugs: plan.drugs, physiology: plan.physiology, groups: plan.groups, doses: plan.doses, tEndH: plan.tEndH,
          n, seed, ancestry: o.ancestry, fixedPhenotypes: fixed,
          bandGridH: Array.from({ length: 121 }, (_, k) => (plan.tEndH * k) / 120), bandSubjects: Math.min(n, 500),
        }, {
          ...(workers !== undefined ? { workers } : {}),
          onProgress: (done, total) => {
            // a progress bar on stderr only for runs longer than a second
            const stream = deps.progressStream;
            if (!bar && stream && performance.now() - started > 1000 && stream.isTTY !== undefined) {
              bar = new cliProgress.SingleBar({ stream, format: 'subjects {bar} {value}/{total} ({percentage} %)' }, cliProgress.Presets.shades_classic);
              bar.start(total, done);
            }
            bar?.update(done);
          },
        });
        (bar as cliProgress.SingleBar | null)?.stop();
      }
      if (o.csv) deps.writeFile(o.csv, csvFor(result), '--csv');
      if (o.svg) deps.writeFile(o.svg, svgFor(result, pop), '--svg');
      if (o.json) {
        deps.printJson({ regimens: plan.regimens, species: o.species, tEndH: plan.tEndH, parameters: plan.parameters, notes: plan.notes, indirect: plan.indirect, result, population: pop });
      } else deps.write(text(result, pop, plan.notes));
    });
}
