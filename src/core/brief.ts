/**
 * The brief operation: answer (src/core/answers/brief/: statements) → render (src/core/render/brief.ts: English).
 * In its own module, as predict is, so answers that quote another answer never depend on every operation.
 */
import { briefAnswer } from './answers/brief/answer.js';
import type { KbIndex } from './kb/kb-index.js';
import { renderBriefEn, type Brief } from './render/brief.js';

/**
 * The evidence brief for two substances, in English (renderBrief turns it into Markdown, HTML or JSON). `today` dates
 * the legal records' age, so the brief is deterministic. Example: buildBrief(kb, ['cannabis', 'kratom'], { today: '2026-11-26' }).tier
 */
export function buildBrief(kb: KbIndex, names: string[], opts: { jurisdiction?: string; today: string }): Brief {
  return renderBriefEn(briefAnswer(kb, names, opts));
}
