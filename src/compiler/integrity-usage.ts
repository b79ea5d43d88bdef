/**
 * Checks for usage patterns (substances' typical doses) and guidance lines (issue 14): every reference resolves,
 * every regimen parses, one default per substance, and no guidance line reads like recreational dosing or timing.
 */
import { isCrosstalkError, parseRegimen, type ErrorCode, type KbData } from '../core/index.js';

type Body = Omit<KbData, 'version'>;

export interface IntegrityHelpers {
  at: (rec: unknown, path: (string | number)[], code: ErrorCode, message: string, warn?: boolean) => void;
  needSub: (rec: unknown, path: (string | number)[], id: string | undefined) => void;
  needSource: (rec: unknown, path: (string | number)[], id: string | undefined) => void;
}

/**
 * Words that would turn a guidance line into dosing or timing advice: an amount with a dose unit, or the phrasing of
 * "take less / wait longer" instructions. Guidance says what to watch for and when to get help, never how much.
 */
export const DOSING_PATTERNS: readonly RegExp[] = [
  /\b\d+(\.\d+)?\s*(mg|g|µg|mcg|ml|mL|grams?|milligrams?|tablets?|pills?|capsules?|drops?|puffs?|hits?|tabs?)\b/i,
  /\b(start low|go slow|take (less|a smaller|half)|lower (your|the) dose|half (a|the) dose|space (out|them)|wait \d|hours? (apart|between))\b/i,
];

function regimenOk(h: IntegrityHelpers, rec: unknown, path: (string | number)[], text: string): void {
  try {
    parseRegimen(text, path.join('.'));
  } catch (e) {
    if (!isCrosstalkError(e)) throw e;
    h.at(rec, path, 'KB_BAD_VALUE', `${e.message} (usage-pattern doses are regimen strings, e.g. "0.32 g inhaled" or "10 mg")`);
  }
}

export function checkUsagePatterns(kb: Body, h: IntegrityHelpers, constituentsOf: (id: string) => string[]): void {
  for (const s of kb.substances) {
    const patterns = s.usagePatterns ?? [];
    if (patterns.filter((p) => p.default).length > 1) h.at(s, ['usagePatterns'], 'KB_BAD_VALUE', 'at most one usage pattern may be the default');
    if (patterns.length && !patterns.some((p) => p.default)) h.at(s, ['usagePatterns'], 'KB_BAD_VALUE', 'mark one usage pattern `default: true` (the everyday dose check uses)');
    const seen = new Set<string>();
    patterns.forEach((p, i) => {
      const base = ['usagePatterns', i];
      if (seen.has(p.id)) h.at(s, [...base, 'id'], 'KB_DUPLICATE_ID', `usage pattern '${p.id}' is listed twice`);
      seen.add(p.id);
      if ((p.regimen === undefined) === (p.doses.length === 0))
        h.at(s, base, 'KB_SCHEMA', 'give either regimen (a dose of the substance itself) or doses (constituent doses), not both or neither');
      if (p.regimen !== undefined) regimenOk(h, s, [...base, 'regimen'], p.regimen);
      const mine = constituentsOf(s.id);
      p.doses.forEach((d, j) => {
        h.needSub(s, [...base, 'doses', j, 'substance'], d.substance);
        if (!mine.includes(d.substance)) h.at(s, [...base, 'doses', j, 'substance'], 'KB_UNRESOLVED_REF', `'${d.substance}' is not a constituent of ${s.id}`);
        regimenOk(h, s, [...base, 'doses', j, 'regimen'], d.regimen);
      });
      p.sources.forEach((x, j) => h.needSource(s, [...base, 'sources', j], x));
      if (p.assumption && !p.reasoning) h.at(s, [...base, 'reasoning'], 'KB_SCHEMA', 'an assumed usage pattern needs reasoning (how the typical-use number was reached)');
      if (p.assumption && p.verified) h.at(s, [...base, 'verified'], 'KB_BAD_VALUE', 'an assumed usage pattern cannot be verified');
    });
  }
}

export function checkGuidance(kb: Body, h: IntegrityHelpers, effectIds: Set<string>, classIds: Set<string>): void {
  const seen = new Set<string>();
  for (const g of kb.guidance ?? []) {
    if (seen.has(g.id)) h.at(g, ['id'], 'KB_DUPLICATE_ID', `guidance id '${g.id}' is already used`);
    seen.add(g.id);
    g.appliesTo.effects.forEach((e, i) => {
      if (!effectIds.has(e)) h.at(g, ['appliesTo', 'effects', i], 'KB_UNRESOLVED_REF', `effect class '${e}' does not exist (kb/effects/)`);
    });
    g.appliesTo.classes.forEach((c, i) => {
      if (!classIds.has(c)) h.at(g, ['appliesTo', 'classes', i], 'KB_UNRESOLVED_REF', `class '${c}' does not exist (kb/substances/classes.yaml)`);
    });
    g.sources.forEach((x, i) => h.needSource(g, ['sources', i], x));
    for (const re of DOSING_PATTERNS)
      if (re.test(g.text)) h.at(g, ['text'], 'KB_BAD_VALUE', `reads like dosing or timing advice (${re.exec(g.text)![0]}); guidance says what to watch for and when to get help, never how much or when to take`);
  }
}
