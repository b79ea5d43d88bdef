import { PageTop } from './components/PageTop.js';
import { NOTICE } from './notice.js';
export { NOTICE };
import { useCallback, useEffect, useMemo, useState } from 'react';
import { api, errorText, type Brief, type CheckResult, type KbInfo, type SearchHit, type SubstanceDescription } from './api.js';
import { Chips, type Chosen } from './components/Chips.js';
import { EvidenceTab } from './components/EvidenceTab.js';
import { Exposure } from './components/Exposure.js';
import { ExportBar } from './components/ExportBar.js';
import { Overview } from './components/Overview.js';
import { SearchBox } from './components/SearchBox.js';
import { Tabs } from './components/Tabs.js';
import { sourceIndex } from './format.js';
import { readState, stateToSearch, type Tab, type ViewState } from './url-state.js';



export function App() {
  const [view, setView] = useState<ViewState>(() => readState());
  const [descs, setDescs] = useState<Record<string, SubstanceDescription>>({});
  const [aliases, setAliases] = useState<Record<string, string>>({});
  const [result, setResult] = useState<CheckResult | null>(null);
  const [pairIndex, setPairIndex] = useState(0);
  const [brief, setBrief] = useState<Brief | null>(null);
  const [briefError, setBriefError] = useState<string | null>(null);
  const [kb, setKb] = useState<KbInfo | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);

  // The URL is the state: write it on change, read it on back/forward.
  const update = useCallback((next: Partial<ViewState>, push = true) => {
    setView((v) => {
      const nv = { ...v, ...next };
      const url = `${window.location.pathname}${stateToSearch(nv)}`;
      if (push) window.history.pushState(null, '', url);
      else window.history.replaceState(null, '', url);
      return nv;
    });
  }, []);
  useEffect(() => {
    const onPop = () => setView(readState());
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);
  useEffect(() => {
    api.kb().then(setKb, () => setKb(null));
  }, []);

  // Resolve every name in the URL (ids, names or slang) to its record.
  useEffect(() => {
    for (const s of view.substances) {
      if (descs[s] || aliases[s]) continue;
      api.substance(s).then(
        (d) => {
          setDescs((m) => ({ ...m, [d.substance.id]: d }));
          if (d.substance.id !== s) setAliases((a) => ({ ...a, [s]: d.substance.id }));
        },
        (e: unknown) => setError(errorText(e)),
      );
    }
  }, [view.substances, descs, aliases]);

  const ids = useMemo(() => view.substances.map((s) => aliases[s] ?? s), [view.substances, aliases]);
  const resolved = ids.every((id) => descs[id]);
  const chosen: Chosen[] = ids.map((id) => ({ id, name: descs[id]?.substance.name ?? id }));
  const idsKey = ids.join(',');

  useEffect(() => {
    setResult(null);
    setPairIndex(0);
    if (ids.length < 2 || !resolved) return;
    setLoading(true);
    setError(null);
    api
      .check(ids)
      .then(setResult, (e: unknown) => setError(errorText(e)))
      .finally(() => setLoading(false));
  }, [idsKey, resolved]);

  const pair = result?.pairs[pairIndex] ?? null;
  const pairKey = pair ? `${pair.a.id},${pair.b.id}` : '';
  useEffect(() => {
    setBrief(null);
    setBriefError(null);
    if (!pair) return;
    api.brief([pair.a.id, pair.b.id], view.jurisdiction).then(setBrief, (e: unknown) => setBriefError(errorText(e)));
  }, [pairKey, view.jurisdiction]);

  const sources = useMemo(() => sourceIndex(Object.values(descs)), [descs]);
  const pairDescs = useMemo(() => (pair ? [descs[pair.a.id], descs[pair.b.id]].filter((d): d is SubstanceDescription => !!d) : []), [pairKey, descs]);

  const add = (h: SearchHit) => {
    if (ids.includes(h.id) || ids.length >= 8) return;
    setError(null);
    update({ substances: [...ids, h.id] });
  };
  const remove = (id: string) => update({ substances: ids.filter((x) => x !== id) });

  return (
    <>
      <PageTop tagline="How two substances are connected in the body — and how sure we are." />
      <main id="main">
        <section className="picker" aria-label="Choose substances">
          <SearchBox onChoose={add} disabled={ids.length >= 8} />
          <Chips chosen={chosen} onRemove={remove} />
          {ids.length === 1 && <p className="muted">Add a second substance to see how they are connected.</p>}
          {ids.length === 0 && (
            <p className="muted">
              Try <a href="/?s=cannabis,kratom">cannabis and kratom</a>.
            </p>
          )}
        </section>
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        {chosen.length > 0 && (
          <section className="about" aria-label="About the chosen substances">
            {chosen.map((c) => {
              const d = descs[c.id];
              return d?.substance.summary ? (
                <details key={c.id} className="about-item">
                  <summary>About {d.substance.name}</summary>
                  <p data-testid={`summary-${c.id}`}>{d.substance.summary}</p>
                </details>
              ) : null;
            })}
          </section>
        )}
        {loading && <p role="status">Checking how they connect…</p>}
        {result && result.pairs.length > 1 && (
          <label className="pair-picker">
            Pair{' '}
            <select value={pairIndex} onChange={(e) => setPairIndex(Number(e.target.value))}>
              {result.pairs.map((p, i) => (
                <option key={i} value={i}>
                  {p.a.name} + {p.b.name} ({p.tier})
                </option>
              ))}
            </select>
          </label>
        )}
        {pair && (
          <>
            <ExportBar pair={pair} jurisdiction={view.jurisdiction} />
            <Tabs value={view.tab} onChange={(t: Tab) => update({ tab: t }, false)}>
              {view.tab === 'overview' && <Overview pair={pair} descs={pairDescs} sources={sources} />}
              {view.tab === 'exposure' && <Exposure pair={pair} sources={sources} />}
              {view.tab === 'evidence' && (
                <EvidenceTab
                  pair={pair}
                  brief={brief}
                  briefError={briefError}
                  descs={pairDescs}
                  jurisdiction={view.jurisdiction}
                  jurisdictions={kb?.jurisdictionList ?? [{ id: view.jurisdiction, name: view.jurisdiction }]}
                  onJurisdiction={(j) => update({ jurisdiction: j }, false)}
                  sources={sources}
                />
              )}
            </Tabs>
          </>
        )}
      </main>
      <footer className="foot">
        <p>{NOTICE}</p>
        <p className="muted">
          Knowledge base {kb?.version ?? '…'} · {kb?.substances ?? '…'} substances · <a href="/docs">API</a> · <a href="/validation">Validation</a> · Crosstalk stores nothing about you: no accounts, no search logs.
        </p>
      </footer>
    </>
  );
}
