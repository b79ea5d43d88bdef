/**
 * Cytoscape rendering of the pair graph (lazy-loaded chunk). Shared nodes are highlighted; edges styled by evidence.
 * Edge labels appear only on the edges of the selected or hovered node: with every label drawn, the middle column
 * is unreadable. The table view carries every label for keyboard and screen-reader users.
 */
import cytoscape from 'cytoscape';
import { useEffect, useRef } from 'react';
import { edgeStyle, type GraphModel } from '../graph-model.js';

const COLORS = { a: '#1d4ed8', b: '#a21caf', shared: '#b45309', text: '#111827' };

/** Columns, left to right: A, A's constituents, A's own targets, shared, B's own targets, B's constituents, B. */
function columnPositions(model: GraphModel): Record<string, { x: number; y: number }> {
  const col = (n: GraphModel['nodes'][number]): number => {
    if (n.kind === 'substance') return n.side === 'a' ? 0 : 6;
    if (n.kind === 'constituent') return n.side === 'a' ? 1 : 5;
    return n.side === 'a' ? 2 : n.side === 'b' ? 4 : 3;
  };
  const cols: string[][] = [[], [], [], [], [], [], []];
  // Receptors above enzymes in each column.
  const order = [...model.nodes].sort((x, y) => Number(x.kind === 'enzyme') - Number(y.kind === 'enzyme'));
  for (const n of order) cols[col(n)]!.push(n.id);
  const used = cols.filter((c) => c.length > 0);
  const tallest = Math.max(...used.map((c) => c.length), 1);
  // Seven columns at the five-column spacing shrink the labels below reading size when the graph is fitted.
  const colGap = used.length > 5 ? 140 : 190;
  const pos: Record<string, { x: number; y: number }> = {};
  used.forEach((ids, ci) => {
    const gap = (tallest * 46) / Math.max(ids.length, 1);
    ids.forEach((id, i) => {
      pos[id] = { x: ci * colGap, y: (i + 0.5) * gap };
    });
  });
  return pos;
}

export default function GraphView({ model, selected, onSelect }: { model: GraphModel; selected?: string; onSelect: (kind: 'node' | 'edge', id: string) => void }) {
  const ref = useRef<HTMLDivElement>(null);
  const cyRef = useRef<cytoscape.Core | null>(null);
  const focus = useRef<{ selected?: string; hovered?: string }>({});
  // Label the edges of the focused elements only.
  const relabel = () => {
    const cy = cyRef.current;
    if (!cy) return;
    cy.batch(() => {
      cy.elements().removeClass('labelled focus');
      for (const id of [focus.current.selected, focus.current.hovered]) {
        if (!id) continue;
        const el = cy.getElementById(id);
        if (el.empty()) continue;
        el.addClass('focus');
        (el.isNode() ? el.connectedEdges() : cy.getElementById(id)).addClass('labelled');
      }
    });
  };
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
        { selector: 'edge', style: { width: 1.6, 'curve-style': 'bezier', 'target-arrow-shape': 'triangle', 'arrow-scale': 0.8, label: '', 'font-size': 10, color: '#374151', 'text-background-color': '#ffffff', 'text-background-opacity': 0.85, 'text-background-padding': '1px', 'text-rotation': 'autorotate', 'line-color': '#6b7280', 'target-arrow-color': '#6b7280' } },
        { selector: 'edge[style = "dashed"]', style: { 'line-style': 'dashed' } },
        { selector: 'edge[style = "dotted"]', style: { 'line-style': 'dotted', width: 2 } },
        { selector: 'edge.labelled', style: { label: 'data(label)', width: 2.6, 'line-color': '#111827', 'target-arrow-color': '#111827', color: '#111827', 'text-background-opacity': 1, 'z-index': 10 } },
        { selector: 'node.focus', style: { 'border-width': 4, 'border-color': '#111827' } },
        { selector: 'edge.contains', style: { 'line-color': '#d1d5db', 'target-arrow-color': '#d1d5db', label: '', width: 1 } },
        { selector: ':selected', style: { 'overlay-color': '#f59e0b', 'overlay-opacity': 0.25, 'overlay-padding': 6 } },
      ],
    });
    cy.on('tap', 'node', (e) => onSelect('node', e.target.id() as string));
    cy.on('tap', 'edge', (e) => onSelect('edge', e.target.id() as string));
    cy.on('mouseover', 'node, edge', (e) => {
      focus.current.hovered = e.target.id() as string;
      relabel();
    });
    cy.on('mouseout', 'node, edge', () => {
      focus.current.hovered = undefined;
      relabel();
    });
    cyRef.current = cy;
    relabel();
    (ref.current as HTMLDivElement & { cy?: unknown }).cy = cy;
    const onResize = () => cy.resize();
    window.addEventListener('resize', onResize);
    return () => {
      window.removeEventListener('resize', onResize);
      cyRef.current = null;
      cy.destroy();
    };
  }, [model, onSelect]);
  useEffect(() => {
    focus.current.selected = selected;
    relabel();
  }, [selected, model]);
  return <div ref={ref} className="graph-canvas" data-testid="graph-canvas" data-node-count={model.nodes.length} data-edge-count={model.edges.length} aria-hidden="true" />;
}
