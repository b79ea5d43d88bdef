import type { Brief, PairAnalysis, SubstanceDescription } from '../api.js';
import { monthsSince, type SourceInfo } from '../format.js';
import { ClaimCheck, ClaimView } from './ClaimCheck.js';
import { EvidenceBadge, Sources } from './Evidence.js';

export function EvidenceTab({
  pair,
  brief,
  briefError,
  descs,
  jurisdiction,
  jurisdictions,
  onJurisdiction,
  sources,
}: {
  pair: PairAnalysis;
  brief: Brief | null;
  briefError: string | null;
  descs: SubstanceDescription[];
  jurisdiction: string;
  jurisdictions: { id: string; name: string }[];
  onJurisdiction: (j: string) => void;
  sources: Map<string, SourceInfo>;
}) {
  const risks = brief?.sections.find((s) => s.id === 'risks');
  const cite = (ns: number[]) => ns.map((n) => brief?.sources.find((s) => s.n === n)?.id).filter((x): x is string => !!x);
  const legal = descs.flatMap((d) => d.legal.filter((l) => l.jurisdiction === jurisdiction).map((l) => ({ ...l, name: d.substance.name })));
  return (
    <div className="evidence">
      <ClaimCheck examples={[`${pair.a.name.toLowerCase()} and ${pair.b.name.toLowerCase()} are pharmacologically unrelated`, `${pair.b.name.toLowerCase()} raises ${pair.a.name.toLowerCase()} levels`]} sources={sources} />
      <section aria-labelledby="claims-h">
        <h2 id="claims-h">What the evidence supports, and what it does not</h2>
        {briefError && <p className="error">{briefError}</p>}
        {!brief && !briefError && <p>Loading the claim checks…</p>}
        <ul className="claims">
          {brief?.claims.map((c) => (
            <li key={c.claim}>
              <ClaimView c={c} sources={sources} maxReasons={6} />
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="statements-h">
        <h2 id="statements-h">Every statement, with its evidence level</h2>
        <ul className="statements">
          {pair.statements.map((s) => (
            <li key={s.id}>
              {s.plain} <EvidenceBadge level={s.evidence} /> {s.preclinical && <span className="muted">(lab or animal data only)</span>}
              {s.caveat && <span className="muted"> {s.caveat}</span>}
              <Sources ids={s.sources} index={sources} />
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="risks-h">
        <h2 id="risks-h">Risk notes</h2>
        {risks && risks.items.length > 0 ? (
          <ul>
            {risks.items.map((i) => (
              <li key={i.text}>
                {i.text} {i.evidence && <EvidenceBadge level={i.evidence} />}
                <Sources ids={cite(i.cites)} index={sources} />
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">{brief ? 'No risk notes recorded for this pair.' : '…'}</p>
        )}
        <p>{pair.tierReasons.join('; ')}.</p>
      </section>
      <section aria-labelledby="legal-h">
        <h2 id="legal-h">Legal status</h2>
        <label>
          Jurisdiction{' '}
          <select className="screen-only" value={jurisdiction} onChange={(e) => onJurisdiction(e.target.value)} data-testid="jurisdiction">
            {jurisdictions.map((j) => (
              <option key={j.id} value={j.id}>
                {j.name} ({j.id})
              </option>
            ))}
          </select>
          {/* On paper a drop-down means nothing: the chosen jurisdiction is printed as text instead. */}
          <span className="print-only">{jurisdictions.find((j) => j.id === jurisdiction)?.name ?? jurisdiction}</span>
        </label>
        {legal.length === 0 ? (
          <p className="muted">No legal status recorded for these substances in this jurisdiction.</p>
        ) : (
          <ul className="legal">
            {legal.map((l, i) => {
              const stale = monthsSince(l.asOf) > 12;
              return (
                <li key={i}>
                  <strong>{l.name}</strong> ({l.form}, {l.use}): <span className={`legal-${l.status}`}>{l.status}</span>. {l.notes}{' '}
                  <span className="muted">As of {l.asOf}.</span>
                  {stale && (
                    <span className="stale" role="note">
                      {' '}
                      Warning: this status is more than 12 months old and may have changed; check an official source.
                      {l.rechecked && ` Searched again on ${l.rechecked}: no later source was found.`}
                    </span>
                  )}
                  <Sources ids={[l.source]} index={sources} />
                </li>
              );
            })}
          </ul>
        )}
      </section>
    </div>
  );
}
