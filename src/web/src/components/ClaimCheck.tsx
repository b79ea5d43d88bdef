/**
 * The claim checker in the browser: one checked claim (ClaimView: how it was read, verdict, reasons with evidence and
 * sources, caveats), the claim box of the Evidence tab (ClaimCheck), and the Claims page (/claims, ClaimsPage), where a
 * person pastes a post and sees each claim highlighted with its verdict. Everything comes from POST /api/claim.
 */
import { useId, useMemo, useRef, useState } from 'react';
import { api, errorText, type ClaimCheckResult, type ClaimResult } from '../api.js';
import type { SourceInfo } from '../format.js';
import { NOTICE } from '../notice.js';
import { EvidenceBadge, Sources } from './Evidence.js';
import { PageTop } from './PageTop.js';
import './ClaimCheck.css';

export const VERDICT_TEXT: Record<string, string> = {
  supported: 'Supported',
  contradicted: 'Contradicted',
  'not-supported': 'Not supported',
  'insufficient-evidence': 'Insufficient evidence',
  unrecognized: 'Not recognised',
};

/** What each verdict means, in one line (docs/claims.md has the rules). */
const VERDICT_HELP: Record<string, string> = {
  supported: 'The knowledge base holds evidence for the claim as read.',
  contradicted: 'The knowledge base holds evidence that makes the claim false.',
  'not-supported': 'A well-formed claim, but the knowledge base holds nothing for or against it.',
  'insufficient-evidence': 'The knowledge base has relevant facts, but too weak or mixed to decide.',
  unrecognized: 'Crosstalk could not read this as a claim it can check.',
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
        <span className={`verdict-badge v-${c.verdict}`} data-testid={testId && `${testId}-verdict`} title={VERDICT_HELP[c.verdict]}>
          {VERDICT_TEXT[c.verdict] ?? c.verdict}
        </span>{' '}
        “{c.claim}”
      </p>
      {c.reading && (
        <p className="reading" data-testid={testId && `${testId}-reading`}>
          <span className="muted">I read this as:</span> {c.reading.text}
        </p>
      )}
      <p>{c.summary}</p>
      {c.reasons.length > 0 && (
        <ul className="claim-reasons">
          {c.reasons.slice(0, maxReasons).map((r, i) => (
            <li key={`${i}-${r.text}`}>
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
      {c.suggestions && c.suggestions.length > 0 && (
        <>
          <p>Claims Crosstalk can check, with an example of each:</p>
          <ul className="forms" aria-label="Claim forms Crosstalk understands">
            {c.suggestions.map((f) => (
              <li key={f.kind}>
                <strong>{f.kind}</strong>: “{f.example}”
              </li>
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

/** Sources named by a check, as the Sources list expects them, from the answer's own references. */
function referenceIndex(r: ClaimCheckResult | null, base?: Map<string, SourceInfo>): Map<string, SourceInfo> {
  const m = new Map(base ?? []);
  for (const ref of r?.references ?? []) if (!m.has(ref.id)) m.set(ref.id, ref);
  return m;
}

/** The Evidence tab's box: check any sentence (or several) about the pair. */
/**
 * The request state both claim views share: the last answer, an error in plain words, and whether a request is out.
 * `check(text)` returns whether it succeeded; an empty text is refused with `emptyHint` before any request.
 */
function useClaimRequest(emptyHint: string) {
  const [result, setResult] = useState<ClaimCheckResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const check = async (text: string): Promise<boolean> => {
    if (!text.trim()) {
      setError(emptyHint);
      return false;
    }
    setBusy(true);
    setError(null);
    try {
      setResult(await api.claim(text.trim()));
      return true;
    } catch (e) {
      setResult(null);
      setError(errorText(e));
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { result, error, busy, check };
}

export function ClaimCheck({ examples, sources }: { examples: string[]; sources: Map<string, SourceInfo> }) {
  const [text, setText] = useState('');
  const { result, error, busy, check: request } = useClaimRequest('Write a claim first, for example “cannabis and kratom are pharmacologically unrelated”.');
  const inputRef = useRef<HTMLInputElement>(null);
  const id = useId();
  const index = useMemo(() => referenceIndex(result, sources), [result, sources]);
  const check = async (claim: string) => {
    if (!claim.trim()) inputRef.current?.focus();
    await request(claim);
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
            maxLength={2000}
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
          Press Enter to check. Any sentence works; Crosstalk says so when it cannot read it as a claim. For a whole post, use the{' '}
          <a href="/claims">claims page</a>.
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
                “{x}”
              </button>
            ))}
          </p>
        )}
      </form>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <div className="claim-answer" aria-live="polite">
        {result?.claims.map((c, i) => (
          <ClaimView key={`${c.start}-${c.claim}`} c={c} sources={index} detailed testId={i === 0 ? 'claim-result' : undefined} />
        ))}
      </div>
    </section>
  );
}

const SAMPLE = `Kratom only acts on opioid receptors, so it's basically harmless. CBD inhibits CYP2D6. Kratom is legal everywhere and has no potential for dependence.`;

/** The text as pasted, each claim marked with its verdict and linked to its answer below. */
function Highlighted({ text, result }: { text: string; result: ClaimCheckResult }) {
  const parts: React.ReactNode[] = [];
  let at = 0;
  result.claims.forEach((c, i) => {
    if (c.start < at) return;
    if (c.start > at) parts.push(text.slice(at, c.start));
    parts.push(
      <a key={i} href={`#claim-${i}`} className={`hl v-${c.verdict}`} title={`${VERDICT_TEXT[c.verdict]}: ${c.summary}`} data-testid={`hl-${i}`}>
        {text.slice(c.start, c.end)}
        <sup>
          {i + 1}
          <span className="sr-only"> ({VERDICT_TEXT[c.verdict]})</span>
        </sup>
      </a>,
    );
    at = c.end;
  });
  if (at < text.length) parts.push(text.slice(at));
  return (
    <p className="highlighted" data-testid="highlighted">
      {parts}
    </p>
  );
}

/** The Claims page (/claims): paste a forum post or a product page, see every claim checked. */
export default function ClaimsPage() {
  const [text, setText] = useState('');
  const [checked, setChecked] = useState('');
  const { result, error, busy, check } = useClaimRequest('Paste some text first: a forum post, a headline or a product page.');
  const id = useId();
  const index = useMemo(() => referenceIndex(result), [result]);
  const run = async () => {
    if (await check(text)) setChecked(text.trim());
  };
  return (
    <>
      <PageTop tagline="Check what the internet says about substances, claim by claim, against the evidence." />
      <main id="main" className="claims-page">
        <section aria-labelledby={`${id}-h`} className="claim-check">
          <h2 id={`${id}-h`}>Check the claims in a text</h2>
          <form
            onSubmit={(e) => {
              e.preventDefault();
              void run();
            }}
          >
            <label htmlFor={`${id}-text`}>Text to check</label>
            <textarea
              id={`${id}-text`}
              rows={7}
              value={text}
              maxLength={20000}
              onChange={(e) => setText(e.target.value)}
              placeholder={SAMPLE}
              aria-describedby={`${id}-hint`}
            />
            <p id={`${id}-hint`} className="muted hint">
              Each sentence or clause is read as a claim: relations (“CBD inhibits CYP2D6”), exclusivity (“only”, “never”), pairs, interactions,
              exposure, effects, dependence, legality, safety (“X is harmless”), membership (“X is an opioid”) and findings in context. Up to 20,000 characters.
            </p>
            <p className="claim-row">
              <button type="submit" disabled={busy}>
                {busy ? 'Checking…' : 'Check claims'}
              </button>
              <button type="button" className="linklike" onClick={() => setText(SAMPLE)}>
                Use an example post
              </button>
            </p>
          </form>
        </section>
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        {result && (
          <section aria-label="Claims found" data-testid="claims-result">
            <p className="claims-summary" role="status" data-testid="claims-summary">
              {result.summary.text}
            </p>
            <Highlighted text={checked} result={result} />
            <ol className="claims claims-list">
              {result.claims.map((c, i) => (
                <li key={`${c.start}-${c.claim}`} id={`claim-${i}`}>
                  <ClaimView c={c} sources={index} detailed testId={`claim-${i}`} />
                </li>
              ))}
            </ol>
          </section>
        )}
      </main>
      <footer className="foot">
        <p>{NOTICE}</p>
        <p className="muted">
          <a href="/">Crosstalk</a> · <a href="/docs">API</a> · Crosstalk stores nothing about you: the text is checked and forgotten.
        </p>
      </footer>
    </>
  );
}
