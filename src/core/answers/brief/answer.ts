/** The evidence brief as statements (src/core/answers/brief.ts renders it through src/core/render/brief.ts). */
import { withConstituents } from '../../kb/constituents.js';
import { resolveSubstance } from '../../kb/fuzzy-match.js';
import type { KbIndex } from '../../kb/kb-index.js';
import type { Substance } from '../../kb/types.js';
import { CrosstalkError } from '../../errors.js';
import { statement, type Statement } from '../../schema/statement.js';
import { checkClaim, type ClaimResult } from '../claims/index.js';
import { analysePair } from '../check.js';
import { sourceLabel, sourceUrl } from '../evidence/labels.js';
import { exposureItems, legalItems, medicineItems, profileItems, sharedEnzymeItems, sharedReceptorItems, type BriefContext } from './sections.js';
import type { BriefAnswer, BriefSectionAnswer } from './types.js';
import { doseItems, guidanceItems } from './what-to-do.js';

/**
 * The evidence brief for a pair as statements: how they are connected, how much one changes the other, what the
 * evidence does and does not support, risks, prescription medicines on the same enzymes and legality. `today` is
 * passed in so the brief stays deterministic. Example: briefAnswer(kb, ['cannabis', 'kratom'], { today: '2026-11-26' }).sections[0].items[0].code
 */
export function briefAnswer(kb: KbIndex, names: string[], opts: { jurisdiction?: string; today: string }): BriefAnswer {
  if (names.length !== 2) throw new CrosstalkError('INPUT_INVALID', `substances: a brief compares exactly two substances (got ${names.length})`, { field: 'substances' });
  const A = resolveSubstance(kb, names[0]!, 'substances[0]');
  const B = resolveSubstance(kb, names[1]!, 'substances[1]');
  if (A.id === B.id) throw new CrosstalkError('INPUT_SAME_SUBSTANCE', 'substances: choose two different substances', { field: 'substances' });
  const pair = analysePair(kb, A, B);
  const order: string[] = [];
  const cite = (ids: string[]): string[] => {
    const kept = [...new Set(ids.filter((id) => id && kb.source(id)))];
    for (const id of kept) if (!order.includes(id)) order.push(id);
    return kept;
  };
  const ctx: BriefContext = { kb, A, B, pair, item: (code, params, evidence, sources) => statement(code, 'plain', params, evidence ?? null, cite(sources)) };
  const claims = pairClaims(kb, A, B);
  const jurisdiction = opts.jurisdiction?.toUpperCase() ?? null;
  const sections: BriefSectionAnswer[] = [
    { id: 'verdict', items: [verdictItem(ctx), axesItem(ctx)] },
    { id: 'receptor-profiles', items: profileItems(ctx) },
    { id: 'shared-receptors', items: sharedReceptorItems(ctx) },
    { id: 'shared-enzymes', items: sharedEnzymeItems(ctx) },
    { id: 'doses', items: doseItems(ctx) },
    { id: 'exposure', items: exposureItems(ctx) },
    { id: 'effects', items: [...pdItems(ctx), ...effectItems(ctx)] },
    { id: 'evidence-supports', items: claims.map((c) => claimItem(ctx, c)) },
    { id: 'guidance', items: guidanceItems(ctx) },
    { id: 'risks', items: riskItems(ctx) },
    { id: 'medicines', items: medicineItems(ctx) },
    { id: 'legal', items: legalItems(ctx, jurisdiction, opts.today) },
  ];
  return {
    kbVersion: kb.data.version,
    substances: [A, B].map((s) => ({ id: s.id, name: s.name })),
    jurisdiction,
    tier: pair.tier,
    tierReasons: pair.tierReasons,
    sections,
    claims,
    sources: order.map((id, i) => {
      const s = kb.source(id)!;
      return { n: i + 1, id, label: sourceLabel(s), url: sourceUrl(s), type: s.type };
    }),
  };
}

/** Quotes check's rendered verdict (plain and technical) until the brief carries the pair's verdict code. */
function verdictItem({ pair, item }: BriefContext): Statement {
  const sources = pair.statements.find((s) => s.id === 'relatedness')?.sources ?? [];
  return item('BRIEF_PAIR_VERDICT', { text: pair.verdict.plain, technical: pair.verdict.technical }, pair.verdict.evidence, sources);
}

/** The two axes (severity: what can happen; evidence: how sure) and the tier rule, quoted from check (issue 17). */
function axesItem({ pair, item }: BriefContext): Statement {
  const s = pair.statements.find((x) => x.code === 'PAIR_AXES');
  return item('BRIEF_PAIR_AXES', { text: s?.plain ?? `Severity: ${pair.severity}; likelihood ${pair.likelihood}.`, rule: s?.technical ?? '' }, s?.evidence, []);
}

/** Label records, case series, toxic metabolites and mechanism rules for the pair, quoted from check (issue 17). */
function pdItems({ pair, item }: BriefContext): Statement[] {
  // …and the effect contributions set aside because the dose assessed lies far below their evidence (dose-reach.ts).
  return pair.statements
    .filter((s) => s.topic === 'pd' && (s.code?.startsWith('PD_') || s.code === 'PAIR_EFFECT_DOSE_NOT_REACHED'))
    .map((s) => item('BRIEF_PD', { text: s.plain, technical: s.technical }, s.evidence, s.sources));
}

function effectItems({ pair, item }: BriefContext): Statement[] {
  return pair.sharedEffects.map((x) =>
    item(
      'BRIEF_SHARED_EFFECT',
      {
        effect: x.name,
        severity: x.severity,
        aSubstances: x.a.map((c) => c.substance),
        aStrengths: x.a.map((c) => c.strength),
        bSubstances: x.b.map((c) => c.substance),
        bStrengths: x.b.map((c) => c.strength),
      },
      x.evidence.level,
      [...x.a, ...x.b].flatMap((c) => c.sources),
    ),
  );
}

/**
 * The seven claims a brief checks. They are the claim checker's input, which parses English (parse-claim.ts), so
 * they are written here in English on purpose; what the reader sees is rendered from BRIEF_CLAIM.
 */
function pairClaims(kb: KbIndex, A: Substance, B: Substance): ClaimResult[] {
  return [
    `${A.name} and ${B.name} are pharmacologically unrelated`,
    `${A.name} and ${B.name} share receptors`,
    `${A.name} and ${B.name} share liver enzymes`,
    `${A.name} raises ${B.name} levels`,
    `${B.name} raises ${A.name} levels`,
    `combining ${A.name} and ${B.name} is safe`,
    `combining ${A.name} and ${B.name} is beneficial`,
  ].map((t) => checkClaim(kb, t));
}

/** A checked claim; its summary is checkClaim's own English, quoted until the claim checker answers in codes. */
function claimItem({ item }: BriefContext, c: ClaimResult): Statement {
  const level = c.reasons.find((r) => r.evidence)?.evidence ?? undefined;
  return item('BRIEF_CLAIM', { claim: c.claim, verdict: c.verdict, summary: c.summary }, level, c.sources);
}

function riskItems({ kb, A, B, item }: BriefContext): Statement[] {
  const risks = [...new Set([...withConstituents(kb, A.id), ...withConstituents(kb, B.id)].flatMap((id) => kb.risksOf(id)))];
  return risks.map((r) => item('BRIEF_RISK', { title: r.title, text: r.text }, r.evidence, r.sources));
}
