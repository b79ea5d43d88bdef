/**
 * Doses, two ways: the check's own (CheckDoses: the usage pattern each substance was checked at, the others one
 * click away, tiers recomputed) and any typed dose for the exposure answers (Doses: /api/predict both ways again;
 * the tier stays the check's, and the panel says so).
 */
import { useState } from 'react';
import type { CheckResult } from '../api.js';
import type { SourceInfo } from '../format.js';
import { Sources } from './Evidence.js';

/**
 * The doses the whole check (tiers included) was computed at, each with where it came from, and the other usage
 * patterns one click away (an everyday default, a medicine dose): choosing one re-runs the check at it.
 */
export function CheckDoses({
  result,
  usage,
  onUsage,
  sources,
}: {
  result: CheckResult;
  usage: Record<string, string>;
  onUsage: (substance: string, pattern: string | null) => void;
  sources: Map<string, SourceInfo>;
}) {
  if (!result.doses?.length) return null;
  return (
    <section className="doses" aria-labelledby="check-doses-h" data-testid="check-doses">
      <h2 id="check-doses-h">Doses this check assumes</h2>
      <ul className="dose-list">
        {result.doses.map((d) => (
          <li key={d.substance} data-testid={`dose-${d.substance}`}>
            <span>{d.text}</span>
            {d.alternatives.length > 1 && (
              <span className="dose-row" role="group" aria-label={`Usage of ${d.substanceName}`}>
                {d.alternatives.map((a) => {
                  const on = (usage[d.substance] ?? d.pattern?.id) === a.id;
                  return (
                    <button key={a.id} type="button" aria-pressed={on} onClick={() => onUsage(d.substance, a.id)}>
                      {a.name}
                      {a.kind === 'medicine' ? ' (medicine dose)' : ''}
                    </button>
                  );
                })}
              </span>
            )}
            <Sources ids={d.sources} index={sources} />
          </li>
        ))}
      </ul>
      <p className="muted">Every tier and answer on this page is computed at these doses; choose another pattern to recompute them.</p>
    </section>
  );
}

/** One way of taking a substance: a regimen of the substance itself, or doses of its constituents. */
export interface DoseChoice {
  label: string;
  items: { substance: string; regimen: string }[];
}

export function Doses({
  subs,
  chosen,
  onChoose,
  busy,
}: {
  subs: { id: string; name: string }[];
  chosen: Record<string, DoseChoice | null>;
  onChoose: (id: string, c: DoseChoice | null) => void;
  busy: boolean;
}) {
  const [typed, setTyped] = useState<Record<string, string>>({});
  return (
    <section className="doses" aria-labelledby="doses-h" data-testid="doses">
      <h2 id="doses-h">Exposure at another dose</h2>
      <p className="muted">
        Each card below names the dose it used: the doses of the check above (its usage patterns can be switched there, tiers included). Type any other dose
        here to see the exposure change at it; the tier stays the one at the check's doses.
      </p>
      {subs.map((s) => {
        const cur = chosen[s.id] ?? null;
        return (
          <div key={s.id} className="dose-row" role="group" aria-label={`Dose of ${s.name}`}>
            <strong>{s.name}:</strong> <span className="print-only">{cur ? cur.label : "the check's dose (named on each card below)"}</span>{' '}
            <button type="button" aria-pressed={cur === null} onClick={() => onChoose(s.id, null)} disabled={busy}>
              the check's dose
            </button>
            <form
              className="dose-form"
              onSubmit={(e) => {
                e.preventDefault();
                const t = (typed[s.id] ?? '').trim();
                if (t) onChoose(s.id, { label: t, items: [{ substance: s.id, regimen: t }] });
              }}
            >
              <label>
                <span className="sr-only">Other dose of {s.name}</span>
                <input
                  value={typed[s.id] ?? ''}
                  onChange={(e) => setTyped((m) => ({ ...m, [s.id]: e.target.value }))}
                  placeholder="other, e.g. 4 g or 10 mg bid 7d"
                  maxLength={60}
                  aria-label={`Other dose of ${s.name}`}
                />
              </label>
              <button type="submit" disabled={busy}>
                Use
              </button>
            </form>
          </div>
        );
      })}
    </section>
  );
}
