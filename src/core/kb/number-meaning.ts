/**
 * One meaning per number (issue 16 §3): the checks `kb validate` runs on every quantity, beyond its unit.
 *
 * Errors (the KB is clean of them, so they stay errors): an SD and an SEM on one number; an inhibition or induction
 * constant without `bound` (total = nominal incubation concentration, unbound = corrected for binding in the
 * incubation); a `low`–`high` that does not say what it is (`interval`; an error since the KB was cleaned on
 * 2026-12-05 — `unstated` says so honestly where nobody can tell); `bounds` on a number that was not computed.
 * A per-kg dose without a species-typical weight to scale it is left to the dose grammar.
 */
import { INTERVAL_KINDS } from '../schema/quantity.js';
import { quantitiesIn } from './convert.js';
import type { Quantity } from '../schema/quantity.js';

export interface NumberMeaningIssue {
  record: unknown;
  path: (string | number)[];
  severity: 'error' | 'warning';
  message: string;
}

/** Fields that hold an inhibition or induction constant: their binding basis changes the prediction several-fold. */
const CONSTANT_FIELDS = new Set(['ki', 'ic50', 'KI', 'ec50', 'kinactOverKI']);

export function numberMeaningIssues(records: Iterable<unknown>, assumptionSources: ReadonlySet<string>): NumberMeaningIssue[] {
  const out: NumberMeaningIssue[] = [];
  for (const record of records)
    for (const [path, q] of quantitiesIn(record) as Iterable<[(string | number)[], Quantity]>) {
      const field = String(path[path.length - 1]);
      if (q.sd !== undefined && q.sem !== undefined)
        out.push({ record, path: [...path, 'sem'], severity: 'error', message: 'a number carries both an SD and an SEM: keep the one the source reports' });
      if (CONSTANT_FIELDS.has(field) && !q.bound)
        out.push({ record, path: [...path, 'bound'], severity: 'error', message: `${field} must say whether it is total (nominal) or unbound` });
      // A clinical study names its ratio's interval once, on the record (`interval`: ci90, range, …).
      const recordInterval = typeof (record as { interval?: unknown }).interval === 'string';
      if ((q.low !== undefined || q.high !== undefined) && !q.interval && !recordInterval && !assumptionSources.has(q.source))
        out.push({ record, path: [...path, 'interval'], severity: 'error', message: `low–high does not say what it is (interval: ${INTERVAL_KINDS.join(', ')})` });
      if (q.interval === 'bounds' && !q.derived)
        out.push({ record, path: [...path, 'interval'], severity: 'error', message: "'bounds' are a computed number's alternative estimates; a number read from a source has the interval its source reports" });
      if (q.interval === 'plausible' && !assumptionSources.has(q.source))
        out.push({ record, path: [...path, 'interval'], severity: 'error', message: "'plausible' is an assumption's range; a cited number's interval is what its source reports" });
    }
  return out;
}
