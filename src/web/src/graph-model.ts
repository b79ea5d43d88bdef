/** Substances → constituents → shared receptors and enzymes, as plain data for both the graph and the table. */
import type { PairAnalysis, SharedNode, SideAction } from './api.js';
import { shortName } from './format.js';

export interface GNode {
  id: string;
  label: string;
  fullName: string;
  kind: 'substance' | 'constituent' | 'receptor' | 'enzyme';
  side: 'a' | 'b' | 'shared';
  shared: boolean;
  evidence?: string;
  ref?: SharedNode;
}

export interface GEdge {
  id: string;
  source: string;
  target: string;
  label: string;
  evidence: string;
  actions: SideAction[];
  side: 'a' | 'b';
}

export interface GraphModel {
  nodes: GNode[];
  edges: GEdge[];
}

export function buildGraph(p: PairAnalysis): GraphModel {
  const nodes = new Map<string, GNode>();
  const edges = new Map<string, GEdge>();
  const sub = (side: 'a' | 'b') => (side === 'a' ? p.a : p.b);
  const subId = (side: 'a' | 'b') => `s:${sub(side).id}`;
  for (const side of ['a', 'b'] as const)
    nodes.set(subId(side), { id: subId(side), label: sub(side).name, fullName: sub(side).name, kind: 'substance', side, shared: false });
  for (const n of [...p.sharedTargets, ...p.sharedEnzymes]) {
    const nid = `t:${n.id}`;
    nodes.set(nid, { id: nid, label: shortName(n.id, n.name), fullName: n.name, kind: n.kind === 'enzyme' ? 'enzyme' : 'receptor', side: 'shared', shared: true, evidence: n.evidence.level, ref: n });
    for (const side of ['a', 'b'] as const) {
      for (const x of n[side]) {
        // Actions of the substance itself hang off the substance node; constituents get their own node.
        let from = subId(side);
        if (x.substance !== sub(side).id) {
          from = `c:${side}:${x.substance}`;
          if (!nodes.has(from)) nodes.set(from, { id: from, label: x.substanceName, fullName: x.substanceName, kind: 'constituent', side, shared: false });
          const cid = `${subId(side)}->${from}`;
          if (!edges.has(cid)) edges.set(cid, { id: cid, source: subId(side), target: from, label: 'contains', evidence: 'none', actions: [], side });
        }
        const eid = `${from}->${nid}`;
        const prev = edges.get(eid);
        if (prev) {
          prev.actions.push(x);
          prev.label = [...new Set(prev.actions.map((a) => actionLabel(a.action)))].join(' / ');
          prev.evidence = strongest(prev.actions.map((a) => a.evidence));
        } else edges.set(eid, { id: eid, source: from, target: nid, label: actionLabel(x.action), evidence: x.evidence, actions: [x], side });
      }
    }
  }
  return { nodes: [...nodes.values()], edges: [...edges.values()] };
}

const RANK: Record<string, number> = { none: -1, in_silico: 0, in_vitro: 1, animal: 2, human_case: 3, human_observational: 4, label: 5, human_controlled: 5 };
function strongest(levels: string[]): string {
  return levels.reduce((p, x) => ((RANK[x] ?? -1) > (RANK[p] ?? -1) ? x : p), 'none');
}

export function actionLabel(a: string): string {
  return a === 'effect-blocked-at' ? 'effect blocked here' : a;
}

/** Evidence → line style of an edge: human data solid, animal dashed, lab and in-silico dotted. */
export function edgeStyle(level: string): 'solid' | 'dashed' | 'dotted' {
  const r = RANK[level] ?? -1;
  return r >= 3 ? 'solid' : r === 2 ? 'dashed' : r < 0 ? 'solid' : 'dotted';
}
