/**
 * The claim checker's data: a token stream, the entities found in it, the reading of one claim, and the answer
 * as statements (codes with parameters, evidence and sources) that src/core/render/claims-en.ts turns into text.
 */
import type { EvidenceLevel } from '../../schema/quantity.js';
import type { StatementParams } from '../../schema/statement.js';

export const VERDICTS = ['supported', 'contradicted', 'not-supported', 'insufficient-evidence', 'unrecognized'] as const;
export type Verdict = (typeof VERDICTS)[number];

/** The claim kinds of the shared spec (docs/claims.md). */
export const CLAIM_KINDS = ['relation', 'exclusivity', 'pair', 'interaction', 'exposure', 'effect', 'dependence', 'legality', 'context', 'safety', 'membership'] as const;
export type ClaimKind = (typeof CLAIM_KINDS)[number];

export interface Token {
  /** As written. */
  raw: string;
  /** Lower case, contractions expanded, British spelling folded to American. */
  norm: string;
  /** Base form: plurals and verb forms folded (`inhibited` → `inhibit`, `receptors` → `receptor`). */
  lemma: string;
  /** Character offsets in the original text. */
  start: number;
  end: number;
}

export type EntityType = 'substance' | 'substance-class' | 'target' | 'target-class' | 'effect' | 'jurisdiction' | 'species';

export interface Entity {
  type: EntityType;
  /** KB ids this entity stands for (a class stands for its members; a jurisdiction for ISO codes). */
  ids: string[];
  /** The name shown in a reading. */
  label: string;
  /** Token span [from, to). */
  from: number;
  to: number;
}

/** What a claim asserts, in the checker's terms. */
export interface Reading {
  kind: ClaimKind;
  /** Predicate code, e.g. `inhibit`, `raise-exposure`, `unrelated`, `legal`, `cause`. */
  predicate: string;
  subjects: Entity[];
  objects: Entity[];
  negated: boolean;
  question: boolean;
  /** only / just / all / any / everywhere / never / always. */
  exclusivity?: 'only' | 'all' | 'any' | 'everywhere';
  /** A claimed fold change (doubles → 2). */
  magnitude?: number;
  /** The size is a bound the change reaches ("more than 90 %", "at least 3-fold"), not a point estimate. */
  magnitudeBound?: boolean;
  /** human | animal | in-vitro | rat | mouse …: the species or system the claim names. */
  species?: string;
  /** medical | adult, for legality claims. */
  use?: 'medical' | 'adult';
  /** Context words of a finding claim (neuropathic pain …), and words the claim excludes ("but not inflammatory"). */
  context: string[];
  excluded: string[];
  /** "less addictive than opioids": a comparison between substances (the KB records facts, not rankings). */
  comparison?: boolean;
}

/** One reason or caveat: a code and its parameters, the evidence it rests on and its sources. */
export interface ClaimStatement {
  code: string;
  params: StatementParams;
  evidence: EvidenceLevel | null;
  sources: string[];
}

/** A verdict with the statements that justify it (as answered, before rendering). */
export interface Judgement {
  verdict: Verdict;
  headline: ClaimStatement;
  reasons: ClaimStatement[];
  caveats: ClaimStatement[];
}

export interface ClaimAnswer {
  /** The claim's text as written. */
  claim: string;
  /** Offsets of the claim in the text checked (for highlighting). */
  start: number;
  end: number;
  reading: Reading | null;
  judgement: Judgement;
  /** For an unrecognized claim: words not read, and nearest kinds with an example each. */
  unread?: string[];
  suggestions?: { kind: ClaimKind; example: string }[];
}
