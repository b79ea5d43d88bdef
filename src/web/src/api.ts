/** Same-origin API client. Types come from the core; no server internals are imported. */
import type { ClaimResult } from '../../core/index.js';
import type { CheckResult } from '../../core/index.js';
import type { SubstanceDescription } from '../../core/index.js';
import type { Prediction } from '../../core/index.js';
import type { Brief } from '../../core/index.js';

export type { Brief, CheckResult, ClaimResult, Prediction, SubstanceDescription };
export type { PairAnalysis, SharedNode, SideAction, PkEntry, Statement } from '../../core/index.js';

export interface SearchHit {
  id: string;
  name: string;
  kind: string;
  matched: string;
  score: number;
}

export interface ApiErrorBody {
  code: string;
  message: string;
  hint: string;
  details: { field?: string; suggestions?: string[]; cap?: number };
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: ApiErrorBody,
  ) {
    super(body.message);
  }
}

async function call<T>(path: string, init?: RequestInit & { json?: unknown }, signal?: AbortSignal): Promise<T> {
  const r = await fetch(path, {
    method: init?.json !== undefined ? 'POST' : 'GET',
    headers: init?.json !== undefined ? { 'content-type': 'application/json' } : undefined,
    body: init?.json !== undefined ? JSON.stringify(init.json) : undefined,
    signal,
  });
  if (!r.ok) {
    let body: ApiErrorBody;
    try {
      body = (await r.json()) as ApiErrorBody;
    } catch {
      body = { code: 'HTTP_ERROR', message: `The server answered ${r.status}.`, hint: 'Try again later.', details: {} };
    }
    throw new ApiError(r.status, body);
  }
  const type = r.headers.get('content-type') ?? '';
  return (type.includes('json') ? await r.json() : await r.text()) as T;
}

export interface KbInfo {
  version: string;
  substances: number;
  jurisdictionList: { id: string; name: string }[];
}

export interface SimulateRequest {
  victim: string;
  perpetrator: string;
  victimDose?: string;
  perpetratorDose?: string;
  phenotype?: 'PM' | 'IM' | 'NM' | 'UM';
  population?: number;
  horizonH?: number;
}

/** One concentration-time series (µM against h). */
export interface Series {
  label: string;
  timesH: number[];
  concUM: number[];
}

export interface SimulateResult {
  victim: { id: string; name: string; analyte?: string; analyteName?: string; dose: string };
  perpetrator: { id: string; name: string; dose: string };
  phenotype: string;
  alone: Series;
  combined: Series;
  band?: { timesH: number[]; p5UM: number[]; p50UM: number[]; p95UM: number[]; n: number } | null;
  aucRatio: number | null;
  cmaxRatio: number | null;
  notes?: string[];
}

export const api = {
  search: (q: string, signal?: AbortSignal) => call<SearchHit[]>(`/api/search?q=${encodeURIComponent(q)}&limit=8`, undefined, signal),
  substance: (id: string) => call<SubstanceDescription>(`/api/substances/${encodeURIComponent(id)}`),
  check: (ids: string[]) => call<CheckResult>('/api/check', { json: { substances: ids } }),
  kb: () => call<KbInfo>('/api/kb'),
  brief: (ids: string[], jurisdiction?: string) => call<Brief>('/api/explain', { json: { substances: ids, format: 'json', ...(jurisdiction ? { jurisdiction } : {}) } }),
  briefText: (ids: string[], format: 'md' | 'json', jurisdiction?: string) =>
    fetch('/api/explain', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ substances: ids, format, ...(jurisdiction ? { jurisdiction } : {}) }),
    }).then(async (r) => {
      if (!r.ok) throw new ApiError(r.status, (await r.json()) as ApiErrorBody);
      return r.text();
    }),
  simulate: (req: SimulateRequest) => call<SimulateResult>('/api/simulate', { json: req }),
  claim: (claim: string) => call<ClaimResult>('/api/claim', { json: { claim } }),
};
