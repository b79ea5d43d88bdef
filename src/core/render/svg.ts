/**
 * Concentration–time plot as an SVG string (pure; the CLI writes the file). One panel per compound:
 * alone (dashed) vs combined (solid) curves, optional population 5–95 % bands, axes with units,
 * "nice" ticks and a legend. Text is escaped; no external fonts or scripts.
 */

export interface PlotSeries {
  label: string;
  timesH: number[];
  values: number[];
  dashed?: boolean;
  color: string;
}

export interface PlotBand {
  label: string;
  timesH: number[];
  low: number[];
  high: number[];
  color: string;
}

export interface PlotPanel {
  title: string;
  yUnit: string;
  series: PlotSeries[];
  bands?: PlotBand[];
}

const esc = (s: string): string => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** Round tick step: 1, 2 or 5 × 10^k giving about `target` ticks. */
export function niceTicks(max: number, target = 5): number[] {
  if (!(max > 0) || !Number.isFinite(max)) return [0, 1];
  const raw = max / target;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? 10 * mag;
  const out: number[] = [];
  for (let v = 0; v <= max * (1 + 1e-9) + step * 0.999; v += step) out.push(Number(v.toPrecision(12)));
  return out;
}

const fmtTick = (v: number): string => (v === 0 ? '0' : Math.abs(v) >= 1e4 || Math.abs(v) < 1e-3 ? v.toExponential(0) : String(Number(v.toPrecision(4))));

export function renderSvg(panels: PlotPanel[], opts: { title?: string; width?: number; panelHeight?: number } = {}): string {
  const PH = opts.panelHeight ?? 300;
  // The legend sits right of the plot: make room for its longest label (~6.6 px per character at 12 px).
  const longest = Math.max(0, ...panels.flatMap((p) => [...p.series.map((x) => x.label), ...(p.bands ?? []).map((b) => b.label)].map((l) => l.length)));
  const m = { l: 78, r: Math.max(170, Math.ceil(50 + 6.6 * longest)), t: 36, b: 52 };
  const W = Math.max(opts.width ?? 760, m.l + m.r + 420);
  const H = panels.length * PH + (opts.title ? 30 : 0);
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="Helvetica, Arial, sans-serif" font-size="12">`,
    `<rect width="${W}" height="${H}" fill="#fff"/>`,
  ];
  let y0 = 0;
  if (opts.title) { parts.push(`<text x="${W / 2}" y="20" text-anchor="middle" font-size="15" font-weight="bold">${esc(opts.title)}</text>`); y0 = 30; }
  panels.forEach((p, k) => {
    const top = y0 + k * PH + m.t, left = m.l, w = W - m.l - m.r, h = PH - m.t - m.b;
    const allT = [...p.series.flatMap((s) => s.timesH), ...(p.bands ?? []).flatMap((b) => b.timesH)];
    const allY = [...p.series.flatMap((s) => s.values), ...(p.bands ?? []).flatMap((b) => b.high)].filter(Number.isFinite);
    const xt = niceTicks(Math.max(...allT, 1), 8), yt = niceTicks(Math.max(...allY, 0) || 1, 5);
    const xMax = xt[xt.length - 1]!, yMax = yt[yt.length - 1]!;
    const X = (t: number): number => left + (t / xMax) * w, Y = (v: number): number => top + h - (Math.max(0, v) / yMax) * h;
    parts.push(`<text x="${left}" y="${top - 12}" font-size="13" font-weight="bold">${esc(p.title)}</text>`);
    for (const v of yt) parts.push(`<line x1="${left}" x2="${left + w}" y1="${Y(v).toFixed(1)}" y2="${Y(v).toFixed(1)}" stroke="#e5e5e5"/><text x="${left - 6}" y="${(Y(v) + 4).toFixed(1)}" text-anchor="end">${fmtTick(v)}</text>`);
    for (const t of xt) parts.push(`<line x1="${X(t).toFixed(1)}" x2="${X(t).toFixed(1)}" y1="${top + h}" y2="${top + h + 5}" stroke="#333"/><text x="${X(t).toFixed(1)}" y="${top + h + 18}" text-anchor="middle">${fmtTick(t)}</text>`);
    parts.push(`<line x1="${left}" x2="${left + w}" y1="${top + h}" y2="${top + h}" stroke="#333"/><line x1="${left}" x2="${left}" y1="${top}" y2="${top + h}" stroke="#333"/>`);
    parts.push(`<text x="${left + w / 2}" y="${top + h + 38}" text-anchor="middle">time after first dose (h)</text>`);
    parts.push(`<text transform="translate(${left - 58},${top + h / 2}) rotate(-90)" text-anchor="middle">plasma concentration (${esc(p.yUnit)})</text>`);
    for (const b of p.bands ?? []) {
      const up = b.timesH.map((t, i) => `${X(t).toFixed(1)},${Y(b.high[i]!).toFixed(1)}`);
      const down = b.timesH.map((t, i) => `${X(t).toFixed(1)},${Y(b.low[i]!).toFixed(1)}`).reverse();
      parts.push(`<polygon points="${[...up, ...down].join(' ')}" fill="${b.color}" fill-opacity="0.18" stroke="none"/>`);
    }
    for (const s of p.series) {
      const pts = s.timesH.map((t, i) => `${X(t).toFixed(1)},${Y(s.values[i]!).toFixed(1)}`).join(' ');
      parts.push(`<polyline points="${pts}" fill="none" stroke="${s.color}" stroke-width="2"${s.dashed ? ' stroke-dasharray="6 4"' : ''}/>`);
    }
    const items = [...p.series.map((s) => ({ label: s.label, color: s.color, dashed: !!s.dashed, band: false })), ...(p.bands ?? []).map((b) => ({ label: b.label, color: b.color, dashed: false, band: true }))];
    items.forEach((it, i) => {
      const ly = top + 8 + i * 20, lx = left + w + 14;
      parts.push(it.band
        ? `<rect x="${lx}" y="${ly - 6}" width="24" height="12" fill="${it.color}" fill-opacity="0.25"/>`
        : `<line x1="${lx}" x2="${lx + 24}" y1="${ly}" y2="${ly}" stroke="${it.color}" stroke-width="2"${it.dashed ? ' stroke-dasharray="6 4"' : ''}/>`);
      parts.push(`<text x="${lx + 30}" y="${ly + 4}">${esc(it.label)}</text>`);
    });
  });
  parts.push('</svg>');
  return parts.join('\n');
}
