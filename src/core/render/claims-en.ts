/**
 * English for the claim checker: readings ("CBD — inhibits — CYP2D6"), verdict headlines, reasons and caveats,
 * rendered from the checker's statements (src/core/answers/claims). Wording lives here and nowhere else.
 */
import type { ClaimsAnswer } from '../answers/claims/check-claims.js';
import type { ClaimAnswer, ClaimStatement, Reading, Verdict } from '../answers/claims/types.js';
import type { StatementParam } from '../schema/statement.js';
import { fmtRatio } from './en.js';

type P = Record<string, StatementParam>;
const t = (x: StatementParam | undefined): string => (Array.isArray(x) ? x.join(', ') : String(x ?? ''));
const num = (x: StatementParam | undefined): number => Number(x);

const RELATION_VERB: Record<string, [string, string]> = {
  inhibit: ['inhibits', 'does not inhibit'],
  induce: ['induces', 'does not induce'],
  substrate: ['is metabolised by', 'is not metabolised by'],
  activate: ['activates', 'does not activate'],
  block: ['blocks', 'does not block'],
  bind: ['binds', 'does not bind'],
  act: ['acts on', 'does not act on'],
};
const ACTION_WORDS: Record<string, string> = {
  agonist: 'is an agonist at', 'partial-agonist': 'is a partial agonist at', antagonist: 'is an antagonist at', 'inverse-agonist': 'is an inverse agonist at',
  'allosteric-modulator': 'modulates', 'negative-allosteric-modulator': 'is a negative allosteric modulator of', 'positive-allosteric-modulator': 'is a positive allosteric modulator of',
  ligand: 'binds', 'channel-blocker': 'blocks', substrate: 'is metabolised by', inhibitor: 'inhibits', tdi: 'inhibits (time-dependently)', inducer: 'induces',
  'transporter-substrate': 'is carried by', 'transporter-inhibitor': 'inhibits', finding: 'showed an effect involving', 'effect-blocked-at': 'has an effect blocked at',
};
const LEGAL_WORDS: Record<string, string> = { legal: 'legal', illegal: 'illegal', controlled: 'controlled', regulated: 'regulated', prescription: 'prescription-only' };
const DEP_WORDS: Record<string, [string, string]> = {
  addiction: ['is addictive', 'is not addictive'],
  dependence: ['causes dependence', 'does not cause dependence'],
  withdrawal: ['causes withdrawal', 'does not cause withdrawal'],
  tolerance: ['causes tolerance', 'does not cause tolerance'],
  'treats-withdrawal': ['treats withdrawal', 'does not treat withdrawal'],
};

/** The predicate of a reading in words. */
export function predicateText(r: Reading): string {
  const neg = r.negated ? 1 : 0;
  switch (r.kind) {
    case 'relation':
      return RELATION_VERB[r.predicate]?.[neg] ?? r.predicate;
    case 'exclusivity': {
      const v = RELATION_VERB[r.predicate]?.[0] ?? r.predicate;
      if (r.exclusivity === 'only') return `${r.negated ? 'does not only' : 'only'} ${v.replace(/^is /, 'is ').replace(/s$/, '')}`.replace('only acts on', 'acts only on').replace(/ is metabolised b$/, ' is metabolised by');
      if (r.exclusivity === 'any') return `${RELATION_VERB[r.predicate]?.[1] ?? r.predicate} any of`;
      return `${r.negated ? 'not all: ' : 'all: '}${v}`;
    }
    case 'pair':
      return r.predicate === 'unrelated' ? `are unrelated (share no ${r.context[0] === 'targets' ? 'receptors' : r.context[0] === 'enzymes' ? 'enzymes' : 'receptors or enzymes'})` : `share ${r.objects.length ? '' : r.context[0] === 'targets' ? 'receptors' : r.context[0] === 'enzymes' ? 'enzymes' : 'receptors or enzymes'}`.trim();
    case 'interaction':
      return { safe: 'are safe to combine', dangerous: 'are dangerous to combine', benefit: 'work better together', interact: r.negated ? 'do not interact' : 'interact' }[r.predicate] ?? r.predicate;
    case 'exposure':
      return `${r.negated ? 'does not ' : ''}${r.predicate === 'raise' ? (r.negated ? 'raise' : 'raises') : r.negated ? 'lower' : 'lowers'} the blood levels of`;
    case 'effect':
      return r.predicate === 'treat' ? (r.negated ? 'does not treat' : 'treats or prevents') : r.subjects.length > 1 ? (r.negated ? 'together do not cause' : 'together cause') : r.negated ? 'does not cause' : 'causes';
    case 'dependence':
      return DEP_WORDS[r.predicate]?.[neg] ?? r.predicate;
    case 'legality':
      return `is ${LEGAL_WORDS[r.predicate] ?? r.predicate}${r.objects.length && !r.objects[0]!.ids.includes('*') ? ' in' : ''}`;
    case 'safety':
      return r.predicate === 'safe' ? 'is safe' : 'is dangerous';
    case 'membership':
      return r.predicate === 'like' ? (r.negated ? 'does not act like' : 'acts like') : r.negated ? 'is not one of' : 'is one of';
    case 'context':
      if (r.predicate === 'blocked-by') return r.negated ? 'has no effect blocked at' : 'has an effect blocked at';
      if (r.predicate === 'converts') return r.negated ? 'does not turn into' : 'turns into';
      return r.negated ? 'does not show an effect on' : { decrease: 'reduces', increase: 'increases', show: 'has an effect on' }[r.predicate] ?? r.predicate;
  }
}

const SPECIES_PHRASE: Record<string, string> = { human: 'in people', 'in-vitro': 'in vitro', 'in-vivo': 'in vivo', mouse: 'in mice', animal: 'in animals' };

export function qualifiersOf(r: Reading): string[] {
  const q: string[] = [];
  if (r.question) q.push('asked as a question');
  if (r.comparison) q.push('a comparison');
  if (r.negated) q.push('negated');
  if (r.exclusivity) q.push(r.exclusivity === 'any' ? (r.negated ? 'none' : 'any') : r.exclusivity);
  if (r.magnitude !== undefined) q.push(`${r.magnitudeBound ? (r.predicate === 'lower' ? 'to ×' : 'at least ×') : '×'}${fmtRatio(r.magnitude)}${r.magnitudeBound && r.predicate === 'lower' ? ' or less' : ''}`);
  if (r.species) q.push(SPECIES_PHRASE[r.species] ?? `in ${r.species}s`);
  if (r.use) q.push(`${r.use} use`);
  if (r.excluded.length) q.push(`not in ${r.excluded.join(' ')}`);
  if (r.kind === 'exposure' && r.context.includes('stopping')) q.push('read from stopping it: the opposite while it is taken');
  return q;
}

export function readingJson(r: Reading): { subject: string; predicate: string; object: string; qualifiers: string[]; text: string } {
  const subject = r.subjects.map((s) => s.label).join(' and ');
  const predicate = predicateText(r);
  const object = r.kind === 'context' && r.objects.length === 0 ? r.context.join(' ') : r.objects.map((o) => o.label).join(' and ');
  const qualifiers = qualifiersOf(r);
  const text = [subject, predicate, object].filter(Boolean).join(' — ') + (qualifiers.length ? ` (${qualifiers.join('; ')})` : '');
  return { subject, predicate, object, qualifiers, text };
}

const species = (p: P): string => (p.species && p.species !== 'human' ? ` (${t(p.species)})` : '');
const TEMPLATES: Record<string, (p: P) => string> = {
  CLAIM_COMPARISON: () => 'The claim compares substances; the KB records facts about each, not a ranking, so it cannot say which is more or less.',
  CLAIM_UNRECOGNIZED: (p) => `Crosstalk could not read this as a claim it can check${(p.unread as string[]).length ? `; words not read: ${t(p.unread)}` : ''}.`,
  CLAIM_RELATION_HELD: (p) => `The KB records that ${t(p.subject)} ${RELATION_VERB[t(p.predicate)]?.[0] ?? t(p.predicate)} ${t(p.object)}.`,
  CLAIM_RELATION_OTHER_SPECIES: (p) => `The KB records ${t(p.subject)} at ${t(p.object)}, but not in the species or system the claim names (${t(p.species)}).`,
  CLAIM_RELATION_OPPOSITE: (p) => `The KB records the opposite action of ${t(p.subject)} at ${t(p.object)}.`,
  CLAIM_RELATION_OTHER_ACTION: (p) => `The KB records ${t(p.subject)} at ${t(p.object)}, but not as claimed (${RELATION_VERB[t(p.predicate)]?.[0] ?? t(p.predicate)}).`,
  CLAIM_CAVEAT_ANIMAL_DISAGREES: (p) => `A study in ${t(p.species)} tissue found the opposite action; the studies with human material agree with each other.`,
  CLAIM_RELATION_CONFLICT: (p) => `The KB records both ${RELATION_VERB[t(p.predicate)]?.[0] ?? t(p.predicate)} and the opposite for ${t(p.subject)} at ${t(p.object)}: the studies conflict.`,
  CLAIM_RELATION_NONE: (p) => `The KB holds no record of ${t(p.subject)} at ${t(p.object)}, for or against.`,
  CLAIM_ONLY_BROKEN: (p) => `${t(p.subject)} acts on more than ${t(p.object)}: the KB records other targets.`,
  CLAIM_ONLY_HELD: (p) => `Every relation the KB records for ${t(p.subject)} of this sort is with ${t(p.object)}.`,
  CLAIM_ONLY_UNCLEAR: (p) => `A study that tested ${t(p.subject)} together with other substances found other targets; which substance acted there is not recorded.`,
  CLAIM_ALL_OPPOSED: (p) => `Not all: the KB records the opposite action for ${t(p.opposed)}.`,
  CLAIM_NONE_BROKEN: (p) => `The KB records ${t(p.subject)} at ${t(p.object)}.`,
  CLAIM_ALL_HELD: (p) => `Every member checked (${t(p.n)}) has a record for ${t(p.object)}.`,
  CLAIM_ALL_BROKEN: (p) => `Not all: the KB records other pathways for ${t(p.lacking)}.`,
  CLAIM_ALL_UNKNOWN: (p) => `The KB has no record for ${t(p.lacking)}, so "all" cannot be checked.`,
  CLAIM_PAIR_SHARED: (p) => `${t(p.subjects)} share ${t(p.object) || (p.scope === 'targets' ? 'receptors' : p.scope === 'enzymes' ? 'enzymes' : 'receptors or enzymes')} in the KB.`,
  CLAIM_PAIR_EFFECTS_ONLY: (p) => `The KB records no shared receptor or enzyme for ${t(p.subjects)}, but both add to the same effects.`,
  CLAIM_PAIR_NONE_RECORDED: (p) => `The KB records no shared ${p.scope === 'targets' ? 'receptor' : p.scope === 'enzymes' ? 'enzyme' : 'receptor or enzyme'} for ${t(p.subjects)}.`,
  CLAIM_MEMBER_LISTED: (p) => `The KB lists ${t(p.subject)} among ${t(p.object)}.`,
  CLAIM_MEMBER_ACTS_LIKE: (p) => `The KB does not list ${t(p.subject)} among ${t(p.object)}, but records it acting where they act (${t(p.targets)}): whether it "is" one is a matter of definition.`,
  CLAIM_MEMBER_ACTS: (p) => `The KB records ${t(p.subject)} acting where ${t(p.object)} act (${t(p.targets)}).`,
  CLAIM_MEMBER_OTHER_CLASS: (p) => `The KB lists ${t(p.subject)} among ${t(p.classes)}, not among ${t(p.object)}, and records no action where they act.`,
  CLAIM_MEMBER_NONE: (p) => `The KB neither lists ${t(p.subject)} among ${t(p.object)} nor records it acting where they act.`,
  CLAIM_SAFETY_HARMS: (p) => `The KB records harms of ${t(p.subject)} in people.`,
  CLAIM_SAFETY_HARMS_PRECLINICAL: (p) => `The KB records harms of ${t(p.subject)} only in lab or animal studies.`,
  CLAIM_SAFETY_NONE: (p) => `The KB records no harm of ${t(p.subject)}; that is absence of evidence, not evidence of safety.`,
  CLAIM_CAVEAT_SAFETY_DEPENDS: () => 'Whether harm happens depends on the dose, the product, the person and what else is taken; Crosstalk never rates a substance as safe.',
  CLAIM_SAFE_WARNED: (p) => `Not safe to assume: the KB finds a recognised risk in combining ${t(p.subjects)}.`,
  CLAIM_SAFE_UNKNOWN: (p) => `The KB finds connections between ${t(p.subjects)} but cannot say the combination is safe.`,
  CLAIM_SAFE_NO_MECHANISM: (p) => `The KB finds no mechanism linking ${t(p.subjects)}; that is absence of evidence, not evidence of safety.`,
  CLAIM_DANGER_HELD: (p) => `The KB finds a serious risk in combining ${t(p.subjects)}.`,
  CLAIM_DANGER_UNCLEAR: (p) => `The KB finds connections between ${t(p.subjects)} (tier ${t(p.tier)}), not enough to call the combination dangerous.`,
  CLAIM_BENEFIT_NONE: (p) => `The KB holds no evidence that combining ${t(p.subjects)} is beneficial.`,
  CLAIM_INTERACT_HELD: (p) => `The KB records ways ${t(p.subjects)} interact.`,
  CLAIM_INTERACT_NONE: (p) => `The KB records no interaction between ${t(p.subjects)}.`,
  CLAIM_EXPOSURE_OBSERVED: (p) => `Observed: ${t(p.perpetrator)} ${p.direction === 'raise' ? 'raised' : 'lowered'} ${t(p.victim)} exposure.`,
  CLAIM_EXPOSURE_PREDICTED: (p) => `Predicted from lab data (not observed): ${t(p.perpetrator)} ${p.direction === 'raise' ? 'raises' : 'lowers'} ${t(p.victim)} exposure.`,
  CLAIM_EXPOSURE_OPPOSITE: (p) => `The evidence goes the other way: ${t(p.perpetrator)} ${p.direction === 'raise' ? 'lowered' : 'raised'} ${t(p.victim)} exposure.`,
  CLAIM_EXPOSURE_NO_CHANGE: (p) => `Observed: ${t(p.perpetrator)} did not meaningfully change ${t(p.victim)} exposure.`,
  CLAIM_EXPOSURE_CONFLICT: (p) => `Studies of ${t(p.perpetrator)} and ${t(p.victim)} disagree on the direction.`,
  CLAIM_EXPOSURE_MAGNITUDE_OFF: (p) => `The size is wrong: observed ×${fmtRatio(num(p.observed))}, claimed ×${fmtRatio(num(p.magnitude))} (more than 2-fold apart).`,
  CLAIM_EXPOSURE_PREDICTED_SMALL: (p) => `No observation; the model predicts no meaningful ${p.direction === 'raise' ? 'rise' : 'fall'} in ${t(p.victim)} exposure with ${t(p.perpetrator)}.`,
  CLAIM_EXPOSURE_OTHER_SPECIES: (p) => `The KB's studies of ${t(p.perpetrator)} and ${t(p.victim)} are not in the species the claim names (${t(p.species)}).`,
  CLAIM_EXPOSURE_MECHANISM_ONLY: (p) => `A mechanism links ${t(p.perpetrator)} to ${t(p.victim)}'s clearance, but the KB has no measured or predicted size.`,
  CLAIM_EXPOSURE_NONE: (p) => `The KB holds no study, prediction or mechanism for ${t(p.perpetrator)} changing ${t(p.victim)} exposure.`,
  CLAIM_EFFECT_HELD: (p) => `The KB records ${t(p.subject)} as contributing to ${t(p.effect).toLowerCase()}.`,
  CLAIM_EFFECT_NOT_ALWAYS: (p) => `The KB records ${t(p.effect).toLowerCase()} with ${t(p.subject)} as a risk, not as something that always happens.`,
  CLAIM_EFFECT_ONE_SIDE: (p) => `Only one side is recorded as contributing to ${t(p.effect).toLowerCase()}; nothing for ${t(p.missing)}.`,
  CLAIM_EFFECT_OTHER_SPECIES: (p) => `The KB's evidence for ${t(p.subject)} and ${t(p.effect).toLowerCase()} is not in the species the claim names (${t(p.species)}).`,
  CLAIM_EFFECT_NONE: (p) => `The KB holds no record of ${t(p.subject)} and ${t(p.effect).toLowerCase()}, for or against.`,
  CLAIM_TREAT_NONE: (p) => `The KB records no evidence about ${t(p.subject)} treating or preventing ${t(p.effect).toLowerCase()}.`,
  CLAIM_DEPENDENCE_HELD: (p) => `The KB records dependence or withdrawal with ${t(p.subject)}.`,
  CLAIM_DEPENDENCE_OTHER_SPECIES: (p) => `The KB's dependence evidence for ${t(p.subject)} is not in the species the claim names (${t(p.species)}).`,
  CLAIM_DEPENDENCE_NONE: (p) => `The KB holds no record of dependence or withdrawal with ${t(p.subject)}.`,
  CLAIM_LEGAL_NO_RECORD: (p) => `The KB holds no legal record for ${t(p.subject)}${p.place ? ` in ${t(p.place)}` : ''}.`,
  CLAIM_LEGAL_EVERYWHERE_BROKEN: (p) => `Not everywhere: ${t(p.subject)} is not ${LEGAL_WORDS[t(p.status)] ?? t(p.status)} in ${t(p.count)} jurisdiction(s) the KB records.`,
  CLAIM_LEGAL_NOT: (p) => `The KB's legal record says ${t(p.subject)} is not ${LEGAL_WORDS[t(p.status)] ?? t(p.status)}${p.place ? ` in ${t(p.place)}` : ''}.`,
  CLAIM_LEGAL_HELD: (p) => `The KB's legal record agrees: ${t(p.subject)} is ${LEGAL_WORDS[t(p.status)] ?? t(p.status)}${p.place ? ` in ${t(p.place)}` : ''}.`,
  CLAIM_LEGAL_VARIES: (p) => `It depends on the place and use: ${t(p.yes)} record(s) agree, ${t(p.no)} do not.`,
  CLAIM_LEGAL_UNCLEAR: (p) => `The status is restricted or varies${p.place ? ` in ${t(p.place)}` : ''}; neither legal nor illegal as claimed.`,
  CLAIM_CONTEXT_HELD: (p) => `A KB finding shows this for ${t(p.subject)} in ${t(p.context)}.`,
  CLAIM_CONTEXT_NOT_SEEN: (p) => `The KB finding saw no such effect in ${t(p.notSeenIn)}.`,
  CLAIM_CONTEXT_SEEN_IN_EXCLUDED: (p) => `The KB finding saw the effect in ${t(p.excluded)}, which the claim excludes.`,
  CLAIM_CONTEXT_OTHER_SPECIES: (p) => `The finding is from ${t(p.found)}, not the species the claim names.`,
  CLAIM_CONTEXT_OPPOSITE: (p) => `The KB finding went the other way (${t(p.direction)}).`,
  CLAIM_BLOCKED_HELD: (p) => `A KB finding shows an effect of ${t(p.subject)} blocked at ${t(p.target)}.`,
  CLAIM_BLOCKED_ELSEWHERE: (p) => `In the KB's finding the effect was blocked by ${t(p.blockers)}, not at ${t(p.target)}.`,
  CLAIM_BLOCKED_OTHER_CONTEXT: (p) => `The KB's finding of ${t(p.subject)} blocked at ${t(p.target)} is about another effect.`,
  CLAIM_CONVERTS_HELD: (p) => `The KB records ${t(p.subject)} forming ${t(p.product)}.`,
  CLAIM_CONTEXT_NONE: (p) => `The KB holds no finding of ${t(p.subject)} in this context.`,
  // Reasons
  CLAIM_REASON_RELATION: (p) => `${t(p.subject)} ${ACTION_WORDS[t(p.action)] ?? t(p.action)} ${t(p.object)}${species(p)}.`,
  CLAIM_REASON_SHARED_TARGET: (p) => `Shared receptor ${t(p.node)}: ${t(p.aActions)}; ${t(p.bActions)}.`,
  CLAIM_REASON_SHARED_ENZYME: (p) => `Shared enzyme ${t(p.node)}: ${t(p.aActions)}; ${t(p.bActions)}.`,
  CLAIM_REASON_SHARED_EFFECT: (p) => `${t(p.a)} and ${t(p.b)} both add to ${t(p.effect).toLowerCase()} (${t(p.severity)} severity).`,
  CLAIM_REASON_RISK: (p) => `${t(p.title)}.`,
  CLAIM_REASON_TIER: (p) => `Pair check ${t(p.a)} + ${t(p.b)}: tier ${t(p.tier)}, severity ${t(p.severity)}, likelihood ${t(p.likelihood)}.`,
  CLAIM_REASON_OBSERVED_RATIO: (p) => `Observed${p.species && p.species !== 'human' ? ` in ${t(p.species)}` : ' in people'}: ${t(p.perpetrator)} → ${t(p.victim)} exposure ×${fmtRatio(num(p.ratio))}.`,
  CLAIM_REASON_OBSERVED_CASES: (p) => `Observed${p.species && p.species !== 'human' ? ` in ${t(p.species)}` : ' in people'} (no ratio recorded): ${t(p.perpetrator)} with ${t(p.victim)}.`,
  CLAIM_REASON_PREDICTED_RATIO: (p) => `Predicted (model from lab data): ${t(p.perpetrator)} → ${t(p.victim)} exposure ×${fmtRatio(num(p.ratio))}.`,
  CLAIM_REASON_EFFECT: (p) => `${t(p.subject)} contributes to ${t(p.effect).toLowerCase()} (${t(p.strength)}).`,
  CLAIM_REASON_FINDING: (p) => `${t(p.title)} (${t(p.species)})${p.notSeenIn ? `; not seen in ${t(p.notSeenIn)}` : ''}.`,
  CLAIM_REASON_CLASS_NOTE: (p) => `${t(p.name)}: ${t(p.text)}`,
  CLAIM_REASON_METABOLITE: (p) => `${t(p.parent)} is metabolised to ${t(p.metabolite)}${p.enzyme ? ` (${t(p.enzyme)})` : ''}.`,
  CLAIM_REASON_LEGAL: (p) => `${t(p.place)}: ${t(p.form)}, ${p.use === 'any' ? 'any use' : `${t(p.use)} use`} — ${t(p.status)} (as of ${t(p.asOf)}).`,
  // Caveats
  CLAIM_CAVEAT_PRECLINICAL: (p) => `Supported only by lab or animal evidence (${t(p.species)}); no study in people shows it.`,
  CLAIM_CAVEAT_PREDICTED: () => 'This rests on a model prediction from lab measurements, not an observation in people.',
  CLAIM_CAVEAT_CONNECTION_NOT_DANGER: () => 'A shared pathway is a connection, not proof of danger or benefit: the size of any effect in people is often unknown.',
  CLAIM_CAVEAT_ABSENCE: () => 'Absence of a record is not evidence of absence.',
  CLAIM_CAVEAT_NEVER_SAFE: () => 'Crosstalk never certifies a combination as safe; ask a pharmacist or doctor.',
  CLAIM_CAVEAT_OVERLAP_NOT_BENEFIT: () => 'Mechanistic overlap (including "entourage" ideas) is not evidence of benefit.',
  CLAIM_CAVEAT_NO_INDICATIONS: () => "Crosstalk does not record what substances treat; check a medicine's label.",
  CLAIM_CAVEAT_LAW_CHANGES: () => 'Laws change; the record date and source are given. This is not legal advice.',
};

export function renderClaimStatement(s: ClaimStatement): string {
  const f = TEMPLATES[s.code];
  return f ? f(s.params) : s.code;
}

const VERDICT_WORDS: Record<Verdict, string> = {
  supported: 'supported',
  contradicted: 'contradicted',
  'not-supported': 'not supported',
  'insufficient-evidence': 'insufficient evidence',
  unrecognized: 'not recognised',
};

export function renderClaim(c: ClaimAnswer) {
  const j = c.judgement;
  const reasons = j.reasons.map((r) => ({ code: r.code, text: renderClaimStatement(r), evidence: r.evidence, sources: r.sources }));
  return {
    claim: c.claim,
    start: c.start,
    end: c.end,
    kind: c.reading?.kind ?? null,
    reading: c.reading ? readingJson(c.reading) : null,
    verdict: j.verdict,
    summary: renderClaimStatement(j.headline),
    reasons,
    sources: [...new Set(j.reasons.flatMap((r) => r.sources))].sort(),
    caveats: j.caveats.map(renderClaimStatement),
    ...(c.unread ? { unread: c.unread } : {}),
    ...(c.suggestions ? { suggestions: c.suggestions } : {}),
  };
}
export type RenderedClaim = ReturnType<typeof renderClaim>;

export function renderClaims(a: ClaimsAnswer) {
  const claims = a.claims.map(renderClaim);
  const parts = (Object.keys(a.counts) as Verdict[]).filter((v) => a.counts[v] > 0).map((v) => `${a.counts[v]} ${VERDICT_WORDS[v]}`);
  const text = `${claims.length} claim${claims.length === 1 ? '' : 's'} checked: ${parts.join(', ') || 'none'}.`;
  return { claims, summary: { counts: a.counts, text }, ...(claims.length === 1 ? { verdict: claims[0]!.verdict } : {}) };
}
export type RenderedClaims = ReturnType<typeof renderClaims>;
