/**
 * Effect and dependence claims: "kratom causes respiratory depression", "CBD doesn't damage the liver",
 * "kratom and alcohol together cause sedation", "kratom is not addictive", "you get withdrawals from kratom".
 * Evidence: the KB's effect classes (contributors with evidence levels), risk notes, and findings whose endpoint
 * names the effect.
 */
import type { KbIndex } from '../../kb/kb-index.js';
import { normalizeName } from '../../kb/names.js';
import type { EvidenceLevel } from '../../schema/quantity.js';
import { dedupe, idsOf, judge, nameOf, objectLabel, speciesFits, st, subjectLabel, supportedWithCaveat } from './evidence.js';
import type { ClaimStatement, Entity, Judgement, Reading } from './types.js';

/** Risk-note kinds that bear on an effect class (matched by words of the effect's id). */
const RISK_KINDS_FOR: [RegExp, string[]][] = [
  [/hepat|liver/, ['hepatotoxicity']],
  [/sedation|impair/, ['impairment']],
  [/respiratory|cns/, ['overdose']],
];

interface Ev {
  subject: string;
  evidence: EvidenceLevel;
  species: string;
  sources: string[];
  statement: ClaimStatement;
}

/** A subject's own ids (a class's members): not its constituents (a plant is not recorded with a harm one constituent
 * shows in isolation at medicinal doses), nor the plant it comes from (7-OH is not kratom leaf). */
function ownIds(_kb: KbIndex, subject: Entity): string[] {
  return [...subject.ids];
}

function effectEvidence(kb: KbIndex, subject: Entity, effectIds: string[]): Ev[] {
  const ids = ownIds(kb, subject);
  const out: Ev[] = [];
  // A harm a risk note names ("cannabinoid hyperemesis syndrome"): the note's substances.
  for (const rid of effectIds.filter((x) => x.startsWith('risk:'))) {
    const r = kb.data.risks.find((x) => `risk:${x.id}` === rid);
    if (r && r.substances.some((s) => ids.includes(s)))
      out.push({ subject: r.substances.find((s) => ids.includes(s))!, evidence: r.evidence, species: 'human', sources: r.sources, statement: st('CLAIM_REASON_RISK', { title: r.title, kind: r.kind }, r.evidence, r.sources) });
  }
  for (const e of kb.data.effects.filter((x) => effectIds.includes(x.id)))
    for (const c of e.contributors.filter((c) => ids.includes(c.substance)))
      out.push({ subject: c.substance, evidence: c.evidence, species: 'human', sources: c.sources, statement: st('CLAIM_REASON_EFFECT', { subject: nameOf(kb, c.substance), effect: e.name, strength: c.strength }, c.evidence, c.sources) });
  const words = effectIds.map((id) => id.split('-')[0]!);
  const kinds = RISK_KINDS_FOR.filter(([re]) => effectIds.some((id) => re.test(id))).flatMap(([, k]) => k);
  for (const r of kb.data.risks.filter((r) => kinds.includes(r.kind) && r.substances.some((s) => ids.includes(s))))
    out.push({ subject: r.substances.find((s) => ids.includes(s))!, evidence: r.evidence, species: 'human', sources: r.sources, statement: st('CLAIM_REASON_RISK', { title: r.title, kind: r.kind }, r.evidence, r.sources) });
  for (const f of kb.data.findings) {
    const hitSub = f.interventions.find((i) => ids.includes(i.substance));
    if (!hitSub || f.direction === 'no-change') continue;
    const text = normalizeName(f.endpoint);
    if (!words.some((w) => w.length >= 4 && text.includes(w))) continue;
    out.push({ subject: hitSub.substance, evidence: f.evidence, species: f.species, sources: [f.source], statement: st('CLAIM_REASON_FINDING', { title: f.title, species: f.species }, f.evidence, [f.source]) });
  }
  return out;
}

export function checkEffect(kb: KbIndex, r: Reading): Judgement {
  const effectIds = r.objects.flatMap((o) => o.ids);
  const params = { subject: subjectLabel(r), effect: objectLabel(r), predicate: r.predicate, together: r.subjects.length > 1 };
  if (r.predicate === 'treat') return judge('not-supported', st('CLAIM_TREAT_NONE', params), [], [st('CLAIM_CAVEAT_NO_INDICATIONS')]);
  const per = r.subjects.map((s) => effectEvidence(kb, s, effectIds));
  const fit = per.map((xs) => xs.filter((x) => speciesFits(r.species, x.evidence, x.species)));
  const reasons = dedupe(fit.flat().map((x) => x.statement)).slice(0, 8);
  const allHave = fit.every((xs) => xs.length > 0);
  const someHave = fit.some((xs) => xs.length > 0);
  // "always": the KB records harms as risks, not certainties; a rare or case-report-level harm breaks "always".
  if (allHave && r.exclusivity === 'all' && !r.negated) {
    const rare = fit.flat().every((x) => x.evidence === 'human_case' || x.evidence === 'animal' || x.evidence === 'in_vitro' || /minor/.test(JSON.stringify(x.statement.params)));
    return judge(rare ? 'contradicted' : 'insufficient-evidence', st('CLAIM_EFFECT_NOT_ALWAYS', params), reasons);
  }
  if (allHave) {
    if (r.negated) return judge('contradicted', st('CLAIM_EFFECT_HELD', params), reasons);
    return supportedWithCaveat(r, st('CLAIM_EFFECT_HELD', params), reasons, fit.flat().map((x) => x.species));
  }
  if (someHave) return judge('insufficient-evidence', st('CLAIM_EFFECT_ONE_SIDE', { ...params, missing: r.subjects.filter((_, i) => fit[i]!.length === 0).map((s) => s.label).join(', ') }), reasons);
  if (per.some((xs) => xs.length > 0)) return judge('insufficient-evidence', st('CLAIM_EFFECT_OTHER_SPECIES', { ...params, species: r.species ?? '' }), dedupe(per.flat().map((x) => x.statement)).slice(0, 6));
  return judge('not-supported', st('CLAIM_EFFECT_NONE', params), []);
}

const DEP_KINDS: Record<string, string[]> = {
  addiction: ['dependence', 'withdrawal'],
  dependence: ['dependence', 'withdrawal'],
  tolerance: ['dependence', 'withdrawal'],
  withdrawal: ['withdrawal', 'dependence'],
};

export function checkDependence(kb: KbIndex, r: Reading): Judgement {
  const subj = r.subjects[0]!;
  const params = { subject: subjectLabel(r), predicate: r.predicate };
  if (r.predicate === 'treats-withdrawal') return judge('not-supported', st('CLAIM_TREAT_NONE', { ...params, effect: 'withdrawal' }), [], [st('CLAIM_CAVEAT_NO_INDICATIONS')]);
  // The subject and its constituents (kratom's dependence covers kratom tea and mitragynine); never its parents:
  // a plant's dependence is not evidence about one constituent (CBD is not cannabis).
  const ids = idsOf(kb, subj);
  const kinds = DEP_KINDS[r.predicate] ?? DEP_KINDS.dependence!;
  const mentions = (text: string): boolean => /dependen|addict|withdrawal|habit.forming/i.test(text);
  const risks = kb.data.risks.filter((x) => x.substances.some((s) => ids.includes(s)) && (kinds.includes(x.kind) || mentions(`${x.title} ${x.text}`)));
  // A class record that says so ("stopping after long use can cause withdrawal"), without a source of its own.
  const classNotes = [...new Set(subj.ids.flatMap((id) => [id, ...(kb.substance(id)?.classes ?? [])]))]
    .map((id) => kb.substance(id))
    .filter((s): s is NonNullable<typeof s> => !!s && s.kind === 'class' && mentions(`${s.summary ?? ''} ${s.notes ?? ''}`));
  // Risk notes naming addiction in their title count too (a class label: "Opioid addiction, abuse and misuse").
  const fit = risks.filter((x) => speciesFits(r.species, x.evidence, 'human'));
  const reasons = [...fit.map((x) => st('CLAIM_REASON_RISK', { title: x.title, kind: x.kind }, x.evidence, x.sources)), ...classNotes.map((c) => st('CLAIM_REASON_CLASS_NOTE', { name: c.name, text: c.summary ?? c.notes ?? '' }, null, c.sources))];
  if (reasons.length > 0 && (fit.length > 0 || !r.species)) {
    if (r.negated) return judge('contradicted', st('CLAIM_DEPENDENCE_HELD', params), reasons);
    return supportedWithCaveat(r, st('CLAIM_DEPENDENCE_HELD', params), reasons, ['human']);
  }
  if (risks.length > 0) return judge('insufficient-evidence', st('CLAIM_DEPENDENCE_OTHER_SPECIES', { ...params, species: r.species ?? '' }), risks.map((x) => st('CLAIM_REASON_RISK', { title: x.title, kind: x.kind }, x.evidence, x.sources)));
  // "X is not addictive" with no record either way is a safety claim: absence of a record is not evidence of safety.
  return judge(r.negated ? 'insufficient-evidence' : 'not-supported', st('CLAIM_DEPENDENCE_NONE', params), [], [st('CLAIM_CAVEAT_ABSENCE')]);
}

