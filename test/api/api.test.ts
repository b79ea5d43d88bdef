/** HTTP API in-process with fastify inject (no port): every endpoint, and bad input gets a 4xx naming the field. */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { check } from '../../src/core/answers/check.js';
import { testApp } from './helpers.js';

let app: FastifyInstance;
beforeAll(async () => {
  app = await testApp();
}, 120_000);
afterAll(async () => {
  await app.close();
});

const post = (url: string, payload: unknown) => app.inject({ method: 'POST', url, payload: payload as object });

describe('API endpoints (server-and-web-app)', () => {
  it('GET /health answers with the KB version and anonymous counts only', async () => {
    const r = await app.inject('/health');
    expect(r.statusCode).toBe(200);
    const b = r.json();
    expect(b.ok).toBe(true);
    expect(typeof b.kbVersion).toBe('string');
    expect(Object.keys(b).sort()).toEqual(['counts', 'kbVersion', 'ok', 'uptimeS']);
  });

  it('GET /api/search finds kratom by prefix and cannabis by slang', async () => {
    const r = await app.inject('/api/search?q=krat');
    expect(r.statusCode).toBe(200);
    expect(r.json()[0]).toMatchObject({ id: 'kratom', name: 'Kratom' });
    const weed = (await app.inject('/api/search?q=weed')).json();
    expect(weed[0]).toMatchObject({ id: 'cannabis', matched: 'weed' });
  });

  it('GET /api/substances/{id} describes a substance and suggests names for a typo', async () => {
    const ok = await app.inject('/api/substances/kratom');
    expect(ok.statusCode).toBe(200);
    expect(ok.json().substance.id).toBe('kratom');
    const bad = await app.inject('/api/substances/kratum');
    expect(bad.statusCode).toBe(404);
    expect(bad.json()).toMatchObject({ code: 'INPUT_UNKNOWN_SUBSTANCE', details: { field: 'id' } });
    expect(bad.json().details.suggestions).toContain('Kratom');
  });

  it('POST /api/check gives the same answer as the engine (and the CLI --json), cached', async () => {
    const r = await post('/api/check', { substances: ['cannabis', 'kratom'] });
    expect(r.statusCode).toBe(200);
    const body = r.json();
    expect(body).toEqual(JSON.parse(JSON.stringify(check(app.ctx.kb, ['cannabis', 'kratom']))));
    const pair = body.pairs[0];
    expect(pair.sharedTargets.map((n: { id: string }) => n.id)).toContain('cb1');
    expect(pair.sharedEnzymes.map((n: { id: string }) => n.id)).toEqual(expect.arrayContaining(['cyp2d6', 'cyp3a4']));
    const again = await post('/api/check', { substances: ['weed', 'kratom'] });
    expect(again.body).toBe(r.body);
    expect(app.ctx.checkCache.hits).toBeGreaterThan(0);
  });

  it('POST /api/predict returns a static prediction', async () => {
    const r = await post('/api/predict', { victim: 'midazolam', perpetrator: 'kratom', victimDose: '7.5 mg' });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ victim: { id: 'midazolam' }, perpetrator: { id: 'kratom' } });
  });

  it('POST /api/claim checks a common claim, and each claim of a longer text (issue 13 §3)', async () => {
    const r = await post('/api/claim', { text: 'cannabis and kratom are pharmacologically unrelated' });
    expect(r.statusCode).toBe(200);
    expect(r.json().verdict).toBe('contradicted');
    const post3 = await post('/api/claim', { text: 'Kratom only acts on opioid receptors. CBD inhibits CYP2D6. Kratom is legal everywhere.' });
    const body = post3.json() as { claims: { verdict: string; reading: { text: string } }[]; summary: { counts: Record<string, number> }; verdict?: string };
    expect(body.claims.map((c) => c.verdict)).toEqual(['contradicted', 'supported', 'contradicted']);
    expect(body.claims[1]!.reading.text).toBe('Cannabidiol — inhibits — CYP2D6');
    expect(body.summary.counts).toMatchObject({ supported: 1, contradicted: 2 });
    expect(body.verdict).toBeUndefined();
  });

  it('POST /api/explain renders md, html and json', async () => {
    const md = await post('/api/explain', { substances: ['cannabis', 'kratom'], format: 'md' });
    expect(md.statusCode).toBe(200);
    expect(md.headers['content-type']).toContain('text/markdown');
    expect(md.body).toMatch(/^# /);
    const html = await post('/api/explain', { substances: ['cannabis', 'kratom'], format: 'html' });
    expect(html.headers['content-type']).toContain('text/html');
    expect(html.body).toContain('<h1>');
    const json = await post('/api/explain', { substances: ['cannabis', 'kratom'], jurisdiction: 'US' });
    expect(json.json()).toMatchObject({ substances: [{ id: 'cannabis' }, { id: 'kratom' }] });
  });

  it('GET /api/kb gives version, counts and jurisdictions', async () => {
    const b = (await app.inject('/api/kb')).json();
    expect(b.substances).toBeGreaterThan(10);
    expect(b.jurisdictionList.some((j: { id: string }) => j.id === 'US')).toBe(true);
  });

  it('POST /api/simulate is bounded: the cap is in the error', async () => {
    const pop = await post('/api/simulate', { victim: 'midazolam', perpetrator: 'kratom', population: 100000 });
    expect(pop.statusCode).toBe(413);
    expect(pop.json()).toMatchObject({ code: 'INPUT_TOO_LARGE', details: { field: 'population', cap: 100 } });
    const hor = await post('/api/simulate', { victim: 'midazolam', perpetrator: 'kratom', horizonH: 1e6 });
    expect(hor.statusCode).toBe(413);
    expect(hor.json().message).toMatch(/horizonH.*cap is 336/);
    const work = await post('/api/simulate', { victim: 'kratom', perpetrator: 'cannabis', population: 100, horizonH: 336 });
    expect(work.statusCode).toBe(413);
    expect(work.json().message).toMatch(/person-hours; the cap is 4000/);
  });

  it('POST /api/simulate gives curves alone vs combined and a population band', async () => {
    const r = await post('/api/simulate', { victim: 'kratom', perpetrator: 'cannabis', population: 20, horizonH: 24 });
    expect(r.statusCode, r.body.slice(0, 300)).toBe(200);
    const b = r.json();
    expect(b.alone.timesH.length).toBe(b.alone.concUM.length);
    expect(b.combined.concUM.length).toBeGreaterThan(10);
    expect(b.combined.concUM.every((x: number) => Number.isFinite(x) && x >= 0)).toBe(true);
    expect(b.band.n).toBe(20);
    expect(b.aucRatio).toBeGreaterThan(0);
  });
});

describe('bad input gets a 4xx naming the field (server-and-web-app)', () => {
  const cases: [string, () => Promise<{ statusCode: number; json: () => { code: string; message: string; details: { field?: string } } }>, number, string][] = [
    ['malformed JSON', () => app.inject({ method: 'POST', url: '/api/check', payload: '{"substances": [', headers: { 'content-type': 'application/json' } }), 400, 'body'],
    ['empty body', () => app.inject({ method: 'POST', url: '/api/check', payload: '', headers: { 'content-type': 'application/json' } }), 400, 'body'],
    ['wrong type', () => post('/api/check', { substances: 'cannabis' }), 400, 'substances'],
    ['wrong item type', () => post('/api/check', { substances: ['cannabis', 7] }), 400, 'substances[1]'],
    ['unknown field', () => post('/api/predict', { victim: 'midazolam', perpetrator: 'kratom', dose: 5 }), 400, 'dose'],
    ['number as string', () => post('/api/predict', { victim: 'midazolam', perpetrator: 'kratom', weightKg: '70' }), 400, 'weightKg'],
    ['unknown substance', () => post('/api/check', { substances: ['cannabis', 'kratum'] }), 404, 'substances[1]'],
    ['absurd dose', () => post('/api/predict', { victim: 'midazolam', perpetrator: 'kratom', perpetratorDose: '100000 g' }), 400, 'perpetratorDose'],
    ['unknown dose unit', () => post('/api/predict', { victim: 'midazolam', perpetrator: 'kratom', perpetratorDose: '5 kg' }), 400, 'perpetratorDose'],
    ['1,000 substances', () => post('/api/check', { substances: Array.from({ length: 1000 }, () => 'kratom') }), 413, 'substances'],
    ['oversized body', () => app.inject({ method: 'POST', url: '/api/claim', payload: JSON.stringify({ text: 'x'.repeat(100_000) }), headers: { 'content-type': 'application/json' } }), 413, 'body'],
    ['one substance only', () => post('/api/check', { substances: ['cannabis'] }), 400, 'substances'],
    ['same substance twice', () => post('/api/predict', { victim: 'kratom', perpetrator: 'ketum' }), 400, 'perpetrator'],
    ['bad format', () => post('/api/explain', { substances: ['cannabis', 'kratom'], format: 'pdf' }), 400, 'format'],
    ['missing query', () => app.inject('/api/search'), 400, 'q'],
    ['empty claim', () => post('/api/claim', { text: '' }), 400, 'text'],
    ['claim text over the cap', () => post('/api/claim', { text: 'kratom is legal. '.repeat(1300) }), 413, 'text'],
    ['array body', () => post('/api/check', [1, 2]), 400, 'body'],
  ];
  it.each(cases)('%s', async (_name, run, status, field) => {
    const r = await run();
    expect(r.statusCode).toBe(status);
    const b = r.json();
    expect(b.code).toMatch(/^[A-Z_]+$/);
    expect(b.details.field).toBe(field);
    expect(b.message.startsWith(field) || b.message.includes(`${field}:`)).toBe(true);
  });

  it('unknown API routes get a JSON 404', async () => {
    const r = await app.inject('/api/nothing');
    expect(r.statusCode).toBe(404);
    expect(r.json().code).toBe('HTTP_NOT_FOUND');
  });

  it('fuzzed bodies never give a 5xx', async () => {
    const bodies: unknown[] = [null, true, 0, 'x', [], {}, { substances: null }, { substances: [null, null] }, { substances: [{}, []] }, { substances: ['', ''] },
      { victim: '', perpetrator: '' }, { victim: 'a'.repeat(101), perpetrator: 'b' }, { victim: 'kratom', perpetrator: 'cannabis', victimAt: -1 }, { victim: 'kratom', perpetrator: 'cannabis', weightKg: 0 },
      { victim: 'midazolam', perpetrator: 'kratom', perpetratorDose: '-5 mg' }, { victim: 'midazolam', perpetrator: 'kratom', perpetratorDose: 'NaN mg' }, { victim: 'midazolam', perpetrator: 'kratom', victimDose: '1e308 mg' },
      { text: '<script>alert(1)</script>' }, { substances: ['__proto__', 'constructor'] }, { substances: ['cannabis', 'kratom'], format: 'md', jurisdiction: 'ZZ' }];
    for (const url of ['/api/check', '/api/predict', '/api/claim', '/api/explain', '/api/simulate'])
      for (const b of bodies) {
        const r = await app.inject({ method: 'POST', url, payload: JSON.stringify(b), headers: { 'content-type': 'application/json' } });
        if (r.statusCode === 503 && r.json().code === 'SIM_UNAVAILABLE') continue;
        expect(r.statusCode, `${url} ${JSON.stringify(b)} → ${r.body.slice(0, 200)}`).toBeLessThan(500);
      }
  });
});

describe('security headers and limits (server-and-web-app)', () => {
  it('sets CSP without inline scripts, nosniff and frame denial', async () => {
    const r = await app.inject('/health');
    const csp = String(r.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(r.headers['x-content-type-options']).toBe('nosniff');
    expect(r.headers['x-frame-options']).toBe('DENY');
  });

  it('rate-limits per client with a 429 in the error shape', async () => {
    const small = await testApp({ rateLimit: { max: 3 } });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 5; i++) codes.push((await small.inject('/api/kb')).statusCode);
      expect(codes.slice(0, 3)).toEqual([200, 200, 200]);
      const r = await small.inject('/api/kb');
      expect(r.statusCode).toBe(429);
      expect(r.json().code).toBe('HTTP_RATE_LIMITED');
    } finally {
      await small.close();
    }
  });

  it('serves a browsable docs page and the OpenAPI document', async () => {
    const doc = (await app.inject('/openapi.json')).json();
    expect(doc.openapi).toMatch(/^3\./);
    for (const p of ['/api/search', '/api/substances/{id}', '/api/check', '/api/predict', '/api/simulate', '/api/claim', '/api/explain', '/api/kb', '/health'])
      expect(doc.paths[p], p).toBeDefined();
    const ui = await app.inject('/docs/');
    expect(ui.statusCode).toBe(200);
    expect(ui.body).toContain('swagger');
  });
});
