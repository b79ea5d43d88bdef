/**
 * Issue 15 §9: a seeded fuzzer against the in-process server. Every answer is a 2xx or an error in the one
 * documented shape with a registry code, none is a 5xx, and none hangs. 2,000 requests here; `npm run test:soak`
 * sends 10,000 (CROSSTALK_SOAK_REQUESTS). The seed is printed on failure (CROSSTALK_SEED reproduces a run).
 */
import type { InjectOptions } from 'fastify';
import { describe, expect, it } from 'vitest';
import { ApiSchemas, ERRORS } from '../../src/core/index.js';
import { useTestApp } from '../api/helpers.js';
import { mulberry32 } from './random.js';

const N = Number(process.env.CROSSTALK_SOAK_REQUESTS ?? 2000);
const SEED = Number(process.env.CROSSTALK_SEED ?? 20261205);
/** A request that takes longer than this counts as a hang. */
const HANG_MS = 15_000;

const app = useTestApp({ rateLimit: false, pool: false });

function generator(seed: number): () => InjectOptions {
  const rnd = mulberry32(seed);
  const pick = <T>(a: readonly T[]): T => a[Math.floor(rnd() * a.length)]!;
  const names = ['midazolam', 'ketoconazole', 'kratom', 'cannabis', 'cbd', 'weed', 'ketum', 'caffeine', 'alprazolam', 'oxycodone', 'nosuch', 'KRATOM', 'm1dazolam', ''];
  const words = ['200', 'mg', 'g', 'µg', 'mL', 'mg/kg', 'sprays', 'iv', 'inhaled', 'po', 'bid', 'qd', 'q1h', 'q0h', 'q999h', '7d', '0.5d', '400d', '1e-300', '1e5', '-5', 'NaN', 'Infinity', '1,5', 'twice', 'mg/kg/day', '2 weeks', '\u0000', '😀'];
  const regimen = (): string => Array.from({ length: 1 + Math.floor(rnd() * 5) }, () => pick(words)).join(pick([' ', '', '  ']));
  const weird = (): unknown =>
    pick<() => unknown>([
      () => null,
      () => true,
      () => -1,
      () => 0,
      () => 1e308,
      () => -0,
      () => 5e-324,
      () => Math.floor(rnd() * 1e6),
      () => 'x'.repeat(Math.floor(rnd() * 300)),
      () => '\u202e<script>alert(1)</script>',
      () => [],
      () => [pick(names), pick(names)],
      () => ({}),
      () => ({ a: { b: { c: [1, 2, { d: 'e' }] } } }),
      () => regimen(),
      () => pick(names),
    ])();
  const mutate = (body: Record<string, unknown>): Record<string, unknown> => {
    const out = { ...body };
    const keys = Object.keys(out);
    const n = Math.floor(rnd() * 3);
    for (let i = 0; i < n; i++) {
      const r = rnd();
      if (r < 0.5 && keys.length) out[pick(keys)] = weird();
      else if (r < 0.7 && keys.length) delete out[pick(keys)];
      else out[pick(['extra', 'population', 'horizonH', 'seed', 'model', 'weightKg', '__proto__', 'constructor'])] = weird();
    }
    return out;
  };
  const json = (url: string, body: unknown): InjectOptions => ({ method: 'POST', url, payload: JSON.stringify(body), headers: { 'content-type': 'application/json' } });
  return () =>
    pick<() => InjectOptions>([
      () => json('/api/check', mutate({ substances: Array.from({ length: Math.floor(rnd() * 5) }, () => pick(names)) })),
      () => json('/api/predict', mutate({ victim: pick(names), perpetrator: pick(names), victimDose: regimen(), perpetratorDose: regimen(), model: pick(['static', 'anchored', 'static', 'nonsense']) })),
      () => json('/api/simulate', mutate({ victim: pick(names), perpetrator: pick(names), victimDose: pick(['7.5 mg', regimen()]), perpetratorDose: pick(['200 mg', regimen()]), horizonH: pick([2, 12, 24]), population: pick([0, 0, 3]) })),
      () => json('/api/claim', mutate({ claim: pick([`${pick(names)} raises ${pick(names)} levels`, `${pick(names)} and ${pick(names)} are unrelated`, regimen()]) })),
      () => json('/api/explain', mutate({ substances: [pick(names), pick(names)], format: pick(['md', 'html', 'json', 'pdf']) })),
      () => ({ method: 'GET', url: `/api/search?q=${encodeURIComponent(pick(names) + regimen())}&limit=${pick(['5', '0', '51', 'x', ''])}` }),
      () => ({ method: 'GET', url: `/api/substances/${pick([encodeURIComponent(pick(names)), '%E0%A4%A', '%', '..%2f..%2fetc%2fpasswd', 'a'.repeat(150)])}` }),
      () => ({ method: pick(['GET', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'] as const), url: pick(['/api/check', '/api/kb', '/health', '/ready', '/nope', '/api/', '//api//kb']) }),
      () => ({ method: 'POST', url: pick(['/api/check', '/api/predict']), payload: pick(['{', '[]', 'null', '"x"', '{"substances":', '\u0000', 'x'.repeat(70_000)]), headers: { 'content-type': pick(['application/json', 'text/plain', 'application/x-www-form-urlencoded', 'application/json; charset=utf-16']) } }),
    ])();
}

describe(`fuzzing the server with ${N} requests (issue 15 §9)`, () => {
  it('gives no 5xx, no hang and no undocumented error shape', async () => {
    const next = generator(SEED);
    const codes = new Set(Object.keys(ERRORS));
    const bad: string[] = [];
    for (let i = 0; i < N && bad.length < 10; i++) {
      const req = next();
      const what = `#${i} ${req.method} ${req.url} ${String(req.payload ?? '').slice(0, 120)}`;
      let timer: NodeJS.Timeout | undefined;
      const r = await Promise.race([app().inject(req), new Promise<null>((res) => (timer = setTimeout(() => res(null), HANG_MS)))]);
      clearTimeout(timer);
      if (r === null) { bad.push(`hang: ${what}`); continue; }
      if (r.statusCode >= 500) { bad.push(`${r.statusCode}: ${what} → ${r.body.slice(0, 200)}`); continue; }
      if (r.statusCode >= 400) {
        let body: unknown;
        try {
          body = JSON.parse(r.body);
        } catch {
          bad.push(`not JSON: ${what}`);
          continue;
        }
        const parsed = ApiSchemas.ErrorBodyJson.safeParse(body);
        if (!parsed.success || !codes.has(parsed.data.code)) bad.push(`shape: ${what} → ${r.body.slice(0, 200)}`);
        else if (r.body.length > 4_000) bad.push(`error of ${r.body.length} bytes: ${what}`);
      }
    }
    expect(bad, `seed ${SEED}`).toEqual([]);
  }, 600_000);
});
