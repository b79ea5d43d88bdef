/** The shape of a pair analysis, as answered (codes) and as rendered (plain and technical English beside them). */
import type { Finding, Relation, Substance } from '../../kb/types.js';
import type { EvidenceLevel } from '../../schema/quantity.js';
import type { StatementParams } from '../../schema/statement.js';
import type { EvidenceSummary } from '../evidence/grade.js';
import type { Prediction } from '../prediction.js';
import type { GuidanceItem } from './guidance.js';

export const EDUCATIONAL_NOTICE =
  'Educational use only. Crosstalk summarises published research; it is not medical advice and does not recommend using any substance, alone or together. Talk to a pharmacist or doctor before combining substances, especially with prescription medicines, health conditions or pregnancy.';

export interface SideAction {
  /** The constituent (or the substance itself) that acts. */
  substance: string;
  substanceName: string;
  /** A measured action, or `effect-blocked-at` when a study found the substance's effect blocked at this target. */
  action: Relation['action'] | 'effect-blocked-at';
  evidence: EvidenceLevel;
  species: string;
  potency?: string;
  relationId: string;
  sources: string[];
}

export interface SharedNodeAnswer {
  id: string;
  name: string;
  kind: 'target' | 'enzyme';
  a: SideAction[];
  b: SideAction[];
  evidence: EvidenceSummary;
  findings: string[];
}

export interface SharedNode extends SharedNodeAnswer {
  /** In words: agonist + agonist at MOR; substrate + inhibitor at CYP2D6 (b may raise a). */
  interpretation: string;
}

export interface SharedEffect {
  id: string;
  name: string;
  severity: 'high' | 'moderate' | 'low';
  a: { substance: string; strength: string; evidence: EvidenceLevel; sources: string[] }[];
  b: { substance: string; strength: string; evidence: EvidenceLevel; sources: string[] }[];
  evidence: EvidenceSummary;
}

export type Tier = 'red' | 'amber' | 'yellow' | 'green' | 'grey';

/** What a pair analysis says, as a code with parameters; the renderer writes its plain and technical text. */
export interface PairStatementAnswer {
  id: string;
  topic: 'relatedness' | 'receptor' | 'enzyme' | 'pk' | 'pd' | 'finding' | 'mutual-inhibition';
  code: string;
  params: StatementParams;
  evidence: EvidenceLevel;
  grade: EvidenceSummary['grade'];
  preclinical: boolean;
  caveat?: string;
  sources: string[];
}

export interface Statement extends PairStatementAnswer {
  plain: string;
  technical: string;
}

/** A reason for the tier, as a code with parameters (rendered into `tierReasons`). */
export interface TierReason {
  code: string;
  params: StatementParams;
}

export interface SubstanceRef {
  id: string;
  name: string;
  kind: Substance['kind'];
  constituents: string[];
}

export interface PkEntry {
  perpetrator: string;
  victim: string;
  /** Set when the perpetrator is a constituent standing in for the product named in the pair. */
  via?: string;
  /** Set when the victim is a constituent standing in for the product named in the pair (a pattern's constituent dose). */
  victimVia?: string;
  result: Prediction | { error: string };
}

interface PairCommon {
  a: SubstanceRef;
  b: SubstanceRef;
  connected: boolean;
  sharedEffects: SharedEffect[];
  findings: Finding[];
  /** Exposure predictions both ways; when a product has no usual dose, one per constituent at its usual dose. */
  pk: PkEntry[];
  tier: Tier;
  severity: 'high' | 'moderate' | 'low' | 'none' | 'unknown';
  likelihood: 'established' | 'probable' | 'possible' | 'theoretical' | 'unknown';
  /** What to do: the guidance lines that match this pair's shared effects, mechanisms and classes (issue 14 §4). */
  guidance: GuidanceItem[];
  sources: string[];
}

export interface PairAnswer extends PairCommon {
  verdict: { code: string; params: StatementParams; evidence: EvidenceLevel; grade: EvidenceSummary['grade'] };
  sharedTargets: SharedNodeAnswer[];
  sharedEnzymes: SharedNodeAnswer[];
  mutualInhibition: { enzymes: string[]; aOnB: string[]; bOnA: string[] } | null;
  tierReasons: TierReason[];
  statements: PairStatementAnswer[];
}

export interface PairAnalysis extends PairCommon {
  verdict: { plain: string; technical: string; evidence: EvidenceLevel; grade: EvidenceSummary['grade'] };
  sharedTargets: SharedNode[];
  sharedEnzymes: SharedNode[];
  mutualInhibition: { enzymes: string[]; plain: string } | null;
  tierReasons: string[];
  statements: Statement[];
}


