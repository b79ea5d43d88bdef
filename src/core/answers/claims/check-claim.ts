import { inSentence } from '../evidence/text.js';
import { CrosstalkError, isCrosstalkError } from '../../errors.js';
import { EVIDENCE_LABEL, isPreclinical } from '../evidence/labels.js';
import type { KbIndex } from '../../kb/kb-index.js';
import type { EvidenceLevel } from '../../schema/quantity.js';
import { normalizeName } from '../../kb/names.js';
import { resolveSubstance } from '../../kb/fuzzy-match.js';
import { analysePair, type PairAnalysis } from '../check.js';
import { withConstituents } from '../../kb/constituents.js';
import type { Prediction } from '../predict.js';
import { CLAIM_FORMS, parseClaim, type StructuredClaim } from './parse-claim.js';

export type Verdict = 'supported' | 'contradicted' | 'not-supported' | 'insufficient-evidence' | 'unrecognized';

export interface Reason {
  text: string;
  evidence?: EvidenceLevel;
  sources: string[];
}

export interface ClaimResult {
  claim: string;
  parsed: StructuredClaim | null;
  verdict: Verdict;
  /** One sentence a person can read. */
  summary: string;
  reasons: Reason[];
  sources: string[];
  caveats: string[];
  /** The forms the parser understands (shown when a claim is unrecognized). */
  forms?: string[];
}

function done(claim: string, parsed: StructuredClaim | null, verdict: Verdict, summary: string, reasons: Reason[], caveats: string[] = []): ClaimResult {
  const sources = [...new Set(reasons.flatMap((r) => r.sources))].filter(Boolean).sort();
  const pre = reasons.length > 0 && reasons.every((r) => r.evidence && isPreclinical(r.evidence));
  const cav = [...caveats];
  if (pre) cav.unshift('Every reason here comes from lab or animal studies: they show mechanisms, not outcomes in people.');
  return { claim, parsed, verdict, summary, reasons, sources, caveats: [...new Set(cav)] };
}

function pairReasons(p: PairAnalysis, what: 'targets' | 'enzymes' | 'all'): Reason[] {
  const r: Reason[] = [];
  if (what !== 'enzymes')
    for (const n of p.sharedTargets)
      r.push({ text: `Shared receptor ${n.name}: ${n.interpretation} (${EVIDENCE_LABEL[n.evidence.level]}).`, evidence: n.evidence.level, sources: [...new Set([...n.a, ...n.b].flatMap((x) => x.sources))] });
  if (what !== 'targets') {
    for (const n of p.sharedEnzymes)
      r.push({ text: `Shared enzyme ${n.name}: ${n.interpretation} (${EVIDENCE_LABEL[n.evidence.level]}).`, evidence: n.evidence.level, sources: [...new Set([...n.a, ...n.b].flatMap((x) => x.sources))] });
    if (p.mutualInhibition) r.push({ text: p.mutualInhibition.plain, evidence: 'in_vitro', sources: [] });
  }
  if (what === 'all') {
    for (const e of p.sharedEffects)
      r.push({ text: `Both add to ${inSentence(e.name)} (${EVIDENCE_LABEL[e.evidence.level]}).`, evidence: e.evidence.level, sources: [...new Set([...e.a, ...e.b].flatMap((x) => x.sources))] });
    for (const f of p.findings.filter((f) => f.blockedBy.length > 0 || f.interventions.length > 1).slice(0, 4))
      r.push({ text: `${f.title} (${f.species}; ${EVIDENCE_LABEL[f.evidence]}).`, evidence: f.evidence, sources: [f.source] });
  }
  // Receptors, then enzymes, then effects and findings: the order of the seed's argument.
  return r;
}

function exposureEvidence(p: PairAnalysis, perpIds: string[], victimIds: string[]): { preds: Prediction[] } {
  const preds = p.pk
    .map((e) => e.result)
    .filter((x): x is Prediction => 'status' in x)
    .filter((x) => perpIds.includes(x.perpetrator.id) && (victimIds.includes(x.victim.id) || victimIds.includes(x.victim.analyte)));
  return { preds };
}

type Substance = ReturnType<typeof resolveSubstance>;
type Sides = { A: Substance; B: Substance };
/** Every claim kind but `treats` names two substances. */
type PairClaim = StructuredClaim & { kind: Exclude<StructuredClaim['kind'], 'treats'> };

/** Check a plain-English claim against the knowledge base. */
export function checkClaim(kb: KbIndex, text: string): ClaimResult {
  if (typeof text !== 'string' || !text.trim())
    throw new CrosstalkError('INPUT_BAD_CLAIM', 'claim: empty; write a claim such as "cannabis and kratom are unrelated"', { field: 'claim' });
  if (text.length > 500) throw new CrosstalkError('INPUT_TOO_LARGE', `claim: ${text.length} characters; at most 500`, { field: 'claim', cap: 500 });
  const parsed = parseClaim(text);
  if (!parsed)
    return {
      claim: text,
      parsed: null,
      verdict: 'unrecognized',
      summary: 'Crosstalk could not map this sentence onto a claim it knows how to check.',
      reasons: [],
      sources: [],
      caveats: [],
      forms: CLAIM_FORMS,
    };
  let A;
  let B;
  try {
    A = resolveSubstance(kb, parsed.a, 'claim.a');
    B = parsed.b !== undefined ? resolveSubstance(kb, parsed.b, 'claim.b') : undefined;
  } catch (e) {
    if (!isCrosstalkError(e)) throw e;
    return { ...done(text, parsed, 'unrecognized', e.message, []), forms: CLAIM_FORMS };
  }
  if (parsed.kind === 'treats') return checkTreats(kb, text, parsed, A);
  if (!B) throw new CrosstalkError('INPUT_BAD_CLAIM', 'claim: this kind of claim needs two substances', { field: 'claim' });
  if (A.id === B.id) throw new CrosstalkError('INPUT_SAME_SUBSTANCE', `claim: '${parsed.a}' and '${parsed.b}' are the same substance`, { field: 'claim' });
  // `treats` returned above, so this is a pair claim (StructuredClaim is not a union TS can narrow).
  return checkPairClaim(kb, text, parsed as PairClaim, { A, B }, analysePair(kb, A, B));
}

/** "<A> treats <condition>": findings of A whose context, endpoint or model names the condition. */
function checkTreats(kb: KbIndex, text: string, parsed: StructuredClaim, A: Substance): ClaimResult {
  const cond = normalizeName(parsed.detail ?? '');
  const ids = withConstituents(kb, A.id);
  const fs = kb.data.findings.filter((f) => f.interventions.some((i) => ids.includes(i.substance)) && [...f.context, f.endpoint, f.model].some((c) => normalizeName(c).includes(cond) || cond.includes(normalizeName(c))));
  const reasons = fs.map((f) => ({ text: `${f.title} (${f.species}; ${EVIDENCE_LABEL[f.evidence]})${f.notSeenIn.length ? `; not seen in ${f.notSeenIn.join(', ')}` : ''}.`, evidence: f.evidence, sources: [f.source] }));
  if (fs.length === 0)
    return done(text, parsed, 'insufficient-evidence', `The KB holds no study of ${A.name} for ${parsed.detail}.`, [], ['Crosstalk does not record indications; check a medicine\'s label for what it is approved to treat.']);
  const human = fs.some((f) => f.evidence === 'human_controlled');
  return done(
    text,
    parsed,
    human ? 'supported' : 'not-supported',
    human ? `Controlled human evidence links ${A.name} to ${parsed.detail}.` : `Only ${[...new Set(fs.map((f) => EVIDENCE_LABEL[f.evidence]))].join(' and ')} evidence links ${A.name} to ${parsed.detail}; that is not evidence that it treats it in people.`,
    reasons,
    ['An effect in an animal pain model is not a treatment for people.'],
  );
}

/** Claims about two substances, answered from their pair analysis. */
function checkPairClaim(kb: KbIndex, text: string, parsed: PairClaim, { A, B }: Sides, pair: PairAnalysis): ClaimResult {
  switch (parsed.kind) {
    case 'unrelated': {
      if (pair.connected) {
        const reasons = pairReasons(pair, 'all');
        return done(text, parsed, 'contradicted', `${A.name} and ${B.name} are not pharmacologically unrelated: ${pair.verdict.plain.split(': ').slice(1).join(': ')}`, reasons, [
          'Connection is not the same as danger or benefit: the size of any effect in people is mostly unknown.',
        ]);
      }
      return done(text, parsed, 'insufficient-evidence', `The KB records no shared pathway for ${A.name} and ${B.name}, but absence of records is not evidence that they are unrelated.`, []);
    }
    case 'shares-target':
    case 'shares-enzyme':
      return checkShares(kb, text, parsed, { A, B }, pair);
    case 'increases-exposure':
    case 'decreases-exposure':
      return checkExposure(kb, text, parsed, { A, B }, pair);
    case 'safe-together': {
      const reasons = pairReasons(pair, 'all').slice(0, 6);
      reasons.unshift({ text: `Overall tier: ${pair.tier} (${pair.tierReasons.join('; ') || 'see reasons'}).`, sources: [] });
      const verdict: Verdict = pair.tier === 'red' ? 'contradicted' : 'not-supported';
      return done(
        text,
        parsed,
        verdict,
        verdict === 'contradicted'
          ? `Not safe to assume: combining ${A.name} and ${B.name} carries a recognised serious risk.`
          : `No evidence shows that combining ${A.name} and ${B.name} is safe${pair.connected ? '; they share pathways, so the combination can behave differently from either alone' : ''}.`,
        reasons,
        ['Crosstalk never certifies a combination as safe: absence of evidence of harm is not evidence of safety. Ask a pharmacist or doctor.'],
      );
    }
    case 'beneficial': {
      const reasons = pairReasons(pair, 'all').slice(0, 6);
      return done(text, parsed, 'not-supported', `No controlled human evidence shows that combining ${A.name} and ${B.name} is beneficial or synergistic; shared pathways make the combination less predictable, not better.`, reasons, [
        'Mechanistic overlap (including "entourage" ideas) is not evidence of benefit.',
      ]);
    }
  }
}

/** "<A> and <B> share receptors / liver enzymes", optionally naming one (matched by id, name or synonym). */
function checkShares(kb: KbIndex, text: string, parsed: StructuredClaim, { A, B }: Sides, pair: PairAnalysis): ClaimResult {
  const nodes = parsed.kind === 'shares-target' ? pair.sharedTargets : pair.sharedEnzymes;
  const want = parsed.detail ? normalizeName(parsed.detail) : '';
  const match = want
    ? nodes.filter((n) => [n.id, n.name, ...(kb.target(n.id)?.synonyms ?? [])].some((x) => normalizeName(x) === want || normalizeName(x).startsWith(want) || want.startsWith(normalizeName(x))))
    : nodes;
  const reasons = pairReasons(pair, parsed.kind === 'shares-target' ? 'targets' : 'enzymes').filter((r) => !want || match.some((n) => r.text.includes(n.name)));
  if (match.length) return done(text, parsed, 'supported', `${A.name} and ${B.name} share ${match.map((n) => n.name).join(', ')}.`, reasons);
  const hasData = kb.relationsOf(A.id).length + withConstituents(kb, A.id).length > 1 && withConstituents(kb, B.id).some((id) => kb.relationsOf(id).length > 0);
  return done(text, parsed, hasData ? 'not-supported' : 'insufficient-evidence', `The KB records no shared ${parsed.kind === 'shares-target' ? 'receptor' : 'enzyme'}${parsed.detail ? ` ${parsed.detail}` : ''} for ${A.name} and ${B.name}.`, []);
}

/** The reasons behind an exposure claim (observations, then predictions) and the last human and animal ratios seen. */
function exposureReasons(preds: Prediction[]): { reasons: Reason[]; human?: number; animal?: number } {
  const reasons: Reason[] = [];
  let human: number | undefined;
  let animal: number | undefined;
  for (const p of preds) {
    for (const o of p.observed)
      if (o.aucRatio !== undefined) {
        reasons.push({ text: `Observed${o.species !== 'human' ? ` in ${o.species}s` : ' in people'}: ${p.victim.analyteName} AUC ×${o.aucRatio.toFixed(2)}${o.cmaxRatio ? `, Cmax ×${o.cmaxRatio.toFixed(2)}` : ''} with ${o.perpetratorDose ?? p.perpetrator.name}.`, evidence: o.evidence as EvidenceLevel, sources: o.sources });
        if (o.species === 'human') human = o.aucRatio;
        else animal = o.aucRatio;
      }
    if (p.status === 'predicted' && p.aucRatio !== null)
      reasons.push({ text: `Predicted from lab data (static model): ${p.perpetrator.name} → ${p.victim.analyteName} AUC ×${p.aucRatio.toFixed(2)} (range ${p.range!.low.toFixed(2)}–${p.range!.high.toFixed(2)}).`, evidence: p.evidence.level, sources: p.sources });
  }
  return { reasons, human, animal };
}

/** "<A> raises / lowers <B> levels": human observation outranks animal observation, which outranks prediction. */
function checkExposure(kb: KbIndex, text: string, parsed: StructuredClaim, { A, B }: Sides, pair: PairAnalysis): ClaimResult {
  const up = parsed.kind === 'increases-exposure';
  const { preds } = exposureEvidence(pair, withConstituents(kb, A.id), withConstituents(kb, B.id));
  const { reasons, human, animal } = exposureReasons(preds);
  const hit = (r: number | undefined): boolean => r !== undefined && (up ? r >= 1.25 : r <= 0.8);
  const miss = (r: number | undefined): boolean => r !== undefined && !hit(r);
  const predicted = preds.find((p) => p.status === 'predicted' && p.aucRatio !== null)?.aucRatio ?? undefined;
  if (hit(human)) return done(text, parsed, 'supported', `Observed in people: ${A.name} ${up ? 'raised' : 'lowered'} ${B.name} exposure.`, reasons);
  if (miss(human)) return done(text, parsed, 'contradicted', `In people, ${A.name} did not meaningfully ${up ? 'raise' : 'lower'} ${B.name} exposure.`, reasons);
  if (hit(animal))
    return done(text, parsed, 'supported', `Shown in animals: ${A.name} ${up ? 'raised' : 'lowered'} ${B.name} exposure (AUC ×${animal!.toFixed(2)}); not yet shown in people.`, reasons, [
      'Animal evidence only: doses, enzymes and exposure differ between rats and people, so the size of the effect in people is unknown.',
    ]);
  if (hit(predicted))
    return done(text, parsed, 'supported', `Predicted from lab measurements (not observed): ${A.name} may ${up ? 'raise' : 'lower'} ${B.name} exposure.`, reasons, ['This rests on a model prediction from in-vitro data; static models can over-predict for herbal products.']);
  if (predicted !== undefined || miss(animal)) return done(text, parsed, 'not-supported', `Neither observation nor prediction shows ${A.name} ${up ? 'raising' : 'lowering'} ${B.name} exposure meaningfully.`, reasons);
  return done(text, parsed, 'insufficient-evidence', `The KB lacks the data to say whether ${A.name} changes ${B.name} exposure.`, reasons);
}
