/** A checked claim (verdict, reasons, caveats, sources), and the free-text box that checks any claim via POST /api/claim. */
import { useId, useRef, useState } from 'react';
import { api, errorText, type ClaimResult } from '../api.js';
import type { SourceInfo } from '../format.js';
import { EvidenceBadge, Sources } from './Evidence.js';

export const VERDICT_TEXT: Record<string, string> = {
  supported: 'Supported',
  contradicted: 'Contradicted',
  'not-supported': 'Not supported',
  'insufficient-evidence': 'Insufficient evidence',
  unrecognized: 'Not recognised',
};

/** One claim and its answer. The brief's list is short (`maxReasons`); the checker cites each reason (`detailed`). */
export function ClaimView({
  c,
  sources,
  maxReasons = Infinity,
  detailed = false,
  testId,
}: {
  c: ClaimResult;
  sources: Map<string, SourceInfo>;
  maxReasons?: number;
  detailed?: boolean;
  testId?: string;
}) {
  return (
    <div className={`claim claim-${c.verdict}`} data-testid={testId}>
      <p>
        <span className={`verdict-badge v-${c.verdict}`} data-testid={testId && `${testId}-verdict`}>
          {VERDICT_TEXT[c.verdict] ?? c.verdict}
        </span>{' '}
        “{c.claim}”
      </p>
      <p>{c.summary}</p>
      {c.reasons.length > 0 && (
        <ul>
          {c.reasons.slice(0, maxReasons).map((r) => (
            <li key={r.text}>
              {r.text} {r.evidence && <EvidenceBadge level={r.evidence} />}
              {detailed && r.sources.length > 0 && ' '}
              {detailed && r.sources.length > 0 && (
                <details className="reason-sources">
                  <summary>
                    Sources ({r.sources.length})<span className="sr-only"> for this reason</span>
                  </summary>
                  <Sources ids={r.sources} index={sources} />
                </details>
              )}
            </li>
          ))}
        </ul>
      )}
      {c.caveats.length > 0 && <p className="muted">{c.caveats.join(' ')}</p>}
      {c.forms && c.forms.length > 0 && (
        <>
          <p>Crosstalk understands claims of these forms (A and B are substance names):</p>
          <ul className="forms" aria-label="Claim forms Crosstalk understands">
            {c.forms.map((f) => (
              <li key={f}>{f}</li>
            ))}
          </ul>
        </>
      )}
      {c.sources.length > 0 && (
        <details>
          <summary>All sources ({c.sources.length})</summary>
          <Sources ids={c.sources} index={sources} />
        </details>
      )}
    </div>
  );
}

export function ClaimCheck({ examples, sources }: { examples: string[]; sources: Map<string, SourceInfo> }) {
  const [text, setText] = useState('');
  const [result, setResult] = useState<ClaimResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const id = useId();
  const check = async (claim: string) => {
    if (!claim.trim()) {
      setError('Write a claim first, for example “cannabis and kratom are pharmacologically unrelated”.');
      inputRef.current?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      setResult(await api.claim(claim.trim()));
    } catch (e) {
      setResult(null);
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby={`${id}-h`} className="claim-check">
      <h2 id={`${id}-h`}>Check a claim</h2>
      <form
        className="claim-form"
        onSubmit={(e) => {
          e.preventDefault();
          void check(text);
        }}
      >
        <label htmlFor={`${id}-in`}>Claim to check</label>
        <div className="claim-row">
          <input
            id={`${id}-in`}
            ref={inputRef}
            type="text"
            value={text}
            maxLength={500}
            onChange={(e) => setText(e.target.value)}
            placeholder="e.g. cannabis and kratom are pharmacologically unrelated"
            aria-describedby={`${id}-hint`}
            autoComplete="off"
          />
          <button type="submit" disabled={busy}>
            {busy ? 'Checking…' : 'Check'}
          </button>
        </div>
        <p id={`${id}-hint`} className="muted hint">
          Press Enter to check. Any sentence works; Crosstalk says so when it cannot map it onto a claim it knows.
        </p>
        {examples.length > 0 && (
          <p className="examples">
            Try:{' '}
            {examples.map((x) => (
              <button
                key={x}
                type="button"
                className="linklike example"
                onClick={() => {
                  setText(x);
                  void check(x);
                }}
              >
                {x}
              </button>
            ))}
          </p>
        )}
      </form>
      <div aria-live="polite" className="claim-answer">
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        {result && !error && <ClaimView c={result} sources={sources} detailed testId="claim-result" />}
      </div>
    </section>
  );
}
