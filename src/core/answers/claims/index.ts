/** The claim checker's public surface: check text, check one claim, and the English rendering of either. */
import type { KbIndex } from '../../kb/kb-index.js';
import { renderClaim, renderClaims, type RenderedClaim, type RenderedClaims } from '../../render/claims-en.js';
import { checkClaims, checkOneClaim } from './check-claims.js';
import { sourceLabel, sourceUrl } from '../evidence/labels.js';

export { checkClaims, checkOneClaim, judgeReading } from './check-claims.js';
export type { ClaimsAnswer } from './check-claims.js';
export type { ClaimAnswer, ClaimKind, ClaimStatement, Reading, Verdict } from './types.js';
export { CLAIM_KINDS, VERDICTS } from './types.js';

/** A checked claim as the API returns it (one element of `claims`). */
export type ClaimResult = RenderedClaim;
/** A citation of a source a claim's reasons name. */
export interface ClaimReference {
  id: string;
  label: string;
  url?: string;
}
/** A checked text as the API returns it: claims, summary, `verdict` when there is one claim, and the citations. */
export type ClaimCheckResult = RenderedClaims & { references: ClaimReference[] };

/** Check every claim in a text and render the answer, with a citation for every source named. Example: checkText(kb, 'CBD inhibits CYP2D6').verdict */
export function checkText(kb: KbIndex, text: string): ClaimCheckResult {
  const r = renderClaims(checkClaims(kb, text));
  const ids = [...new Set(r.claims.flatMap((c) => c.sources))].sort();
  const references = ids.map((id): ClaimReference => {
    const s = kb.source(id);
    const url = s ? sourceUrl(s) : undefined;
    return { id, label: s ? sourceLabel(s) : id, ...(url ? { url } : {}) };
  });
  return { ...r, references };
}

/** Check one sentence as a single claim and render it. Example: checkClaim(kb, 'kratom is not addictive').verdict */
export function checkClaim(kb: KbIndex, text: string): ClaimResult {
  return renderClaim(checkOneClaim(kb, text));
}
