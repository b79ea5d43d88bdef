/**
 * The evidence brief, answered (./brief/answer.ts: statements) and rendered (src/core/render/brief.ts: English, then
 * Markdown, HTML or JSON). The operation lives here, beside check's, rather than in src/core/operations.ts: the
 * brief reads the pair analysis, whose answer calls `predict` from operations.ts, so the brief there would close a
 * file cycle.
 */
import type { KbIndex } from '../kb/kb-index.js';
import { renderBriefEn, type Brief } from '../render/brief.js';
import { briefAnswer } from './brief/answer.js';

export { briefAnswer } from './brief/answer.js';
export type { BriefAnswer, BriefSectionAnswer, BriefSectionId, BriefSource } from './brief/types.js';
export { renderBrief, renderBriefEn, renderBriefHtml, renderBriefMarkdown } from '../render/brief.js';
export type { Brief, BriefItem, BriefSection } from '../render/brief.js';

/**
 * The evidence brief for two substances, in English (renderBrief turns it into Markdown, HTML or JSON). `today` dates
 * the legal records' age, so the brief is deterministic. Example: buildBrief(kb, ['cannabis', 'kratom'], { today: '2026-11-26' }).tier
 */
export function buildBrief(kb: KbIndex, names: string[], opts: { jurisdiction?: string; today: string }): Brief {
  return renderBriefEn(briefAnswer(kb, names, opts));
}
