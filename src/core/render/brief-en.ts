/**
 * English for the evidence brief (src/core/answers/brief.ts): a plain sentence and, for some codes, a technical
 * line per statement code, plus the brief's title and section titles. Kept apart from render/en.ts (prediction
 * codes) so the two tables are edited independently; golden files (test/golden/brief/) pin what readers see.
 */
import type { BriefSectionId } from '../answers/brief/types.js';
import type { ClaimResult } from '../answers/claims/index.js';
import { isPreclinical } from '../answers/evidence/labels.js';
import { inSentence } from '../answers/evidence/text.js';
import type { EvidenceLevel } from '../schema/quantity.js';
import type { Statement, StatementParam, StatementParams } from '../schema/statement.js';

interface BriefTemplate {
  text: (p: StatementParams, s: Statement) => string;
  technical?: (p: StatementParams) => string;
}

const t = (x: StatementParam | undefined): string => String(x);
const GUIDANCE_LABEL: Record<string, string> = {
  'warning-signs': 'Warning signs',
  'seek-help': 'Get help',
  naloxone: 'Naloxone',
  'not-alone': 'Not alone',
  monitoring: 'Monitoring',
  'label-advice': 'What labels advise',
  alternatives: 'Alternatives',
};
const n = (x: StatementParam | undefined): number => x as number;
const list = (x: StatementParam | undefined): string[] => ((x ?? []) as readonly (string | number)[]).map(String);
const preclinical = (s: Statement): boolean => s.evidence !== null && s.evidence !== 'model' && isPreclinical(s.evidence as EvidenceLevel);

/** "A agonist — Ki 10 nM; B inhibitor": one entry per side action, potency when known. */
function sideActions(p: StatementParams): string {
  const potencies = list(p.potencies);
  return list(p.substances)
    .map((s, i) => `${s} ${list(p.actions)[i]}${potencies[i] ? ` — ${potencies[i]}` : ''}`)
    .join('; ');
}

function observed(p: StatementParams): string {
  const where = p.species === 'human' ? ' in people' : ` in ${t(p.species)}s (not people)`;
  const cmax = p.cmaxRatio ? `, Cmax ×${n(p.cmaxRatio).toFixed(2)}` : '';
  const dose = p.perpetratorDose ? ` with ${t(p.perpetratorDose)}` : '';
  const summary = p.summary ? ` ${t(p.summary)}` : '';
  // A study recorded without an AUC ratio (e.g. only described in an abstract) says so instead of printing a dash.
  if (p.aucRatio === null) return `Observed${where}${dose}: no ${t(p.analyte)} AUC ratio recorded${cmax}.${summary}`;
  return `Observed${where}: ${t(p.analyte)} AUC ×${n(p.aucRatio).toFixed(2)}${cmax}${dose}.${summary}`;
}

const ratio = (x: StatementParam | undefined): string => (typeof x === 'number' ? (x >= 10 ? x.toFixed(1) : x.toFixed(2)) : '—');

/** "anchored ×1.57 (own range 0.49–4.97; chosen); static ×3.23 (0.55–14.7)": every model that answered, and how far apart. */
function modelSpread(p: StatementParams): string {
  const models = list(p.models);
  // One model is the answer already given: listing it again says nothing.
  if (models.length < 2) return '';
  const lows = (p.modelLows ?? []) as readonly (number | string)[];
  const highs = (p.modelHighs ?? []) as readonly (number | string)[];
  const ratios = (p.modelRatios ?? []) as readonly (number | string)[];
  const parts = models.map((m, i) => {
    // The chosen model's own range is wider than the best estimate's quoted before it (calibrated narrower on tune).
    const range = typeof lows[i] === 'number' ? ` (${m === t(p.chosenModel) ? 'own range ' : ''}${ratio(lows[i])}–${ratio(highs[i])}${m === t(p.chosenModel) ? '; chosen' : ''})` : m === t(p.chosenModel) ? ' (chosen)' : '';
    return `${m} ×${ratio(ratios[i])}${range}`;
  });
  const nums = ratios.filter((x): x is number => typeof x === 'number');
  const fold = nums.length > 1 ? Math.max(...nums) / Math.min(...nums) : 1;
  // Under 1.25-fold apart the models agree for any practical reading; say how far apart only when it matters.
  const spread = fold >= 1.25 ? ` — the models differ ${ratio(fold)}-fold` : nums.length > 1 ? ' — the models agree' : '';
  return ` Models: ${parts.join('; ')}${spread}.`;
}

function humanStudies(p: StatementParams): string {
  const ratios = (p.studyRatios ?? []) as readonly number[];
  const doses = list(p.studyDoses);
  const ns = list(p.studyN);
  const rows = list(p.studyVictims).map((v, i) => `${v} ×${ratio(ratios[i])}${doses[i] ? ` with ${doses[i]}` : ''}${ns[i] ? ` (n ${ns[i]})` : ''}`);
  return `What people showed when ${t(p.compound)} was given with other medicines cleared by ${list(p.enzymes).join(', ')} (the enzymes that clear ${t(p.victim)}): ${rows.join('; ')}. These are measured human exposure changes of other medicines, not of ${t(p.victim)}.`;
}

function medicines(p: StatementParams): string {
  const nti = new Set(list(p.narrowTherapeuticIds));
  const ids = list(p.medicineIds);
  const names = list(p.medicines).map((m, i) => `${m}${nti.has(ids[i]!) ? ' (narrow therapeutic index)' : ''}`);
  return `${t(p.enzyme)} (inhibited by ${list(p.inhibitors).join(', ')}) also clears ${names.join(', ')}.`;
}

function legalChoose(p: StatementParams): string {
  const count = n(p.jurisdictions);
  // With no record for either substance, choosing a jurisdiction would show nothing: say so instead.
  if (count === 0) return 'Legal status varies by country and state and changes often; the KB holds no legal-status record for these substances.';
  return `Legal status varies by country and state and changes often (the KB holds ${count} jurisdiction${count === 1 ? '' : 's'}); choose a jurisdiction to see it.`;
}

const VERDICT_WORDS: Record<ClaimResult['verdict'], string> = {
  supported: 'supported',
  contradicted: 'contradicted',
  'not-supported': 'not supported',
  'insufficient-evidence': 'insufficient evidence',
  unrecognized: 'unrecognized',
};

/** Every code the brief's answer emits. Codes whose params carry `text` quote another answer's rendered English. */
export const BRIEF_EN: Readonly<Record<string, BriefTemplate>> = {
  // The dose a substance was assessed at, quoted as src/core/render/regimen.ts renders it (issue 14).
  BRIEF_DOSE: { text: (p) => t(p.text) },
  // A guidance line (kb/guidance): what it is about, for whom, then the KB's paraphrase.
  BRIEF_GUIDANCE: { text: (p) => `${GUIDANCE_LABEL[t(p.kind)] ?? t(p.kind)}${p.audience === 'clinician' ? ' (for clinicians)' : ''}: ${t(p.text)}` },
  // Quotes check's verdict (plain and technical), rendered by src/core/render/check.ts.
  BRIEF_PAIR_VERDICT: { text: (p) => t(p.text), technical: (p) => t(p.technical) },
  // Quote check's PAIR_AXES statement: severity and evidence apart, then the tier rule in one sentence (issue 17).
  BRIEF_PAIR_AXES: { text: (p) => `${t(p.text)} ${t(p.rule)}`.trim() },
  // Quote check's PD statements (label records, case series, toxic metabolites, mechanism rules).
  BRIEF_PD: { text: (p) => t(p.text), technical: (p) => t(p.technical) },
  BRIEF_RECEPTOR_PROFILE: {
    text: (p) => {
      const targets = list(p.targets);
      const what = targets.length === 1 ? 'receptor or channel' : 'receptors and channels';
      return `${t(p.compound)} acts at ${targets.length} ${what}: ${targets.slice(0, 10).join(', ')}.`;
    },
    technical: (p) => list(p.actionTargets).map((x, i) => `${x} (${list(p.actions)[i]})`).join('; '),
  },
  // `interpretation` is check's rendered sentence for the node (interpretNode in src/core/render/check.ts).
  BRIEF_SHARED_RECEPTOR: { text: (p) => `${t(p.name)}: ${t(p.interpretation)}.`, technical: sideActions },
  BRIEF_SHARED_ENZYME: { text: (p) => `${t(p.name)}: ${t(p.interpretation)}.`, technical: sideActions },
  BRIEF_FINDING_CONTRAST: {
    text: (p, s) => {
      const seen = list(p.context).length ? ` Seen in: ${list(p.context).join(', ')}.` : '';
      const notSeen = list(p.notSeenIn).length ? ` Not seen in: ${list(p.notSeenIn).join(', ')}.` : '';
      return `${t(p.summary)}${seen}${notSeen} (${t(p.species)}${preclinical(s) ? '; preclinical' : ''})`;
    },
    technical: (p) => `${t(p.title)}; model: ${t(p.model)}; endpoint: ${t(p.endpoint)}`,
  },
  // Quotes check's mutual-inhibition sentence.
  BRIEF_MUTUAL_INHIBITION: { text: (p) => t(p.text) },
  // Quote a prediction's plain (and technical) text, rendered by src/core/render/prediction.ts.
  BRIEF_PREDICTION_GREY: { text: (p) => `${t(p.perpetrator)} → ${t(p.analyte)}: ${t(p.text)}` },
  BRIEF_PREDICTION: {
    text: (p) => `${p.via ? `(${t(p.perpetrator)} at ${t(p.perpetratorDose)}, for ${t(p.via)}) ` : ''}${t(p.text)}${modelSpread(p)}`,
    technical: (p) => t(p.technical),
  },
  BRIEF_OBSERVED: { text: observed },
  BRIEF_MEDICINE_DOSE_PREDICTION: {
    text: (p) => `At a medicine dose of ${t(p.compound)} (${t(p.medicine)}, ${t(p.dose)}): ${t(p.text)}${modelSpread(p)}`,
    technical: (p) => t(p.technical),
  },
  BRIEF_COMPOUND_HUMAN_STUDIES: { text: humanStudies, technical: (p) => list(p.studyIds).join(', ') },
  BRIEF_FINDING_COMBINED: { text: (p) => t(p.summary), technical: (p) => t(p.title) },
  BRIEF_SHARED_EFFECT: {
    text: (p) => `Both can add to ${inSentence(t(p.effect))} (${t(p.severity)} severity).`,
    technical: (p) => {
      const side = (k: 'a' | 'b'): string => list(p[`${k}Substances`]).map((s, i) => `${s} ${list(p[`${k}Strengths`])[i]}`).join(', ');
      return `${side('a')} + ${side('b')}`;
    },
  },
  // `summary` is checkClaim's own English, quoted until the claim checker answers in codes.
  BRIEF_CLAIM: { text: (p) => `"${t(p.claim)}": ${VERDICT_WORDS[t(p.verdict) as ClaimResult['verdict']] ?? t(p.verdict)}. ${t(p.summary)}` },
  BRIEF_RISK: { text: (p) => `${t(p.title)}: ${t(p.text)}` },
  BRIEF_MEDICINES: { text: medicines, technical: (p) => list(p.medicineIds).map((id, i) => `${id} fm ${list(p.fm)[i]}`).join('; ') },
  BRIEF_LEGAL_NO_RECORD: { text: (p) => `The KB has no legal-status record for ${t(p.jurisdiction)}. Legality varies widely and changes often; check local law.` },
  BRIEF_LEGAL_STATUS: {
    text: (p) =>
      `${t(p.jurisdiction)}: ${t(p.form)} (${t(p.use)} use) — ${t(p.status)}, as of ${t(p.asOf)}${p.stale ? ` (older than 12 months: may be out of date${p.rechecked ? `; searched again on ${t(p.rechecked)}, no later source found` : ''})` : ''}.${p.notes ? ` ${t(p.notes)}` : ''}`,
  },
  BRIEF_LEGAL_CHOOSE: { text: legalChoose },
};

/** Render one brief statement: its plain sentence and, where the code has one, its technical line. */
export function renderBriefStatementEn(s: Statement): { text: string; technical?: string } {
  const tpl = BRIEF_EN[s.code];
  if (!tpl) throw new Error(`render: no English template for brief statement code ${s.code} (a bug: add it to src/core/render/brief-en.ts)`);
  return tpl.technical ? { text: tpl.text(s.params, s), technical: tpl.technical(s.params) } : { text: tpl.text(s.params, s) };
}

const SECTION_TITLES: Record<BriefSectionId, string> = {
  verdict: 'Are they connected?',
  'receptor-profiles': 'What each acts on',
  'shared-receptors': 'Shared receptors',
  'shared-enzymes': 'Shared liver enzymes and transporters',
  doses: 'Doses assessed',
  exposure: 'How much one may change the other',
  effects: 'Effects that add up',
  'evidence-supports': 'What the evidence supports, and what it does not',
  guidance: 'What to do',
  risks: 'Risk notes',
  medicines: 'Prescription medicines on the same enzymes',
  legal: 'Legal status',
};

/** A section's title; the legal section names the jurisdiction chosen. */
export function briefSectionTitleEn(id: BriefSectionId, jurisdiction: string | null): string {
  return id === 'legal' && jurisdiction ? `${SECTION_TITLES.legal} (${jurisdiction})` : SECTION_TITLES[id];
}

export function briefTitleEn(a: string, b: string): string {
  return `${a} and ${b}: how they are connected, and how sure we are`;
}

/** Markdown and HTML furniture around the statements. */
export const BRIEF_UI_EN = {
  overallTier: 'Overall tier',
  evidence: 'evidence',
  preclinical: 'preclinical',
  empty: 'Nothing recorded in the knowledge base.',
  sources: 'Sources',
  kbVersion: 'KB version',
} as const;
