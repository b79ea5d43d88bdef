/**
 * The claim checker: text (one claim or a whole post) → claims, each read by the grammar and judged by the
 * rules of its kind over the KB's facts. Answers are statements; src/core/render/claims-en.ts writes the English.
 * Example: checkClaims(kb, 'CBD inhibits CYP2D6. Kratom is legal everywhere.').claims.map((c) => c.judgement.verdict)
 */
import { checkSafety } from './verdict-safety.js';
import { checkMembership } from './verdict-membership.js';
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
    case 'safety':
      return checkSafety(kb, r);
    case 'membership':
      return checkMembership(kb, r);
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

const isSubject = (e: { type: string }): boolean => e.type === 'substance' || e.type === 'substance-class';
const PRONOUNS = new Set(['it', 'this', 'they', 'these', 'that']);

/** One claim, read whole (no splitting): what the brief checks. */
export function checkOneClaim(kb: KbIndex, text: string): ClaimAnswer {
  if (typeof text !== 'string' || !text.trim()) fail('INPUT_BAD_CLAIM', { problem: 'empty; write a claim such as "CBD inhibits CYP2D6"' }, { field: 'text' });
  const tokens = tokenise(text).filter((t) => !['.', '!', ';'].includes(t.norm));
  return answer(kb, text, tokens, readClaim(kb, tokens));
}

interface Clause {
  tokens: Token[];
  parse: Parse;
}

/**
 * A sentence's clauses: split at every break ("…, but …", "… and is …", "…, so it …") except "and" before a name
 * ("X and Y interact", "inhibits CYP2D6 and CYP3A4"); a clause without a subject borrows the last one named (or the
 * one "it" stands for); a clause that reads as nothing and names nothing joins the clause before it.
 */
function clauses(kb: KbIndex, tokens: Token[], lastSubject: Token[]): { clauses: Clause[]; lastSubject: Token[] } {
  const breaks = clauseBreaks(tokens).filter((b) => {
    if (tokens[b]!.norm !== 'and') return true;
    const rest = tokens.slice(b + 1);
    return !readClaim(kb, rest).entities.some((e) => e.from === 0 && e.type !== 'species');
  });
  const segments: Token[][] = [];
  let from = 0;
  for (const b of [...breaks, tokens.length]) {
    let seg = tokens.slice(from, b);
    if (['also', ',', 'so', 'and'].includes(seg[0]?.norm ?? '') && from > 0) seg = seg.slice(1);
    if (seg.length) segments.push(seg);
    from = b + 1;
  }
  const out: Clause[] = [];
  let subject = lastSubject;
  for (const seg of segments) {
    let parse = readClaim(kb, seg);
    const pronoun = PRONOUNS.has(seg[0]!.norm);
    const named = parse.entities.some(isSubject) && !pronoun;
    if (!named && subject.length) {
      const body = pronoun ? seg.slice(1) : seg;
      const borrowed = readClaim(kb, [...subject, ...body]);
      if (borrowed.reading) parse = borrowed;
    }
    if (!parse.reading && !named && out.length > 0) {
      // Nothing to read on its own: it belongs to the clause before ("…, never raises them").
      const prev = out.pop()!;
      const merged = [...prev.tokens, ...seg];
      const pm = readClaim(kb, merged);
      out.push({ tokens: merged, parse: pm.reading || !prev.parse.reading ? pm : prev.parse });
      continue;
    }
    out.push({ tokens: seg, parse });
    const subj = parse.entities.find(isSubject);
    if (subj && named) subject = seg.slice(subj.from, subj.to);
  }
  // A sentence that split into nothing better than itself stays whole.
  if (out.length > 1 && out.every((c) => !c.parse.reading)) return { clauses: [{ tokens, parse: readClaim(kb, tokens) }], lastSubject: subject };
  return { clauses: out, lastSubject: subject };
}

export function checkClaims(kb: KbIndex, text: string): ClaimsAnswer {
  if (typeof text !== 'string' || !text.trim()) fail('INPUT_BAD_CLAIM', { problem: 'empty; write a claim such as "CBD inhibits CYP2D6"' }, { field: 'text' });
  if (text.length > MAX_CLAIM_TEXT_LENGTH)
    fail('INPUT_TOO_LARGE', { field: 'text', problem: `${text.length} characters; at most ${MAX_CLAIM_TEXT_LENGTH}` }, { field: 'text', cap: MAX_CLAIM_TEXT_LENGTH });
  const tokens = tokenise(text);
  const claims: ClaimAnswer[] = [];
  let lastSubject: Token[] = [];
  for (const s of sentences(tokens, text)) {
    if (!s.some((t) => /[a-z]/.test(t.norm))) continue;
    const r = clauses(kb, s, lastSubject);
    lastSubject = r.lastSubject;
    for (const c of r.clauses) claims.push(answer(kb, text, c.tokens, c.parse));
  }
  const counts = { supported: 0, contradicted: 0, 'not-supported': 0, 'insufficient-evidence': 0, unrecognized: 0 } as Record<Verdict, number>;
  for (const c of claims) counts[c.judgement.verdict]++;
  return { text, claims, counts };
}
