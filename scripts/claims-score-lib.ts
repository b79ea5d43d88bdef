/**
 * Scores the claim checker on a labelled set (test/fixtures/claims.yaml): verdict accuracy per claim kind and
 * overall, the kind the checker read beside the labelled one, and every miss. Shared by `npm run claims:score`
 * and test/engine/claims.test.ts.
 */
import { parse } from 'yaml';
import { checkClaim, type KbIndex } from '../src/core/index.js';

export interface LabelledClaim {
  id: string;
  text: string;
  kind: string;
  verdict: string;
  caveat?: string;
}

export interface ClaimMiss {
  id: string;
  kind: string;
  text: string;
  expected: string;
  got: string;
  readAs: string;
}

export interface ClaimScore {
  total: number;
  correct: number;
  byKind: Record<string, { total: number; correct: number; kindAgrees: number }>;
  misses: ClaimMiss[];
}

export function readLabelled(yamlText: string): LabelledClaim[] {
  const doc = parse(yamlText) as { claims: LabelledClaim[] };
  return doc.claims;
}

export function scoreClaims(kb: KbIndex, claims: LabelledClaim[]): ClaimScore {
  const byKind: ClaimScore['byKind'] = {};
  const misses: ClaimMiss[] = [];
  let correct = 0;
  for (const c of claims) {
    const r = checkClaim(kb, c.text);
    const k = (byKind[c.kind] ??= { total: 0, correct: 0, kindAgrees: 0 });
    k.total++;
    if (r.kind === c.kind) k.kindAgrees++;
    if (r.verdict === c.verdict) {
      k.correct++;
      correct++;
    } else misses.push({ id: c.id, kind: c.kind, text: c.text, expected: c.verdict, got: r.verdict, readAs: r.reading ? `${r.kind}: ${r.reading.text}` : `unread: ${(r.unread ?? []).join(' ')}` });
  }
  return { total: claims.length, correct, byKind, misses };
}

export function scoreTable(s: ClaimScore): string {
  const pct = (a: number, b: number): string => `${((100 * a) / Math.max(1, b)).toFixed(1)} %`;
  const rows = Object.entries(s.byKind)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([kind, k]) => `| ${kind} | ${k.total} | ${k.correct} | ${pct(k.correct, k.total)} | ${pct(k.kindAgrees, k.total)} |`);
  return [
    '| kind | claims | verdict right | accuracy | kind read as labelled |',
    '|---|---:|---:|---:|---:|',
    ...rows,
    `| **overall** | ${s.total} | ${s.correct} | **${pct(s.correct, s.total)}** | |`,
  ].join('\n');
}
