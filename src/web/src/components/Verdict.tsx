import type { PairAnalysis } from '../api.js';
import { EvidenceBadge } from './Evidence.js';

export const TIER_TEXT: Record<string, string> = {
  red: 'Red: avoid or use only with close monitoring',
  amber: 'Amber: a meaningful interaction is possible',
  yellow: 'Yellow: a minor or uncertain interaction',
  green: 'Green: no interaction expected from the recorded data',
  grey: 'Grey: the knowledge base lacks the data to say',
};

/** The tier rule in one sentence (src/core/answers/check/tier.ts), shown wherever a tier is. */
export const TIER_RULE =
  'The tier is the worst of three checks: the predicted change in blood levels (yellow from 1.25-fold, amber from 2-fold, red from 5-fold for a narrow-margin medicine), a label class at an enzyme that clears most of the drug, and effects both add to (red when both add strongly to a serious effect on label-level evidence); how sure we are is shown apart.';

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
          <TierBadge tier={pair.tier} /> <span className="tier-rule muted" data-testid="tier-rule">{TIER_RULE}</span>
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
