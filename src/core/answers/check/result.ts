/** What `check` answers for two or more substances: the pairs worst first and the regimen view around them (issue 14). */
import type { StatementParams } from '../../schema/statement.js';
import type { GuidanceItem } from './guidance.js';
import type { RegimenEffect } from './regimen-effects.js';
import type { RegimenVerdictAnswer, WorstPair } from './regimen.js';
import type { PairAnalysis, SubstanceRef } from './types.js';
import type { DoseUsed } from './usage.js';

export interface CheckNote {
  code: string;
  params: StatementParams;
  text: string;
}

export interface CheckResult {
  kbVersion: string;
  notice: string;
  /** The substances checked, once each, in the order given. */
  substances: SubstanceRef[];
  /** Every pair, worst first (red, amber, yellow, grey, green; then the most severe shared effect). */
  pairs: PairAnalysis[];
  /** The first of `pairs`, named; null when fewer than two distinct substances remain. */
  worstPair: WorstPair | null;
  verdict: RegimenVerdictAnswer & { text: string };
  /** Every effect class any substance adds to, with each contributor; `flagged` when three or more add to a stacking class. */
  effects: (RegimenEffect & { text: string })[];
  /** The dose each substance was checked at, and the alternatives it can be changed to. */
  doses: (DoseUsed & { text: string })[];
  /** What to do: guidance lines matching the combination's effect classes, mechanisms and classes. */
  guidance: GuidanceItem[];
  /** Notes about the list itself (a substance named twice). */
  notes: CheckNote[];
}
