import { describe, expect, it } from 'vitest';
import { niceTicks, renderSvg } from './svg.js';

describe('SVG plot', () => {
  it('has axes with units, ticks, legend, band and escapes labels', () => {
    const svg = renderSvg([{ title: 'a<b', yUnit: 'ng/mL', series: [{ label: 'combined', timesH: [0, 1, 2], values: [0, 5, 3], color: '#f00' }, { label: 'alone', timesH: [0, 1, 2], values: [0, 2, 1], color: '#555', dashed: true }], bands: [{ label: '5–95 %', timesH: [0, 1, 2], low: [0, 1, 1], high: [0, 7, 4], color: '#f00' }] }]);
    expect(svg).toMatch(/^<svg/);
    expect(svg).toContain('plasma concentration (ng/mL)');
    expect(svg).toContain('time after first dose (h)');
    expect(svg).toContain('a&lt;b');
    expect(svg).toContain('stroke-dasharray');
    expect(svg).toContain('<polygon');
    expect(svg).not.toContain('NaN');
  });
  it('nice ticks', () => {
    expect(niceTicks(7.3)).toEqual([0, 2, 4, 6, 8]);
    expect(niceTicks(168, 8)).toEqual([0, 50, 100, 150, 200]);
  });
});
