/**
 * The pathway graph as HTML boxes in three columns — the first substance on the left, the second on the right,
 * the receptors and enzymes they act on in the middle, grouped by kind — with the links drawn as SVG curves
 * behind them. The boxes are laid out by the browser (text wraps, nothing overlaps at any width), every node is
 * a button (keyboard and screen reader reach it), and the whole prints as it shows. A middle box names what each
 * side does there, so the links need no labels of their own.
 */
import { useLayoutEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { actionLabel, edgeStyle, type GEdge, type GNode, type GraphModel } from '../graph-model.js';

interface Path {
  id: string;
  d: string;
  side: 'a' | 'b';
  style: 'solid' | 'dashed' | 'dotted';
  focus: boolean;
}

const DASH: Record<Path['style'], string | undefined> = { solid: undefined, dashed: '7 5', dotted: '2 4' };

const LEVEL_RANK: Record<string, number> = { in_silico: 0, in_vitro: 1, animal: 2, human_case: 3, human_observational: 4, label: 5, human_controlled: 5 };
function strongestLevel(levels: string[]): string {
  return levels.reduce((p, x) => ((LEVEL_RANK[x] ?? -1) > (LEVEL_RANK[p] ?? -1) ? x : p), 'none');
}

/** What each side does at a receptor or enzyme, one short phrase per side. */
function sideActions(n: GNode, side: 'a' | 'b'): string {
  const xs = n[side] ?? [];
  return [...new Set(xs.map((x) => actionLabel(x.action)))].join(', ');
}

function NodeBox({ n, names, selected, onSelect }: { n: GNode; names: { a: string; b: string }; selected?: string; onSelect: (id: string) => void }) {
  const mid = n.kind === 'receptor' || n.kind === 'enzyme';
  const cls = ['gnode', `g-${n.kind}`, `g-side-${n.side}`, n.shared ? 'g-shared' : ''].filter(Boolean).join(' ');
  // Line style per side for the printed links (print CSS draws them from these; the SVG cannot follow the page width).
  const lineOf = (xs: GNode['a']) => (xs?.length ? edgeStyle(strongestLevel(xs.map((x) => x.evidence))) : undefined);
  return (
    <button type="button" className={cls} data-node-id={n.id} data-line-a={mid ? lineOf(n.a) : undefined} data-line-b={mid ? lineOf(n.b) : undefined} aria-pressed={selected === n.id} title={n.fullName} onClick={() => onSelect(n.id)}>
      <span className="gname" data-graph-label>
        {n.label}
      </span>
      {mid && (
        <span className="gacts">
          {(['a', 'b'] as const).map((side) => {
            const t = sideActions(n, side);
            return t ? (
              <span key={side} className={`gact gact-${side}`} data-graph-label>
                {side === 'a' ? '◀ ' : ''}
                {t}
                {side === 'b' ? ' ▶' : ''}
                <span className="sr-only"> ({side === 'a' ? names.a : names.b})</span>
              </span>
            ) : null;
          })}
        </span>
      )}
    </button>
  );
}

export default function GraphView({ model, selected, onSelect }: { model: GraphModel; selected?: string; onSelect: (kind: 'node' | 'edge', id: string) => void }) {
  const wrap = useRef<HTMLDivElement>(null);
  const [paths, setPaths] = useState<Path[]>([]);
  const [size, setSize] = useState({ w: 0, h: 0 });
  const side = (s: 'a' | 'b') => model.nodes.filter((n) => n.side === s && (n.kind === 'substance' || n.kind === 'constituent'));
  const middle = model.nodes.filter((n) => n.kind === 'receptor' || n.kind === 'enzyme');
  // Shared first, then the first substance's own, then the second's: their links fan out without crossing.
  const rank = (n: GNode) => (n.shared ? 0 : n.side === 'shared' ? 1 : n.side === 'a' ? 2 : 3);
  const receptors = middle.filter((n) => n.kind === 'receptor').sort((x, y) => rank(x) - rank(y));
  const enzymes = middle.filter((n) => n.kind === 'enzyme').sort((x, y) => rank(x) - rank(y));
  const names = { a: side('a').find((n) => n.kind === 'substance')?.label ?? '', b: side('b').find((n) => n.kind === 'substance')?.label ?? '' };
  const pick = (id: string) => onSelect('node', id);

  useLayoutEffect(() => {
    const el = wrap.current;
    if (!el) return;
    const draw = () => {
      const box = el.getBoundingClientRect();
      const rect = (id: string) => el.querySelector<HTMLElement>(`[data-node-id="${CSS.escape(id)}"]`)?.getBoundingClientRect();
      // Narrow screens stack the columns (CSS): the links run down the gutters beside the middle boxes.
      const stacked = getComputedStyle(el).getPropertyValue('--stacked').trim() === '1';
      const out: Path[] = [];
      for (const e of model.edges) out.push(...(stacked ? gutter(e, rect(e.source), rect(e.target), box, selected) : curve(e, rect(e.source), rect(e.target), box, selected)));
      setPaths(out);
      setSize({ w: box.width, h: box.height });
    };
    draw();
    const ro = new ResizeObserver(draw);
    ro.observe(el);
    // Printing lays the page out anew (another width): redraw before the snapshot, not after.
    const mq = window.matchMedia('print');
    const redraw = () => flushSync(draw);
    mq.addEventListener('change', redraw);
    window.addEventListener('beforeprint', redraw);
    window.addEventListener('afterprint', redraw);
    return () => {
      ro.disconnect();
      mq.removeEventListener('change', redraw);
      window.removeEventListener('beforeprint', redraw);
      window.removeEventListener('afterprint', redraw);
    };
  }, [model, selected]);

  return (
    <div ref={wrap} className="pgraph" data-testid="graph-canvas" data-node-count={model.nodes.length} data-edge-count={model.edges.length}>
      <svg className="pgraph-edges" width={size.w} height={size.h} aria-hidden="true">
        {paths.map((p) => (
          <path key={p.id} d={p.d} className={`gedge gedge-${p.side}${p.focus ? ' gedge-focus' : ''}`} strokeDasharray={DASH[p.style]} data-edge-id={p.id} />
        ))}
      </svg>
      <div className="pcol pcol-a">
        {side('a').map((n) => (
          <NodeBox key={n.id} n={n} names={names} selected={selected} onSelect={pick} />
        ))}
      </div>
      <div className="pcol pcol-mid">
        {receptors.length > 0 && <p className="pgroup">Receptors</p>}
        {receptors.map((n) => (
          <NodeBox key={n.id} n={n} names={names} selected={selected} onSelect={pick} />
        ))}
        {enzymes.length > 0 && <p className="pgroup">Enzymes and transporters</p>}
        {enzymes.map((n) => (
          <NodeBox key={n.id} n={n} names={names} selected={selected} onSelect={pick} />
        ))}
        {middle.length === 0 && <p className="muted">No shared receptor or enzyme recorded.</p>}
      </div>
      <div className="pcol pcol-b">
        {side('b').map((n) => (
          <NodeBox key={n.id} n={n} names={names} selected={selected} onSelect={pick} />
        ))}
      </div>
    </div>
  );
}

/** One link as a horizontal S-curve from the edge of one box to the facing edge of the other. */
function curve(e: GEdge, s: DOMRect | undefined, t: DOMRect | undefined, box: DOMRect, selected?: string): Path[] {
  if (!s || !t) return [];
  const fromLeft = s.left + s.width / 2 <= t.left + t.width / 2;
  const x1 = (fromLeft ? s.right : s.left) - box.left;
  const x2 = (fromLeft ? t.left : t.right) - box.left;
  // A constituent sits under its product in the same column: link them down the column's inner edge.
  const sameColumn = Math.abs(s.left - t.left) < 4;
  const y1 = s.top + s.height / 2 - box.top;
  const y2 = t.top + t.height / 2 - box.top;
  const focus = !!selected && (e.source === selected || e.target === selected);
  const style = e.label === 'contains' ? 'dotted' : edgeStyle(e.evidence);
  if (sameColumn) {
    const x = (e.side === 'a' ? s.left + 8 : s.right - 8) - box.left;
    return [{ id: e.id, d: `M${x},${s.bottom - box.top} L${x},${y2}`, side: e.side, style, focus }];
  }
  const dx = (x2 - x1) / 2;
  return [{ id: e.id, d: `M${x1},${y1} C${x1 + dx},${y1} ${x2 - dx},${y2} ${x2},${y2}`, side: e.side, style, focus }];
}

/** Stacked layout: from the source box out to its side's gutter, along it, and into the target box. */
function gutter(e: GEdge, s: DOMRect | undefined, t: DOMRect | undefined, box: DOMRect, selected?: string): Path[] {
  if (!s || !t) return [];
  const left = e.side === 'a';
  const x = left ? 5 : box.width - 5;
  const xs = (left ? s.left : s.right) - box.left;
  const xt = (left ? t.left : t.right) - box.left;
  const y1 = s.top + s.height / 2 - box.top;
  const y2 = t.top + t.height / 2 - box.top;
  const focus = !!selected && (e.source === selected || e.target === selected);
  const style = e.label === 'contains' ? 'dotted' : edgeStyle(e.evidence);
  return [{ id: e.id, d: `M${xs},${y1} L${x},${y1} L${x},${y2} L${xt},${y2}`, side: e.side, style, focus }];
}
