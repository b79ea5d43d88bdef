/**
 * Figures of a benchmark run: per model and split, by enzyme, mechanism, victim class and the cannabis/kratom
 * subset, the worst outliers and the grey list. Human studies only; other species are a separate labelled set.
 */
import { BENCHMARK_MODELS, type BenchmarkEntry, type BenchmarkModel, type BenchmarkRun } from './run.js';
import { foldError, scoreSet, summaryFigures, type Metrics, type ScorePoint } from './score.js';
import type { SplitLabel } from './split.js';

export type SplitOrAll = SplitLabel | 'all';
export type ModelFigures = Record<SplitOrAll, Metrics>;
export const GROUP_DIMENSIONS = ['enzyme', 'mechanism', 'victimClass', 'subset'] as const;
export type GroupDimension = (typeof GROUP_DIMENSIONS)[number];

export interface Outlier {
  id: string;
  pair: string;
  split: SplitLabel;
  label: string;
  observed: number;
  predicted: number;
  foldError: number;
  answeredBy: string | null;
  cmaxObserved?: number;
  cmaxPredicted: number | null;
}

export interface GreyItem {
  id: string;
  label: string;
  models: BenchmarkModel[];
  message: string;
}

export interface BenchmarkFigures {
  /** Per model (best = the default best estimate), per split and all. */
  models: Record<BenchmarkModel, ModelFigures>;
  /** Cmax ratios, reported beside the AUC figures (all human studies with an observed Cmax ratio). */
  cmax: Record<BenchmarkModel, Metrics>;
  groups: Record<GroupDimension, Record<string, Record<BenchmarkModel, ModelFigures>>>;
  /** Non-human studies (e.g. rat CBD → mitragynine), by species, all splits together. */
  otherSpecies: Record<string, Record<BenchmarkModel, Metrics>>;
  outliers: Outlier[];
  grey: GreyItem[];
}

const point = (e: BenchmarkEntry, m: BenchmarkModel): ScorePoint => ({
  observed: e.observed.aucRatio,
  predicted: e.answers[m].aucRatio,
  low: e.answers[m].low,
  high: e.answers[m].high,
});

function figuresOf(entries: readonly BenchmarkEntry[]): Record<BenchmarkModel, ModelFigures> {
  const by = (m: BenchmarkModel, s: SplitOrAll): Metrics => scoreSet(entries.filter((e) => s === 'all' || e.split === s).map((e) => point(e, m)));
  return Object.fromEntries(BENCHMARK_MODELS.map((m) => [m, { tune: by(m, 'tune'), check: by(m, 'check'), all: by(m, 'all') }])) as Record<BenchmarkModel, ModelFigures>;
}

function groupKeys(e: BenchmarkEntry, d: GroupDimension): string[] {
  if (d === 'enzyme') return e.enzymes.length ? e.enzymes : ['unspecified'];
  if (d === 'mechanism') return [e.mechanism];
  if (d === 'victimClass') return [e.victimClass];
  return e.cannabisKratom ? ['cannabis/kratom'] : ['other'];
}

export const entryLabel = (e: BenchmarkEntry): string =>
  `${e.names.perpetrator} → ${e.names.analyte}${e.analyte !== e.victim ? ` (after ${e.names.victim})` : ''}`;

/** Every figure of a run. Outliers are ranked by the best estimate's fold error. */
export function summariseBenchmark(run: BenchmarkRun, outlierCount = 15): BenchmarkFigures {
  const human = run.entries.filter((e) => e.species === 'human');
  const groups = Object.fromEntries(
    GROUP_DIMENSIONS.map((d) => {
      const keys = [...new Set(human.flatMap((e) => groupKeys(e, d)))].sort();
      return [d, Object.fromEntries(keys.map((k) => [k, figuresOf(human.filter((e) => groupKeys(e, d).includes(k)))]))];
    }),
  ) as BenchmarkFigures['groups'];
  const species = [...new Set(run.entries.filter((e) => e.species !== 'human').map((e) => e.species))].sort();
  const otherSpecies = Object.fromEntries(
    species.map((s) => [s, Object.fromEntries(BENCHMARK_MODELS.map((m) => [m, scoreSet(run.entries.filter((e) => e.species === s).map((e) => point(e, m)))]))]),
  ) as BenchmarkFigures['otherSpecies'];
  const withCmax = human.filter((e) => e.observed.cmaxRatio !== undefined && e.observed.cmaxRatio > 0);
  const cmax = Object.fromEntries(
    BENCHMARK_MODELS.map((m) => [m, scoreSet(withCmax.map((e) => ({ observed: e.observed.cmaxRatio!, predicted: e.answers[m].cmaxRatio })))]),
  ) as Record<BenchmarkModel, Metrics>;
  const outliers = human
    .filter((e) => e.answers.best.aucRatio !== null && e.answers.best.aucRatio > 0)
    .map((e): Outlier => ({
      id: e.id,
      pair: e.pair,
      split: e.split,
      label: entryLabel(e),
      observed: e.observed.aucRatio,
      predicted: e.answers.best.aucRatio!,
      foldError: foldError(e.answers.best.aucRatio!, e.observed.aucRatio),
      answeredBy: e.answers.best.answeredBy,
      cmaxObserved: e.observed.cmaxRatio,
      cmaxPredicted: e.answers.best.cmaxRatio,
    }))
    .sort((a, b) => b.foldError - a.foldError || (a.id < b.id ? -1 : 1))
    .slice(0, outlierCount);
  const grey = run.entries
    .map((e): GreyItem | null => {
      const models = BENCHMARK_MODELS.filter((m) => e.answers[m].aucRatio === null);
      if (!models.length) return null;
      const messages = [...new Set(models.map((m) => e.answers[m].message ?? e.answers[m].status))];
      return { id: e.id, label: `${entryLabel(e)}${e.species !== 'human' ? ` [${e.species}]` : ''}`, models, message: messages.join(' | ') };
    })
    .filter((g): g is GreyItem => g !== null);
  return { models: figuresOf(human), cmax, groups, otherSpecies, outliers, grey };
}

/** The `--json` summary line (issue 11 §2): top-level tune/check are the best estimate's. */
export function summaryLine(run: BenchmarkRun, f: BenchmarkFigures) {
  const human = run.entries.filter((e) => e.species === 'human');
  const pick = (m: BenchmarkModel) => ({ tune: summaryFigures(f.models[m].tune), check: summaryFigures(f.models[m].check) });
  return {
    n: human.length,
    nCannabisKratom: human.filter((e) => e.cannabisKratom).length,
    tune: summaryFigures(f.models.best.tune),
    check: summaryFigures(f.models.best.check),
    models: { static: pick('static'), dynamic: pick('dynamic'), anchored: pick('anchored') },
  };
}
export type SummaryLine = ReturnType<typeof summaryLine>;
