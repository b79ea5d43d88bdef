/**
 * The API schemas and the engine's answer types agree at compile time: every answer the engine returns is
 * assignable to the type inferred from its response schema (a required field the engine lacks, or a type that
 * differs, fails `tsc`). Fields the engine adds beyond the schema are caught at run time by examples.test.ts.
 */
import { describe, expectTypeOf, it } from 'vitest';
import type {
  ApiSchemas as S,
  Brief,
  CheckResult,
  ClaimCheckResult,
  ClaimResult,
  Prediction,
  PredictRequest,
  StudyResult,
  SubstanceDescription,
} from '../../src/core/index.js';
import type { KbStats } from '../../src/core/kb/stats.js';

/** JSON has no read-only arrays: the engine's `readonly` lists (statement parameters) serialize as plain ones. */
type Json<T> = T extends readonly (infer U)[] ? Json<U>[] : T extends object ? { [K in keyof T]: Json<T[K]> } : T;

describe('API schema types match the engine (issue-10 one request model)', () => {
  it('responses', () => {
    expectTypeOf<Json<Prediction>>().toExtend<S.PredictionJson>();
    expectTypeOf<Json<CheckResult>>().toExtend<S.CheckResultJson>();
    expectTypeOf<Json<ClaimResult>>().toExtend<S.ClaimResultJson>();
    expectTypeOf<Json<ClaimCheckResult>>().toExtend<S.ClaimCheckJson>();
    expectTypeOf<Json<Brief>>().toExtend<S.BriefJson>();
    expectTypeOf<Json<SubstanceDescription>>().toExtend<S.SubstanceDescriptionJson>();
    expectTypeOf<Json<StudyResult>>().toExtend<S.StudyResultJson>();
    expectTypeOf<Json<KbStats>>().toExtend<S.KbStatsJson>();
  });

  it('a request the schema accepts is one the engine takes', () => {
    expectTypeOf<S.PredictRequest>().toExtend<PredictRequest>();
  });
});
