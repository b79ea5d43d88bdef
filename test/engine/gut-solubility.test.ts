/** Issue 12 §6 on the real KB: the gut solubility cap is an option (off by default, settled on tune). */
import { describe, expect, it } from 'vitest';
import { predict } from '../../src/core/operations.js';
import { loadKb } from '../../src/store/kb-store.js';

const kb = loadKb();
const req = { victim: 'midazolam', perpetrator: 'itraconazole', perpetratorDose: '200 mg qd 4d', model: 'static' as const };

describe('gut concentrations capped at aqueous solubility (REQ-12.6)', () => {
  it('off by default; on request the answer lists the solubility (µM, from its mg/L record) and says the cap applies', () => {
    const off = predict(kb, req);
    expect(off.parameters.some((p) => p.name === 'aqueous solubility (gut cap)')).toBe(false);
    const on = predict(kb, req, { gutSolubilityCap: true });
    const sol = on.parameters.find((p) => p.name === 'aqueous solubility (gut cap)');
    // itraconazole 8.0 mg/L (FaSSIF) over 705.6 g/mol ≈ 11.3 µM
    expect(sol?.value).toBeGreaterThan(10);
    expect(sol?.value).toBeLessThan(13);
    expect(on.statements.some((s) => s.code === 'NOTE_GUT_SOLUBILITY_CAP')).toBe(true);
    expect(on.concentrationsUM?.['Itraconazole']?.ig).toBeLessThanOrEqual(sol!.value + 1e-9);
  });
});
