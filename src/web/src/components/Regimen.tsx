import type { CheckResult } from '../api.js';
import { evidenceLabel, type SourceInfo } from '../format.js';
import { combinedEffects, pairsWorstFirst, worstPairIndex } from '../regimen.js';
import { EvidenceBadge, Sources } from './Evidence.js';
import { TierBadge, TierRule } from './Verdict.js';

const TIER_WORD: Record<string, string> = { red: 'Red', amber: 'Amber', yellow: 'Yellow', green: 'Green', grey: 'Grey' };

/** The whole list's verdict: how many pairs, and which one is worst, by name. */
export function OverallVerdict({ result }: { result: CheckResult }) {
  const worst = result.pairs[worstPairIndex(result)];
  if (!worst) return null;
  const count = (t: string) => result.pairs.filter((p) => p.tier === t).length;
  const tally = ['red', 'amber', 'yellow', 'green', 'grey']
    .map((t) => [t, count(t)] as const)
    .filter(([, n]) => n > 0)
    .map(([t, n]) => `${n} ${t}`)
    .join(', ');
  return (
    <section className={`verdict overall verdict-${worst.tier}`} aria-labelledby="overall-h" data-testid="overall-verdict">
      <h2 id="overall-h">
        {result.substances.length} substances, {result.pairs.length} pairs: worst is{' '}
        <strong data-testid="worst-pair">
          {worst.a.name} + {worst.b.name}
        </strong>
      </h2>
      <p data-testid="regimen-verdict">
        <TierBadge tier={worst.tier} /> {result.verdict?.text ?? (worst.tierReasons[0] ? `Why: ${worst.tierReasons[0]}.` : '')} Choose any pair below to see how it connects.
      </p>
      <p className="muted">
        {/* The API's verdict already counts the pairs by tier. */}
        {result.verdict ? '' : `All pairs: ${tally}. `}
        <TierRule pair={worst} />
      </p>
    </section>
  );
}

/** Every pair, worst first, coloured by tier (Liverpool style); choosing a cell opens that pair below. */
export function PairGrid({ result, selected, onSelect }: { result: CheckResult; selected: number; onSelect: (i: number) => void }) {
  const order = pairsWorstFirst(result);
  return (
    <section aria-labelledby="grid-h" className="grid-section">
      <h2 id="grid-h">Every pair, worst first</h2>
      <ol className="pair-grid" data-testid="pair-grid">
        {order.map((i) => {
          const p = result.pairs[i]!;
          return (
            <li key={`${p.a.id}-${p.b.id}`}>
              <button
                type="button"
                className={`pair-cell cell-${p.tier}`}
                aria-pressed={i === selected}
                data-testid="pair-cell"
                data-tier={p.tier}
                onClick={() => onSelect(i)}
              >
                <span className="cell-names">
                  {p.a.name} + {p.b.name}
                </span>
                <span className="cell-tier">{TIER_WORD[p.tier] ?? p.tier}</span>
                <span className="cell-axes">
                  severity {p.severity} · evidence {evidenceLabel(p.verdict.evidence)}
                </span>
                {p.tierReasons[0] && <span className="cell-why">{p.tierReasons[0]}</span>}
              </button>
            </li>
          );
        })}
      </ol>
    </section>
  );
}

/** Per effect class, every substance that adds to it; three or more on a serious effect is flagged, no score. */
export function CombinedEffects({ result, sources }: { result: CheckResult; sources: Map<string, SourceInfo> }) {
  const effects = combinedEffects(result);
  return (
    <section aria-labelledby="effects-h" className="effects-section" data-testid="combined-effects">
      <h2 id="effects-h">Effects they add to together</h2>
      {effects.length === 0 ? (
        <p className="muted">No effect class recorded to which two or more of these substances add.</p>
      ) : (
        <ul className="effects">
          {effects.map((e) => (
            <li key={e.id} className={e.flagged ? 'effect flagged' : 'effect'} data-testid={`effect-${e.id}`}>
              <h3>
                {e.name} <span className="muted">(severity if it happens: {e.severity})</span>
              </h3>
              {e.flagged && (
                <p className="flag" role="note">
                  {e.substances} of the chosen substances add to this effect ({e.name}): together they stack.
                </p>
              )}
              <ul className="contributors">
                {e.contributors.map((c) => (
                  <li key={c.substance}>
                    <strong>{c.name}</strong> — {c.strength || 'contributes'} · <EvidenceBadge level={c.evidence} />
                    {c.sources.length > 0 && (
                      <details className="src-more">
                        <summary>
                          {c.sources.length} source{c.sources.length > 1 ? 's' : ''}
                        </summary>
                        <Sources ids={c.sources} index={sources} />
                      </details>
                    )}
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
