/**
 * The evidence brief for a pair, as data: sections whose items are statements (code, params, evidence, sources),
 * the pair's tier, the claims checked and the numbered sources. No English is written here: src/core/render/brief.ts
 * renders the answer (templates in src/core/render/brief-en.ts) as Markdown, HTML or JSON.
 */
import type { PairAnalysis } from '../check.js';
import type { ClaimResult } from '../claims/index.js';
import type { Statement } from '../../schema/statement.js';

export type BriefSectionId =
  | 'verdict'
  | 'receptor-profiles'
  | 'shared-receptors'
  | 'shared-enzymes'
  | 'doses'
  | 'exposure'
  | 'effects'
  | 'evidence-supports'
  | 'guidance'
  | 'risks'
  | 'medicines'
  | 'legal';

/** One section of the brief: its items are statements; the renderer gives the section its title. */
export interface BriefSectionAnswer {
  id: BriefSectionId;
  items: Statement[];
}

/** A cited source, numbered in order of first citation. */
export interface BriefSource {
  n: number;
  id: string;
  label: string;
  url?: string;
  type: string;
}

/** The brief as the engine answers it: statements and data, no prose of its own. */
export interface BriefAnswer {
  kbVersion: string;
  substances: { id: string; name: string }[];
  /** The jurisdiction asked for, upper-cased (null when none was chosen). */
  jurisdiction: string | null;
  tier: PairAnalysis['tier'];
  /**
   * The pair's tier reasons, quoted as check renders them (src/core/render/check.ts). Check answers them as codes
   * (TierReason); this stays text until the brief carries the pair answer itself.
   */
  tierReasons: string[];
  sections: BriefSectionAnswer[];
  /** The claims checked about the pair (checkClaim's result, which still carries its own English). */
  claims: ClaimResult[];
  sources: BriefSource[];
}
