/** POST /api/check carries the regimen view (issue 14): worstPair, effects, doses (changeable by `usage`), guidance, notes. */
import { describe, expect, it } from 'vitest';
import { ApiSchemas } from '../../src/core/index.js';
import { useTestApp } from './helpers.js';

const getApp = useTestApp();
const post = (payload: unknown) => getApp().inject({ method: 'POST', url: '/api/check', payload: payload as object });

describe('POST /api/check regimen view (REQ-14.1, 14.3, 14.4)', () => {
  it('names the worst pair, flags three depressants, and attaches guidance', async () => {
    const r = await post({ substances: ['kratom', 'oxycodone', 'alprazolam'] });
    expect(r.statusCode).toBe(200);
    const body = ApiSchemas.CheckResultJson.parse(r.json());
    expect(body.worstPair).toMatchObject({ a: 'oxycodone', b: 'alprazolam', tier: 'red' });
    expect(body.effects.filter((e) => e.flagged).map((e) => e.id).sort()).toEqual(['cns-depression', 'respiratory-depression']);
    expect(body.guidance.some((g) => g.kind === 'naloxone')).toBe(true);
  });

  it('usage picks another pattern, cached apart from the default answer', async () => {
    const everyday = ApiSchemas.CheckResultJson.parse((await post({ substances: ['cannabis', 'kratom'] })).json());
    const medicine = ApiSchemas.CheckResultJson.parse((await post({ substances: ['cannabis', 'kratom'], usage: { cannabis: 'medicine' } })).json());
    expect(everyday.doses[0]!.pattern?.id).toBe('joint');
    expect(medicine.doses[0]!.pattern?.id).toBe('medicine');
  });

  it('bad usage is a 400 naming the field; a duplicate-only list is a 400 naming substances', async () => {
    const bad = await post({ substances: ['cannabis', 'kratom'], usage: { cannabis: 'bong' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details.field).toBe('usage.cannabis');
    const dup = await post({ substances: ['kratom', 'ketum'] });
    expect(dup.statusCode).toBe(400);
    expect(dup.json().code).toBe('INPUT_SAME_SUBSTANCE');
    expect(dup.json().details.field).toBe('substances');
  });
});
