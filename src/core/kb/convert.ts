import { issue, type Issue } from '../errors.js';
import type { Quantity, QuantityInput } from '../schema/quantity.js';
import { conversionFactor, FIELD_DIMENSIONS, suggestUnits, type Dimension } from '../units/units.js';

export type Path = (string | number)[];

function isQuantityInput(v: unknown): v is QuantityInput {
  return (
    typeof v === 'object' &&
    v !== null &&
    'value' in v &&
    'unit' in v &&
    'source' in v &&
    'verified' in v
  );
}

function fieldOf(path: Path): string {
  for (let i = path.length - 1; i >= 0; i--) {
    const p = path[i];
    if (typeof p === 'string') return p;
  }
  return '';
}

const ALL_DIMS = Object.keys(
  Object.fromEntries(Object.values(FIELD_DIMENSIONS).flat().map((d) => [d, 1])),
) as Dimension[];

type Report = (issue: Omit<Issue, 'file' | 'line'>, path: Path) => void;

/** The issue for a unit the converter refused: unknown, of the wrong dimension, or mass without a molecular weight. */
function unitIssue(q: QuantityInput, path: Path, field: string, dims: Dimension[], r: Extract<ReturnType<typeof conversionFactor>, { ok: false }>): Omit<Issue, 'file' | 'line'> {
  const where = [...path, 'unit'].join('.');
  const at = { field: where };
  return r.reason === 'unknown-unit'
    ? issue('KB_UNKNOWN_UNIT', { field: where, unit: q.unit, suggestions: suggestUnits(q.unit, dims).join(' or ') }, at)
    : r.reason === 'wrong-dimension'
      ? issue('KB_WRONG_DIMENSION', { field: where, unit: q.unit, got: r.got ?? '', name: field, expected: r.expected.join(' or ') }, at)
      : issue('KB_NEEDS_MW', { field: where, unit: q.unit }, at);
}

/**
 * One quantity into the canonical unit of its field's dimension (value, range and SD scaled alike; the
 * original kept). A refused unit is reported and the quantity returned as written; a fraction outside 0–1
 * (RB excepted: a ratio) or a negative value is reported after conversion.
 */
function convertOne(q: QuantityInput, path: Path, mwGPerMol: number | undefined, report: Report): Quantity {
  const field = fieldOf(path);
  const dims = FIELD_DIMENSIONS[field] ?? ALL_DIMS;
  const r = conversionFactor(q.unit, dims, mwGPerMol);
  const original = { value: q.value, unit: q.unit };
  if (!r.ok) {
    report(unitIssue(q, path, field, dims, r), [...path, 'unit']);
    return { ...q, original };
  }
  const f = r.factor;
  const out: Quantity = { ...q, value: q.value * f, unit: r.unit, original };
  if (q.low !== undefined) out.low = q.low * f;
  if (q.high !== undefined) out.high = q.high * f;
  if (q.sd !== undefined) out.sd = q.sd * f;
  if (q.sem !== undefined) out.sem = q.sem * f;
  const valuePath = [...path, 'value'];
  const valueField = valuePath.join('.');
  if (r.dim === 'fraction' && (out.value < 0 || out.value > 1) && field !== 'rb')
    report(issue('KB_FRACTION_RANGE', { field: valueField, value: out.value }, { field: valueField }), valuePath);
  if (out.value < 0) report(issue('KB_NEGATIVE', { field: valueField, value: q.value }, { field: valueField }), valuePath);
  return out;
}

/**
 * Convert every quantity in a parsed record into canonical units (STYLE.md: convert once, at the edge).
 * Unknown units, units of the wrong dimension and mass units without a molecular weight are reported
 * as issues with the path of the offending field; the record is still returned (with the value left as
 * written) so that every issue of a file can be collected in one pass.
 */
export function convertQuantities<T>(record: T, mwGPerMol: number | undefined, report: Report, basePath: Path = []): T {
  const walk = (v: unknown, path: Path): unknown => {
    if (isQuantityInput(v)) return convertOne(v, path, mwGPerMol, report);
    if (Array.isArray(v)) return v.map((x, i) => walk(x, [...path, i]));
    if (typeof v === 'object' && v !== null) {
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v)) out[k] = walk(x, [...path, k]);
      return out;
    }
    return v;
  };
  return walk(record, basePath) as T;
}

/** Every quantity in a converted record, with its path (for audits and verified-share counts). */
export function* quantitiesIn(record: unknown, path: Path = []): Generator<[Path, Quantity]> {
  if (typeof record !== 'object' || record === null) return;
  if ('original' in record && 'value' in record && 'source' in record) {
    yield [path, record as Quantity];
    return;
  }
  if (Array.isArray(record)) {
    for (let i = 0; i < record.length; i++) yield* quantitiesIn(record[i], [...path, i]);
    return;
  }
  for (const [k, v] of Object.entries(record)) yield* quantitiesIn(v, [...path, k]);
}
