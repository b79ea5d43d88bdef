import type { PairAnalysis } from '../api.js';
import { EvidenceBadge } from './Evidence.js';

export const TIER_TEXT: Record<string, string> = {
  red: 'Red: avoid or use only with close monitoring',
  amber: 'Amber: a meaningful interaction is possible',
  yellow: 'Yellow: a minor or uncertain interaction',
  green: 'Green: no interaction expected from the recorded data',
  grey: 'Grey: the knowledge base lacks the data to say',
};

/**
 * The tier rule in one sentence, as the engine renders it (the PAIR_AXES statement's technical text, the same words
 * the CLI prints); the web keeps no copy of its own, so the two cannot drift. Null when the answer carries none.
 */
export function tierRuleOf(pair: PairAnalysis): string | null {
  return pair.statements.find((s) => s.code === 'PAIR_AXES')?.technical || null;
}

const SEVERITY_TEXT: Record<string, string> = {
  high: 'High: serious harm is possible',
  moderate: 'Moderate: a meaningful change is possible',
  low: 'Low: a minor change',
  none: 'None expected',
  unknown: 'Unknown: not enough data',
};

const LIKELIHOOD_TEXT: Record<string, string> = {
  established: 'established (seen in people)',
  probable: 'probable (predicted from measured data)',
  possible: 'possible (shared mechanism)',
  theoretical: 'theoretical',
  unknown: 'unknown',
};

export function TierBadge({ tier }: { tier: string }) {
  return <span className={`tier tier-${tier}`}>{TIER_TEXT[tier] ?? tier}</span>;
}

/** The engine's tier rule beside a tier. */
export function TierRule({ pair }: { pair: PairAnalysis }) {
  const rule = tierRuleOf(pair);
  return rule ? (
    <span className="tier-rule muted" data-testid="tier-rule">
      {rule}
    </span>
  ) : null;
}

/** Severity (what could happen) and evidence (how sure) as two separate lines, the tier and its rule beside them. */
export function Axes({ pair }: { pair: PairAnalysis }) {
  return (
    <dl className="axes" data-testid="axes">
      <div>
        <dt>Severity — what could happen</dt>
        <dd data-testid="axis-severity">
          <span className={`sev sev-${pair.severity}`}>{SEVERITY_TEXT[pair.severity] ?? pair.severity}</span>
        </dd>
      </div>
      <div>
        <dt>Evidence — how sure we are</dt>
        <dd data-testid="axis-evidence">
          <EvidenceBadge level={pair.verdict.evidence} /> · certainty {pair.verdict.grade} · likelihood {LIKELIHOOD_TEXT[pair.likelihood] ?? pair.likelihood}
        </dd>
      </div>
      <div>
        <dt>Tier</dt>
        <dd>
          <TierBadge tier={pair.tier} /> <TierRule pair={pair} />
        </dd>
      </div>
    </dl>
  );
}

export function Verdict({ pair }: { pair: PairAnalysis }) {
  return (
    <section className={`verdict verdict-${pair.tier}`} aria-labelledby="verdict-h">
      <h2 id="verdict-h">
        Are {pair.a.name} and {pair.b.name} connected? <strong data-testid="verdict-answer">{pair.connected ? 'Yes' : 'Not that we know of'}</strong>
      </h2>
      <p data-testid="verdict">{pair.verdict.plain}</p>
      <Axes pair={pair} />
      {pair.tierReasons.length > 0 && <p className="tier-reasons muted">Why this tier: {pair.tierReasons.join('; ')}.</p>}
    </section>
  );
}
