/**
 * The Validation page (/validation): predicted against observed AUC ratios of every scored clinical study, on
 * log–log axes with the identity line, the 2-fold band and the Guest et al. band; filterable by model, enzyme,
 * subset, split and species. Each point links to its row below, which links to the study's source and to the
 * pair's page in the app. Data: GET /api/benchmark (build/benchmark.json, written by `crosstalk benchmark`).
 */
import * as Plot from '@observablehq/plot';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { BenchmarkEntry, BenchmarkModel, SummaryLine } from '../../../core/index.js';
import { PageTop } from './PageTop.js';
import { NOTICE } from '../notice.js';

export interface BenchmarkData {
  kbVersion: string;
  revision: string;
  runSeconds?: number;
  summary: SummaryLine;
  guestBand: { observed: number; low: number; high: number }[];
  entries: BenchmarkEntry[];
}

/** Labels of the models the benchmark knows today; a model added later shows under its id. */
const MODEL_LABEL: Record<string, string> = { best: 'Best estimate', static: 'Static model', dynamic: 'Dynamic model', anchored: 'Anchored model' };

interface Point {
  e: BenchmarkEntry;
  observed: number;
  predicted: number;
  split: string;
}

const fmt = (x: number): string => (x >= 10 ? x.toFixed(1) : x >= 0.1 ? x.toFixed(2) : x.toPrecision(2));
const pct = (k: number, n: number): string => (n ? `${Math.round((100 * k) / n)} %` : '—');
export const studyAnchor = (id: string): string => `study-${id}`;
/** The pair's page in the app: `?s=victim,perpetrator` (see url-state.ts). */
export const pairHref = (e: Pick<BenchmarkEntry, 'victim' | 'perpetrator'>): string => `/?s=${encodeURIComponent(e.victim)},${encodeURIComponent(e.perpetrator)}`;

function ValidationPlot({ points, band }: { points: Point[]; band: BenchmarkData['guestBand'] }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const vals = points.flatMap((p) => [p.observed, p.predicted]);
    const lo = Math.min(0.05, ...vals) / 1.5;
    const hi = Math.max(20, ...vals) * 1.5;
    const line = band.filter((b) => b.observed >= lo && b.observed <= hi);
    const width = Math.max(320, Math.min(760, el.clientWidth || 640));
    const chart = Plot.plot({
      width,
      height: Math.min(width, 640),
      marginLeft: 56,
      x: { type: 'log', domain: [lo, hi], label: 'Observed AUC ratio (log scale)', grid: true, tickFormat: '~g' },
      y: { type: 'log', domain: [lo, hi], label: 'Predicted AUC ratio (log scale)', grid: true, tickFormat: '~g' },
      color: { domain: ['tune', 'check'], range: ['#1d4ed8', '#b45309'], legend: true },
      marks: [
        Plot.areaY(line, { x: 'observed', y1: 'low', y2: 'high', fill: '#16a34a', fillOpacity: 0.2, clip: true }),
        Plot.lineY(line, { x: 'observed', y: (b: { observed: number }) => b.observed / 2, stroke: '#6b7280', strokeDasharray: '5,4', clip: true }),
        Plot.lineY(line, { x: 'observed', y: (b: { observed: number }) => b.observed * 2, stroke: '#6b7280', strokeDasharray: '5,4', clip: true }),
        Plot.lineY(line, { x: 'observed', y: 'observed', stroke: '#111827', clip: true }),
        Plot.dot(points, {
          x: 'observed',
          y: 'predicted',
          fill: 'split',
          r: 5,
          stroke: '#fff',
          href: (p: Point) => `#${studyAnchor(p.e.id)}`,
          title: (p: Point) => `${p.e.names.perpetrator} → ${p.e.names.analyte} (${p.e.id})\nobserved ×${fmt(p.observed)}, predicted ×${fmt(p.predicted)}\n${p.split}; click for the study and the pair`,
        }),
      ],
    });
    el.replaceChildren(chart);
    return () => chart.remove();
  }, [points, band]);
  return (
    <div
      ref={ref}
      className="plot"
      data-testid="validation-plot"
      role="img"
      aria-label={`Predicted against observed AUC ratios of ${points.length} studies, log–log, with the identity line, the 2-fold limits (dashed) and the Guest band (green). The table below lists every study.`}
    />
  );
}

export function Validation() {
  const [data, setData] = useState<BenchmarkData | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [model, setModel] = useState<BenchmarkModel>('best');
  const [enzyme, setEnzyme] = useState('all');
  const [subset, setSubset] = useState<'all' | 'cannabis-kratom' | 'other'>('all');
  const [split, setSplit] = useState<'all' | 'tune' | 'check'>('all');
  const [species, setSpecies] = useState('human');
  const [serverKb, setServerKb] = useState<string | null>(null);

  useEffect(() => {
    fetch('/api/benchmark')
      .then(async (r) => {
        if (!r.ok) throw new Error(((await r.json().catch(() => ({}))) as { message?: string }).message ?? `The server answered ${r.status}.`);
        return (await r.json()) as BenchmarkData;
      })
      .then(setData, (e: unknown) => setError((e as Error).message));
    // The server's KB may be newer than the last benchmark run: say so rather than show stale figures as current.
    fetch('/api/kb')
      .then((r) => (r.ok ? (r.json() as Promise<{ version?: string }>) : null))
      .then((k) => setServerKb(k?.version ?? null), () => setServerKb(null));
  }, []);

  const entries = data?.entries ?? [];
  const models = useMemo(() => (entries[0] ? (Object.keys(entries[0].answers) as BenchmarkModel[]) : ['best' as BenchmarkModel]), [entries]);
  const enzymes = useMemo(() => [...new Set(entries.flatMap((e) => e.enzymes))].sort(), [entries]);
  const speciesList = useMemo(() => [...new Set(entries.map((e) => e.species))].sort(), [entries]);
  const shown = useMemo(
    () =>
      entries.filter(
        (e) =>
          e.species === species &&
          (enzyme === 'all' || e.enzymes.includes(enzyme)) &&
          (subset === 'all' || (subset === 'cannabis-kratom') === e.cannabisKratom) &&
          (split === 'all' || e.split === split),
      ),
    [entries, species, enzyme, subset, split],
  );
  const points = useMemo(
    () => shown.flatMap((e): Point[] => (e.answers[model].aucRatio !== null && e.answers[model].aucRatio! > 0 ? [{ e, observed: e.observed.aucRatio, predicted: e.answers[model].aucRatio!, split: e.split }] : [])),
    [shown, model],
  );

  if (error) return <p className="error" role="alert">{error}</p>;
  if (!data) return <p role="status">Loading the benchmark…</p>;
  const answered = points.length;
  const within2 = shown.filter((e) => e.answers[model].within2).length;
  const guest = shown.filter((e) => e.answers[model].guest).length;
  const logs = points.map((p) => Math.log10(p.predicted / p.observed));
  const gmfe = logs.length ? 10 ** (logs.reduce((a, x) => a + Math.abs(x), 0) / logs.length) : null;
  const bias = logs.length ? 10 ** (logs.reduce((a, x) => a + x, 0) / logs.length) : null;

  return (
    <section className="validation" aria-labelledby="validation-title">
      <h2 id="validation-title">Validation: predicted against observed</h2>
      <p className="muted">
        Every human interaction study in the knowledge base with a verified AUC ratio, predicted from its design and compared with what was observed. Pairs are split once into <em>tune</em> (used to choose global settings) and <em>check</em> (never used for that). Knowledge base {data.kbVersion}, code {data.revision}.
      </p>
      {serverKb && serverKb !== data.kbVersion && (
        <p className="notice-box" role="note" data-testid="benchmark-stale">
          This benchmark was run on knowledge base {data.kbVersion}; the server now has {serverKb}. Rerun <code>crosstalk benchmark</code> for current figures.
        </p>
      )}
      <form className="filters" aria-label="Filter the studies" onSubmit={(ev) => ev.preventDefault()}>
        <label>
          Model{' '}
          <select value={model} onChange={(ev) => setModel(ev.target.value as BenchmarkModel)}>
            {models.map((m) => (
              <option key={m} value={m}>{MODEL_LABEL[m] ?? m}</option>
            ))}
          </select>
        </label>
        <label>
          Enzyme{' '}
          <select value={enzyme} onChange={(ev) => setEnzyme(ev.target.value)}>
            <option value="all">All</option>
            {enzymes.map((z) => (
              <option key={z} value={z}>{z.toUpperCase()}</option>
            ))}
          </select>
        </label>
        <label>
          Subset{' '}
          <select value={subset} onChange={(ev) => setSubset(ev.target.value as typeof subset)}>
            <option value="all">All</option>
            <option value="cannabis-kratom">Cannabis and kratom</option>
            <option value="other">Other medicines</option>
          </select>
        </label>
        <label>
          Split{' '}
          <select value={split} onChange={(ev) => setSplit(ev.target.value as typeof split)}>
            <option value="all">Tune and check</option>
            <option value="tune">Tune</option>
            <option value="check">Check</option>
          </select>
        </label>
        <label>
          Species{' '}
          <select value={species} onChange={(ev) => setSpecies(ev.target.value)}>
            {speciesList.map((s) => (
              <option key={s} value={s}>{s === 'human' ? 'Human' : `${s} (animal, separate set)`}</option>
            ))}
          </select>
        </label>
      </form>
      <p data-testid="validation-figures">
        {shown.length} studies · answered {pct(answered, shown.length)} · within 2-fold {pct(within2, answered)} · within the Guest limit {pct(guest, answered)} · GMFE {gmfe === null ? '—' : gmfe.toFixed(2)} · bias {bias === null ? '—' : bias.toFixed(2)}
      </p>
      <ValidationPlot points={points} band={data.guestBand} />
      <p className="legend">Black line: prediction = observation. Dashed lines: 2-fold above and below. Green band: within the Guest et al. (2011) limit (δ = 1; for observed ratios of 0.8–1.25, a prediction of 0.8–1.25). Studies the model could not answer (grey) are in the table, not on the plot.</p>
      <table className="validation-table">
        <caption>Studies shown ({shown.length})</caption>
        <thead>
          <tr>
            <th scope="col">Study</th>
            <th scope="col">Pair</th>
            <th scope="col">Split</th>
            <th scope="col">Design (victim; perpetrator)</th>
            <th scope="col">Observed</th>
            <th scope="col">Predicted</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((e) => {
            const a = e.answers[model];
            return (
              <tr key={e.id} id={studyAnchor(e.id)}>
                <td>
                  {e.sources[0]?.url ? (
                    <a href={e.sources[0].url} rel="noopener noreferrer" target="_blank" title={e.sources[0].label}>{e.id}</a>
                  ) : (
                    <span title={e.sources[0]?.label}>{e.id}</span>
                  )}
                  {e.observed.locator && <span className="muted"> ({e.observed.locator})</span>}
                </td>
                <td>
                  <a href={pairHref(e)}>{e.names.perpetrator} → {e.names.analyte}</a>
                </td>
                <td>{e.split}</td>
                <td>{e.design.victimDose ?? '—'}; {e.design.perpetratorDose ?? '—'}</td>
                <td>×{fmt(e.observed.aucRatio)}</td>
                <td>{a.aucRatio === null ? <span title={a.message}>{a.status === 'error' ? 'error' : 'grey'}</span> : `×${fmt(a.aucRatio)}`}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}

/** The page at /validation: the app's header, notice and footer around the Validation section. */
export function ValidationPage() {
  return (
    <>
      <PageTop tagline="How good are the predictions? Every scored study, in the open." />
      <main id="main">
        <p>
          <a href="/">← Back to the substance checker</a>
        </p>
        <Validation />
      </main>
      <footer className="foot">
        <p>{NOTICE}</p>
        <p className="muted">
          <a href="/docs">API</a> · the same figures as a report: docs/benchmark.md in the repository.
        </p>
      </footer>
    </>
  );
}

export default ValidationPage;
