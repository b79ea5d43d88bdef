/**
 * The evidence brief rendered: English text beside each statement (templates in ./brief-en.ts), then Markdown or
 * HTML for people and JSON for programs. Everything in HTML that comes from the KB or the user is escaped.
 */
import type { BriefAnswer, BriefSectionId, BriefSource } from '../answers/brief/types.js';
import { EDUCATIONAL_NOTICE } from '../answers/check.js';
import type { ClaimResult } from '../answers/claims/index.js';
import { EVIDENCE_LABEL, isPreclinical } from '../answers/evidence/labels.js';
import type { EvidenceLevel } from '../schema/quantity.js';
import type { Statement, StatementParams } from '../schema/statement.js';
import { BRIEF_UI_EN as UI, briefSectionTitleEn, briefTitleEn, renderBriefStatementEn } from './brief-en.js';

/** One item of the brief as rendered: its statement (code, params), text (and technical line), evidence level and numbered citations. */
export interface BriefItem {
  code: string;
  params: StatementParams;
  text: string;
  technical?: string;
  evidence?: EvidenceLevel;
  preclinical: boolean;
  cites: number[];
}

export interface BriefSection {
  id: BriefSectionId;
  title: string;
  items: BriefItem[];
}

/** The brief as JSON responses and the web app receive it (the shape of ApiSchemas.BriefJson). */
export interface Brief {
  title: string;
  kbVersion: string;
  substances: { id: string; name: string }[];
  tier: BriefAnswer['tier'];
  tierReasons: string[];
  notice: string;
  sections: BriefSection[];
  claims: ClaimResult[];
  sources: BriefSource[];
}

/**
 * Render a brief answer in English: each item is its statement (code, params) with its text beside it, plus the
 * evidence level and the numbers of its sources in the brief's list (its KB source ids stay in the answer). Example: renderBriefEn(briefAnswer(kb, ['cbd', 'clobazam'], { today })).sections[0].title
 */
export function renderBriefEn(a: BriefAnswer): Brief {
  const numberOf = new Map(a.sources.map((s) => [s.id, s.n]));
  const item = (s: Statement): BriefItem => {
    const evidence = s.evidence === null || s.evidence === 'model' ? undefined : s.evidence;
    return { code: s.code, params: s.params, ...renderBriefStatementEn(s), evidence, preclinical: evidence ? isPreclinical(evidence) : false, cites: s.sources.map((id) => numberOf.get(id)!) };
  };
  return {
    title: briefTitleEn(a.substances[0]!.name, a.substances[1]!.name),
    kbVersion: a.kbVersion,
    substances: a.substances,
    tier: a.tier,
    tierReasons: a.tierReasons,
    notice: EDUCATIONAL_NOTICE,
    sections: a.sections.map((s) => ({ id: s.id, title: briefSectionTitleEn(s.id, a.jurisdiction), items: s.items.map(item) })),
    claims: a.claims,
    sources: a.sources,
  };
}

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

function level(i: BriefItem): string {
  return i.evidence ? `${EVIDENCE_LABEL[i.evidence]}${i.preclinical ? `, ${UI.preclinical}` : ''}` : '';
}

export function renderBriefMarkdown(b: Brief): string {
  const out: string[] = [`# ${b.title}`, '', `> ${b.notice}`, '', `**${UI.overallTier}: ${b.tier}** — ${b.tierReasons.join('; ')}`, ''];
  for (const s of b.sections) {
    out.push(`## ${s.title}`, '');
    if (s.items.length === 0) out.push(`_${UI.empty}_`);
    for (const i of s.items) out.push(`- ${i.text}${level(i) ? ` _(${UI.evidence}: ${level(i)})_` : ''}${i.cites.length ? ` [${i.cites.join(', ')}]` : ''}`);
    out.push('');
  }
  out.push(`## ${UI.sources}`, '');
  for (const s of b.sources) out.push(`${s.n}. ${s.label}${s.url && !s.label.includes(s.url) ? ` <${s.url}>` : ''}`);
  out.push('', `_${UI.kbVersion} ${b.kbVersion}. ${b.notice}_`, '');
  return out.join('\n');
}

function htmlItems(s: BriefSection): string {
  if (s.items.length === 0) return `<p class="empty">${esc(UI.empty)}</p>`;
  const li = (i: BriefItem): string =>
    `<li>${esc(i.text)}${level(i) ? ` <span class="level${i.preclinical ? ' preclinical' : ''}">${esc(level(i))}</span>` : ''}${i.cites.length ? ` <span class="cites">[${i.cites.map((n) => `<a href="#src-${n}">${n}</a>`).join(', ')}]</span>` : ''}</li>`;
  return `<ul>${s.items.map(li).join('')}</ul>`;
}

export function renderBriefHtml(b: Brief): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${esc(b.title)}</title>
<style>body{font:15px/1.5 system-ui,sans-serif;max-width:48rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a}
.notice{border-left:4px solid #8a5a00;background:#fff7e6;padding:.5rem 1rem}.level{font-size:.8em;color:#444;background:#eee;border-radius:3px;padding:0 .3em}
.preclinical{background:#fde8e8;color:#7a1010}.tier{font-weight:bold}h2{border-bottom:1px solid #ccc}</style></head><body>
<h1>${esc(b.title)}</h1><p class="notice">${esc(b.notice)}</p>
<p class="tier">${esc(UI.overallTier)}: ${esc(b.tier)} — ${esc(b.tierReasons.join('; '))}</p>
${b.sections.map((s) => `<section id="${esc(s.id)}"><h2>${esc(s.title)}</h2>${htmlItems(s)}</section>`).join('\n')}
<section id="sources"><h2>${esc(UI.sources)}</h2><ol>${b.sources.map((s) => `<li id="src-${s.n}">${esc(s.label)}${s.url ? ` <a href="${esc(s.url)}">${esc(s.url)}</a>` : ''}</li>`).join('')}</ol></section>
<p><small>${esc(UI.kbVersion)} ${esc(b.kbVersion)}. ${esc(b.notice)}</small></p></body></html>`;
}

/** The rendered brief as Markdown, HTML or JSON. Example: renderBrief(buildBrief(kb, ['cannabis', 'kratom'], { today }), 'md') */
export function renderBrief(b: Brief, format: 'md' | 'html' | 'json'): string {
  if (format === 'md') return renderBriefMarkdown(b);
  if (format === 'html') return renderBriefHtml(b);
  return JSON.stringify(b, null, 2);
}
