import { useEffect, useId, useRef, useState } from 'react';
import { api, type SearchHit } from '../api.js';

/** A combobox (WAI-ARIA 1.2 pattern): type, arrow through names/synonyms/brands/slang, Enter to choose. */
export function SearchBox({ onChoose, disabled }: { onChoose: (hit: SearchHit) => void; disabled?: boolean }) {
  const [q, setQ] = useState('');
  const [hits, setHits] = useState<SearchHit[]>([]);
  const [active, setActive] = useState(-1);
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const listId = useId();
  const inputRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    const text = q.trim();
    if (!text) {
      setHits([]);
      return;
    }
    const ctl = new AbortController();
    const t = setTimeout(() => {
      api
        .search(text, ctl.signal)
        .then((h) => {
          setHits(h);
          setActive(h.length ? 0 : -1);
          setOpen(true);
          setError(null);
        })
        .catch((e: unknown) => {
          if ((e as Error).name !== 'AbortError') setError((e as Error).message);
        });
    }, 120);
    return () => {
      clearTimeout(t);
      ctl.abort();
    };
  }, [q]);

  const choose = (h: SearchHit) => {
    onChoose(h);
    setQ('');
    setHits([]);
    setOpen(false);
    inputRef.current?.focus();
  };

  const onKey = (e: React.KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setOpen(true);
      setActive((a) => Math.min(hits.length - 1, a + 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((a) => Math.max(0, a - 1));
    } else if (e.key === 'Enter') {
      const h = hits[active];
      if (open && h) {
        e.preventDefault();
        choose(h);
      }
    } else if (e.key === 'Escape') {
      setOpen(false);
    }
  };

  const showList = open && q.trim() !== '' && hits.length > 0;
  return (
    <div className="search">
      <label htmlFor="substance-search">Add a substance</label>
      <input
        id="substance-search"
        ref={inputRef}
        type="search"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={showList}
        aria-controls={listId}
        aria-activedescendant={showList && active >= 0 ? `${listId}-${active}` : undefined}
        placeholder="Name, brand or street name — e.g. kratom, weed, Epidiolex"
        autoComplete="off"
        spellCheck={false}
        maxLength={100}
        value={q}
        disabled={disabled}
        onChange={(e) => setQ(e.target.value)}
        onKeyDown={onKey}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onFocus={() => hits.length && setOpen(true)}
      />
      {showList && (
        <ul id={listId} role="listbox" className="listbox" aria-label="Matching substances">
          {hits.map((h, i) => (
            <li
              key={h.id}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === active}
              className={i === active ? 'active' : undefined}
              onMouseDown={(e) => {
                e.preventDefault();
                choose(h);
              }}
              onMouseEnter={() => setActive(i)}
            >
              <span className="hit-name">{h.name}</span> <span className="hit-kind">{h.kind}</span>
              {h.matched.toLowerCase() !== h.name.toLowerCase() && <span className="hit-matched"> — matched “{h.matched}”</span>}
            </li>
          ))}
        </ul>
      )}
      {open && q.trim() !== '' && hits.length === 0 && !error && <p className="muted" role="status">No substance matches “{q.trim()}”.</p>}
      {error && <p className="error" role="alert">{error}</p>}
    </div>
  );
}
