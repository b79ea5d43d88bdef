/** The clinical interaction benchmark (issue 11): split, metrics, run, figures and the generated report. */
export { fnv1a32, labelOfPair, pairKey, reconcileSplit, SPLIT_LABELS, splitLabels } from './split.js';
export type { SplitCheck, SplitLabel } from './split.js';
export { foldError, GUEST_DELTA, guestBand, guestLimit, NO_EFFECT_BAND, scoreSet, summaryFigures, withinGuest, withinTwoFold } from './score.js';
export type { Metrics, ScorePoint } from './score.js';
export { FLAGSHIP_CLASSES, flagshipSubstances, inSubset } from './subset.js';
export { BENCHMARK_MODELS, DESIGN_FIELDS, requestFor, runBenchmark } from './run.js';
export type { BenchmarkEntry, BenchmarkModel, BenchmarkRun, DesignField, ModelAnswer, RunOptions } from './run.js';
export { entryLabel, GROUP_DIMENSIONS, summariseBenchmark, summaryLine } from './summarise.js';
export type { BenchmarkFigures, GreyItem, GroupDimension, ModelFigures, Outlier, SplitOrAll, SummaryLine } from './summarise.js';
export { KB_VERSION_LINE, renderBenchmarkMarkdown } from './report.js';
