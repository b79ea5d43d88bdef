/** Source tiers follow a source's type and publisher (issue 16 §1), never a judgement per number. */
import { describe, expect, it } from 'vitest';
import { auditKb, kbStats, sourceTier } from '../../src/core/index.js';
import { sourceCaveat, sourceLabel } from '../../src/core/answers/evidence/labels.js';
import type { Source } from '../../src/core/kb/types.js';
import * as R from '../../src/core/schema/records.js';
import { loadKb } from '../../src/store/kb-store.js';

const src = (s: Partial<Source> & Pick<Source, 'type'>): Source => ({ id: 'x', title: 't', ...s }) as Source;

describe('source tiers (issue 16 §1)', () => {
  it('a paper is primary by its PMID or DOI wherever the copy was read; a review is secondary', () => {
    expect(sourceTier(src({ type: 'article', pmid: '12345678', url: 'https://scribd.com/x' }))).toBe('primary');
    expect(sourceTier(src({ type: 'article', doi: '10.1124/dmd.1', publication: 'review' }))).toBe('secondary');
    expect(sourceTier(src({ type: 'article', url: 'https://dmd.aspetjournals.org/content/49/12/1070' }))).toBe('primary');
    expect(sourceTier(src({ type: 'article', url: 'https://drugs-forum.com/thread' }))).toBe('weak');
  });
  it("a label is primary on the regulator's or manufacturer's site and weak on a mirror", () => {
    expect(sourceTier(src({ type: 'label', url: 'https://dailymed.nlm.nih.gov/dailymed/drugInfo.cfm?setid=a' }))).toBe('primary');
    expect(sourceTier(src({ type: 'label', url: 'https://www.accessdata.fda.gov/drugsatfda_docs/label/x.pdf' }))).toBe('primary');
    expect(sourceTier(src({ type: 'label', url: 'https://www.medicines.org.uk/emc/product/1/smpc' }))).toBe('primary');
    expect(sourceTier(src({ type: 'label', url: 'https://www.rxlist.com/x' }))).toBe('weak');
    expect(sourceTier(src({ type: 'label', url: 'https://fda.report/DailyMed/abc' }))).toBe('weak');
  });
  it('a label read on a verbatim copy is cited as the regulator\'s label; the schema keeps copy and document apart', () => {
    const viaCopy = src({ type: 'label', url: 'https://dailymed.nlm.nih.gov/dailymed/drugInfo.cfm?setid=a', readOn: 'https://www.rxlist.com/x' });
    expect(sourceTier(viaCopy)).toBe('primary');
    // A mirror stays weak however it is read: readOn never lifts the tier of the url it names.
    expect(sourceTier(src({ type: 'label', url: 'https://www.rxlist.com/x', readOn: 'https://fda.report/x' }))).toBe('weak');
    const same = R.Source.safeParse({ id: 'x', type: 'label', title: 't', url: 'https://www.rxlist.com/x', readOn: 'https://www.rxlist.com/x' });
    expect(same.success).toBe(false);
  });
  it('answers show a weak source as weak and a document read on a copy as such', () => {
    const mirror = src({ type: 'label', title: 'Some label', url: 'https://www.rxlist.com/x' });
    expect(sourceLabel(mirror)).toMatch(/\(weak source: /);
    const viaCopy = src({ type: 'label', title: 'Some label', url: 'https://dailymed.nlm.nih.gov/dailymed/drugInfo.cfm?setid=a', readOn: 'https://www.rxlist.com/x' });
    expect(sourceCaveat(viaCopy)).toBe('read on a copy: https://www.rxlist.com/x');
    expect(sourceCaveat(src({ type: 'article', title: 'A paper', pmid: '12345678' }))).toBeUndefined();
  });
  it('statutes and regulator pages are primary; unknown websites weak; curated databases secondary', () => {
    expect(sourceTier(src({ type: 'website', url: 'https://www.legislation.gov.uk/ukpga/1971/38' }))).toBe('primary');
    expect(sourceTier(src({ type: 'website', url: 'https://www.cnb.gov.sg/x' }))).toBe('primary');
    expect(sourceTier(src({ type: 'website', url: 'https://www.dea.gov/x' }))).toBe('primary');
    expect(sourceTier(src({ type: 'website', url: 'https://www.boe.es/diario_boe/txt.php?id=BOE-A-2025-20077' }))).toBe('primary');
    expect(sourceTier(src({ type: 'website', url: 'https://boe.es.example.com/x' }))).toBe('weak');
    expect(sourceTier(src({ type: 'website', url: 'https://assembly.state.ny.us/leg/?Text=Y&bn=S8925A&term=2025' }))).toBe('primary');
    expect(sourceTier(src({ type: 'website', url: 'https://www.rijksoverheid.nl/actueel/nieuws/2024/06/17/start-overgangsfase-experiment-gesloten-coffeeshopketen-wietexperiment' }))).toBe('primary');
    expect(sourceTier(src({ type: 'website', url: 'https://aruc.mt/harmreduction/' }))).toBe('primary');
    expect(sourceTier(src({ type: 'website', url: 'https://aruc.mt.example.com/x' }))).toBe('weak');
    expect(sourceTier(src({ type: 'website', url: 'https://www.drogues-info-service.fr/Actualites/Le-kratom-classe-sur-la-liste-des-substances-psychotropes' }))).toBe('primary');
    expect(sourceTier(src({ type: 'website', url: 'https://debates.parlamento.pt/catalogo/r3/dar/s2a/15/01/267/2023-08-01/13' }))).toBe('primary');
    expect(sourceTier(src({ type: 'website', url: 'https://some-kratom-shop.com/legal' }))).toBe('weak');
    expect(sourceTier(src({ type: 'database', url: 'https://pubchem.ncbi.nlm.nih.gov/compound/3559' }))).toBe('secondary');
    expect(sourceTier(src({ type: 'database', url: 'https://github.com/someone/table' }))).toBe('weak');
    // Curated research repositories (published models and PK-DB tables) are secondary; a company's bare model repo is not.
    expect(sourceTier(src({ type: 'database', url: 'https://github.com/SRuedesh/Paroxetine-Model' }))).toBe('secondary');
    expect(sourceTier(src({ type: 'website', url: 'https://nlmixr2.github.io/nlmixr2lib/articles/Kim_2008_aripiprazole.html' }))).toBe('secondary');
    expect(sourceTier(src({ type: 'website', url: 'https://github.com/metrumresearchgroup/Voriconazole-PBPK' }))).toBe('weak');
    expect(sourceTier(src({ type: 'assumption', reasoning: 'r' }))).toBe('assumption');
  });
  it('a host that merely contains an official name is not official', () => {
    expect(sourceTier(src({ type: 'website', url: 'https://fda.gov.example.com/x' }))).toBe('weak');
    expect(sourceTier(src({ type: 'label', url: 'https://notdailymed.nlm.nih.gov.evil.io/x' }))).toBe('weak');
  });
  it('kb audit counts every verified number once, by tier', () => {
    const kb = loadKb().data;
    const a = auditKb(kb, '2026-12-05');
    const total = Object.values(a.verifiedByTier).reduce((x, y) => x + y, 0);
    expect(total).toBe(kbStats(kb).verifiedNumbers);
    expect(a.verifiedOnWeak.length).toBe(a.verifiedByTier.weak);
    expect(Object.values(a.legalByTier).reduce((x, y) => x + y, 0)).toBe(kb.legal.length);
  });
});

describe('source tiers: databases and manufacturers (issue 16 §1)', () => {
  it('NIH/NCATS and RCSB records are curated databases; a manufacturer\'s country site is its own label', () => {
    expect(sourceTier(src({ type: 'database', url: 'https://drugs.ncats.io/drug/J6292F8L3D' }))).toBe('secondary');
    expect(sourceTier(src({ type: 'website', url: 'https://www.rcsb.org/ligand/GMJ' }))).toBe('secondary');
    expect(sourceTier(src({ type: 'label', url: 'https://www.pfizermedicalinformation.co.nz/x' }))).toBe('primary');
    expect(sourceTier(src({ type: 'label', url: 'https://pfizermedicalinformation.evil.example.com/x' }))).toBe('weak');
  });
});
