import { inSentence } from './evidence/text.js';
import { checkClaim, type ClaimResult } from './claims/check-claim.js';
import { analysePair, EDUCATIONAL_NOTICE, type PairAnalysis } from './check.js';
import { describeSubstance } from './describe.js';
import { withConstituents } from '../kb/constituents.js';
import type { Prediction } from './predict.js';
import { CrosstalkError } from '../errors.js';
import { EVIDENCE_LABEL, isPreclinical, sourceLabel, sourceUrl } from './evidence/labels.js';
import type { KbIndex } from '../kb/kb-index.js';
import type { LegalStatus } from '../kb/types.js';
import type { EvidenceLevel } from '../schema/quantity.js';
import { resolveSubstance } from '../kb/fuzzy-match.js';

/** One statement of the brief, with its evidence level and numbered citations. */
export interface BriefItem {
  text: string;
  technical?: string;
  evidence?: EvidenceLevel;
  preclinical: boolean;
  cites: number[];
}

export interface BriefSection {
  id:
    | 'verdict'
    | 'receptor-profiles'
    | 'shared-receptors'
    | 'shared-enzymes'
    | 'exposure'
    | 'effects'
    | 'evidence-supports'
    | 'risks'
    | 'medicines'
    | 'legal';
  title: string;
  items: BriefItem[];
}

export interface Brief {
  title: string;
  kbVersion: string;
  substances: { id: string; name: string }[];
  tier: PairAnalysis['tier'];
  tierReasons: string[];
  notice: string;
  sections: BriefSection[];
  claims: ClaimResult[];
  sources: { n: number; id: string; label: string; url?: string; type: string }[];
}

function monthsBetween(a: string, b: string): number {
  const [ya, ma] = a.split('-').map(Number) as [number, number];
  const [yb, mb] = b.split('-').map(Number) as [number, number];
  return (yb - ya) * 12 + (mb - ma);
}

/**
 * The evidence brief for a pair: how they are connected, how much one changes the other, what the
 * evidence does and does not support, risks, prescription medicines on the same enzymes and legality.
 * `today` is passed in so the brief stays deterministic.
 */
export function buildBrief(kb: KbIndex, names: string[], opts: { jurisdiction?: string; today: string }): Brief {
  if (names.length !== 2) throw new CrosstalkError('INPUT_INVALID', `substances: a brief compares exactly two substances (got ${names.length})`, { field: 'substances' });
  const A = resolveSubstance(kb, names[0]!, 'substances[0]');
  const B = resolveSubstance(kb, names[1]!, 'substances[1]');
  if (A.id === B.id) throw new CrosstalkError('INPUT_SAME_SUBSTANCE', 'substances: choose two different substances', { field: 'substances' });
  const pair = analysePair(kb, A, B);
  const order: string[] = [];
  const cite = (ids: string[]): number[] =>
    [...new Set(ids.filter((id) => id && kb.source(id)))].map((id) => {
      let i = order.indexOf(id);
      if (i < 0) {
        order.push(id);
        i = order.length - 1;
      }
      return i + 1;
    });
  const item = (text: string, evidence: EvidenceLevel | undefined, sources: string[], technical?: string): BriefItem => ({
    text,
    technical,
    evidence,
    preclinical: evidence ? isPreclinical(evidence) : false,
    cites: cite(sources),
  });
  const sections: BriefSection[] = [];

  sections.push({ id: 'verdict', title: 'Are they connected?', items: [item(pair.verdict.plain, pair.verdict.evidence, pair.statements.find((s) => s.id === 'relatedness')?.sources ?? [], pair.verdict.technical)] });

  // Receptor profile of each side's main compounds (the "mixed pharmacology" point).
  const profiles: BriefItem[] = [];
  for (const s of [A, B]) {
    const d = describeSubstance(kb, s.id);
    const byComp = new Map<string, typeof d.targets>();
    for (const r of d.targets) byComp.set(r.via ?? s.id, [...(byComp.get(r.via ?? s.id) ?? []), r]);
    const ranked = [...byComp.entries()].sort((x, y) => y[1].length - x[1].length).slice(0, 2);
    for (const [comp, rels] of ranked) {
      const fam = [...new Set(rels.map((r) => r.objectName))];
      const acts = [...new Set(rels.map((r) => `${r.objectName} (${r.action})`))].slice(0, 12);
      const best = rels.reduce((p, r) => (isPreclinical(r.evidence) && !isPreclinical(p.evidence) ? p : r), rels[0]!);
      profiles.push(
        item(
          `${kb.substance(comp)?.name ?? comp} acts at ${fam.length} receptors and channels: ${fam.slice(0, 10).join(', ')}.`,
          best.evidence,
          rels.flatMap((r) => r.sources.length ? r.sources : [r.ki?.source ?? r.ec50?.source ?? r.ic50?.source ?? '']),
          acts.join('; '),
        ),
      );
    }
  }
  sections.push({ id: 'receptor-profiles', title: 'What each acts on', items: profiles });

  sections.push({
    id: 'shared-receptors',
    title: 'Shared receptors',
    items: [
      ...pair.sharedTargets.map((n) => item(`${n.name}: ${n.interpretation}.`, n.evidence.level, [...n.a, ...n.b].flatMap((x) => x.sources), [...n.a, ...n.b].map((x) => `${x.substanceName} ${x.action}${x.potency ? ` — ${x.potency}` : ''}`).join('; '))),
      ...pair.findings
        .filter((f) => f.blockedBy.length > 0 || f.notSeenIn.length > 0)
        .map((f) =>
          item(
            `${f.summary}${f.context.length ? ` Seen in: ${f.context.join(', ')}.` : ''}${f.notSeenIn.length ? ` Not seen in: ${f.notSeenIn.join(', ')}.` : ''} (${f.species}; preclinical)`,
            f.evidence,
            [f.source],
            `${f.title}; model: ${f.model}; endpoint: ${f.endpoint}`,
          ),
        ),
    ],
  });
  sections.push({
    id: 'shared-enzymes',
    title: 'Shared liver enzymes and transporters',
    items: [
      ...pair.sharedEnzymes.map((n) => item(`${n.name}: ${n.interpretation}.`, n.evidence.level, [...n.a, ...n.b].flatMap((x) => x.sources), [...n.a, ...n.b].map((x) => `${x.substanceName} ${x.action}${x.potency ? ` — ${x.potency}` : ''}`).join('; '))),
      ...(pair.mutualInhibition ? [item(pair.mutualInhibition.plain, 'in_vitro', pair.sharedEnzymes.filter((n) => pair.mutualInhibition!.enzymes.includes(n.id)).flatMap((n) => [...n.a, ...n.b].flatMap((x) => x.sources)))] : []),
    ],
  });

  const exposure: BriefItem[] = [];
  for (const e of pair.pk) {
    const p = e.result;
    if (!('status' in p)) continue;
    const pr: Prediction = p;
    if (pr.status === 'grey') {
      if (!pair.pk.some((x) => x.via === pr.perpetrator.id)) exposure.push(item(`${pr.perpetrator.name} → ${pr.victim.analyteName}: ${pr.plain}`, undefined, []));
      continue;
    }
    exposure.push(item(`${e.via ? `(${pr.perpetrator.name} at ${pr.perpetrator.dose}, for ${kb.substance(e.via)?.name ?? e.via}) ` : ''}${pr.plain}`, pr.evidence.level, pr.sources, pr.technical));
    for (const o of pr.observed)
      exposure.push(
        item(
          `Observed${o.species === 'human' ? ' in people' : ` in ${o.species}s (not people)`}: ${pr.victim.analyteName} AUC ×${o.aucRatio?.toFixed(2) ?? '—'}${o.cmaxRatio ? `, Cmax ×${o.cmaxRatio.toFixed(2)}` : ''}${o.perpetratorDose ? ` with ${o.perpetratorDose}` : ''}.${o.summary ? ` ${o.summary}` : ''}`,
          o.evidence as EvidenceLevel,
          o.sources,
        ),
      );
  }
  for (const f of pair.findings.filter((f) => f.interventions.length > 1 && f.blockedBy.length === 0))
    exposure.push(item(f.summary, f.evidence, [f.source], f.title));
  sections.push({ id: 'exposure', title: 'How much one may change the other', items: exposure });

  sections.push({
    id: 'effects',
    title: 'Effects that add up',
    items: pair.sharedEffects.map((x) => item(`Both can add to ${inSentence(x.name)} (${x.severity} severity).`, x.evidence.level, [...x.a, ...x.b].flatMap((c) => c.sources), `${x.a.map((c) => `${c.substance} ${c.strength}`).join(', ')} + ${x.b.map((c) => `${c.substance} ${c.strength}`).join(', ')}`)),
  });

  const claimTexts = [
    `${A.name} and ${B.name} are pharmacologically unrelated`,
    `${A.name} and ${B.name} share receptors`,
    `${A.name} and ${B.name} share liver enzymes`,
    `${A.name} raises ${B.name} levels`,
    `${B.name} raises ${A.name} levels`,
    `combining ${A.name} and ${B.name} is safe`,
    `combining ${A.name} and ${B.name} is beneficial`,
  ];
  const claims = claimTexts.map((t) => checkClaim(kb, t));
  sections.push({
    id: 'evidence-supports',
    title: 'What the evidence supports, and what it does not',
    items: claims.map((c) => {
      const lv = c.reasons.find((r) => r.evidence)?.evidence;
      return item(`"${c.claim}": ${c.verdict.replace('-', ' ')}. ${c.summary}`, lv, c.sources);
    }),
  });

  const risks = [...new Set([...withConstituents(kb, A.id), ...withConstituents(kb, B.id)].flatMap((id) => kb.risksOf(id)))];
  sections.push({ id: 'risks', title: 'Risk notes', items: risks.map((r) => item(`${r.title}: ${r.text}`, r.evidence, r.sources)) });

  // Prescription medicines that depend on the enzymes either side inhibits.
  const inhibited = new Map<string, string[]>();
  for (const n of pair.sharedEnzymes.concat([]))
    for (const x of [...n.a, ...n.b]) if (x.action === 'inhibitor' || x.action === 'tdi') inhibited.set(n.id, [...new Set([...(inhibited.get(n.id) ?? []), x.substanceName])]);
  for (const s of [A, B])
    for (const id of withConstituents(kb, s.id))
      for (const r of kb.relationsOf(id))
        if ((r.action === 'inhibitor' || r.action === 'tdi') && kb.target(r.object)?.kind === 'enzyme')
          inhibited.set(r.object, [...new Set([...(inhibited.get(r.object) ?? []), kb.substance(id)?.name ?? id])]);
  const meds: BriefItem[] = [];
  for (const [enz, by] of [...inhibited.entries()].sort()) {
    const victims = kb
      .relationsTo(enz)
      .filter((r) => r.action === 'substrate' && r.fm && r.fm.value >= 0.5 && kb.substance(r.subject)?.kind === 'medicine')
      .sort((x, y) => y.fm!.value - x.fm!.value);
    const uniq = [...new Map(victims.map((v) => [v.subject, v])).values()].slice(0, 8);
    if (uniq.length === 0) continue;
    meds.push(
      item(
        `${kb.target(enz)?.name ?? enz} (inhibited by ${by.join(', ')}) also clears ${uniq.map((v) => `${kb.substance(v.subject)?.name ?? v.subject}${kb.substance(v.subject)?.nti?.value ? ' (narrow therapeutic index)' : ''}`).join(', ')}.`,
        uniq[0]!.evidence,
        uniq.map((v) => v.fm!.source),
        uniq.map((v) => `${v.subject} fm ${v.fm!.original.value}`).join('; '),
      ),
    );
  }
  sections.push({ id: 'medicines', title: 'Prescription medicines on the same enzymes', items: meds });

  const legal: BriefItem[] = [];
  const j = opts.jurisdiction?.toUpperCase();
  const statuses: LegalStatus[] = [A, B].flatMap((s) => [...withConstituents(kb, s.id), s.id].flatMap((id) => kb.legalOf(id)));
  const chosen = j ? statuses.filter((l) => l.jurisdiction === j || (j.includes('-') && l.jurisdiction === j.split('-')[0])) : [];
  if (j && chosen.length === 0) legal.push(item(`The KB has no legal-status record for ${j}. Legality varies widely and changes often; check local law.`, undefined, []));
  for (const l of [...new Map(chosen.map((x) => [`${x.substance}|${x.form}|${x.jurisdiction}|${x.use}`, x])).values()]) {
    const stale = monthsBetween(l.asOf, opts.today) > 12;
    legal.push(item(`${l.jurisdictionName}: ${l.form} (${l.use} use) — ${l.status}, as of ${l.asOf}${stale ? ' (older than 12 months: may be out of date)' : ''}.${l.notes ? ` ${l.notes}` : ''}`, undefined, [l.source]));
  }
  if (!j) legal.push(item(`Legal status varies by country and state and changes often (the KB holds ${new Set(statuses.map((s) => s.jurisdiction)).size} jurisdictions); choose a jurisdiction to see it.`, undefined, []));
  sections.push({ id: 'legal', title: `Legal status${j ? ` (${j})` : ''}`, items: legal });

  return {
    title: `${A.name} and ${B.name}: how they are connected, and how sure we are`,
    kbVersion: kb.data.version,
    substances: [A, B].map((s) => ({ id: s.id, name: s.name })),
    tier: pair.tier,
    tierReasons: pair.tierReasons,
    notice: EDUCATIONAL_NOTICE,
    sections,
    claims,
    sources: order.map((id, i) => {
      const s = kb.source(id)!;
      return { n: i + 1, id, label: sourceLabel(s), url: sourceUrl(s), type: s.type };
    }),
  };
}

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

function level(i: BriefItem): string {
  return i.evidence ? `${EVIDENCE_LABEL[i.evidence]}${i.preclinical ? ', preclinical' : ''}` : '';
}

export function renderBriefMarkdown(b: Brief): string {
  const out: string[] = [`# ${b.title}`, '', `> ${b.notice}`, '', `**Overall tier: ${b.tier}** — ${b.tierReasons.join('; ')}`, ''];
  for (const s of b.sections) {
    out.push(`## ${s.title}`, '');
    if (s.items.length === 0) out.push('_Nothing recorded in the knowledge base._', '');
    for (const i of s.items)
      out.push(`- ${i.text}${level(i) ? ` _(evidence: ${level(i)})_` : ''}${i.cites.length ? ` [${i.cites.join(', ')}]` : ''}`);
    out.push('');
  }
  out.push('## Sources', '');
  for (const s of b.sources) out.push(`${s.n}. ${s.label}${s.url && !s.label.includes(s.url) ? ` <${s.url}>` : ''}`);
  out.push('', `_KB version ${b.kbVersion}. ${b.notice}_`, '');
  return out.join('\n');
}

export function renderBriefHtml(b: Brief): string {
  const items = (s: BriefSection): string =>
    s.items.length === 0
      ? '<p class="empty">Nothing recorded in the knowledge base.</p>'
      : `<ul>${s.items
          .map(
            (i) =>
              `<li>${esc(i.text)}${level(i) ? ` <span class="level${i.preclinical ? ' preclinical' : ''}">${esc(level(i))}</span>` : ''}${i.cites.length ? ` <span class="cites">[${i.cites.map((n) => `<a href="#src-${n}">${n}</a>`).join(', ')}]</span>` : ''}</li>`,
          )
          .join('')}</ul>`;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${esc(b.title)}</title>
<style>body{font:15px/1.5 system-ui,sans-serif;max-width:48rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a}
.notice{border-left:4px solid #8a5a00;background:#fff7e6;padding:.5rem 1rem}.level{font-size:.8em;color:#444;background:#eee;border-radius:3px;padding:0 .3em}
.preclinical{background:#fde8e8;color:#7a1010}.tier{font-weight:bold}h2{border-bottom:1px solid #ccc}</style></head><body>
<h1>${esc(b.title)}</h1><p class="notice">${esc(b.notice)}</p>
<p class="tier">Overall tier: ${esc(b.tier)} — ${esc(b.tierReasons.join('; '))}</p>
${b.sections.map((s) => `<section id="${s.id}"><h2>${esc(s.title)}</h2>${items(s)}</section>`).join('\n')}
<section id="sources"><h2>Sources</h2><ol>${b.sources.map((s) => `<li id="src-${s.n}">${esc(s.label)}${s.url ? ` <a href="${esc(s.url)}">${esc(s.url)}</a>` : ''}</li>`).join('')}</ol></section>
<p><small>KB version ${esc(b.kbVersion)}. ${esc(b.notice)}</small></p></body></html>`;
}

export function renderBrief(b: Brief, format: 'md' | 'html' | 'json'): string {
  if (format === 'md') return renderBriefMarkdown(b);
  if (format === 'html') return renderBriefHtml(b);
  return JSON.stringify(b, null, 2);
}
