/**
 * Text → claims: sentences (at . ! ? ; and line breaks, not inside numbers or after "vs", "e.g."), then clauses
 * ("…, but …", "… and also …", "…; …") where each side reads as a claim on its own. A clause that lacks a subject
 * borrows the previous clause's ("Kratom only acts on opioid receptors and is not addictive").
 */
import type { Token } from './types.js';

export interface Span {
  tokens: Token[];
}

/** Abbreviations that never end a sentence ("St. John's wort", "vs. placebo"). */
const ALWAYS_ABBREV = new Set(['st', 'vs', 'dr', 'approx', 'eg', 'ie']);
const ABBREV = new Set(['vs', 'e', 'g', 'i', 'eg', 'ie', 'etc', 'dr', 'st', 'approx', 'no', 'fig', 'u', 's']);

export function sentences(tokens: Token[], text: string): Token[][] {
  const out: Token[][] = [];
  let cur: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const prev = tokens[i - 1];
    const newline = prev && /\n/.test(text.slice(prev.end, t.start));
    if (newline && cur.length) {
      out.push(cur);
      cur = [];
    }
    if (t.norm === '.' || t.norm === '!' || t.norm === '?' || t.norm === ';') {
      const abbrev = t.norm === '.' && prev && ABBREV.has(prev.norm) && prev.end === t.start && tokens[i + 1] && (ALWAYS_ABBREV.has(prev.norm) || !/[A-Z]/.test(tokens[i + 1]!.raw[0] ?? ''));
      if (abbrev) continue;
      if (t.norm === '?') cur.push(t);
      if (cur.length) out.push(cur);
      cur = [];
      continue;
    }
    cur.push(t);
  }
  if (cur.length) out.push(cur);
  return out;
}

/** Candidate clause boundaries: ", but", "but", "; ", ", and", "and also", "while", "whereas", "plus". */
export function clauseBreaks(tokens: Token[]): number[] {
  const out: number[] = [];
  tokens.forEach((t, i) => {
    const next = tokens[i + 1]?.norm;
    if (t.norm === 'but' && next !== 'not' && next !== 'only') out.push(i);
    else if ((t.norm === 'while' || t.norm === 'whereas' || t.norm === 'although' || t.norm === 'though') && i > 0) out.push(i);
    else if (t.norm === 'and' && i > 1) out.push(i);
    else if (t.norm === ',' && i > 2 && next && !['and', 'but', 'or'].includes(next)) out.push(i);
  });
  return out;
}
