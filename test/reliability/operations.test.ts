/**
 * Issue 15 §1–2: cost control and operations. Heavy requests run on the work pool with a compute budget and a
 * bounded queue (a full queue is an immediate 503 with Retry-After); /health and /ready answer while the pool is
 * busy and are never rate-limited; limits are cost-weighted and per client behind a trusted proxy; every response
 * carries a request id, and log lines hold no body, query or address.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { RequestLogLine } from '../../src/server/app.js';
import { testApp } from '../api/helpers.js';

const SIM = { victim: 'midazolam', perpetrator: 'ketoconazole', victimDose: '7.5 mg', perpetratorDose: '200 mg qd 14d', population: 20, horizonH: 200 };
const post = (url: string, payload: object, headers: Record<string, string> = {}) => ({ method: 'POST' as const, url, payload, headers });

describe('rate limits (issue 15 §2)', () => {
  it('never throttle /health and /ready, and say when to come back', async () => {
    const app = await testApp({ rateLimit: { max: 3 }, pool: false });
    try {
      for (let i = 0; i < 3; i++) expect((await app.inject('/api/kb')).statusCode).toBe(200);
      const limited = await app.inject('/api/kb');
      expect(limited.statusCode).toBe(429);
      expect(Number(limited.headers['retry-after'])).toBeGreaterThanOrEqual(1);
      for (let i = 0; i < 20; i++) {
        expect((await app.inject('/health')).statusCode).toBe(200);
        expect((await app.inject('/ready')).statusCode).toBe(200);
      }
    } finally {
      await app.close();
    }
  });

  it('weigh requests by cost: a simulation uses ten cheap requests’ worth', async () => {
    const app = await testApp({ rateLimit: { max: 12 }, pool: false });
    try {
      const small = { ...SIM, population: 0, horizonH: 24 };
      expect((await app.inject(post('/api/simulate', small))).statusCode).toBe(200);
      expect((await app.inject(post('/api/simulate', small))).statusCode).toBe(429);
      expect((await app.inject('/api/kb')).statusCode).toBe(200);
    } finally {
      await app.close();
    }
  });

  it('count each client behind a trusted proxy apart, and everyone behind an untrusted one together', async () => {
    for (const [trustProxy, second] of [[true, 200], [false, 429]] as const) {
      const app = await testApp({ rateLimit: { max: 2 }, pool: false, trustProxy });
      try {
        const as = (ip: string) => app.inject({ url: '/api/kb', headers: { 'x-forwarded-for': ip } });
        await as('203.0.113.1');
        await as('203.0.113.1');
        expect((await as('203.0.113.1')).statusCode).toBe(429);
        expect((await as('198.51.100.7')).statusCode).toBe(second);
      } finally {
        await app.close();
      }
    }
  });
});

describe('request ids and logs (issue 15 §2)', () => {
  it('put an id on every response and in its log line, with no body, query or address in the log', async () => {
    const lines: RequestLogLine[] = [];
    const app = await testApp({ rateLimit: { max: 1000 }, pool: false, log: (l) => lines.push(l) });
    try {
      const rs = [
        await app.inject('/api/search?q=secret-query-text'),
        await app.inject(post('/api/predict', { victim: 'midazolam', perpetrator: 'ketoconazole', model: 'static', weightKg: 81.5 }, { 'x-forwarded-for': '203.0.113.9' })),
        await app.inject('/no/such/route'),
      ];
      expect(rs.map((r) => r.statusCode)).toEqual([200, 200, 404]);
      const ids = rs.map((r) => r.headers['x-request-id']);
      expect(new Set(ids).size).toBe(3);
      expect(lines.map((l) => l.reqId)).toEqual(ids);
      const text = JSON.stringify(lines);
      for (const secret of ['secret-query-text', '81.5', '203.0.113.9', '127.0.0.1', 'midazolam']) expect(text).not.toContain(secret);
      expect(lines[1]).toMatchObject({ method: 'POST', route: '/api/predict', status: 200, cost: 1 });
    } finally {
      await app.close();
    }
  });
});

describe('the work pool (issue 15 §1)', () => {
  it('answers a full queue at once with 503 and Retry-After, and /health meanwhile', async () => {
    const app = await testApp({ rateLimit: false, pool: { workers: 1, queue: 1, budgetMs: 60_000 } });
    // A small simulation is enough: the third is refused on arrival, while the first waits for its worker to start.
    const sim = { ...SIM, population: 4, horizonH: 48 };
    try {
      const heavy = [1, 2, 3].map(() => app.inject(post('/api/simulate', sim)));
      const t0 = performance.now();
      const health = await app.inject('/health');
      expect(health.statusCode).toBe(200);
      expect(performance.now() - t0).toBeLessThan(500);
      const codes = (await Promise.all(heavy)).map((r) => r.statusCode);
      expect(codes.sort()).toEqual([200, 200, 503]);
      const refused = (await Promise.all(heavy)).find((r) => r.statusCode === 503)!;
      expect(refused.json().code).toBe('HTTP_OVERLOADED');
      expect(Number(refused.headers['retry-after'])).toBeGreaterThanOrEqual(1);
      // the answer from the pool is the same as the one computed in-process
      const inline = await testApp({ rateLimit: false, pool: false });
      const a = (await Promise.all(heavy)).find((r) => r.statusCode === 200)!.json();
      expect((await inline.inject(post('/api/simulate', sim))).json()).toEqual(a);
      await inline.close();
    } finally {
      await app.close();
    }
  }, 120_000);

  it.runIf(process.platform === 'linux')('runs heavy work below the event loop\'s priority (Linux nice of the worker thread only)', async () => {
    const niceOf = () =>
      new Map(readdirSync('/proc/self/task').map((t) => [t, Number(readFileSync(`/proc/self/task/${t}/stat`, 'utf8').split(') ')[1]!.split(' ')[16])]));
    const before = niceOf();
    expect([...before.values()]).not.toContain(7);
    const app = await testApp({ rateLimit: false, pool: { workers: 1, queue: 1, budgetMs: 60_000, nice: 7 } });
    try {
      const r = await app.inject(post('/api/predict', { victim: 'midazolam', perpetrator: 'ketoconazole' }));
      expect(r.statusCode).toBe(200);
      const after = niceOf();
      // one new thread (the worker) runs at 7; every thread that was there before (the event loop's) keeps its value
      expect([...after].filter(([t, n]) => n === 7 && !before.has(t))).toHaveLength(1);
      for (const [t, n] of before) if (after.has(t)) expect(after.get(t)).toBe(n);
    } finally {
      await app.close();
    }
  }, 120_000);

  it('stops a request over its compute budget (422 HTTP_CPU_BUDGET) and keeps serving', async () => {
    const app = await testApp({ rateLimit: false, pool: { workers: 1, queue: 4, budgetMs: 30 } });
    try {
      const r = await app.inject(post('/api/simulate', { ...SIM, population: 100, horizonH: 40 }));
      expect(r.statusCode).toBe(422);
      expect(r.json()).toMatchObject({ code: 'HTTP_CPU_BUDGET', details: { field: 'simulate', cap: 30 } });
      const ready = await app.inject('/ready');
      expect(ready.json()).toMatchObject({ ready: true, pool: { stoppedOverBudget: 1 } });
      const cheap = await app.inject(post('/api/predict', { victim: 'midazolam', perpetrator: 'ketoconazole', model: 'static' }));
      expect(cheap.statusCode).toBe(200);
    } finally {
      await app.close();
    }
  }, 120_000);
});
