/**
 * The anchored model's derivations on a small fixture KB, each number computed by hand (MODEL.md §6), and its
 * leave-pair-out rule on the fixture (issue 12 non-negotiable 3).
 */
import { describe, expect, it } from 'vitest';
import { KbIndex } from '../kb/kb-index.js';
import type { ClinicalStudy, KbData, Substance } from '../kb/types.js';
import { anchoredModel } from '../models/anchored/index.js';
import { anchoredInputs } from './anchored.js';
import { buildScenario, type PredictRequest } from './scenario.js';

const sub = (id: string, extra: Partial<Substance> = {}): Substance =>
  ({ id, name: id, kind: 'medicine', synonyms: [], brands: [], slang: [], latin: [], classes: [], constituents: [], metabolites: [], sources: [], ...extra }) as unknown as Substance;
const ratio = (value: number, low?: number, high?: number, source = 'src') => ({ value, unit: 'ratio', source, verified: true, locator: 'Table 2', ...(low ? { low, high } : {}), original: { value, unit: 'ratio' } });
/** Each study's ratio is read from its own paper (`<id>-paper`) unless `extra` says otherwise. */
const study = (id: string, victim: string, perpetrator: string, auc: number, extra: Partial<ClinicalStudy> = {}): ClinicalStudy =>
  ({ id, kind: 'interaction', victim, perpetrator, species: 'human', enzymes: ['cyp3a4'], evidence: 'human_controlled', sources: ['src'], aucRatio: ratio(auc, undefined, undefined, `${id}-paper`), ...extra }) as ClinicalStudy;

/**
 * Hand-computed: midazolam CR = 1 − 1/10 = 0.9 (ketoconazole, IR = 1 assumed); X at 100 mg qd: a = 1 + (1/2 − 1)/0.9 = 4/9,
 * IR 5/9; V's CR from ketoconazole (IR 1, from midazolam): 1 − 1/5 = 0.8; rifampicin a = 1 + (10 − 1)/0.9 = 11 (IC 10);
 * desipramine CR from its genotype study 1 − 1/5 = 0.8; Y on CYP2D6: a = 1 + (1/2 − 1)/0.8 = 0.375 (IR 0.625).
 */
const CLINICAL: ClinicalStudy[] = [
  study('mdz-keto', 'midazolam', 'ketoconazole', 10, { perpetratorDose: '400 mg qd 4d', victimDose: '7.5 mg' }),
  study('mdz-x', 'midazolam', 'drug-x', 2, { perpetratorDose: '100 mg qd 5d', victimDose: '7.5 mg' }),
  study('v-keto', 'drug-v', 'ketoconazole', 5, { perpetratorDose: '400 mg qd 4d' }),
  study('v-x-own', 'drug-v', 'drug-x', 3, { perpetratorDose: '100 mg qd 5d' }),
  study('mdz-rif', 'midazolam', 'rifampicin', 0.1, { perpetratorDose: '600 mg qd 5d', mechanism: 'induction' }),
  study('dmi-pgx', 'desipramine', 'desipramine', 5, { kind: 'pharmacogenetic', perpetrator: undefined, enzymes: ['cyp2d6'], comparison: { test: 'CYP2D6 poor metabolisers', reference: 'normal metabolisers' } }),
  study('dmi-y', 'desipramine', 'drug-y', 2, { enzymes: ['cyp2d6'], perpetratorDose: '50 mg qd 7d' }),
  study('w-y', 'drug-w', 'drug-y', 1.6, { enzymes: ['cyp2d6'] }),
  study('dmi-paro', 'desipramine', 'paroxetine', 5, { enzymes: ['cyp2d6'] }),
  study('w-paro', 'drug-w', 'paroxetine', 4, { enzymes: ['cyp2d6'] }),
  study('unverified', 'drug-v', 'ketoconazole', 50, { aucRatio: { ...ratio(50), verified: false } as ClinicalStudy['aucRatio'] }),
  study('iv-mdz-x', 'midazolam', 'drug-x', 1.2, { formulation: 'intravenous', perpetratorDose: '100 mg qd 5d' }),
];

function kbOf(clinical: ClinicalStudy[], relations: unknown[] = []): KbIndex {
  const substances = ['midazolam', 'ketoconazole', 'drug-x', 'drug-v', 'rifampicin', 'desipramine', 'drug-y', 'drug-w', 'paroxetine'].map((id) => sub(id));
  substances.push(sub('x-tea', { kind: 'product', constituents: [{ substance: 'drug-x', sources: [] }] } as Partial<Substance>));
  const data = { version: 'fixture', substances, targets: [], relations, pk: [], findings: [], sources: [], legal: [], effects: [], clinical, risks: [] } as unknown as KbData;
  return new KbIndex(data);
}

const inputs = (kb: KbIndex, req: PredictRequest) => anchoredInputs(kb, buildScenario(kb, { ...req, model: 'anchored' }));
const aucr = (kb: KbIndex, req: PredictRequest): number | null => {
  const x = inputs(kb, req);
  return anchoredModel.predict({ terms: x.terms.map((t) => ({ enzyme: t.enzyme, cr: t.cr, activity: t.effect })), studiesRead: x.studiesRead, missing: [], assumptions: [], spreadFold: 1 }).aucRatio;
};

describe('anchored inputs on a fixture KB (REQ-12.8)', () => {
  const kb = kbOf(CLINICAL);

  it('derives CR from an index inhibitor and IR from an index substrate by hand', () => {
    const x = inputs(kb, { victim: 'drug-v', perpetrator: 'drug-x', perpetratorDose: '100 mg qd 5d' });
    expect(x.terms).toHaveLength(1);
    const t = x.terms[0]!;
    expect(t.enzyme).toBe('cyp3a4');
    expect(t.cr.value).toBeCloseTo(0.8, 10);
    expect(t.cr.method).toBe('perpetrator-of-known-IR');
    expect(1 - t.effect.value).toBeCloseTo(5 / 9, 10);
    expect(aucr(kb, { victim: 'drug-v', perpetrator: 'drug-x', perpetratorDose: '100 mg qd 5d' })).toBeCloseTo(1 / (1 - 0.8 * (5 / 9)), 10);
  });

  it('moves IR to another amount per day along IR = D/(D + Kapp)', () => {
    // Kapp = 100 · (4/9)/(5/9) = 80 mg/day; at 200 mg/day IR = 200/280.
    const x = inputs(kb, { victim: 'drug-v', perpetrator: 'drug-x', perpetratorDose: '200 mg qd 5d' });
    expect(1 - x.terms[0]!.effect.value).toBeCloseTo(200 / 280, 10);
    expect(x.terms[0]!.effect.regimen?.transfer).toBe('dose-scaled');
  });

  it('derives an induction ratio IC and predicts 1/(1 + CR·IC)', () => {
    const x = inputs(kb, { victim: 'drug-v', perpetrator: 'rifampicin', perpetratorDose: '600 mg qd 5d' });
    expect(x.terms[0]!.effect.value - 1).toBeCloseTo(10, 10);
    // V's CR now also reads its X study (not the predicted pair here): (1 − 1/3)/(5/9) = 1.2, capped at 1, weighted
    // by IR: (1·0.8 + (5/9)·1)/(1 + 5/9).
    const cr = (0.8 + 5 / 9) / (1 + 5 / 9);
    expect(x.terms[0]!.cr.value).toBeCloseTo(cr, 10);
    expect(aucr(kb, { victim: 'drug-v', perpetrator: 'rifampicin', perpetratorDose: '600 mg qd 5d' })).toBeCloseTo(1 / (1 + cr * 10), 10);
  });

  it('takes an index substrate CR from a genotype study, and a victim CR from a perpetrator of known IR', () => {
    // Paroxetine on CYP2D6 from desipramine (CR 0.8 by genotype): a = 1 + (1/5 − 1)/0.8 = 0, IR 1; so drug-w's CR from
    // its paroxetine study is 1 − 1/4 = 0.75, and with Y (IR 0.625): AUCR = 1/(1 − 0.75·0.625).
    const x = inputs(kb, { victim: 'drug-w', perpetrator: 'drug-y', perpetratorDose: '50 mg qd 7d' });
    expect(x.terms[0]!.cr.value).toBeCloseTo(0.75, 10);
    expect(1 - x.terms[0]!.effect.value).toBeCloseTo(0.625, 10);
    expect(x.terms[0]!.effect.anchors).toEqual([{ substance: 'desipramine', cr: 0.8, studies: ['dmi-pgx'] }]);
    expect(aucr(kb, { victim: 'drug-w', perpetrator: 'drug-y', perpetratorDose: '50 mg qd 7d' })).toBeCloseTo(1 / (1 - 0.75 * 0.625), 10);
    expect(x.studiesRead).toEqual(['dmi-paro', 'dmi-pgx', 'dmi-y', 'w-paro']);
    expect(x.excluded).toEqual(['w-y']);
    const y = inputs(kb, { victim: 'drug-v', perpetrator: 'drug-y', perpetratorDose: '50 mg qd 7d' });
    expect(y.missing.map((m) => m.what)).toEqual(['CR']);
    const d = inputs(kb, { victim: 'midazolam', perpetrator: 'drug-y', perpetratorDose: '50 mg qd 7d' });
    expect(d.missing).toEqual([{ what: 'CR', substance: 'midazolam', enzyme: 'cyp2d6' }]);
    // IR of Y from desipramine (CR 0.8 by genotype): 0.625.
    const w = anchoredInputs(kbOf(CLINICAL.filter((c) => c.id !== 'w-y')), buildScenario(kb, { victim: 'desipramine', perpetrator: 'drug-y', perpetratorDose: '50 mg qd 7d' }));
    expect(w.terms).toHaveLength(0); // desipramine–Y is the pair itself: left out, so no IR for Y
  });

  it('reads only verified, oral-victim studies for CR and IR', () => {
    const x = inputs(kb, { victim: 'drug-v', perpetrator: 'drug-x', perpetratorDose: '100 mg qd 5d' });
    expect(x.studiesRead).not.toContain('unverified');
    expect(x.studiesRead).not.toContain('iv-mdz-x');
  });

  it('an index substrate\'s CR takes the largest poor-metaboliser fm, from genotype or phenotype studies alike, when above the index-inhibitor bound', () => {
    const fm = (id: string, value: number, system: string) => ({ id, subject: 'midazolam', object: 'cyp3a4', action: 'substrate', species: 'human', system, evidence: 'human_observational', sources: ['src'], fm: { value, unit: 'fraction', source: 'src', verified: true, original: { value, unit: 'fraction' } } });
    const req = { victim: 'midazolam', perpetrator: 'drug-x', perpetratorDose: '100 mg qd 5d' };
    // Index inhibitor alone: CR 0.9 (ketoconazole, IR 1).
    expect(inputs(kb, req).terms[0]!.cr.value).toBeCloseTo(0.9, 10);
    const both = kbOf(CLINICAL, [fm('m-pheno', 0.93, 'clinical (phenotype)'), fm('m-geno', 0.95, 'clinical (genotype)')]);
    const cr = inputs(both, req).terms[0]!.cr;
    expect(cr.value).toBeCloseTo(0.95, 10);
    expect(cr.method).toBe('literature-fm');
    const pheno = kbOf(CLINICAL, [fm('m-pheno', 0.93, 'clinical (phenotype)')]);
    expect(inputs(pheno, req).terms[0]!.cr.value).toBeCloseTo(0.93, 10);
  });

  it('an IV victim reads only index studies with IV substrates: an oral index study carries the gut wall', () => {
    // Rifampicin has only an oral midazolam study: no anchored induction for an IV victim.
    const iv = inputs(kb, { victim: 'drug-v', perpetrator: 'rifampicin', perpetratorDose: '600 mg qd 5d', victimDose: '1 mg iv' });
    expect(iv.terms).toHaveLength(0);
    expect(iv.missing).toEqual([{ what: 'IR', substance: 'rifampicin' }]);
    // Given orally, the same victim borrows rifampicin's oral index study.
    const oral = inputs(kb, { victim: 'drug-v', perpetrator: 'rifampicin', perpetratorDose: '600 mg qd 5d' });
    expect(oral.terms.map((t) => t.effect.studies)).toEqual([['mdz-rif']]);
  });

  it('leave-pair-out: the pair is left out in either role naming and through a product holding it', () => {
    const x = inputs(kb, { victim: 'drug-v', perpetrator: 'x-tea', perpetratorDose: '100 mg qd 5d' });
    expect(x.excluded).toContain('v-x-own');
    expect(x.studiesRead).not.toContain('v-x-own');
    const scaled = kbOf(CLINICAL.map((c) => (c.id === 'v-x-own' ? { ...c, aucRatio: ratio(30) } : c)) as ClinicalStudy[]);
    expect(aucr(scaled, { victim: 'drug-v', perpetrator: 'drug-x', perpetratorDose: '100 mg qd 5d' })).toBe(aucr(kb, { victim: 'drug-v', perpetrator: 'drug-x', perpetratorDose: '100 mg qd 5d' }));
    const swapped = kbOf(CLINICAL.map((c) => (c.id === 'v-x-own' ? { ...c, victim: 'drug-x', perpetrator: 'drug-v' } : c)) as ClinicalStudy[]);
    expect(inputs(swapped, { victim: 'drug-v', perpetrator: 'drug-x' }).excluded).toContain('v-x-own');
  });

  it('leave-pair-out at one remove: predicting midazolam–X takes X’s IR from another sensitive substrate, never midazolam', () => {
    // drug-v is sensitive (CR 0.8 ≥ 0.8 from ketoconazole): a = 1 + (1/3 − 1)/0.8 = 1/6; midazolam CR 0.9.
    const x = inputs(kb, { victim: 'midazolam', perpetrator: 'drug-x', perpetratorDose: '100 mg qd 5d' });
    expect(x.terms[0]!.effect.studies).toEqual(['v-x-own']);
    expect(x.terms[0]!.effect.value).toBeCloseTo(1 / 6, 10);
    expect(x.studiesRead).not.toContain('mdz-x');
    expect(aucr(kb, { victim: 'midazolam', perpetrator: 'drug-x', perpetratorDose: '100 mg qd 5d' })).toBeCloseTo(1 / (1 - 0.9 * (5 / 6)), 10);
    const without = kbOf(CLINICAL.filter((c) => c.id !== 'v-x-own'));
    expect(inputs(without, { victim: 'midazolam', perpetrator: 'drug-x', perpetratorDose: '100 mg qd 5d' }).missing).toEqual([{ what: 'IR', substance: 'drug-x' }]);
  });

  it("a metabolite: the parent's CR, the formation link's enzyme activity and the metabolite's own CRs (mass balance)", () => {
    const link = { substance: 'drug-m', fraction: { value: 0.5, unit: 'fraction', source: 'src', verified: true }, enzyme: 'cyp2d6' };
    const fm = { id: 'drug-p-cyp2d6', subject: 'drug-p', object: 'cyp2d6', action: 'substrate', species: 'human', evidence: 'in_vitro', fm: { value: 0.6, unit: 'fraction', source: 'src', verified: true }, sources: ['src'] };
    const base = kbOf(CLINICAL, [fm]);
    const data = { ...base.data, substances: [...base.data.substances, sub('drug-p', { metabolites: [link] } as Partial<Substance>), sub('drug-m', { kind: 'metabolite' } as Partial<Substance>)] };
    const kb = new KbIndex(data as KbData);
    const x = inputs(kb, { victim: 'drug-p', analyte: 'drug-m', perpetrator: 'drug-y', perpetratorDose: '50 mg qd 7d' });
    // Y on CYP2D6: a = 0.375 (fixture header); drug-p's CR = its mechanistic fm 0.6; drug-m has no pathway data (its CR is missing).
    expect(x.formation?.parentTerms.map((t) => [t.enzyme, t.cr.value, t.effect.value])).toEqual([['cyp2d6', 0.6, expect.closeTo(0.375, 10)]]);
    expect(x.formation?.links).toEqual([expect.objectContaining({ enzyme: 'cyp2d6', fraction: 0.5, effect: expect.objectContaining({ value: expect.closeTo(0.375, 10) }) })]);
    expect(x.terms).toEqual([]);
    expect(x.missing).toContainEqual({ what: 'CR', substance: 'drug-m', enzyme: 'cyp2d6' });
    const parentRatio = 1 / (1 + 0.6 * (0.375 - 1));
    const a = anchoredModel.predict({ terms: [], formation: { parentTerms: x.formation!.parentTerms.map((t) => ({ enzyme: t.enzyme, cr: t.cr, activity: t.effect })), links: x.formation!.links.map((l) => ({ enzyme: l.enzyme, fraction: l.fraction, activity: l.effect })) }, studiesRead: x.studiesRead, missing: [], assumptions: [], spreadFold: 1 });
    expect(a.aucRatio).toBeCloseTo(0.375 * parentRatio, 10);
    // The studies behind Y's CYP2D6 ratio are read; a parent with no formation fraction gives no anchored estimate.
    expect(x.studiesRead).toContain('dmi-y');
    const noLink = new KbIndex({ ...data, substances: data.substances.map((s) => (s.id === 'drug-p' ? sub('drug-p', { metabolites: [{ substance: 'drug-m' }] } as Partial<Substance>) : s)) } as KbData);
    expect(inputs(noLink, { victim: 'drug-p', analyte: 'drug-m', perpetrator: 'drug-y', perpetratorDose: '50 mg qd 7d' }).missing).toEqual([{ what: 'metabolite', substance: 'drug-m' }]);
  });

  it('a genotype contrast named by diplotype or gene count ("*3/*3", "EM2 (two functional genes)") gives a CR like "PM vs EM"', () => {
    const pgx = study('w-pgx', 'drug-w', 'drug-w', 5, { kind: 'pharmacogenetic', perpetrator: undefined, enzymes: ['cyp2d6'], comparison: { test: 'CYP2D6 PM', reference: 'CYP2D6 EM2 (two functional genes)' } });
    const x = inputs(kbOf([...CLINICAL, pgx]), { victim: 'drug-w', perpetrator: 'drug-y', perpetratorDose: '50 mg qd 7d' });
    expect(x.terms[0]!.cr.method).toBe('genotype');
    expect(x.terms[0]!.cr.value).toBeCloseTo(1 - 1 / 5, 10);
  });

  it("leave-pair-out reaches a genotype contrast published with one of the pair's studies (it shares their control group)", () => {
    const pgx = study('w-pgx-same-paper', 'drug-w', 'drug-w', 5, { kind: 'pharmacogenetic', perpetrator: undefined, enzymes: ['cyp2d6'], comparison: { test: 'CYP2D6 PM', reference: 'CYP2D6 EM' }, aucRatio: ratio(5, undefined, undefined, 'w-y-paper') as ClinicalStudy['aucRatio'] });
    const wy = CLINICAL;
    const x = inputs(kbOf([...wy, pgx]), { victim: 'drug-w', perpetrator: 'drug-y', perpetratorDose: '50 mg qd 7d' });
    expect(x.excluded).toEqual(expect.arrayContaining(['w-y', 'w-pgx-same-paper']));
    expect(x.terms[0]!.cr.method).not.toBe('genotype');
    // Predicting drug-w with paroxetine (another pair), the same contrast is read.
    const y = inputs(kbOf([...wy, pgx]), { victim: 'drug-w', perpetrator: 'paroxetine' });
    expect(y.terms[0]!.cr.method).toBe('genotype');
  });

  it('no ×1 by omission: a victim that uses none of the anchored enzymes is grey while any pathway of it, even a minor one, lacks an in-vivo ratio', () => {
    const fm = (object: string, value: number) => ({ id: `drug-w-${object}`, subject: 'drug-w', object, action: 'substrate', species: 'human', evidence: 'in_vitro', fm: { value, unit: 'fraction', source: 'src', verified: true }, sources: ['src'] });
    // drug-w is cleared 20 % by CYP2B6 (minor, under the 0.25 main-pathway line) and not by CYP3A4; rifampicin is
    // anchored on CYP3A4 only, and the KB records that it induces CYP2B6 (an effect without an in-vivo ratio).
    const minor = kbOf(CLINICAL, [fm('cyp2b6', 0.2), RIF_INDUCES_2B6]);
    const x = inputs(minor, { victim: 'drug-w', perpetrator: 'rifampicin', perpetratorDose: '600 mg qd 5d' });
    expect(x.terms).toEqual([]);
    expect(x.missing).toContainEqual({ what: 'IR', substance: 'rifampicin', enzyme: 'cyp2b6' });
    // With a used term the minor pathway stays an unflagged omission, as before (only main pathways mark it partial).
    const both = kbOf(CLINICAL, [fm('cyp2b6', 0.2), fm('cyp3a4', 0.5), RIF_INDUCES_2B6]);
    const y = inputs(both, { victim: 'drug-w', perpetrator: 'rifampicin', perpetratorDose: '600 mg qd 5d' });
    expect(y.terms.map((t) => t.enzyme)).toEqual(['cyp3a4']);
    expect(y.missing.some((m) => m.enzyme === 'cyp2b6')).toBe(false);
  });

  it('a main pathway the perpetrator has no recorded effect on is unchanged and named, not missing; one with a recorded effect but no in-vivo ratio is missing', () => {
    const fm = (object: string, value: number) => ({ id: `drug-w-${object}`, subject: 'drug-w', object, action: 'substrate', species: 'human', evidence: 'in_vitro', fm: { value, unit: 'fraction', source: 'src', verified: true }, sources: ['src'] });
    const req = { victim: 'drug-w', perpetrator: 'rifampicin', perpetratorDose: '600 mg qd 5d' };
    // drug-w: CYP3A4 0.3 (anchored through midazolam: IC 10) and CYP2D6 0.6 (main; rifampicin has no relation to it).
    const noRelation = inputs(kbOf(CLINICAL, [fm('cyp3a4', 0.3), fm('cyp2d6', 0.6)]), req);
    expect(noRelation.unaffected).toEqual(['cyp2d6']);
    expect(noRelation.missing).toEqual([]);
    expect(noRelation.terms.map((t) => t.enzyme)).toEqual(['cyp3a4']);
    // Once the KB records an effect of rifampicin on CYP2D6, the same pathway lacks its in-vivo ratio: partial.
    const inducer = { id: 'rif-2d6', subject: 'rifampicin', object: 'cyp2d6', action: 'inducer', species: 'human', evidence: 'in_vitro', sources: ['src'] };
    const recorded = inputs(kbOf(CLINICAL, [fm('cyp3a4', 0.3), fm('cyp2d6', 0.6), inducer]), req);
    expect(recorded.unaffected).toEqual([]);
    expect(recorded.missing).toEqual([{ what: 'IR', substance: 'rifampicin', enzyme: 'cyp2d6' }]);
  });
});

/** The KB's record that rifampicin induces CYP2B6 (no constants), for the fixture. */
const RIF_INDUCES_2B6 = { id: 'rif-2b6', subject: 'rifampicin', object: 'cyp2b6', action: 'inducer', species: 'human', evidence: 'in_vitro', sources: ['src'] };
