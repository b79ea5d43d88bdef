import { describe, expect, expectTypeOf, it } from 'vitest';
import { CrosstalkError, ERRORS, crosstalkError, errorMessage, fail, issue, renderTemplate, type ErrorParams } from './errors.js';

describe('error registry (STYLE.md "Errors")', () => {
  it('codes are upper snake case with an area prefix; warnings, and only they, are *_WARN_* with status 200', () => {
    for (const [code, spec] of Object.entries(ERRORS)) {
      expect(code).toBe(spec.code);
      expect(code).toMatch(/^(KB|INPUT|ENGINE|SIM|HTTP|SERVER|TOOL)_[A-Z0-9_]+$/);
      expect(spec.warning).toBe(code.includes('_WARN_'));
      if (spec.warning) expect(spec.status).toBe(200);
      expect(spec.hint.length).toBeGreaterThan(10);
    }
  });
  it('every thrown code names the field or the thing it is about in its template', () => {
    for (const spec of Object.values(ERRORS))
      if (!spec.warning && spec.status < 500 && !spec.code.startsWith('HTTP_')) expect(spec.template, spec.code).toMatch(/^(\{field\}|\{yamlCode\}|[a-z]+ ?[a-z]*:|line \{line\}:)/);
  });
  it('a template names its parameters; the type asks for exactly those', () => {
    expectTypeOf<ErrorParams<'KB_UNKNOWN_UNIT'>>().toEqualTypeOf<{ field: string | number | boolean | null | readonly (string | number)[]; unit: string | number | boolean | null | readonly (string | number)[]; suggestions: string | number | boolean | null | readonly (string | number)[] }>();
    expect(errorMessage('KB_UNKNOWN_UNIT', { field: 'pk[0].cmax.unit', unit: 'mgg', suggestions: 'mg' })).toMatchInlineSnapshot(`"pk[0].cmax.unit: unit 'mgg' is not known; did you mean mg?"`);
  });
  it('drops an optional [part] when a parameter inside it is empty, and never reads values as template syntax', () => {
    expect(errorMessage('INPUT_UNKNOWN_SUBSTANCE', { field: 'substances[1]', query: 'kratum', suggestions: ['Kratom', 'Kratom tea'] })).toMatchInlineSnapshot(
      `"substances[1]: no substance called 'kratum' in the knowledge base; did you mean Kratom, Kratom tea?"`,
    );
    expect(errorMessage('INPUT_UNKNOWN_SUBSTANCE', { field: 'victim', query: '{field} [x]', suggestions: [] })).toMatchInlineSnapshot(
      `"victim: no substance called '{field} [x]' in the knowledge base"`,
    );
    expect(renderTemplate('a[ b {x}] c[ d {y}]', { x: 1, y: '' })).toBe('a b 1 c');
  });
  it('fail throws a CrosstalkError carrying code, params, details, status and hint; toJSON is the API body', () => {
    expect(() => fail('INPUT_NOT_ONE_OF', { field: '--model', value: 'x', allowed: ['static', 'dynamic'] }, { field: 'model' })).toThrowError(
      expect.objectContaining({ code: 'INPUT_NOT_ONE_OF', message: "--model: 'x' is not one of static, dynamic", details: { field: 'model' } }),
    );
    const e = crosstalkError('INPUT_REQUIRED', { field: 'victim', how: 'the first argument or --victim' }, { field: 'victim' });
    expect(e).toBeInstanceOf(CrosstalkError);
    expect(e.params).toEqual({ field: 'victim', how: 'the first argument or --victim' });
    expect(e.status).toBe(400);
    expect(JSON.parse(JSON.stringify(e))).toEqual({ code: 'INPUT_REQUIRED', message: 'victim: required (the first argument or --victim)', hint: ERRORS.INPUT_REQUIRED.hint, details: { field: 'victim' } });
  });
  it('the old constructor (a ready message) still works', () => {
    const e = new CrosstalkError('INPUT_INVALID', 'x: bad', { field: 'x' });
    expect([e.code, e.message, e.params]).toEqual(['INPUT_INVALID', 'x: bad', {}]);
  });
  it('issue() renders a collected issue from the same templates', () => {
    expect(issue('KB_NEGATIVE', { field: 'pk[0].cl.value', value: -1 }, { file: 'kb/pk/x.yaml', line: 3 })).toEqual({
      code: 'KB_NEGATIVE', message: 'pk[0].cl.value: must not be negative (got -1)', file: 'kb/pk/x.yaml', line: 3,
    });
  });
  it('warning codes cannot be thrown (a type error)', () => {
    // @ts-expect-error SIM_WARN_* is returned as data, never thrown
    expect(() => fail('SIM_WARN_MANY_REJECTIONS', { rejected: 1, total: 2, t0: 0, t1: 1 })).toThrow();
  });
});
