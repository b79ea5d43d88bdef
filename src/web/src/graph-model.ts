/**
 * Substances → constituents → receptors and enzymes, as plain data for both the graph and the table (one model,
 * so the two views always show the same nodes). `shared` keeps only what both substances act on; `all` adds
 * every target and enzyme either one acts on, from the substance descriptions.
 */
import type { PairAnalysis, SharedNode, SideAction, SubstanceDescription } from './api.js';
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
  /** Receptor and enzyme nodes: what each side does there (constituents included). */
  a?: SideAction[];
  b?: SideAction[];
}

export type GraphScope = 'shared' | 'all';

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

export function buildGraph(p: PairAnalysis, scope: GraphScope = 'shared', descs: SubstanceDescription[] = []): GraphModel {
  const nodes = new Map<string, GNode>();
  const edges = new Map<string, GEdge>();
  const sub = (side: 'a' | 'b') => (side === 'a' ? p.a : p.b);
  const subId = (side: 'a' | 'b') => `s:${sub(side).id}`;
  for (const side of ['a', 'b'] as const)
    nodes.set(subId(side), { id: subId(side), label: sub(side).name, fullName: sub(side).name, kind: 'substance', side, shared: false });
  for (const n of [...p.sharedTargets, ...p.sharedEnzymes]) {
    const nid = `t:${n.id}`;
    nodes.set(nid, { id: nid, label: shortName(n.id, n.name), fullName: n.name, kind: n.kind === 'enzyme' ? 'enzyme' : 'receptor', side: 'shared', shared: true, evidence: n.evidence.level, ref: n, a: n.a, b: n.b });
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
  if (scope === 'all') for (const side of ['a', 'b'] as const) addUnshared(side);
  return { nodes: [...nodes.values()], edges: [...edges.values()] };

  /** Every other target and enzyme of one side, hung off the substance or the constituent that acts there. */
  function addUnshared(side: 'a' | 'b'): void {
    const d = descs.find((x) => x.substance.id === sub(side).id);
    if (!d) return;
    const constituentName = new Map(d.constituents.map((c) => [c.id, c.name]));
    const rels = [...d.targets.map((r) => ({ r, kind: 'receptor' as const })), ...d.enzymes.map((r) => ({ r, kind: 'enzyme' as const }))];
    for (const { r, kind } of rels) {
      const nid = `t:${r.object}`;
      const existing = nodes.get(nid);
      if (existing?.shared) continue; // already drawn from the pair analysis, with its interpretation
      const actor = r.via ?? sub(side).id;
      const actorName = actor === sub(side).id ? sub(side).name : (constituentName.get(actor) ?? nameFromId(actor));
      const action: SideAction = { substance: actor, substanceName: actorName, action: r.action, evidence: r.evidence, species: r.species, relationId: r.id, sources: r.sources };
      const node = existing ?? { id: nid, label: shortName(r.object, r.objectName), fullName: r.objectName, kind, side, shared: false, a: [], b: [] };
      // Both act here, yet the engine does not count it as shared (e.g. two substrates): draw it in the middle, unhighlighted.
      if (existing && existing.side !== side) node.side = 'shared';
      const list = (node[side] ??= []);
      if (list.some((x) => x.relationId === r.id)) continue;
      list.push(action);
      node.evidence = strongest([...(node.a ?? []), ...(node.b ?? [])].map((x) => x.evidence));
      nodes.set(nid, node);
      let from = subId(side);
      if (actor !== sub(side).id) {
        from = `c:${side}:${actor}`;
        if (!nodes.has(from)) nodes.set(from, { id: from, label: actorName, fullName: actorName, kind: 'constituent', side, shared: false });
        const cid = `${subId(side)}->${from}`;
        if (!edges.has(cid)) edges.set(cid, { id: cid, source: subId(side), target: from, label: 'contains', evidence: 'none', actions: [], side });
      }
      const eid = `${from}->${nid}`;
      const prev = edges.get(eid);
      if (prev) {
        prev.actions.push(action);
        prev.label = [...new Set(prev.actions.map((a) => actionLabel(a.action)))].join(' / ');
        prev.evidence = strongest(prev.actions.map((a) => a.evidence));
      } else edges.set(eid, { id: eid, source: from, target: nid, label: actionLabel(action.action), evidence: action.evidence, actions: [action], side });
    }
  }
}

/**
 * Constituent edges bundled under their product: each constituent's link to a receptor or enzyme is drawn from
 * the product itself (the actions keep the constituent's name), and the constituent nodes go. `expand` undoes it.
 */
export function bundleConstituents(m: GraphModel): GraphModel {
  const nodes = m.nodes.filter((n) => n.kind !== 'constituent');
  const edges = new Map<string, GEdge>();
  const productOf = (id: string) => (id.startsWith('c:') ? (m.nodes.find((n) => n.kind === 'substance' && n.side === id.split(':')[1])?.id ?? id) : id);
  for (const e of m.edges) {
    if (e.label === 'contains') continue;
    const source = productOf(e.source);
    const id = `${source}->${e.target}`;
    const prev = edges.get(id);
    if (!prev) edges.set(id, { ...e, id, source, actions: [...e.actions] });
    else {
      prev.actions.push(...e.actions);
      prev.label = [...new Set(prev.actions.map((a) => actionLabel(a.action)))].join(' / ');
      prev.evidence = strongest(prev.actions.map((a) => a.evidence));
    }
  }
  return { nodes, edges: [...edges.values()] };
}

function nameFromId(id: string): string {
  return id.charAt(0).toUpperCase() + id.slice(1).replace(/-/g, ' ');
}

/** Receptor and enzyme nodes in table order: shared first, then A's own, then B's own. */
export function targetRows(m: GraphModel): GNode[] {
  const rank = (n: GNode) => (n.shared ? 0 : n.side === 'shared' ? 1 : n.side === 'a' ? 2 : 3);
  return m.nodes.filter((n) => n.kind === 'receptor' || n.kind === 'enzyme').sort((x, y) => rank(x) - rank(y) || Number(x.kind === 'enzyme') - Number(y.kind === 'enzyme'));
}

const RANK: Record<string, number> = { none: -1, in_silico: 0, in_vitro: 1, animal: 2, human_case: 3, human_observational: 4, label: 5, human_controlled: 5 };
function strongest(levels: string[]): string {
  return levels.reduce((p, x) => ((RANK[x] ?? -1) > (RANK[p] ?? -1) ? x : p), 'none');
}

export function actionLabel(a: string): string {
  return a === 'effect-blocked-at' ? 'effect blocked here' : a === 'tdi' ? 'time-dependent inhibitor' : a;
}

/** Evidence → line style of an edge: human data solid, animal dashed, lab and in-silico dotted. */
export function edgeStyle(level: string): 'solid' | 'dashed' | 'dotted' {
  const r = RANK[level] ?? -1;
  return r >= 3 ? 'solid' : r === 2 ? 'dashed' : r < 0 ? 'solid' : 'dotted';
}
