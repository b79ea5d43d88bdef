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
import { CombinedEffects, OverallVerdict, PairGrid } from './components/Regimen.js';
import { Verdict } from './components/Verdict.js';
import { Guidance, guidanceOf } from './components/Guidance.js';
import { CheckDoses } from './components/Doses.js';
import { SearchBox } from './components/SearchBox.js';
import { SubstanceAbout } from './components/SubstanceAbout.js';
import { Tabs } from './components/Tabs.js';
import { sourceIndex } from './format.js';
import { usePrinting } from './print.js';
import { worstPairIndex } from './regimen.js';
import { MAX_CHOSEN, nameProblem, readState, stateToSearch, type Tab, type ViewState } from './url-state.js';



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
  // Errors of names that did not resolve, by the name as written: removing the name removes its error.
  const [nameErrors, setNameErrors] = useState<Record<string, string>>({});
  const [note, setNote] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  // Usage pattern per substance id (the medicine dose instead of the everyday default, say), kept in the URL.
  const usage = view.usage;
  const printing = usePrinting();

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
      if (descs[s] || aliases[s] || nameErrors[s]) continue;
      // A name past the API's length cap is answered here, in plain words, without a request.
      const problem = nameProblem(s);
      if (problem) {
        setNameErrors((m) => ({ ...m, [s]: problem }));
        continue;
      }
      api.substance(s).then(
        (d) => {
          setDescs((m) => ({ ...m, [d.substance.id]: d }));
          if (d.substance.id !== s) setAliases((a) => ({ ...a, [s]: d.substance.id }));
        },
        (e: unknown) => setNameErrors((m) => ({ ...m, [s]: errorText(e) })),
      );
    }
  }, [view.substances, descs, aliases, nameErrors]);

  // Two names for one record (weed, cannabis) count once; the page says so.
  const ids = useMemo(() => [...new Set(view.substances.map((s) => aliases[s] ?? s))], [view.substances, aliases]);
  useEffect(() => {
    const seen = new Map<string, string>();
    for (const s of view.substances) {
      const id = aliases[s] ?? s;
      const first = seen.get(id);
      if (first !== undefined && descs[id]) {
        setNote(`“${s}” is the same substance as “${first}” (${descs[id].substance.name}); it is listed once.`);
        update({ substances: ids }, false);
        return;
      }
      seen.set(id, s);
    }
  }, [view.substances, aliases, descs]);
  const resolved = ids.every((id) => descs[id]);
  const chosen: Chosen[] = ids.map((id) => ({ id, name: descs[id]?.substance.name ?? (id.length > 40 ? `${id.slice(0, 40)}…` : id) }));
  const idsKey = ids.join(',');
  const shownNameErrors = view.substances.filter((s) => nameErrors[s]).map((s) => nameErrors[s]!);

  const usageKey = JSON.stringify(usage);
  useEffect(() => {
    setResult(null);
    setPairIndex(0);
    if (ids.length < 2 || !resolved) return;
    setLoading(true);
    setError(null);
    const use = Object.fromEntries(Object.entries(usage).filter(([id]) => ids.includes(id)));
    api
      .check(ids, use)
      .then(
        (r) => {
          setResult(r);
          // Open on the worst pair, never on whichever pair came first.
          setPairIndex(worstPairIndex(r));
        },
        (e: unknown) => setError(errorText(e)),
      )
      .finally(() => setLoading(false));
  }, [idsKey, resolved, usageKey]);

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
    if (ids.includes(h.id)) {
      setNote(`${h.name} is already in the list.`);
      return;
    }
    if (ids.length >= MAX_CHOSEN) {
      setNote(`You can compare up to ${MAX_CHOSEN} substances at once; remove one to add ${h.name}.`);
      return;
    }
    setNote(null);
    setError(null);
    update({ substances: [...ids, h.id] });
  };
  const remove = (id: string) => {
    setNote(null);
    setError(null);
    const { [id]: _dropped, ...rest } = view.usage;
    update({ substances: view.substances.filter((x) => x !== id && aliases[x] !== id), usage: rest });
  };

  return (
    <>
      <PageTop tagline="How two substances are connected in the body — and how sure we are." />
      <main id="main">
        <section className="picker" aria-label="Choose substances">
          <SearchBox onChoose={add} disabled={ids.length >= MAX_CHOSEN} />
          <Chips chosen={chosen} onRemove={remove} />
          {ids.length === 1 && <p className="muted">Add a second substance to see how they are connected.</p>}
          {ids.length === 0 && (
            <p className="muted">
              Try <a href="/?s=cannabis,kratom">cannabis and kratom</a>.
            </p>
          )}
        </section>
        {[...shownNameErrors, ...(error ? [error] : [])].map((e) => (
          <p key={e} className="error" role="alert" data-testid="error">
            {e}
          </p>
        ))}
        {note && (
          <p className="notice-box" role="status" data-testid="note">
            {note}
          </p>
        )}
        {loading && <p role="status">Checking how they connect…</p>}
        {result && result.pairs.length > 1 && (
          <>
            <OverallVerdict result={result} />
            <PairGrid result={result} selected={pairIndex} onSelect={setPairIndex} />
            <CombinedEffects result={result} sources={sources} />
            <Guidance lines={guidanceOf(result)} sources={sources} title="What to do with this list" />
          </>
        )}
        {pair && (
          <>
            <Verdict pair={pair} />
            {result && result.pairs.length === 1 && <Guidance lines={guidanceOf(pair)} sources={sources} />}
            {result && <CheckDoses result={result} usage={usage} onUsage={(id, p) => update({ usage: { ...usage, ...(p ? { [id]: p } : {}) } }, false)} sources={sources} />}
            <ExportBar pair={pair} jurisdiction={view.jurisdiction} />
            <Tabs value={view.tab} onChange={(t: Tab) => update({ tab: t }, false)} printing={printing}>
              {(view.tab === 'overview' || printing) && <Overview pair={pair} descs={pairDescs} sources={sources} />}
              {(view.tab === 'exposure' || printing) && <Exposure pair={pair} sources={sources} />}
              {(view.tab === 'evidence' || printing) && (
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
        {chosen.length > 0 && (
          <section className={chosen.length > 1 ? 'about about-many' : 'about'} aria-label="About the chosen substances">
            {/* One substance chosen: its page is the view, so it opens (findings, risks, interaction studies). */}
            {chosen.map((c) => {
              const d = descs[c.id];
              return d ? <SubstanceAbout key={c.id} d={d} open={chosen.length === 1} sources={sources} /> : null;
            })}
          </section>
        )}
      </main>
      <footer className="foot">
        <p>{NOTICE}</p>
        <p className="muted">
          Knowledge base {kb?.version ?? '…'} · {kb?.substances ?? '…'} substances · <a href="/docs">API</a> · <a href="/validation">Validation</a> · <a href="/claims">Check claims</a> · Crosstalk stores nothing about you: no accounts, no search logs.
        </p>
      </footer>
    </>
  );
}
