/** Observable Plot charts (lazy-loaded chunk): predicted ratios each way, and concentration-time curves. */
import * as Plot from '@observablehq/plot';
import { useEffect, useRef } from 'react';
import type { SimulateResult } from '../api.js';

export interface RatioRow {
  direction: string;
  metric: 'AUC' | 'Cmax';
  ratio: number;
  low?: number;
  high?: number;
}

function useChart(make: (width: number) => Element, deps: unknown[]) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const chart = make(Math.max(300, Math.min(760, el.clientWidth || 640)));
    el.replaceChildren(chart);
    return () => chart.remove();
  }, deps);
  return ref;
}

export function RatioPlot({ rows }: { rows: RatioRow[] }) {
  const ref = useChart(
    (width) =>
      Plot.plot({
        width,
        height: 60 + rows.length * 34,
        marginLeft: Math.min(Math.max(...rows.map((r) => r.direction.length + 7)) * 6 + 10, width * 0.55),
        x: { type: 'log', label: 'Predicted ratio, combined ÷ alone (log scale; 1 = no change)', grid: true, nice: true },
        y: { label: null },
        color: { domain: ['AUC', 'Cmax'], range: ['#1d4ed8', '#b45309'], legend: true },
        marks: [
          Plot.ruleX([1], { stroke: '#111827' }),
          Plot.ruleY(rows.filter((r) => r.low !== undefined), { y: (r: RatioRow) => `${r.direction} · ${r.metric}`, x1: 'low', x2: 'high', stroke: 'metric', strokeWidth: 3 }),
          Plot.dot(rows, { y: (r: RatioRow) => `${r.direction} · ${r.metric}`, x: 'ratio', fill: 'metric', r: 5, tip: true }),
        ],
      }),
    [rows],
  );
  return <div ref={ref} className="plot" data-testid="ratio-plot" role="img" aria-label={`Predicted exposure ratios: ${rows.map((r) => `${r.direction} ${r.metric} ×${r.ratio.toFixed(2)}`).join('; ')}`} />;
}

export function CurvePlot({ sim }: { sim: SimulateResult }) {
  const pts = [
    ...sim.alone.timesH.map((t, i) => ({ t, c: sim.alone.concUM[i]!, arm: `${sim.victim.analyteName ?? sim.victim.name} alone` })),
    ...sim.combined.timesH.map((t, i) => ({ t, c: sim.combined.concUM[i]!, arm: `with ${sim.perpetrator.name}` })),
  ];
  const band = sim.band ? sim.band.timesH.map((t, i) => ({ t, lo: sim.band!.p5UM[i]!, hi: sim.band!.p95UM[i]! })) : [];
  const ref = useChart(
    (width) =>
      Plot.plot({
        width,
        height: 320,
        marginLeft: 64,
        x: { label: 'Time after dose (h)' },
        y: { label: 'Plasma concentration (µM)', grid: true },
        color: { legend: true, range: ['#1d4ed8', '#b45309'] },
        marks: [
          ...(band.length ? [Plot.areaY(band, { x: 't', y1: 'lo', y2: 'hi', fill: '#b45309', fillOpacity: 0.15 })] : []),
          Plot.line(pts, { x: 't', y: 'c', stroke: 'arm', strokeWidth: 2 }),
          Plot.ruleY([0]),
        ],
      }),
    [sim],
  );
  return <div ref={ref} className="plot" data-testid="curve-plot" role="img" aria-label="Concentration-time curves alone and combined" />;
}

export default { RatioPlot, CurvePlot };
