/**
 * Run the clinical benchmark (issue 11 §2): predict every scored study in `kb/clinical` from its design with each
 * model and with the best estimate, and keep predicted beside observed. The observed ratios are read only here, to
 * score; nothing flows back into a prediction. One study that fails becomes a grey entry with its message.
 *
 * @example const run = runBenchmark(kb, { labels }); run.entries.length
 */
import { isCrosstalkError } from '../../errors.js';
import type { KbIndex } from '../../kb/kb-index.js';
import type { ClinicalStudy } from '../../kb/types.js';
import { predict } from '../../predict.js';
import type { PredictOptions, Prediction, PredictRequest } from '../predict.js';
import { sourceLabel, sourceUrl } from '../evidence/labels.js';
import { phenotypesOfGenotype } from './genotype.js';
import { withinGuest, withinTwoFold } from './score.js';
import { flagshipSubstances, inSubset } from './subset.js';
import { pairKey, splitLabels, type SplitLabel } from './split.js';

/** `best` is what `predict` answers with no model named; the others force one model. */
export const BENCHMARK_MODELS = ['best', 'static', 'dynamic', 'anchored'] as const;
export type BenchmarkModel = (typeof BENCHMARK_MODELS)[number];

/** One model's answer to one study. `aucRatio` is null for grey answers and errors. */
export interface ModelAnswer {
  status: Prediction['status'] | 'error';
  /** The model that actually answered (a metabolite question goes to the dynamic model whatever was asked). */
  answeredBy: Prediction['model'] | null;
  aucRatio: number | null;
  cmaxRatio: number | null;
  low: number | null;
  high: number | null;
  /** Scored against the observed AUC ratio; null when there is no number. */
  within2: boolean | null;
  guest: boolean | null;
  /** Why there is no number (grey: what is missing; error: the error's code and message). */
  message?: string;
}

export const DESIGN_FIELDS = ['victimDose', 'perpetratorDose', 'victimAtH'] as const;
export type DesignField = (typeof DESIGN_FIELDS)[number];

export interface BenchmarkEntry {
  id: string;
  pair: string;
  split: SplitLabel;
  species: string;
  victim: string;
  perpetrator: string;
  analyte: string;
  names: { victim: string; perpetrator: string; analyte: string };
  design: { victimDose?: string; perpetratorDose?: string; victimAtH?: number; weightKg?: number; doseNote?: string };
  /** Design fields the record lacks, so the prediction fell back on a default (usual dose, dosing together). */
  designGaps: DesignField[];
  n?: number;
  observed: { aucRatio: number; low?: number; high?: number; cmaxRatio?: number; statistic?: string; interval?: string; locator?: string; source: string };
  enzymes: string[];
  mechanism: string;
  victimClass: string;
  cannabisKratom: boolean;
  devId?: string;
  sources: { id: string; label: string; url?: string }[];
  answers: Record<BenchmarkModel, ModelAnswer>;
}

export interface BenchmarkRun {
  kbVersion: string;
  /** Scored studies: interaction records with a numeric, verified AUC ratio read at a stated locator. */
  entries: BenchmarkEntry[];
  counts: {
    /** Interaction records with a numeric AUC ratio, human (the denominator of the verified share). */
    humanWithAucRatio: number;
    humanScored: number;
    verifiedShare: number | null;
    /** Human records not scored because their ratio is unverified or has no locator. */
    notVerified: string[];
    /** Interaction records without a numeric AUC ratio (kept for display, not scored). */
    withoutAucRatio: number;
    /** Pharmacogenetic records: kept, not scored as interactions. */
    pharmacogenetic: number;
  };
}

export interface RunOptions {
  /** The committed split labels; a pair they lack gets its computed label. */
  labels?: Readonly<Record<string, SplitLabel>>;
  predictOptions?: PredictOptions;
  /** Injected for tests; the benchmark calls the public `predict`. */
  predictor?: (kb: KbIndex, req: PredictRequest, opts: PredictOptions) => Prediction;
}

type Scorable = ClinicalStudy & { perpetrator: string; aucRatio: NonNullable<ClinicalStudy['aucRatio']> };

const isScorable = (c: ClinicalStudy): c is Scorable =>
  c.kind === 'interaction' && c.perpetrator !== undefined && c.aucRatio !== undefined && Number.isFinite(c.aucRatio.value) && c.aucRatio.value > 0;
const isVerified = (c: Scorable): boolean => c.aucRatio.verified && !!c.aucRatio.locator;

function answer(kb: KbIndex, req: PredictRequest, opts: RunOptions, observed: number): ModelAnswer {
  try {
    const p = (opts.predictor ?? predict)(kb, req, opts.predictOptions ?? {});
    const grey = p.status === 'grey' || p.aucRatio === null;
    return {
      status: p.status,
      answeredBy: p.model,
      aucRatio: grey ? null : p.aucRatio,
      within2: grey ? null : withinTwoFold(p.aucRatio!, observed),
      guest: grey ? null : withinGuest(p.aucRatio!, observed),
      cmaxRatio: grey ? null : p.cmaxRatio,
      low: p.range?.low ?? null,
      high: p.range?.high ?? null,
      ...(grey ? { message: p.missing.join('; ') || p.technical } : {}),
    };
  } catch (e) {
    const message = isCrosstalkError(e) ? `${e.code}: ${e.message}` : `unexpected error (a bug): ${(e as Error)?.message ?? String(e)}`;
    return { status: 'error', answeredBy: null, aucRatio: null, within2: null, guest: null, cmaxRatio: null, low: null, high: null, message };
  }
}

/** The prediction request a study's design gives: both regimens, the analyte, the victim's timing and weight. */
export function requestFor(c: ClinicalStudy & { perpetrator: string }): PredictRequest {
  return {
    victim: c.victim,
    perpetrator: c.perpetrator,
    ...(c.analyte && c.analyte !== c.victim ? { analyte: c.analyte } : {}),
    ...(c.victimDose ? { victimDose: c.victimDose } : {}),
    ...(c.perpetratorDose ? { perpetratorDose: c.perpetratorDose } : {}),
    ...(c.victimAtH !== undefined ? { victimAt: c.victimAtH } : {}),
    ...(c.victimRoute !== undefined ? { victimRoute: c.victimRoute } : {}),
    ...(Object.keys(phenotypesOfGenotype(c.genotype)).length ? { phenotypes: phenotypesOfGenotype(c.genotype) } : {}),
    ...(c.weightKg !== undefined ? { weightKg: c.weightKg } : {}),
    // A study's dose is what it states; an everyday usage pattern never stands in for one it does not (REQ-14.3).
    everydayUse: false,
  };
}

/** Predict every scored study with every model. Pure: the KB and the committed labels in, entries out. */
export function runBenchmark(kb: KbIndex, opts: RunOptions = {}): BenchmarkRun {
  const labels = { ...splitLabels(kb.data.clinical), ...(opts.labels ?? {}) };
  const flagship = flagshipSubstances(kb);
  const scorable = kb.data.clinical.filter(isScorable);
  const human = scorable.filter((c) => c.species === 'human');
  const scored = scorable.filter(isVerified);
  const name = (id: string): string => kb.substance(id)?.name ?? id;
  const entries = scored.map((c): BenchmarkEntry => {
    const req = requestFor(c);
    const analyte = c.analyte ?? c.victim;
    const pair = pairKey(c.victim, c.perpetrator);
    const q = c.aucRatio;
    return {
      id: c.id,
      pair,
      split: labels[pair] ?? 'tune',
      species: c.species,
      victim: c.victim,
      perpetrator: c.perpetrator,
      analyte,
      names: { victim: name(c.victim), perpetrator: name(c.perpetrator), analyte: name(analyte) },
      design: { victimDose: c.victimDose, perpetratorDose: c.perpetratorDose, victimAtH: c.victimAtH, weightKg: c.weightKg, doseNote: c.doseNote },
      designGaps: DESIGN_FIELDS.filter((f) => c[f] === undefined),
      n: c.n,
      observed: { aucRatio: q.value, low: q.low, high: q.high, cmaxRatio: c.cmaxRatio?.value, statistic: c.statistic, interval: c.interval, locator: q.locator, source: q.source },
      enzymes: c.enzymes,
      mechanism: c.mechanism ?? 'unspecified',
      victimClass: c.victimClass ?? 'unspecified',
      cannabisKratom: inSubset(c, flagship),
      devId: c.devId,
      sources: c.sources.map((id) => {
        const s = kb.source(id);
        return { id, label: s ? sourceLabel(s) : id, url: s ? sourceUrl(s) : undefined };
      }),
      answers: {
        best: answer(kb, req, opts, q.value),
        static: answer(kb, { ...req, model: 'static' }, opts, q.value),
        dynamic: answer(kb, { ...req, model: 'dynamic' }, opts, q.value),
        anchored: answer(kb, { ...req, model: 'anchored' }, opts, q.value),
      },
    };
  });
  const humanScored = entries.filter((e) => e.species === 'human').length;
  return {
    kbVersion: kb.data.version,
    entries,
    counts: {
      humanWithAucRatio: human.length,
      humanScored,
      verifiedShare: human.length ? humanScored / human.length : null,
      notVerified: human.filter((c) => !isVerified(c)).map((c) => c.id),
      withoutAucRatio: kb.data.clinical.filter((c) => c.kind === 'interaction' && !isScorable(c)).length,
      pharmacogenetic: kb.data.clinical.filter((c) => c.kind === 'pharmacogenetic').length,
    },
  };
}
