/** One meaning per number (issue 16 §3): what `kb validate` refuses, record by record. */
import { describe, expect, it } from 'vitest';
import { numberMeaningIssues } from '../../src/core/index.js';

const q = (extra: Record<string, unknown>) => ({ value: 1, unit: 'fraction', source: 'paper', verified: true, original: { value: 1, unit: 'fraction' }, ...extra });
const issues = (quantity: Record<string, unknown>, field = 'fu', assumptions: string[] = []) =>
  numberMeaningIssues([{ id: 'r', [field]: quantity }], new Set(assumptions)).map((i) => `${i.severity}: ${i.path.join('.')}`);

describe('number meaning (issue 16 §3)', () => {
  it('a low–high must say what it is: an unnamed interval is an error, a named one passes', () => {
    expect(issues(q({ low: 0.5, high: 2 }))).toEqual(['error: fu.interval']);
    expect(issues(q({ low: 0.5, high: 2, interval: 'ci90' }))).toEqual([]);
    expect(issues(q({ low: 0.5, high: 2, interval: 'unstated' }))).toEqual([]);
  });
  it("an assumption's range is 'plausible' and only an assumption's", () => {
    expect(issues(q({ low: 0.5, high: 2, source: 'assume-x' }), 'fu', ['assume-x'])).toEqual([]);
    expect(issues(q({ low: 0.5, high: 2, interval: 'plausible' }))).toEqual(['error: fu.interval']);
  });
  it("'bounds' belong to a computed number only", () => {
    expect(issues(q({ low: 0.5, high: 2, interval: 'bounds' }))).toEqual(['error: fu.interval']);
    expect(issues(q({ low: 0.5, high: 2, interval: 'bounds', derived: 'computed' }))).toEqual([]);
  });
  it('an inhibition constant says total or unbound; SD and SEM never together', () => {
    expect(issues(q({ unit: 'µM' }), 'ki')).toEqual(['error: ki.bound']);
    expect(issues(q({ sd: 0.1, sem: 0.05 }))).toEqual(['error: fu.sem']);
  });
});
