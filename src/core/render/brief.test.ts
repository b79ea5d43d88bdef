import { describe, expect, it } from 'vitest';
import type { BriefAnswer } from '../answers/brief/types.js';
import { statement } from '../schema/statement.js';
import { renderBrief, renderBriefEn } from './brief.js';

const hostile = '<script>alert("x")</script> & \'quotes\'';

/** A hand-made answer: KB text that could carry markup, one cited and one uncited statement. */
const answer: BriefAnswer = {
  kbVersion: 'abc123',
  substances: [
    { id: 'a', name: `A ${hostile}` },
    { id: 'b', name: 'B' },
  ],
  jurisdiction: 'US-FL',
  tier: 'amber',
  tierReasons: [`reason ${hostile}`],
  sections: [
    { id: 'risks', items: [statement('BRIEF_RISK', 'plain', { title: hostile, text: 'more' }, 'animal', ['s1'])] },
    { id: 'legal', items: [statement('BRIEF_LEGAL_NO_RECORD', 'plain', { jurisdiction: 'US-FL' })] },
    { id: 'effects', items: [] },
  ],
  claims: [],
  sources: [{ n: 1, id: 's1', label: `Label ${hostile}`, url: 'https://example.org/?a=1&b="2"', type: 'article' }],
};

describe('brief renderer', () => {
  const brief = renderBriefEn(answer);
  it('numbers citations from the answer and marks preclinical evidence', () => {
    expect(brief.sections[0]!.items[0]).toEqual({ code: 'BRIEF_RISK', params: { title: hostile, text: 'more' }, text: `${hostile}: more`, evidence: 'animal', preclinical: true, cites: [1] });
    expect(brief.sections[1]!.items[0]).toEqual({ code: 'BRIEF_LEGAL_NO_RECORD', params: { jurisdiction: 'US-FL' }, text: 'The KB has no legal-status record for US-FL. Legality varies widely and changes often; check local law.', preclinical: false, cites: [] });
    expect(brief.sections.map((s) => s.title)).toEqual(['Risk notes', 'Legal status (US-FL)', 'Effects that add up']);
  });
  it('escapes every piece of KB or user text in HTML', () => {
    const html = renderBrief(brief, 'html');
    expect(html).not.toMatch(/<script/);
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quotes&#39;');
    expect(html).toContain('href="https://example.org/?a=1&amp;b=&quot;2&quot;"');
  });
  it('Markdown: an empty section says so once, followed by one blank line', () => {
    expect(renderBrief(brief, 'md')).toContain('## Effects that add up\n\n_Nothing recorded in the knowledge base._\n\n## Sources');
  });
  it('an unknown statement code is a bug, reported with the code', () => {
    const bad: BriefAnswer = { ...answer, sections: [{ id: 'risks', items: [statement('BRIEF_NOPE', 'plain')] }] };
    expect(() => renderBriefEn(bad)).toThrow(/BRIEF_NOPE/);
  });
});
