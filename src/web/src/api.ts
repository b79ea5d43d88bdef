/**
 * Same-origin API client. Every request and response type is inferred from the core's zod schemas
 * (src/core/schema/api, through src/core/index.ts), the ones the server validates and documents with; nothing is
 * re-typed here and no server internals are imported. Errors carry the server's registry code and message as sent.
 */
import type { ApiSchemas } from '../../core/index.js';

export type Brief = ApiSchemas.BriefJson;
export type CheckResult = ApiSchemas.CheckResultJson;
export type ClaimResult = ApiSchemas.ClaimResultJson;
export type ClaimCheckResult = ApiSchemas.ClaimCheckJson;
export type Prediction = ApiSchemas.PredictionJson;
export type SubstanceDescription = ApiSchemas.SubstanceDescriptionJson;
export type PairAnalysis = ApiSchemas.PairAnalysisJson;
export type SharedNode = ApiSchemas.SharedNodeJson;
export type SideAction = ApiSchemas.SideActionJson;
export type PkEntry = ApiSchemas.PkEntryJson;
export type Statement = ApiSchemas.PairStatementJson;
export type SearchHit = ApiSchemas.SearchHitJson;
export type KbInfo = ApiSchemas.KbInfoJson;
export type SimulateRequest = ApiSchemas.SimulateRequest;
export type SimulateResult = ApiSchemas.SimulateResultJson;
export type Phenotype = ApiSchemas.PhenotypeJson;
/** One concentration-time series (µM against h). */
export type Series = ApiSchemas.SeriesJson;
export type ApiErrorBody = ApiSchemas.ErrorBodyJson;

/**
 * A failed request. `body` is the server's error (a registry code, its message and hint) when the server sent
 * one; null when no answer in the error shape arrived (network failure, a proxy's page), and then the message
 * says only what happened — the client invents no error code.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: ApiErrorBody | null,
  ) {
    super(body?.message ?? `The server answered ${status} without an error message.`);
  }

  /** The registry code, when the server sent one. */
  get code(): ApiErrorBody['code'] | null {
    return this.body?.code ?? null;
  }
}

/** What the page shows for a failed request: the server's message (from the registry) and its code. */
export function errorText(e: unknown): string {
  if (e instanceof ApiError) return e.body ? `${e.body.message} (${e.body.code})` : e.message;
  return (e as Error).message;
}

function isErrorBody(x: unknown): x is ApiErrorBody {
  const o = x as Partial<ApiErrorBody> | null;
  return !!o && typeof o === 'object' && typeof o.code === 'string' && typeof o.message === 'string';
}

async function fail(r: Response): Promise<never> {
  let body: unknown = null;
  try {
    body = await r.json();
  } catch {
    // Not JSON: no error body from the API.
  }
  throw new ApiError(r.status, isErrorBody(body) ? body : null);
}

async function call<T>(path: string, init?: { json?: unknown }, signal?: AbortSignal): Promise<T> {
  const r = await fetch(path, {
    method: init?.json !== undefined ? 'POST' : 'GET',
    headers: init?.json !== undefined ? { 'content-type': 'application/json' } : undefined,
    body: init?.json !== undefined ? JSON.stringify(init.json) : undefined,
    signal,
  });
  if (!r.ok) return fail(r);
  const type = r.headers.get('content-type') ?? '';
  return (type.includes('json') ? await r.json() : await r.text()) as T;
}

type ExplainRequest = ApiSchemas.ExplainRequest;

export const api = {
  search: (q: string, signal?: AbortSignal) => call<SearchHit[]>(`/api/search?q=${encodeURIComponent(q)}&limit=8`, undefined, signal),
  substance: (id: string) => call<SubstanceDescription>(`/api/substances/${encodeURIComponent(id)}`),
  check: (ids: string[], usage: Record<string, string> = {}) =>
    call<CheckResult>('/api/check', { json: { substances: ids, ...(Object.keys(usage).length ? { usage } : {}) } satisfies ApiSchemas.CheckRequest }),
  kb: () => call<KbInfo>('/api/kb'),
  brief: (ids: string[], jurisdiction?: string) =>
    call<Brief>('/api/explain', { json: { substances: ids, format: 'json', ...(jurisdiction ? { jurisdiction } : {}) } satisfies ExplainRequest }),
  briefText: async (ids: string[], format: 'md' | 'json', jurisdiction?: string): Promise<string> => {
    const r = await fetch('/api/explain', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ substances: ids, format, ...(jurisdiction ? { jurisdiction } : {}) } satisfies ExplainRequest),
    });
    if (!r.ok) return fail(r);
    return r.text();
  },
  predict: (req: ApiSchemas.PredictRequest) => call<Prediction>('/api/predict', { json: req }),
  simulate: (req: SimulateRequest) => call<SimulateResult>('/api/simulate', { json: req }),
  claim: (text: string) => call<ClaimCheckResult>('/api/claim', { json: { text } satisfies ApiSchemas.ClaimRequest }),
};
