import { lazy, Suspense, useEffect, useState } from 'react';
import { api, ApiError, errorText, type PairAnalysis, type Phenotype, type PkEntry, type Prediction, type SimulateResult } from '../api.js';
import { Doses, type DoseChoice } from './Doses.js';
import { ratio, type SourceInfo } from '../format.js';
import type { RatioRow } from './Plots.js';
import { PredictionCard } from './PredictionCard.js';

const RatioPlot = lazy(() => import('./Plots.js').then((m) => ({ default: m.RatioPlot })));
const CurvePlot = lazy(() => import('./Plots.js').then((m) => ({ default: m.CurvePlot })));

function isPrediction(x: unknown): x is Prediction {
  return typeof x === 'object' && x !== null && 'status' in x;
}

type Item = { substance: string; regimen?: string };
type Entry = PkEntry & { victimVia?: string };

/** The doses one side used in the check's answers for one direction (a product may stand in as constituents). */
function usedItems(pk: Entry[], role: 'perpetrator' | 'victim', id: string): Item[] {
  const out: Item[] = [];
  for (const e of pk) {
    const sub = role === 'perpetrator' ? e.perpetrator : e.victim;
    const product = role === 'perpetrator' ? (e.via ?? e.perpetrator) : (e.victimVia ?? e.victim);
    if (product !== id || out.some((x) => x.substance === sub)) continue;
    // No regimen: the API falls back to the same KB default the check used, and says so (not "your dose").
    out.push({ substance: sub });
  }
  return out.length ? out : [{ substance: id }];
}

/** Both directions again at the chosen doses (each side: its choice, else what the check used). */
async function predictAt(pair: PairAnalysis, chosen: Record<string, DoseChoice | null>): Promise<Entry[]> {
  const jobs: Promise<Entry>[] = [];
  for (const [perp, victim] of [
    [pair.a, pair.b],
    [pair.b, pair.a],
  ] as const) {
    const pItems: Item[] = chosen[perp.id]?.items ?? usedItems(pair.pk, 'perpetrator', perp.id);
    const vItems: Item[] = chosen[victim.id]?.items ?? usedItems(pair.pk, 'victim', victim.id).map((x) => ({ substance: x.substance }));
    for (const pi of pItems)
      for (const vi of vItems)
        jobs.push(
          api
            .predict({ victim: vi.substance, perpetrator: pi.substance, ...(vi.regimen ? { victimDose: vi.regimen } : {}), ...(pi.regimen ? { perpetratorDose: pi.regimen } : {}) })
            .then(
              (result): Entry => ({ perpetrator: pi.substance, victim: vi.substance, ...(pi.substance !== perp.id ? { via: perp.id } : {}), result }),
              (e: unknown): Entry => ({ perpetrator: pi.substance, victim: vi.substance, result: { error: errorText(e) } }),
            ),
        );
  }
  return Promise.all(jobs);
}

export function Exposure({ pair, sources }: { pair: PairAnalysis; sources: Map<string, SourceInfo> }) {
  const [chosen, setChosen] = useState<Record<string, DoseChoice | null>>({});
  const [atDoses, setAtDoses] = useState<Entry[] | null>(null);
  const [busy, setBusy] = useState(false);
  const pairKey = `${pair.a.id},${pair.b.id}`;
  useEffect(() => {
    setChosen({});
    setAtDoses(null);
  }, [pairKey]);
  const choose = (id: string, c: DoseChoice | null) => {
    const next = { ...chosen, [id]: c };
    setChosen(next);
    if (!Object.values(next).some(Boolean)) return setAtDoses(null);
    setBusy(true);
    predictAt(pair, next)
      .then(setAtDoses)
      .finally(() => setBusy(false));
  };
  const pk: Entry[] = atDoses ?? pair.pk;
  const preds = pk.filter((e) => isPrediction(e.result)) as (PairAnalysis['pk'][number] & { result: Prediction })[];
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
          other pairs allow it, else the mechanistic models (the dynamic simulation first when the other substance is taken once or for less than three of its half-lives, since its level is then rising or falling; otherwise the static model) — each card names the model and lists every model's answer. Ratios
          near 1 mean little change. Grey
          answers have no estimate: the knowledge base lacks data, which is not the same as no interaction. Studies that measured the pair are shown beside each
          prediction, with the species first.
        </p>
        <Doses subs={[pair.a, pair.b]} chosen={chosen} onChoose={choose} busy={busy} />
        {busy && <p role="status">Predicting at the chosen doses…</p>}
        {atDoses && (
          <p className="notice-box" data-testid="doses-changed">
            Shown at the doses you chose ({Object.entries(chosen)
              .filter(([, c]) => c)
              .map(([id, c]) => `${id === pair.a.id ? pair.a.name : pair.b.name}: ${c!.label}`)
              .join('; ')}
            ). The tier at the top is still the one at the check's doses.
          </p>
        )}
        {rows.length > 0 && (
          <Suspense fallback={<p>Loading the chart…</p>}>
            <RatioPlot rows={rows} />
          </Suspense>
        )}
        <div className="cards">
          {pk.map((e, i) =>
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

/** People × hours one API simulation may cover (the API's MAX_API_PERSON_HOURS, src/core/limits.ts). */
const PERSON_HOURS_CAP = 4000;

/** A limit error in plain words; any other error as the server wrote it. */
function simErrorText(x: unknown): string {
  if (x instanceof ApiError && x.code === 'INPUT_TOO_LARGE')
    return `That simulation is too big for this server: it runs at most ${PERSON_HOURS_CAP.toLocaleString('en')} person-hours (people × hours simulated). Choose fewer people or a shorter regimen.`;
  if (x instanceof ApiError && (x.code === 'INPUT_BAD_REGIMEN' || x.code === 'INPUT_EMPTY_REGIMEN')) return `${x.body?.message ?? x.message} — write a dose like "2 g", "10 mg bid" or "2 g qd 7d".`;
  return errorText(x);
}

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
  const [bandNote, setBandNote] = useState<string | null>(null);
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
    setBandNote(null);
    const req = {
      victim: victim.id,
      perpetrator: perp.id,
      victimDose: victimDose || undefined,
      perpetratorDose: perpDose || undefined,
      ...(Object.keys(phenotypes).length ? { phenotypes } : {}),
    };
    try {
      // The curves first, without a population: that also says how many hours the regimens cover.
      const r = await api.simulate({ ...req, population: 0 });
      setSim(r);
      setEnzymes(r.polymorphicEnzymes);
      if (population > 0) {
        // As many virtual people as fit the server's person-hours cap, up to the number chosen: the default always runs.
        const n = Math.min(population, Math.floor(PERSON_HOURS_CAP / Math.max(r.tEndH, 1)));
        if (n >= 5) {
          const withBand = await api.simulate({ ...req, population: n }).catch((x: unknown) => {
            setBandNote(`No population band: ${simErrorText(x)}`);
            return null;
          });
          if (withBand) setSim(withBand);
          if (withBand && n < population)
            setBandNote(
              `The band uses ${n} virtual people instead of ${population}: the regimens cover ${Math.round(r.tEndH)} hours, and this server simulates at most ${PERSON_HOURS_CAP.toLocaleString('en')} person-hours at a time.`,
            );
        } else setBandNote(`No population band: the regimens cover ${Math.round(r.tEndH)} hours, too long for a band of virtual people on this server.`);
      }
    } catch (x) {
      setSim(null);
      setErr({ message: simErrorText(x), unavailable: x instanceof ApiError && x.code === 'SIM_UNAVAILABLE' });
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
          <input value={perpDose} onChange={(e) => setPerpDose(e.target.value)} placeholder="usual dose, e.g. 2 g qd 7d" maxLength={60} />
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
          Population band (up to)
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
          <p className="dose-used" data-testid="sim-doses">
            Doses simulated: {sim.perpetrator.name} {sim.perpetrator.dose}; {sim.victim.name} {sim.victim.dose}
            {!perpDose || !victimDose ? ' (a blank dose uses the usual dose in the knowledge base)' : ''}.
          </p>
          {bandNote && (
            <p className="muted" data-testid="band-note">
              {bandNote}
            </p>
          )}
          {sim.notes.length > 0 && (
            <details className="sim-notes">
              <summary>Model notes ({sim.notes.length}): what was simulated and every assumption</summary>
              <ul className="muted">
                {sim.notes.map((n) => (
                  <li key={n}>{n}</li>
                ))}
              </ul>
            </details>
          )}
        </>
      )}
    </section>
  );
}
