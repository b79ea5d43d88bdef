import { describe, expect, expectTypeOf, it } from 'vitest';
import type { DoseEvent, Inhibition } from '../models/dynamic/types.js';
import type { PerpetratorInput } from '../models/static/static-ddi.js';
import { asMicromolar, canonical, type Hours, type LitresPerHour, type Micromolar, type Milligrams, type PerHour } from './branded.js';

describe('branded canonical units (STYLE.md §Units)', () => {
  it('a plain number, or a number in another unit, is not accepted where a unit is expected', () => {
    expectTypeOf<number>().not.toExtend<Micromolar>();
    expectTypeOf<Hours>().not.toExtend<PerHour>();
    expectTypeOf<LitresPerHour>().not.toExtend<Milligrams>();
    expectTypeOf<PerpetratorInput['cmaxUM']>().toEqualTypeOf<Micromolar>();
    expectTypeOf<Inhibition['kiUnboundUM']>().toEqualTypeOf<Micromolar>();
    expectTypeOf<DoseEvent['amountMg']>().toEqualTypeOf<Milligrams>();
    const ngPerMl = 250;
    // @ts-expect-error a concentration in ng/mL (a plain number) where µM is expected
    const cmax: PerpetratorInput['cmaxUM'] = ngPerMl;
    expect(cmax).toBe(250);
  });

  it('is a plain number at run time: arithmetic gives number, the constructor changes nothing', () => {
    const c = asMicromolar(1.5);
    expectTypeOf(c * 2).toEqualTypeOf<number>();
    expect(c * 2).toBe(3);
  });

  it('canonical() brands a converted quantity and refuses one in another unit', () => {
    expectTypeOf(canonical({ value: 2, unit: 'h' }, 'h')).toEqualTypeOf<Hours>();
    expect(canonical({ value: 2, unit: 'h' }, 'h')).toBe(2);
    expect(() => canonical({ value: 120, unit: 'min' }, 'h')).toThrow(/expected a value converted to h, got 'min'/);
  });
});
