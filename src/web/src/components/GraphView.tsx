/** Cytoscape rendering of the pair graph (lazy-loaded chunk). Shared nodes are highlighted; edges styled by evidence. */
import cytoscape from 'cytoscape';
import { useEffect, useRef } from 'react';
import { edgeStyle, type GraphModel } from '../graph-model.js';

const COLORS = { a: '#1d4ed8', b: '#a21caf', shared: '#b45309', text: '#111827' };

function columnPositions(model: GraphModel): Record<string, { x: number; y: number }> {
  const col = (n: GraphModel['nodes'][number]) => (n.kind === 'substance' ? (n.side === 'a' ? 0 : 4) : n.kind === 'constituent' ? (n.side === 'a' ? 1 : 3) : 2);
  const cols: string[][] = [[], [], [], [], []];
  // Receptors above enzymes in the middle column.
  const order = [...model.nodes].sort((x, y) => Number(x.kind === 'enzyme') - Number(y.kind === 'enzyme'));
  for (const n of order) cols[col(n)]!.push(n.id);
  const tallest = Math.max(...cols.map((c) => c.length), 1);
  const pos: Record<string, { x: number; y: number }> = {};
  cols.forEach((ids, ci) => {
    const gap = (tallest * 46) / Math.max(ids.length, 1);
    ids.forEach((id, i) => {
      pos[id] = { x: ci * 190, y: (i + 0.5) * gap };
    });
  });
  return pos;
}

export default function GraphView({ model, onSelect }: { model: GraphModel; onSelect: (kind: 'node' | 'edge', id: string) => void }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!ref.current) return;
    const cy = cytoscape({
      container: ref.current,
      elements: [
        ...model.nodes.map((n) => ({ data: { id: n.id, label: n.label, kind: n.kind, side: n.side }, classes: [n.kind, n.side, n.shared ? 'shared' : ''].join(' ') })),
        ...model.edges.map((e) => ({ data: { id: e.id, source: e.source, target: e.target, label: e.label, style: edgeStyle(e.evidence), side: e.side }, classes: e.label === 'contains' ? 'contains' : '' })),
      ],
      // Five columns, left to right: A, A's constituents, shared receptors and enzymes, B's constituents, B.
      layout: { name: 'preset', positions: columnPositions(model), fit: true, padding: 24 },
      wheelSensitivity: 0.2,
      style: [
        { selector: 'node', style: { label: 'data(label)', 'font-size': 11, color: COLORS.text, 'text-valign': 'bottom', 'text-margin-y': 4, width: 22, height: 22, 'background-color': '#6b7280', 'text-wrap': 'wrap', 'text-max-width': '110px' } },
        { selector: 'node.substance', style: { shape: 'round-rectangle', width: 34, height: 34, 'font-size': 14, 'font-weight': 'bold' } },
        { selector: 'node.a', style: { 'background-color': COLORS.a } },
        { selector: 'node.b', style: { 'background-color': COLORS.b } },
        { selector: 'node.constituent', style: { width: 16, height: 16, 'font-size': 10 } },
        { selector: 'node.enzyme', style: { shape: 'hexagon' } },
        { selector: 'node.shared', style: { 'background-color': COLORS.shared, 'border-width': 4, 'border-color': '#fbbf24', width: 30, height: 30, 'font-weight': 'bold', 'font-size': 12 } },
        { selector: 'edge', style: { width: 1.6, 'curve-style': 'bezier', 'target-arrow-shape': 'triangle', 'arrow-scale': 0.8, label: 'data(label)', 'font-size': 8, color: '#374151', 'text-background-color': '#ffffff', 'text-background-opacity': 0.85, 'text-background-padding': '1px', 'text-rotation': 'autorotate', 'line-color': '#6b7280', 'target-arrow-color': '#6b7280' } },
        { selector: 'edge[style = "dashed"]', style: { 'line-style': 'dashed' } },
        { selector: 'edge[style = "dotted"]', style: { 'line-style': 'dotted', width: 2 } },
        { selector: 'edge.contains', style: { 'line-color': '#d1d5db', 'target-arrow-color': '#d1d5db', label: '', width: 1 } },
        { selector: ':selected', style: { 'overlay-color': '#f59e0b', 'overlay-opacity': 0.25, 'overlay-padding': 6 } },
      ],
    });
    cy.on('tap', 'node', (e) => onSelect('node', e.target.id() as string));
    cy.on('tap', 'edge', (e) => onSelect('edge', e.target.id() as string));
    (ref.current as HTMLDivElement & { cy?: unknown }).cy = cy;
    const onResize = () => cy.resize();
    window.addEventListener('resize', onResize);
    return () => {
      window.removeEventListener('resize', onResize);
      cy.destroy();
    };
  }, [model, onSelect]);
  return <div ref={ref} className="graph-canvas" data-testid="graph-canvas" aria-hidden="true" />;
}
