import { describe, expect, it } from 'vitest';
import type { Substance } from '../kb/types.js';
import { ParamLog } from './param-log.js';
import { metaboliteFormation } from './sim-drug-metabolites.js';

const q = (value: number) => ({ value, unit: 'fraction', source: 's', verified: true });
const parent = (links: { substance: string; enzyme?: string; fraction?: number }[]): Substance =>
  ({ id: 'p', metabolites: links.map((l) => ({ substance: l.substance, ...(l.enzyme ? { enzyme: l.enzyme } : {}), ...(l.fraction !== undefined ? { fraction: q(l.fraction) } : {}), sources: [] })) }) as unknown as Substance;
const paths = [{ enzyme: 'cyp3a4', fm: 0.7, gutExpressed: true }, { enzyme: 'cyp2d6', fm: 0.1, gutExpressed: false }];

describe('metabolite formation per pathway (REQ-12.metabolite-formation)', () => {
  it('a fraction within the named enzyme’s fm is carried by that enzyme alone', () => {
    const out = metaboliteFormation(new ParamLog('p'), parent([{ substance: 'm', enzyme: 'cyp2d6', fraction: 0.075 }]), ['m'], paths, 0);
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ enzyme: 'cyp2d6' });
    expect(out[0]!.pathwayShare).toBeCloseTo(0.75, 12);
  });
  it('a fraction beyond the named enzyme’s fm takes the rest from the unassigned clearance (clobazam-like)', () => {
    // fm 0.7 + 0.1, fe 0.02: other = 0.18; F 0.94 → CYP3A4 all of its flux, other (0.94 − 0.7)/0.18 capped at 1
    const log = new ParamLog('p');
    const out = metaboliteFormation(log, parent([{ substance: 'm', enzyme: 'cyp3a4', fraction: 0.85 }]), ['m'], paths, 0.02);
    expect(out.map((x) => [x.enzyme, +x.pathwayShare.toFixed(6)])).toEqual([['cyp3a4', 1], [null, +(0.15 / 0.18).toFixed(6)]]);
    expect(log.warnings).toEqual([]);
  });
  it('without an enzyme: pro rata from every hepatic pathway; what cannot be carried is reported', () => {
    const log = new ParamLog('p');
    const out = metaboliteFormation(log, parent([{ substance: 'm', fraction: 0.4 }]), ['m'], paths, 0.2);
    const carried = out.reduce((a, x) => a + x.pathwayShare * (x.enzyme === 'cyp3a4' ? 0.7 : x.enzyme === 'cyp2d6' ? 0.1 : 0), 0);
    expect(carried).toBeCloseTo(0.4, 12); // Σ fm = 0.8 = 1 − fe, so no unassigned clearance
    expect(out.map((x) => x.enzyme)).toEqual(['cyp3a4', 'cyp2d6']);
    const over = metaboliteFormation(log, parent([{ substance: 'm2', enzyme: 'cyp2d6', fraction: 0.5 }]), ['m2'], paths, 0.2);
    expect(over).toEqual([{ metaboliteId: 'm2', enzyme: 'cyp2d6', pathwayShare: 1 }]);
    expect(log.warnings.join(' ')).toMatch(/exceeds what its pathways can carry/);
  });
  it('links to compounds outside the run or without a fraction are dropped', () => {
    expect(metaboliteFormation(new ParamLog('p'), parent([{ substance: 'm', enzyme: 'cyp3a4', fraction: 0.3 }, { substance: 'x', enzyme: 'cyp3a4' }]), ['x'], paths, 0)).toEqual([]);
  });
});
