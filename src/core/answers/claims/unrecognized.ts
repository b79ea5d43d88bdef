/**
 * Help for a sentence the grammar could not read: the words it did not read, and the nearest claim kinds it can
 * check (those whose entities the sentence names), each with an example built from the names found.
 */
import type { KbIndex } from '../../kb/kb-index.js';
import { FUNCTION_WORDS, PUNCT } from './lexicon-en.js';
import type { Parse } from './grammar.js';
import type { ClaimKind, Token } from './types.js';

export function unreadWords(tokens: Token[], p: Parse): string[] {
  const out: string[] = [];
  tokens.forEach((t, i) => {
    if (p.used.has(i) || PUNCT.has(t.norm) || FUNCTION_WORDS.has(t.norm) || FUNCTION_WORDS.has(t.lemma) || /^\d+$/.test(t.norm)) return;
    if (p.entities.some((e) => i >= e.from && i < e.to)) return;
    if (!out.includes(t.raw)) out.push(t.raw);
  });
  return out;
}

/** Examples per kind, with the sentence's own names where it has them. */
export function suggest(_kb: KbIndex, p: Parse): { kind: ClaimKind; example: string }[] {
  const subs = p.entities.filter((e) => e.type === 'substance' || e.type === 'substance-class').map((e) => e.label);
  const a = subs[0] ?? 'CBD';
  const b = subs[1] ?? (a === 'Kratom' ? 'Cannabis' : 'Kratom');
  const target = p.entities.find((e) => e.type === 'target' || e.type === 'target-class')?.label ?? 'CYP2D6';
  const effect = p.entities.find((e) => e.type === 'effect')?.label.toLowerCase() ?? 'respiratory depression';
  const place = p.entities.find((e) => e.type === 'jurisdiction')?.label ?? 'the United Kingdom';
  const all: { kind: ClaimKind; example: string; score: number }[] = [
    { kind: 'relation', example: `${a} inhibits ${target}`, score: p.entities.some((e) => e.type === 'target' || e.type === 'target-class') ? 3 : 1 },
    { kind: 'exclusivity', example: `${a} only acts on opioid receptors`, score: 0.5 },
    { kind: 'pair', example: `${a} and ${b} are pharmacologically unrelated`, score: subs.length >= 2 ? 2.5 : 0.4 },
    { kind: 'interaction', example: `${a} is safe to mix with ${b}`, score: subs.length >= 2 ? 2.4 : 0.4 },
    { kind: 'exposure', example: `${b} raises ${a} blood levels`, score: subs.length >= 2 ? 2.3 : 0.3 },
    { kind: 'effect', example: `${a} causes ${effect}`, score: p.entities.some((e) => e.type === 'effect') ? 3 : 1.2 },
    { kind: 'dependence', example: `${a} is addictive`, score: 1.1 },
    { kind: 'legality', example: `${a} is legal in ${place}`, score: p.entities.some((e) => e.type === 'jurisdiction') ? 3 : 1 },
    { kind: 'context', example: `${a} relieves neuropathic pain in mice`, score: p.entities.some((e) => e.type === 'species') ? 2 : 0.2 },
    { kind: 'membership', example: `${a} is an opioid`, score: p.entities.some((e) => e.type === 'substance-class') ? 2.6 : 0.3 },
    { kind: 'safety', example: `${a} is harmless`, score: 0.35 },
  ];
  // With no name recognised, no kind is nearer than another: offer them all.
  const named = p.entities.length > 0;
  return all.sort((x, y) => y.score - x.score).slice(0, named ? 4 : all.length).map(({ kind, example }) => ({ kind, example }));
}
