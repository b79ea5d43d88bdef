/**
 * The brief re-asks a plant's exposure question at the medicine dose of each compound it was answered through
 * (issue 12, "Done when": cannabis → kratom at the everyday joint and at an Epidiolex-level CBD dose), with every
 * model's answer and the human studies of that compound on the victim's enzymes.
 */
import { describe, expect, it } from 'vitest';
import { briefAnswer, KbIndex } from '../../src/core/index.js';
import { renderBriefEn, renderBriefMarkdown } from '../../src/core/render/brief.js';
import { loadKb } from '../../src/store/kb-store.js';

describe('brief: a compound at its medicine dose', () => {
  const kb = new KbIndex(loadKb().data);
  const brief = briefAnswer(kb, ['cannabis', 'kratom'], { today: '2026-12-05' });
  const exposure = brief.sections.find((s) => s.id === 'exposure')!.items;

  it('predicts mitragynine again with CBD at the Epidiolex label dose, listing each model that answered', () => {
    const cbd = exposure.find((s) => s.code === 'BRIEF_MEDICINE_DOSE_PREDICTION' && s.params.compound === 'Cannabidiol');
    expect(cbd, 'an Epidiolex-dose line').toBeDefined();
    expect(String(cbd!.params.dose)).toMatch(/mg\/kg/);
    const models = cbd!.params.models as string[];
    expect(models).toContain('static');
    expect(models).toContain(cbd!.params.chosenModel as string);
    // Every listed model carries a finite ratio: no NaN reaches the reader.
    for (const r of cbd!.params.modelRatios as number[]) expect(Number.isFinite(r)).toBe(true);
  });

  it('lists the human CBD studies on the enzymes that clear mitragynine, and only those', () => {
    const human = exposure.find((s) => s.code === 'BRIEF_COMPOUND_HUMAN_STUDIES' && s.params.compound === 'Cannabidiol');
    expect(human).toBeDefined();
    const ids = human!.params.studyIds as string[];
    expect(ids).toContain('midazolam-cbd-bansal-2023');
    // Caffeine is cleared by CYP1A2, which does not clear mitragynine in the KB: its CBD study is not evidence here.
    expect(ids.some((id) => id.startsWith('caffeine-'))).toBe(false);
    for (const id of ids) expect(kb.data.clinical.find((c) => c.id === id)?.species).toBe('human');
  });

  it('renders both lines in the Markdown brief, with the models named', () => {
    const md = renderBriefMarkdown(renderBriefEn(brief));
    expect(md).toMatch(/At a medicine dose of Cannabidiol \(Epidiolex[^)]*\), 5 mg\/kg bid\)/);
    expect(md).toMatch(/Models: anchored ×[\d.]+ \([^)]*\); static ×[\d.]+/);
    expect(md).toMatch(/What people showed when Cannabidiol was given/);
  });

  it('adds nothing for a pair answered through no compound that is also a medicine', () => {
    const b = briefAnswer(kb, ['midazolam', 'ketoconazole'], { today: '2026-12-05' });
    const items = b.sections.find((s) => s.id === 'exposure')!.items;
    expect(items.some((s) => s.code === 'BRIEF_MEDICINE_DOSE_PREDICTION')).toBe(false);
  });
});
