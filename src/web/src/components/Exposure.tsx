import { lazy, Suspense, useState } from 'react';
import { api, ApiError, errorText, type PairAnalysis, type Phenotype, type Prediction, type SimulateResult } from '../api.js';
import { ratio, type SourceInfo } from '../format.js';
import type { RatioRow } from './Plots.js';
import { PredictionCard } from './PredictionCard.js';

const RatioPlot = lazy(() => import('./Plots.js').then((m) => ({ default: m.RatioPlot })));
const CurvePlot = lazy(() => import('./Plots.js').then((m) => ({ default: m.CurvePlot })));

function isPrediction(x: unknown): x is Prediction {
  return typeof x === 'object' && x !== null && 'status' in x;
}

export function Exposure({ pair, sources }: { pair: PairAnalysis; sources: Map<string, SourceInfo> }) {
  const preds = pair.pk.filter((e) => isPrediction(e.result)) as (PairAnalysis['pk'][number] & { result: Prediction })[];
  const rows: RatioRow[] = preds
    .filter((e) => e.result.status !== 'grey' && e.result.aucRatio !== null)
    .flatMap((e) => {
      const d = `${e.result.perpetrator.name} → ${e.result.victim.analyteName}`;
      const out: RatioRow[] = [{ direction: d, metric: 'AUC', ratio: e.result.aucRatio!, low: e.result.range?.low, high: e.result.range?.high }];
      if (e.result.cmaxRatio !== null) out.push({ direction: d, metric: 'Cmax', ratio: e.result.cmaxRatio });
      return out;
    });
  // Names of the constituents the answers mention by id (clinical classes name substances by id).
  const names = new Map<string, string>();
  for (const n of [...pair.sharedTargets, ...pair.sharedEnzymes]) for (const x of [...n.a, ...n.b]) names.set(x.substance, x.substanceName);
  for (const s of [pair.a, pair.b]) names.set(s.id, s.name);
  return (
    <div className="exposure">
      <section aria-labelledby="pred-h">
        <h2 id="pred-h">Predicted exposure change, each way</h2>
        <p className="muted">
          Best estimate of how much one raises or lowers the other's blood levels (AUC, Cmax), with its range: the clinically anchored model where human studies of
          other pairs allow it, else the mechanistic static model, else the dynamic simulation — each card names the model and lists every model's answer. Ratios
          near 1 mean little change. Grey
          answers have no estimate: the knowledge base lacks data, which is not the same as no interaction. Studies that measured the pair are shown beside each
          prediction, with the species first.
        </p>
        {rows.length > 0 && (
          <Suspense fallback={<p>Loading the chart…</p>}>
            <RatioPlot rows={rows} />
          </Suspense>
        )}
        <div className="cards">
          {pair.pk.map((e, i) =>
            isPrediction(e.result) ? (
              <PredictionCard key={i} p={e.result} via={e.via && (names.get(e.via) ?? e.via)} sources={sources} names={names} />
            ) : (
              <article key={i} className="card">
                <h3>
                  {names.get(e.perpetrator) ?? e.perpetrator} → {names.get(e.victim) ?? e.victim}
                </h3>
                <p>No estimate: {e.result.error}</p>
              </article>
            ),
          )}
        </div>
      </section>
      <Simulation pair={pair} />
    </div>
  );
}

/** Phenotypes a person can be fixed to; an enzyme that lacks one rejects it with the server's message. */
const PHENOTYPE_OPTIONS: [Phenotype, string][] = [
  ['PM', 'poor metaboliser'],
  ['IM', 'intermediate'],
  ['NM', 'normal (everyone)'],
  ['RM', 'rapid'],
  ['UM', 'ultrarapid'],
];

function phenotypeLabel(fixed: Record<string, Phenotype>): string {
  const parts = Object.entries(fixed).map(([e, ph]) => `${e.toUpperCase()} ${ph}`);
  return parts.length ? parts.join(', ') : 'normal metabolisers';
}

function Simulation({ pair }: { pair: PairAnalysis }) {
  const [dir, setDir] = useState<'ab' | 'ba'>('ba');
  const [victimDose, setVictimDose] = useState('');
  const [perpDose, setPerpDose] = useState('');
  // Phenotypes can be fixed only for enzymes that clear a simulated compound: the server lists them with each answer.
  const [enzymes, setEnzymes] = useState<string[]>([]);
  const [phenotypes, setPhenotypes] = useState<Record<string, Phenotype>>({});
  const [population, setPopulation] = useState(50);
  const [sim, setSim] = useState<SimulateResult | null>(null);
  const [err, setErr] = useState<{ message: string; unavailable: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  const victim = dir === 'ab' ? pair.b : pair.a;
  const perp = dir === 'ab' ? pair.a : pair.b;
  const changeDir = (d: 'ab' | 'ba') => {
    setDir(d);
    // Another victim may be cleared by other enzymes.
    setEnzymes([]);
    setPhenotypes({});
  };
  const setPhenotype = (enzyme: string, ph: Phenotype | '') =>
    setPhenotypes((old) => {
      const next = { ...old };
      if (ph) next[enzyme] = ph;
      else delete next[enzyme];
      return next;
    });
  const run = async (e: React.FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setErr(null);
    try {
      const r = await api.simulate({
        victim: victim.id,
        perpetrator: perp.id,
        victimDose: victimDose || undefined,
        perpetratorDose: perpDose || undefined,
        ...(Object.keys(phenotypes).length ? { phenotypes } : {}),
        population,
      });
      setSim(r);
      setEnzymes(r.polymorphicEnzymes);
    } catch (x) {
      setSim(null);
      setErr({ message: errorText(x), unavailable: x instanceof ApiError && x.code === 'SIM_UNAVAILABLE' });
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby="sim-h" className="simulation">
      <h2 id="sim-h">Concentration over time: alone vs combined</h2>
      <form className="sim-form" onSubmit={run}>
        <label>
          Direction
          <select value={dir} onChange={(e) => changeDir(e.target.value as 'ab' | 'ba')}>
            <option value="ba">
              {pair.b.name} changes {pair.a.name}
            </option>
            <option value="ab">
              {pair.a.name} changes {pair.b.name}
            </option>
          </select>
        </label>
        <label>
          {victim.name} dose
          <input value={victimDose} onChange={(e) => setVictimDose(e.target.value)} placeholder="usual dose" maxLength={60} />
        </label>
        <label>
          {perp.name} dose
          <input value={perpDose} onChange={(e) => setPerpDose(e.target.value)} placeholder="usual dose, e.g. 2 g tid 7d" maxLength={60} />
        </label>
        {enzymes.map((enzyme) => (
          <label key={enzyme}>
            {enzyme.toUpperCase()} phenotype
            <select value={phenotypes[enzyme] ?? ''} onChange={(e) => setPhenotype(enzyme, e.target.value as Phenotype | '')}>
              <option value="">normal (population: sampled)</option>
              {PHENOTYPE_OPTIONS.map(([ph, label]) => (
                <option key={ph} value={ph}>
                  {label}
                </option>
              ))}
            </select>
          </label>
        ))}
        <label>
          Population band
          <select value={population} onChange={(e) => setPopulation(Number(e.target.value))}>
            <option value={0}>none</option>
            <option value={50}>50 people</option>
            <option value={20}>20 people</option>
          </select>
        </label>
        <button type="submit" disabled={busy}>
          {busy ? 'Simulating…' : 'Simulate'}
        </button>
      </form>
      {err && (
        <p className={err.unavailable ? 'notice-box' : 'error'} role="status" data-testid="sim-status">
          {err.unavailable ? `Simulation unavailable: the dynamic simulator is not part of this build yet. The static prediction above still applies.` : err.message}
        </p>
      )}
      {sim && (
        <>
          <Suspense fallback={<p>Loading the chart…</p>}>
            <CurvePlot sim={sim} />
          </Suspense>
          <p>
            Simulated AUC change {ratio(sim.aucRatio)}, Cmax change {ratio(sim.cmaxRatio)} ({phenotypeLabel(sim.phenotypes)}
            {sim.band ? `; shaded band: 5th–95th percentile of ${sim.band.n} virtual people, seed ${sim.seed}` : ''}).
          </p>
          {sim.notes.map((n) => (
            <p key={n} className="muted">
              {n}
            </p>
          ))}
        </>
      )}
    </section>
  );
}
