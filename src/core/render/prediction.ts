import type { Prediction, PredictionAnswer } from '../answers/predict.js';
import { fail } from '../errors.js';
import type { RenderedStatement } from '../schema/statement.js';
import { renderEn } from './en.js';

/**
 * Render a prediction in English: every statement gets its text, and the answer's plain sentence, technical line,
 * assumptions, warnings and missing items are the texts of its statements by role (duplicates said once).
 */
export function renderPrediction(a: PredictionAnswer): Prediction {
  const missing = [...new Set(a.statements.filter((s) => s.role === 'missing').map((s) => renderEn(s)))];
  const ctx = { missing };
  const statements: RenderedStatement[] = a.statements.map((s) => ({ ...s, text: renderEn(s, ctx) }));
  const byRole = (role: RenderedStatement['role']): string[] => [...new Set(statements.filter((s) => s.role === role).map((s) => s.text))];
  const out: Prediction = {
    ...a,
    statements,
    assumptions: byRole('assumption'),
    missing,
    warnings: byRole('warning'),
    plain: byRole('plain').join(' '),
    technical: byRole('technical').join(' '),
  };
  assertFinite(out);
  return out;
}

/** No NaN leaves the core: a non-finite ratio is a bug, reported with the pair. */
function assertFinite(p: Prediction): void {
  for (const [k, v] of [
    ['aucRatio', p.aucRatio],
    ['cmaxRatio', p.cmaxRatio],
    ['range.low', p.range?.low],
    ['range.high', p.range?.high],
  ] as const)
    if (v !== null && v !== undefined && !Number.isFinite(v))
      fail('ENGINE_NONFINITE', { field: k, problem: `not finite for ${p.perpetrator.name} → ${p.victim.analyteName}` }, { field: k });
}
