import { describe, expect, it } from 'vitest';
import { KbIndex } from '../../kb/kb-index.js';
import type { ClinicalStudy, KbData, Substance } from '../../kb/types.js';
import { CrosstalkError } from '../../errors.js';
import type { Prediction, PredictRequest } from '../predict.js';
import { BENCHMARK_MODELS, requestFor, runBenchmark } from './run.js';
import { renderBenchmarkMarkdown, KB_VERSION_LINE } from './report.js';
import { summariseBenchmark, summaryLine } from './summarise.js';

const sub = (id: string, extra: Partial<Substance> = {}): Substance =>
  ({ id, name: id.toUpperCase(), kind: 'medicine', synonyms: [], brands: [], slang: [], latin: [], classes: [], constituents: [], metabolites: [], sources: [], ...extra }) as unknown as Substance;
const ratio = (value: number, verified = true, locator: string | null = 'Table 2') => ({ value, unit: 'ratio', source: 'src', verified, ...(locator ? { locator } : {}), original: { value, unit: 'ratio' } });
const study = (id: string, victim: string, perpetrator: string, auc: number, extra: Partial<ClinicalStudy> = {}): ClinicalStudy =>
  ({ id, kind: 'interaction', victim, perpetrator, species: 'human', enzymes: ['cyp3a4'], evidence: 'human_controlled', sources: ['src'], aucRatio: ratio(auc), ...extra }) as ClinicalStudy;

function kbOf(clinical: ClinicalStudy[]): KbIndex {
  const data = {
    version: 'abc123',
    substances: [
      sub('midazolam'),
      sub('keto'),
      sub('cbd', { kind: 'compound', classes: ['phytocannabinoid'], metabolites: [{ substance: '7-oh-cbd', sources: [] }] } as Partial<Substance>),
      sub('7-oh-cbd', { kind: 'metabolite' }),
      sub('cbd-oil', { kind: 'product', constituents: [{ substance: 'cbd', sources: [] }] } as Partial<Substance>),
      sub('broken'),
    ],
    targets: [],
    relations: [],
    pk: [],
    findings: [],
    sources: [{ id: 'src', type: 'article', title: 'A study', doi: '10.1000/x' }],
    legal: [],
    effects: [],
    clinical,
    risks: [],
  } as unknown as KbData;
  return new KbIndex(data);
}

/** A stand-in model: answers 2 × the perpetrator's name length, grey for `keto` with the dynamic model, throws for `broken`. */
function fake(_kb: KbIndex, req: PredictRequest): Prediction {
  if (req.victim === 'broken') throw new CrosstalkError('INPUT_INVALID', 'victimDose: unit "mgg" is not known', { field: 'victimDose' });
  const grey = req.model === 'dynamic' && req.perpetrator === 'keto';
  return {
    status: grey ? 'grey' : 'predicted',
    model: grey ? 'none' : (req.model ?? 'static'),
    aucRatio: grey ? null : 4,
    cmaxRatio: grey ? null : 2,
    range: grey ? null : { low: 3, high: 6, method: 'test' },
    missing: grey ? ['no clearance for keto'] : [],
    technical: '',
  } as unknown as Prediction;
}

describe('benchmark run (issue 11 §2)', () => {
  const clinical = [
    study('a', 'midazolam', 'keto', 4, { victimDose: '2 mg', perpetratorDose: '400 mg qd 4d', victimAtH: 73, weightKg: 80 }),
    study('b', 'midazolam', 'cbd-oil', 1.5),
    study('c', 'midazolam', 'keto', 5, { aucRatio: ratio(5, false) }), // unverified: not scored
    study('d', 'midazolam', 'keto', 5, { aucRatio: ratio(5, true, null) }), // no locator: not scored
    study('e', 'broken', 'keto', 2),
    study('f', 'midazolam', 'cbd', 3, { species: 'rat' }),
    study('g', 'midazolam', 'keto', 1, { aucRatio: undefined }),
    { id: 'p', kind: 'pharmacogenetic', victim: 'midazolam', species: 'human', enzymes: ['cyp3a4'], comparison: { test: 'PM', reference: 'NM' }, evidence: 'human_controlled', sources: ['src'], aucRatio: ratio(3) } as unknown as ClinicalStudy,
  ];
  const kb = kbOf(clinical);
  const run = runBenchmark(kb, { predictor: fake });

  it('builds the request from the design', () => {
    expect(requestFor(clinical[0] as ClinicalStudy & { perpetrator: string })).toEqual({ victim: 'midazolam', perpetrator: 'keto', victimDose: '2 mg', perpetratorDose: '400 mg qd 4d', victimAt: 73, weightKg: 80, everydayUse: false });
  });

  it('scores verified interaction records with a locator; reports the verified share and what is kept unscored', () => {
    expect(run.entries.map((e) => e.id)).toEqual(['a', 'b', 'e', 'f']);
    expect(run.counts).toMatchObject({ humanWithAucRatio: 5, humanScored: 3, notVerified: ['c', 'd'], withoutAucRatio: 1, pharmacogenetic: 1 });
    expect(run.counts.verifiedShare).toBeCloseTo(3 / 5, 12);
  });

  it('design gaps name the fields a prediction had to default', () => {
    expect(run.entries.find((x) => x.id === 'a')!.designGaps).toEqual([]);
    expect(run.entries.find((x) => x.id === 'b')!.designGaps).toEqual(['victimDose', 'perpetratorDose', 'victimAtH']);
    expect(renderBenchmarkMarkdown(run, summariseBenchmark(run), 'x')).toContain('- `victimAtH` missing (3): b, e, f');
  });

  it('an error for one study is a grey entry with its message, never a crash', () => {
    const e = run.entries.find((x) => x.id === 'e')!;
    expect(e.answers.best).toMatchObject({ status: 'error', aucRatio: null });
    expect(e.answers.best.message).toContain('INPUT_INVALID');
    expect(run.entries.find((x) => x.id === 'a')!.answers.dynamic).toMatchObject({ status: 'grey', message: 'no clearance for keto' });
  });

  it('the cannabis/kratom subset follows classes, constituents and metabolites', () => {
    expect(run.entries.find((x) => x.id === 'b')!.cannabisKratom).toBe(true);
    expect(run.entries.find((x) => x.id === 'a')!.cannabisKratom).toBe(false);
  });

  it('figures: human only, other species apart; the summary line has the issue-11 shape', () => {
    const f = summariseBenchmark(run);
    expect(f.models.best.all.n).toBe(3);
    expect(f.otherSpecies.rat!.best.n).toBe(1);
    expect(f.grey.map((g) => g.id)).toEqual(['a', 'e']);
    const line = summaryLine(run, f);
    expect(Object.keys(line)).toEqual(['n', 'nCannabisKratom', 'tune', 'check', 'models']);
    expect(Object.keys(line.tune)).toEqual(['n', 'answered', 'within2', 'guest', 'gmfe', 'bias', 'coverage']);
    // every model named in the request besides the best estimate (static, dynamic, and any model added later)
    expect(Object.keys(line.models)).toEqual(BENCHMARK_MODELS.filter((m) => m !== 'best'));
    expect(line.n).toBe(3);
    expect(line.nCannabisKratom).toBe(1);
    expect(line.tune.n + line.check.n).toBe(3);
  });

  it('the report states the KB version and code revision on the lines the freshness test reads', () => {
    const md = renderBenchmarkMarkdown(run, summariseBenchmark(run), 'deadbee');
    expect(md.match(KB_VERSION_LINE)?.[1]).toBe('abc123');
    expect(md).toContain('Code revision: `deadbee`');
    expect(md).toContain('## The 2 worst outliers');
  });
});
