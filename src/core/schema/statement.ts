import type { EvidenceLevel } from './quantity.js';

/**
 * What an answer says, as data: a code, its parameters, the evidence level it rests on and its sources. Answers
 * and models produce statements; a renderer (src/core/render/en.ts) turns them into text at the edge, so wording
 * is reviewed in one place and a second language needs no engine change.
 */
export type StatementRole = 'plain' | 'technical' | 'assumption' | 'warning' | 'missing';
export type StatementParam = string | number | boolean | null | readonly (string | number)[];
export type StatementParams = Record<string, StatementParam>;

export interface Statement {
  code: string;
  role: StatementRole;
  params: StatementParams;
  /** The evidence level it rests on; `model` for a model's own output; null for what was assumed or is missing. */
  evidence: EvidenceLevel | 'model' | null;
  sources: string[];
}

/** A statement with its English text beside it (what JSON responses carry). */
export interface RenderedStatement extends Statement {
  text: string;
}

export function statement(
  code: string,
  role: StatementRole,
  params: StatementParams = {},
  evidence: Statement['evidence'] = null,
  sources: string[] = [],
): Statement {
  return { code, role, params, evidence, sources };
}
