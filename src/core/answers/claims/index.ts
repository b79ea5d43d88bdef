/** The claim checker's public surface: check text, check one claim, and the English rendering of either. */
import type { KbIndex } from '../../kb/kb-index.js';
import { renderClaim, renderClaims, type RenderedClaim, type RenderedClaims } from '../../render/claims-en.js';
import { checkClaims, checkOneClaim } from './check-claims.js';

export { checkClaims, checkOneClaim, judgeReading } from './check-claims.js';
export type { ClaimsAnswer } from './check-claims.js';
export type { ClaimAnswer, ClaimKind, ClaimStatement, Reading, Verdict } from './types.js';
export { CLAIM_KINDS, VERDICTS } from './types.js';

/** A checked claim as the API returns it (one element of `claims`). */
export type ClaimResult = RenderedClaim;
/** A checked text as the API returns it: claims, summary, and `verdict` when there is one claim. */
export type ClaimCheckResult = RenderedClaims;

/** Check every claim in a text and render the answer. Example: checkText(kb, 'CBD inhibits CYP2D6').verdict */
export function checkText(kb: KbIndex, text: string): ClaimCheckResult {
  return renderClaims(checkClaims(kb, text));
}

/** Check one sentence as a single claim and render it. Example: checkClaim(kb, 'kratom is not addictive').verdict */
export function checkClaim(kb: KbIndex, text: string): ClaimResult {
  return renderClaim(checkOneClaim(kb, text));
}
