import { useRef, type ReactNode } from 'react';
import { TABS, type Tab } from '../url-state.js';

const LABEL: Record<Tab, string> = { overview: 'Overview', exposure: 'Exposure', evidence: 'Evidence' };

/** WAI-ARIA tabs: arrow keys move between tabs, Tab goes into the panel. */
export function Tabs({ value, onChange, children, printing = false }: { value: Tab; onChange: (t: Tab) => void; children: ReactNode; printing?: boolean }) {
  const refs = useRef<Record<string, HTMLButtonElement | null>>({});
  const onKey = (e: React.KeyboardEvent) => {
    const i = TABS.indexOf(value);
    const next = e.key === 'ArrowRight' ? TABS[(i + 1) % TABS.length] : e.key === 'ArrowLeft' ? TABS[(i + TABS.length - 1) % TABS.length] : undefined;
    if (next) {
      e.preventDefault();
      onChange(next);
      refs.current[next]?.focus();
    }
  };
  // Printing shows every tab's content one after another (print.ts).
  if (printing) return <div className="panel print-all">{children}</div>;
  return (
    <>
      <div role="tablist" aria-label="Views" className="tabs" onKeyDown={onKey}>
        {TABS.map((t) => (
          <button
            key={t}
            ref={(el) => {
              refs.current[t] = el;
            }}
            role="tab"
            type="button"
            id={`tab-${t}`}
            aria-selected={value === t}
            aria-controls={`panel-${t}`}
            tabIndex={value === t ? 0 : -1}
            onClick={() => onChange(t)}
          >
            {LABEL[t]}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`panel-${value}`} aria-labelledby={`tab-${value}`} className="panel">
        {children}
      </div>
    </>
  );
}
