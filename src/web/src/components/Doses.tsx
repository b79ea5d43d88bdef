/**
 * Which dose the exposure answers use, and a way to change it: each substance's everyday default and its named
 * alternatives (usage patterns from the KB, e.g. a joint, an edible, a medicine dose) one click away, or any
 * regimen typed in. A change re-asks /api/predict both ways at the chosen doses; the tier above stays the one
 * computed at the default doses, and the panel says so.
 */
import { useState } from 'react';
import type { SubstanceDescription } from '../api.js';

/** One way of taking a substance: a regimen of the substance itself, or doses of its constituents. */
export interface DoseChoice {
  label: string;
  items: { substance: string; regimen: string }[];
}

interface Pattern {
  id: string;
  name: string;
  kind?: 'everyday' | 'medicine';
  default?: boolean;
  regimen?: string;
  doses?: { substance: string; regimen: string }[];
}

/** Usage patterns of a substance (the KB field is being added: read defensively), then its usual dose. */
export function doseOptions(d: SubstanceDescription | undefined): DoseChoice[] {
  if (!d) return [];
  const s = d.substance as SubstanceDescription['substance'] & { usagePatterns?: Pattern[]; usualDose?: { regimen: string } };
  const out: DoseChoice[] = [];
  for (const p of s.usagePatterns ?? []) {
    const items = p.regimen ? [{ substance: s.id, regimen: p.regimen }] : (p.doses ?? []);
    if (items.length) out.push({ label: `${p.name}${p.kind === 'medicine' ? ' (medicine dose)' : ''}${p.default ? ' — default' : ''}`, items });
  }
  if (s.usualDose && !out.some((o) => o.items.length === 1 && o.items[0]!.regimen === s.usualDose!.regimen))
    out.push({ label: `usual dose ${s.usualDose.regimen}`, items: [{ substance: s.id, regimen: s.usualDose.regimen }] });
  return out;
}

export function Doses({
  subs,
  descs,
  chosen,
  onChoose,
  busy,
}: {
  subs: { id: string; name: string }[];
  descs: SubstanceDescription[];
  chosen: Record<string, DoseChoice | null>;
  onChoose: (id: string, c: DoseChoice | null) => void;
  busy: boolean;
}) {
  const [typed, setTyped] = useState<Record<string, string>>({});
  return (
    <section className="doses" aria-labelledby="doses-h" data-testid="doses">
      <h2 id="doses-h">Doses these answers use</h2>
      <p className="muted">
        Each card below names the dose it used. Without a choice here, every answer uses each substance's default (its everyday use where the knowledge base
        records one); the tier at the top is computed at those defaults. Choose another dose to see the exposure change at it.
      </p>
      {subs.map((s) => {
        const opts = doseOptions(descs.find((d) => d.substance.id === s.id));
        const cur = chosen[s.id] ?? null;
        return (
          <div key={s.id} className="dose-row" role="group" aria-label={`Dose of ${s.name}`}>
            <strong>{s.name}:</strong> <span className="print-only">{cur ? cur.label : 'default dose (named on each card below)'}</span>{' '}
            <button type="button" aria-pressed={cur === null} onClick={() => onChoose(s.id, null)} disabled={busy}>
              default
            </button>
            {opts.map((o) => (
              <button key={o.label} type="button" aria-pressed={cur?.label === o.label} onClick={() => onChoose(s.id, o)} disabled={busy}>
                {o.label}
              </button>
            ))}
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
