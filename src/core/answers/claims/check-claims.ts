/**
 * The claim checker: text (one claim or a whole post) → claims, each read by the grammar and judged by the
 * rules of its kind over the KB's facts. Answers are statements; src/core/render/claims-en.ts writes the English.
 * Example: checkClaims(kb, 'CBD inhibits CYP2D6. Kratom is legal everywhere.').claims.map((c) => c.judgement.verdict)
 */
import { fail } from '../../errors.js';
import type { KbIndex } from '../../kb/kb-index.js';
import { MAX_CLAIM_TEXT_LENGTH } from '../../limits.js';
import { readClaim, type Parse } from './grammar.js';
import { tokenise } from './normalise.js';
import { clauseBreaks, sentences } from './split.js';
import { suggest, unreadWords } from './unrecognized.js';
import { checkContext } from './verdict-context.js';
import { checkDependence, checkEffect } from './verdict-effect.js';
import { checkExposure } from './verdict-exposure.js';
import { checkLegality } from './verdict-legal.js';
import { checkInteraction, checkPair } from './verdict-pair.js';
import { checkRelation } from './verdict-relation.js';
import { judge, st } from './evidence.js';
import type { ClaimAnswer, Judgement, Reading, Token, Verdict } from './types.js';

export interface ClaimsAnswer {
  text: string;
  claims: ClaimAnswer[];
  counts: Record<Verdict, number>;
}

export function judgeReading(kb: KbIndex, r: Reading): Judgement {
  if (r.comparison) {
    const plain = judgeReading(kb, { ...r, comparison: false });
    return judge('insufficient-evidence', st('CLAIM_COMPARISON', {}), [plain.headline, ...plain.reasons].slice(0, 6), plain.caveats);
  }
  switch (r.kind) {
    case 'relation':
    case 'exclusivity':
      return checkRelation(kb, r);
    case 'pair':
      return checkPair(kb, r);
    case 'interaction':
      return checkInteraction(kb, r);
    case 'exposure':
      return checkExposure(kb, r);
    case 'effect':
      return checkEffect(kb, r);
    case 'dependence':
      return checkDependence(kb, r);
    case 'legality':
      return checkLegality(kb, r);
    case 'context':
      return checkContext(kb, r);
  }
}

function answer(kb: KbIndex, text: string, tokens: Token[], p: Parse): ClaimAnswer {
  const start = tokens[0]?.start ?? 0;
  const end = tokens.at(-1)?.end ?? start;
  const claim = text.slice(start, end).trim();
  if (!p.reading) {
    const unread = unreadWords(tokens, p);
    return {
      claim, start, end, reading: null,
      judgement: judge('unrecognized', st('CLAIM_UNRECOGNIZED', { unread }), []),
      unread,
      suggestions: suggest(kb, p),
    };
  }
  return { claim, start, end, reading: p.reading, judgement: judgeReading(kb, p.reading) };
}

/** Split a sentence into clauses when each side reads as a claim on its own (borrowing a missing subject). */
function clauses(kb: KbIndex, tokens: Token[]): { tokens: Token[]; parse: Parse }[] {
  const whole = readClaim(kb, tokens);
  for (const b of clauseBreaks(tokens)) {
    const left = tokens.slice(0, b);
    let right = tokens.slice(b + 1);
    if (['also', ','].includes(right[0]?.norm ?? '')) right = right.slice(1);
    if (left.length < 2 || right.length < 2) continue;
    const pl = readClaim(kb, left);
    if (!pl.reading) continue;
    let pr = readClaim(kb, right);
    if (!pr.reading || !pr.entities.some((e) => e.type === 'substance' || e.type === 'substance-class')) {
      const subj = pl.reading.subjects[0];
      const subjTokens = subj ? tokens.slice(subj.from, subj.to) : [];
      if (subjTokens.length && !pr.entities.some((e) => e.type === 'substance' || e.type === 'substance-class')) {
        const borrowed = [...subjTokens, ...right];
        const pb = readClaim(kb, borrowed);
        if (pb.reading) pr = pb;
      }
    }
    if (!pr.reading) continue;
    // Keep the whole reading when splitting would lose a second subject the whole sentence uses ("X and Y …").
    if (whole.reading && whole.reading.subjects.length > 1 && pl.reading.subjects.length < 2 && !pr.entities.some((e) => e.type === 'substance' || e.type === 'substance-class')) continue;
    return [...clauses(kb, left), ...clauses(kb, right).map((c) => (c.tokens === right ? { tokens: right, parse: pr } : c))];
  }
  return [{ tokens, parse: whole }];
}

/** One claim, read whole (no splitting): what the brief checks. */
export function checkOneClaim(kb: KbIndex, text: string): ClaimAnswer {
  if (typeof text !== 'string' || !text.trim()) fail('INPUT_BAD_CLAIM', { problem: 'empty; write a claim such as "CBD inhibits CYP2D6"' }, { field: 'text' });
  const tokens = tokenise(text).filter((t) => !['.', '!', ';'].includes(t.norm));
  return answer(kb, text, tokens, readClaim(kb, tokens));
}

export function checkClaims(kb: KbIndex, text: string): ClaimsAnswer {
  if (typeof text !== 'string' || !text.trim()) fail('INPUT_BAD_CLAIM', { problem: 'empty; write a claim such as "CBD inhibits CYP2D6"' }, { field: 'text' });
  if (text.length > MAX_CLAIM_TEXT_LENGTH)
    fail('INPUT_TOO_LARGE', { field: 'text', problem: `${text.length} characters; at most ${MAX_CLAIM_TEXT_LENGTH}` }, { field: 'text', cap: MAX_CLAIM_TEXT_LENGTH });
  const tokens = tokenise(text);
  const claims: ClaimAnswer[] = [];
  for (const s of sentences(tokens, text)) {
    if (!s.some((t) => /[a-z]/.test(t.norm))) continue;
    for (const c of clauses(kb, s)) claims.push(answer(kb, text, c.tokens, c.parse));
  }
  const counts = { supported: 0, contradicted: 0, 'not-supported': 0, 'insufficient-evidence': 0, unrecognized: 0 } as Record<Verdict, number>;
  for (const c of claims) counts[c.judgement.verdict]++;
  return { text, claims, counts };
}
