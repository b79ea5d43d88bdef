/**
 * Leave-pair-out of the clinically anchored model on the real KB (issue 11 §4, issue 12 non-negotiable 3): scaling
 * every observed AUC ratio of one pair — in a copy of the KB data, in either role naming and through any product
 * holding either compound — leaves that pair's anchored prediction exactly where it was; and no answer to a
 * benchmark study ever lists a study of its own pair among the studies it read.
 */
import { describe, expect, it } from 'vitest';
import { KbIndex, predict } from '../../src/core/index.js';
import type { PredictRequest } from '../../src/core/index.js';
import { requestFor } from '../../src/core/answers/benchmark/run.js';
import type { ClinicalStudy } from '../../src/core/kb/types.js';
import { loadKb } from '../../src/store/kb-store.js';
import { buildScenario } from '../../src/core/inputs/scenario.js';
import { studyVictimRoute } from '../../src/core/inputs/anchored-studies.js';

const kb = loadKb();

/** The substances that stand for one side of a pair: the compound, the products holding it, the plant. */
function side(id: string): Set<string> {
  const out = new Set([id]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const s of kb.data.substances)
      if (!out.has(s.id) && s.constituents.some((c) => out.has(c.substance))) {
        out.add(s.id);
        grew = true;
      }
  }
  for (const c of kb.substance(id)?.constituents ?? []) out.add(c.substance);
  return out;
}

function ofPair(c: ClinicalStudy, v: Set<string>, p: Set<string>): boolean {
  return !!c.perpetrator && ((v.has(c.victim) && p.has(c.perpetrator)) || (p.has(c.victim) && v.has(c.perpetrator)));
}

/** A copy of the KB with every ratio of the pair multiplied by `factor` (value and interval). */
function scaled(v: Set<string>, p: Set<string>, factor: number): KbIndex {
  const clinical = kb.data.clinical.map((c) => {
    if (!ofPair(c, v, p) || !c.aucRatio) return c;
    const q = c.aucRatio;
    return { ...c, aucRatio: { ...q, value: q.value * factor, ...(q.low !== undefined ? { low: q.low * factor } : {}), ...(q.high !== undefined ? { high: q.high * factor } : {}) } };
  });
  return new KbIndex({ ...kb.data, clinical });
}

const anchored = (k: KbIndex, req: PredictRequest) => predict(k, { ...req, model: 'anchored' });

/** Pairs with the regimen of one of their studies; several answered, including cannabis and kratom ones. */
const PAIRS: { victim: string; perpetrator: string; req: Omit<PredictRequest, 'victim' | 'perpetrator'> }[] = [
  { victim: 'midazolam', perpetrator: 'ketoconazole', req: { victimDose: '7.5 mg', perpetratorDose: '400 mg qd 4d' } },
  { victim: 'triazolam', perpetrator: 'itraconazole', req: { victimDose: '0.25 mg', perpetratorDose: '200 mg qd 4d' } },
  { victim: 'alprazolam', perpetrator: 'ketoconazole', req: { perpetratorDose: '200 mg bid 2d' } },
  { victim: 'buspirone', perpetrator: 'verapamil', req: { victimDose: '10 mg', perpetratorDose: '80 mg tid 2d' } },
  { victim: 'desipramine', perpetrator: 'paroxetine', req: { perpetratorDose: '20 mg qd 5d' } },
  { victim: 'midazolam', perpetrator: 'rifampicin', req: { victimDose: '15 mg', perpetratorDose: '600 mg qd 5d' } },
  { victim: 'clobazam', perpetrator: 'cbd', req: { victimDose: '5 mg bid 14d', perpetratorDose: '750 mg bid 14d' } },
  { victim: 'tacrolimus', perpetrator: 'cbd', req: { victimDose: '5 mg', perpetratorDose: '5 mg/kg bid 14d' } },
  { victim: 'mitragynine', perpetrator: 'cbd', req: { perpetratorDose: '300 mg' } },
  { victim: 'kratom', perpetrator: 'cannabis', req: {} },
  { victim: 'midazolam', perpetrator: 'kratom-tea', req: { victimDose: '2.5 mg', perpetratorDose: '2 g' } },
  { victim: 'midazolam', perpetrator: 'cbd', req: { victimDose: '2 mg', perpetratorDose: '640 mg' } },
];

describe('anchored model: leave-pair-out on the KB (REQ-11.4, REQ-12.8)', () => {
  for (const { victim, perpetrator, req } of PAIRS) {
    it(`scaling ${victim}–${perpetrator}'s observed ratios does not move its prediction`, () => {
      const v = side(victim);
      const p = side(perpetrator);
      const own = kb.data.clinical.filter((c) => ofPair(c, v, p)).map((c) => c.id);
      const before = anchored(kb, { victim, perpetrator, ...req });
      for (const f of [3, 0.2]) {
        const after = anchored(scaled(v, p, f), { victim, perpetrator, ...req });
        expect(after.status).toBe(before.status);
        expect(after.aucRatio).toBe(before.aucRatio);
        expect(after.range).toEqual(before.range);
      }
      for (const id of own) expect(before.studiesRead ?? []).not.toContain(id);
    });
  }

  it('the test has power: scaling midazolam–CBD moves the clobazam–CBD answer, which reads it', () => {
    const req = { victim: 'clobazam', perpetrator: 'cbd', victimDose: '5 mg bid 14d', perpetratorDose: '750 mg bid 14d' };
    const before = anchored(kb, req);
    expect(before.status).toBe('predicted');
    expect(before.studiesRead).toContain('midazolam-cbd-bansal-2023');
    const after = anchored(scaled(side('midazolam'), side('cbd'), 1.3), req);
    expect(after.aucRatio).not.toBe(before.aucRatio);
  });

  it('no answer to a benchmark study reads a study of its own pair', () => {
    const leaks: string[] = [];
    let answered = 0;
    for (const c of kb.data.clinical) {
      if (c.kind !== 'interaction' || !c.perpetrator || !c.aucRatio) continue;
      const v = side(c.victim);
      const p = side(c.perpetrator);
      const own = new Set(kb.data.clinical.filter((x) => ofPair(x, v, p)).map((x) => x.id));
      let read: string[];
      try {
        const a = anchored(kb, requestFor(c as ClinicalStudy & { perpetrator: string }));
        if (a.status === 'predicted') answered++;
        read = a.studiesRead ?? [];
      } catch {
        continue; // a design the request grammar cannot express is the benchmark's concern, not this test's
      }
      for (const id of read) if (own.has(id)) leaks.push(`${c.id} read ${id}`);
    }
    expect(leaks).toEqual([]);
    expect(answered).toBeGreaterThan(50);
  });

  // The anchored model reads a study's victim route to match index studies to the question (an oral index study carries
  // the gut wall, an iv one does not); the benchmark asks each study by its request. The two readings must agree, or a
  // study the benchmark scores as iv would count as oral evidence (three oral alfentanil studies without a route did).
  it("reads every study's victim route as the benchmark's request does", () => {
    const differ: string[] = [];
    let n = 0;
    for (const c of kb.data.clinical) {
      if (c.kind !== 'interaction' || !c.perpetrator || c.species !== 'human') continue;
      let asked: 'oral' | 'iv';
      try {
        asked = buildScenario(kb, requestFor(c as ClinicalStudy & { perpetrator: string })).victimRoute;
      } catch {
        continue; // a design the request grammar cannot express
      }
      n++;
      const read = studyVictimRoute(kb, c);
      if (read !== asked) differ.push(`${c.id}: anchored reads ${read}, the request asks ${asked}`);
    }
    expect(differ).toEqual([]);
    expect(n).toBeGreaterThan(250);
  });

  it('a route asked apart from the dose replaces the route of the KB reference dose, not of an asked dose', () => {
    // alfentanil's KB reference dose is intravenous; an oral study of unknown amount asks for the same dose swallowed.
    const byRoute = buildScenario(kb, { victim: 'alfentanil', perpetrator: 'rifampicin', victimRoute: 'po' });
    expect(byRoute.victimRoute).toBe('oral');
    expect(byRoute.victimDose.regimen?.route).toBe('po');
    const written = buildScenario(kb, { victim: 'alfentanil', perpetrator: 'rifampicin', victimDose: '8 µg/kg iv', victimRoute: 'po' });
    expect(written.victimRoute).toBe('iv');
  });
});
