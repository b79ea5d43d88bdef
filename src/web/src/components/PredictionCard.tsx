/** One direction of the exposure answer: the model's estimate (or why there is none) beside what studies observed. */
import type { Prediction } from '../api.js';
import { ratio, type SourceInfo } from '../format.js';
import { EvidenceBadge, Sources } from './Evidence.js';

type Observed = Prediction['observed'][number];
type ClassNote = Prediction['clinicalClasses'][number];

const MODEL_LABEL = { anchored: 'Clinically anchored (other pairs’ human studies)', static: 'Mechanistic static (lab constants)', dynamic: 'Dynamic simulation' } as const;

const PLURAL: Record<string, string> = { rat: 'rats', mouse: 'mice', dog: 'dogs', monkey: 'monkeys', rabbit: 'rabbits', pig: 'pigs', 'guinea pig': 'guinea pigs' };

/** "observed in people" or "observed in rats, not people": the species is the first thing a reader must see. */
export function speciesLabel(species: string): string {
  const s = species.trim().toLowerCase();
  if (s === 'human' || s === 'humans' || s === 'people') return 'observed in people';
  return `observed in ${PLURAL[s] ?? s}, not people`;
}

/** "Kratom 2 g (usual dose, tanna-2022)": the dose an answer used, and where it came from. */
function doseText(name: string, dose: string, source: string, usage?: string): string {
  if (!dose || dose === 'not given') return `${name}: no dose given`;
  // 'user': a dose passed in — the check's usage pattern or one typed in; the dose panels say which. `usage`: the
  // everyday pattern that stood in for a dose not given (a joint of cannabis), a typical-use estimate.
  const from = usage ? ` (everyday default: ${usage})` : !source || source === 'none' || source === 'user' || source === 'request' ? '' : ` (default: ${source})`;
  return `${name} ${dose}${from}`;
}

const STATUS_TEXT: Record<Prediction['status'], string> = {
  predicted: 'predicted',
  'no-interaction-expected': 'no interaction expected',
  grey: 'grey: no estimate',
};

/** Ids such as `cyp3a4` or `ritonavir` as readers know them, using names the answer already carries. */
function nameOf(id: string, p: Prediction, names: Map<string, string>): string {
  if (id === p.perpetrator.id) return p.perpetrator.name;
  if (id === p.victim.id) return p.victim.name;
  if (id === p.victim.analyte) return p.victim.analyteName;
  return names.get(id) ?? (/^cyp|^ugt|^abc|^slc/i.test(id) ? id.toUpperCase() : id.charAt(0).toUpperCase() + id.slice(1));
}

function classSentence(c: ClassNote, p: Prediction, names: Map<string, string>): string {
  const what = c.action === 'inducer' ? 'inducer' : 'inhibitor';
  return `${nameOf(c.substance, p, names)} is a ${c.clinicalClass} ${nameOf(c.enzyme, p, names)} ${what} (FDA class)`;
}

function ObservedStudy({ o, sources, measured }: { o: Observed; sources: Map<string, SourceInfo>; measured: string }) {
  const human = o.species.trim().toLowerCase() === 'human';
  return (
    <li className={`observed-study ${human ? 'obs-human' : 'obs-animal'}`} data-testid="observed-study">
      <p className="obs-species">
        <strong>{speciesLabel(o.species)}</strong> · <EvidenceBadge level={o.evidence} />
        {o.match === 'related-product' && <span className="muted"> · study of a related product</span>}
        {!o.measuresAsked && <span className="muted" data-testid="observed-other-analyte"> · measured {measured}, not the exposure asked about (context)</span>}
      </p>
      {o.aucRatio !== undefined || o.cmaxRatio !== undefined ? (
        <dl className="ratios">
          <div>
            <dt>Observed AUC change</dt>
            <dd>{o.aucRatio !== undefined ? ratio(o.aucRatio) : 'not recorded'}</dd>
          </div>
          <div>
            <dt>Observed Cmax change</dt>
            <dd>{o.cmaxRatio !== undefined ? ratio(o.cmaxRatio) : 'not recorded'}</dd>
          </div>
        </dl>
      ) : (
        <p className="muted">No numeric ratio recorded for this study.</p>
      )}
      {(o.summary || o.perpetratorDose || o.victimDose) && (
        <details>
          <summary>What the study did</summary>
          {o.summary && <p>{o.summary}</p>}
          {(o.perpetratorDose || o.victimDose) && <p className="muted">Doses: {[o.perpetratorDose, o.victimDose].filter(Boolean).join('; ')}</p>}
        </details>
      )}
      <Sources ids={o.sources} index={sources} />
    </li>
  );
}

export function PredictionCard({ p, via, sources, names }: { p: Prediction; via?: string; sources: Map<string, SourceInfo>; names: Map<string, string> }) {
  const grey = p.status === 'grey';
  const classes = [...new Map(p.clinicalClasses.map((c) => [`${c.substance}|${c.enzyme}|${c.action}`, c])).values()];
  return (
    <article className={`card prediction status-${p.status}`} data-testid="prediction-card">
      <h3>
        {p.perpetrator.name} → {p.victim.analyteName}
        {via && <span className="muted"> (as part of {via})</span>}
      </h3>
      <p className="dose-used" data-testid="dose-used">
        At {doseText(p.perpetrator.name, p.perpetrator.dose, p.perpetrator.doseSource, p.perpetrator.usage)}; {doseText(p.victim.name, p.victim.dose, p.victim.doseSource, p.victim.usage)}
      </p>
      <p className="status-line">
        <span className={`status-badge st-${p.status}`}>{STATUS_TEXT[p.status]}</span>
        {p.model !== 'none' && <span className="muted"> · {p.model} model</span>}
      </p>
      {grey ? (
        <div className="grey-answer" data-testid="grey-answer">
          <p>
            <strong>No estimate.</strong> The knowledge base lacks what this answer needs. That is not the same as “no interaction”.
          </p>
          {p.missing.length > 0 && (
            <>
              <p className="missing-head">Missing:</p>
              <ul className="missing">
                {p.missing.map((m) => (
                  <li key={m}>{m}</li>
                ))}
              </ul>
            </>
          )}
        </div>
      ) : (
        <>
          <dl className="ratios">
            <div>
              <dt>Predicted AUC change</dt>
              <dd>
                {ratio(p.aucRatio)} {p.range && <span className="muted range">(range {ratio(p.range.low)}–{ratio(p.range.high)})</span>}
              </dd>
            </div>
            <div>
              <dt>Predicted Cmax change</dt>
              <dd>{p.cmaxRatio === null ? <span className="muted">not estimated by this model</span> : ratio(p.cmaxRatio)}</dd>
            </div>
            <div>
              <dt>Size</dt>
              <dd>{p.magnitudeClass === 'metabolite' ? "a metabolite's exposure (the FDA bands classify a substrate's)" : p.magnitudeClass}</dd>
            </div>
          </dl>
          {/* The classification gets its own box below; keep the sentence once. */}
          <p>{classes.length ? p.plain.split(' Clinical classification:')[0] : p.plain}</p>
        </>
      )}
      {p.models && p.models.length > 1 && (
        <div className="models" data-testid="models">
          {/* Listed in the order the best-estimate rule tried them for this question (it differs for transporters and metabolites). */}
          <p className="muted">Every model's answer, in the order the best estimate tries them (the first that answers is chosen):</p>
          <ul aria-label="Every model's answer">
            {p.models.map((m) => (
              <li key={m.model}>
                {MODEL_LABEL[m.model]}: {m.aucRatio === null ? 'no estimate (grey)' : `AUC ${ratio(m.aucRatio)}`}
                {m.range && <span className="muted range"> (range {ratio(m.range.low)}–{ratio(m.range.high)})</span>}
                {m.chosen && <strong> ← best estimate</strong>}
              </li>
            ))}
          </ul>
        </div>
      )}
      {classes.length > 0 && (
        <div className="clinical">
          <p className="clinical-head">Clinical classification (from drug labels or the FDA table, not a model input):</p>
          <ul className="clinical-classes" aria-label="Clinical classification">
            {classes.map((c) => (
              <li key={`${c.substance}|${c.enzyme}|${c.action}`}>
                {classSentence(c, p, names)}
                <Sources ids={c.sources} index={sources} />
              </li>
            ))}
          </ul>
          <p className="muted bands">FDA bands: a strong inhibitor raises a sensitive substrate's AUC at least 5-fold, a moderate one 2–5-fold, a weak one 1.25–2-fold.</p>
        </div>
      )}
      {p.observed.length > 0 && (
        <section className="observed" aria-label={`Observed in studies: ${p.perpetrator.name} → ${p.victim.analyteName}`}>
          <h4>Observed in studies</h4>
          <ul>
            {p.observed.map((o) => (
              <ObservedStudy key={o.id} o={o} sources={sources} measured={nameOf(o.analyte ?? o.victim, p, names)} />
            ))}
          </ul>
        </section>
      )}
      {!grey && p.mechanisms.length > 0 && (
        <p className="muted">
          Mechanism: {p.mechanisms.map((m) => `${m.enzyme.toUpperCase()} ${m.kind} (${m.site}) ${ratio(m.aucRatio)}`).join('; ')}
        </p>
      )}
      {p.warnings.length > 0 && (
        <ul className="warnings">
          {p.warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      )}
      <p className="muted">
        Evidence: <EvidenceBadge level={p.evidence.level} /> · basis: {p.basis}
      </p>
      <details>
        <summary>Sources and assumptions</summary>
        <ul>
          {p.assumptions.map((a) => (
            <li key={a}>{a}</li>
          ))}
        </ul>
        <Sources ids={p.sources} index={sources} />
      </details>
    </article>
  );
}
