import type { SubstanceDescription } from '../api.js';
import { type SourceInfo } from '../format.js';
import { EvidenceBadge, Sources } from './Evidence.js';

type Study = SubstanceDescription['clinical'][number];

/** A name inside a sentence: "Cannabidiol" → "cannabidiol", but "OPMS liquid kratom" and "CYP3A4" stay as written. */
export function inSentence(name: string): string {
  return /^.[A-Z]/.test(name) ? name : name.charAt(0).toLowerCase() + name.slice(1);
}

/** " — from mitragynine" when a plant or product page shows a record of one of its constituents or products (issue 16 §4). */
function From({ d, id }: { d: SubstanceDescription; id: string }) {
  const from = d.via[id];
  if (!from) return null;
  return (
    <span className="from muted" data-testid="from">
      {' '}
      (from {inSentence(d.names[from] ?? from)})
    </span>
  );
}

function studyLine(d: SubstanceDescription, c: Study): { who: string; measured: string } {
  const name = (id: string | undefined) => (id ? inSentence(d.names[id] ?? id) : '');
  const analyte = c.analyte && c.analyte !== c.victim ? c.analyte : undefined;
  const who = c.perpetrator ? `${name(c.perpetrator)} → ${name(analyte ?? c.victim)}` : `${name(analyte ?? c.victim)}${c.genotype ? ` (${c.genotype})` : ''}`;
  const parts = [c.perpetrator && `perpetrator ${name(c.perpetrator)}${c.perpetratorDose ? ` ${c.perpetratorDose}` : ''}`, `victim ${name(c.victim)}${c.victimDose ? ` ${c.victimDose}` : ''}`];
  if (analyte) parts.push(`${name(analyte)} measured`);
  return { who, measured: parts.filter(Boolean).join('; ') };
}

function RatioText({ c }: { c: Study }) {
  const q = c.aucRatio ?? c.cmaxRatio;
  if (!q) return <>no ratio recorded</>;
  const ci = q.low !== undefined && q.high !== undefined ? ` (${c.interval && c.interval !== 'none' ? `${c.interval} ` : ''}${q.low}–${q.high})` : '';
  return (
    <>
      {c.aucRatio ? 'AUC ratio' : 'Cmax ratio'} <strong data-testid="study-ratio">×{q.original.value}</strong>
      {ci}
    </>
  );
}

/** Interaction studies: people first, then animal studies, each labelled as not a human outcome. */
function Studies({ d, sources }: { d: SubstanceDescription; sources: Map<string, SourceInfo> }) {
  const human = d.clinical.filter((c) => c.species === 'human');
  const animal = d.clinical.filter((c) => c.species !== 'human');
  if (!d.clinical.length) return null;
  return (
    <section className="about-part">
      <h3>
        Interaction studies ({human.length} in people, {animal.length} in animals)
      </h3>
      <ul className="studies">
        {[...human, ...animal].map((c) => {
          const { who, measured } = studyLine(d, c);
          return (
            <li key={c.id} data-testid="study" data-species={c.species}>
              <strong>{who}</strong>
              <From d={d} id={c.id} />: <RatioText c={c} />
              {c.n ? `, n = ${c.n}` : ', n not stated'} ·{' '}
              {c.species === 'human' ? (
                <span>in people</span>
              ) : (
                <span className="preclinical" data-testid="animal-label">
                  {c.species}: animal study — not a human outcome
                </span>
              )}
              <div className="muted">{measured}</div>
              <Sources ids={c.sources} index={sources} />
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** One substance's page: its summary, then findings, risk notes and interaction studies, rolled up for a plant or product. */
export function SubstanceAbout({ d, open, sources }: { d: SubstanceDescription; open: boolean; sources: Map<string, SourceInfo> }) {
  const id = d.substance.id;
  if (!d.substance.summary && !d.findings.length && !d.risks.length && !d.clinical.length) return null;
  return (
    <details className="about-item" open={open} data-testid={`about-${id}`}>
      <summary>About {d.substance.name}</summary>
      {d.substance.summary && <p data-testid={`summary-${id}`}>{d.substance.summary}</p>}
      <Studies d={d} sources={sources} />
      {d.findings.length > 0 && (
        <section className="about-part">
          <h3>Findings ({d.findings.length})</h3>
          <ul>
            {d.findings.map((f) => (
              <li key={f.id} data-testid="finding">
                <strong>{f.title}</strong>
                <From d={d} id={f.id} /> <EvidenceBadge level={f.evidence} /> <span className="muted">{f.species}</span>
                {f.evidence === 'animal' || f.evidence === 'in_vitro' || f.evidence === 'in_silico' ? <span className="muted"> (preclinical)</span> : null}
                <div>{f.summary}</div>
                <Sources ids={[f.source]} index={sources} />
              </li>
            ))}
          </ul>
        </section>
      )}
      {d.risks.length > 0 && (
        <section className="about-part">
          <h3>Risk notes ({d.risks.length})</h3>
          <ul>
            {d.risks.map((r) => (
              <li key={r.id} data-testid="risk">
                <strong>{r.title}</strong>
                <From d={d} id={r.id} />: {r.text}
                <Sources ids={r.sources} index={sources} />
              </li>
            ))}
          </ul>
        </section>
      )}
    </details>
  );
}
