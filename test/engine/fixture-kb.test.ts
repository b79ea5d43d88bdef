/**
 * Engine rules on a small fixture KB (test/fixtures/kb-mini: invented round numbers), so each rule is checked
 * against a hand-computed answer rather than against whatever the real KB holds today.
 */
import { describe, expect, it } from 'vitest';
import { compileKb } from '../../src/compiler/compile.js';
import { KbIndex } from '../../src/core/kb/kb-index.js';
import type { KbData } from '../../src/core/kb/types.js';
import { predict } from '../../src/core/operations.js';

function fixture(edit: (d: KbData) => void = () => {}): KbIndex {
  const r = compileKb(new URL('../fixtures/kb-mini', import.meta.url).pathname);
  expect(r.issues).toEqual([]);
  const data = structuredClone(r.data!);
  edit(data);
  return new KbIndex(data);
}

describe('engine rules on a fixture KB (REQ-10.fixtures)', () => {
  const kb = fixture();
  const ask = { victim: 'victimine', perpetrator: 'inhibitol', victimDose: '1 mg', perpetratorDose: '100 mg' };

  it('reversible inhibition follows the MSM: fm 0.9, unbound Imax 1 µM = Ki,u → 1/(0.9/2 + 0.1)', () => {
    // Imax,u = fu 0.1 × Cmax 10 µM = 1 µM (systemic_max_u); Fg 1, so no gut term.
    const p = predict(kb, ask, { draws: 16 });
    expect(p.status).toBe('predicted');
    expect(p.aucRatio).toBeCloseTo(1 / (0.9 / 2 + 0.1), 10);
    expect(p.gutRatio).toBe(1);
    expect(p.statements.find((s) => s.role === 'plain')?.code).toBe('PLAIN_CHANGE');
  });

  it('the inlet concentration option raises the inhibitor concentration and the ratio (screening is conservative)', () => {
    const sys = predict(kb, ask, { draws: 16 }).aucRatio!;
    const inlet = predict(kb, ask, { draws: 16, concentration: 'inlet_max_u' }).aucRatio!;
    expect(inlet).toBeGreaterThan(sys);
  });

  it('a class without a constant is grey and says what is missing, never ×1', () => {
    const p = predict(kb, { ...ask, perpetrator: 'classonly' }, { draws: 16 });
    expect(p.status).toBe('grey');
    expect(p.aucRatio).toBeNull();
    expect(p.missing.join(' ')).toMatch(/inhibition constants .* Classonly for CYP3A4 .*strong inhibitor/);
    expect(p.clinicalClasses).toHaveLength(1);
  });

  it('no recorded effect on the victim’s enzymes is "no interaction expected", with the caveat', () => {
    const p = predict(kb, { ...ask, perpetrator: 'elsewhere' }, { draws: 16 });
    expect(p.status).toBe('no-interaction-expected');
    expect(p.warnings.join(' ')).toMatch(/weak evidence of absence/);
  });

  it('observed outcomes are shown, never read by the mechanistic model: scaling them does not move the prediction', () => {
    const base = predict(kb, ask, { draws: 16 });
    const scaled = predict(
      fixture((d) => {
        for (const c of d.clinical) if (c.aucRatio) c.aucRatio = { ...c.aucRatio, value: c.aucRatio.value * 10 };
      }),
      ask,
      { draws: 16 },
    );
    expect(base.observed.map((o) => o.aucRatio)).toEqual([3]);
    expect(scaled.observed.map((o) => o.aucRatio)).toEqual([30]);
    expect(scaled.aucRatio).toBe(base.aucRatio);
    expect(scaled.range).toEqual(base.range);
  });

  it('inactivation at an enzyme with no kdeg is an explicit gap, not a silent drop', () => {
    const p = predict(
      fixture((d) => {
        const t = d.targets.find((x) => x.id === 'cyp3a4')!;
        delete t.kdegLiver;
        d.relations.push({ ...d.relations.find((r) => r.id === 'inhibitol-ki')!, id: 'inhibitol-tdi', action: 'tdi', ki: undefined, kinactOverKI: { value: 0.1, unit: '1/(h·µM)', source: 'fixture', verified: false, original: { value: 0.1, unit: '1/h/µM' } } });
      }),
      ask,
      { draws: 16 },
    );
    expect(p.missing.join(' ')).toMatch(/turnover rate \(kdeg\) of CYP3A4/);
  });

  it('an unknown name gets suggestions and names the field', () => {
    expect(() => predict(kb, { ...ask, perpetrator: 'inhibitoll' })).toThrow(/perpetrator: no substance called 'inhibitoll'.*did you mean Inhibitol/);
  });
});
