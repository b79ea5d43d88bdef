/** The best-estimate order (issue 12 §9): which model answers, on the real KB. */
import { describe, expect, it } from 'vitest';
import { predict } from '../../src/core/operations.js';
import { loadKb } from '../../src/store/kb-store.js';

const kb = loadKb();

describe('best estimate: a partial anchored answer yields to the mechanistic model (REQ-12.9)', () => {
  it('fluconazole → celecoxib: the anchored model has no in-vivo CYP2C9 ratio for fluconazole, so the static model answers', () => {
    const p = predict(kb, { victim: 'celecoxib', perpetrator: 'fluconazole', perpetratorDose: '200 mg qd 7d' });
    const anchored = p.models?.find((m) => m.model === 'anchored');
    expect(anchored?.status).toBe('predicted'); // it answers, from CYP3A4 alone …
    expect(p.model).toBe('static'); // … but the chosen answer is the one that covers CYP2C9
    expect(p.models?.find((m) => m.chosen)?.model).toBe('static');
  });
  it('a complete anchored answer still comes first (itraconazole → midazolam)', () => {
    const p = predict(kb, { victim: 'midazolam', perpetrator: 'itraconazole', perpetratorDose: '200 mg qd 4d' });
    expect(p.model).toBe('anchored');
  });
});
