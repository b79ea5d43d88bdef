import { useCallback, useMemo, useState } from 'react';
import type { PairAnalysis, SideAction, SubstanceDescription } from '../api.js';
import { evidenceLabel, type SourceInfo } from '../format.js';
import { actionLabel, buildGraph, bundleConstituents, targetRows, type GEdge, type GNode, type GraphModel, type GraphScope } from '../graph-model.js';
import { EvidenceBadge, Sources } from './Evidence.js';
import GraphView from './GraphView.js';

function ActionList({ xs, sources }: { xs: SideAction[]; sources: Map<string, SourceInfo> }) {
  return (
    <ul className="actions">
      {xs.map((x) => (
        <li key={`${x.substance}-${x.action}-${x.relationId}`}>
          <strong>{x.substanceName}</strong> — {actionLabel(x.action)} {x.potency && <span className="muted">({x.potency})</span>} · <EvidenceBadge level={x.evidence} /> · {x.species}
          <Sources ids={x.sources} index={sources} />
        </li>
      ))}
    </ul>
  );
}

function Details({ pair, node, edge, sources }: { pair: PairAnalysis; node?: GNode; edge?: GEdge; sources: Map<string, SourceInfo> }) {
  if (edge) {
    return (
      <div>
        <h3>{edge.label === 'contains' ? 'Constituent' : `${edge.actions[0]?.substanceName ?? ''} → ${edge.target.replace(/^t:/, '').toUpperCase()}`}</h3>
        {edge.actions.length ? <ActionList xs={edge.actions} sources={sources} /> : <p>{edge.target.split(':').pop()} is a constituent of {edge.source.replace(/^s:/, '')}.</p>}
      </div>
    );
  }
  if (!node) return <p className="muted">Select a node or an edge in the graph, or a row in the table, to see its findings and sources.</p>;
  const n = node.ref;
  if (!n && (node.kind === 'receptor' || node.kind === 'enzyme')) {
    return (
      <div>
        <h3>
          {node.fullName} <span className="muted">({node.kind === 'enzyme' ? 'enzyme or transporter' : 'receptor'}; not shared)</span>
        </h3>
        <p>{unsharedMeaning(pair, node)}</p>
        {(['a', 'b'] as const).map((side) =>
          node[side]?.length ? (
            <div key={side}>
              <h4>{(side === 'a' ? pair.a : pair.b).name}</h4>
              <ActionList xs={node[side]} sources={sources} />
            </div>
          ) : null,
        )}
      </div>
    );
  }
  if (!n) {
    const acts = [...pair.sharedTargets, ...pair.sharedEnzymes].flatMap((s) => [...s.a, ...s.b].filter((x) => `c:a:${x.substance}` === node.id || `c:b:${x.substance}` === node.id || `s:${x.substance}` === node.id).map((x) => ({ ...x, at: s.name })));
    return (
      <div>
        <h3>{node.fullName}</h3>
        <p>{node.kind === 'substance' ? 'Chosen substance' : 'Constituent'}; acts at {[...new Set(acts.map((a) => a.at))].join(', ') || 'no shared node'}.</p>
      </div>
    );
  }
  const findings = pair.findings.filter((f) => n.findings.includes(f.id));
  return (
    <div>
      <h3>
        {n.name} <span className="muted">({n.kind})</span>
      </h3>
      <p>{n.interpretation}.</p>
      <p>
        Evidence: <EvidenceBadge level={n.evidence.level} /> (certainty {n.evidence.grade}){n.evidence.preclinicalOnly && ' — lab or animal data only'}
      </p>
      <h4>{pair.a.name}</h4>
      <ActionList xs={n.a} sources={sources} />
      <h4>{pair.b.name}</h4>
      <ActionList xs={n.b} sources={sources} />
      {findings.length > 0 && (
        <>
          <h4>Findings</h4>
          <ul>
            {findings.map((f) => (
              <li key={f.id}>
                <strong>{f.title}</strong> — {f.summary} <span className="muted">({f.species}; {evidenceLabel(f.evidence)})</span>
                <Sources ids={[f.source]} index={sources} />
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

function unsharedMeaning(pair: PairAnalysis, n: GNode): string {
  if (n.side === 'shared') return `Both act here, but not in a way that links them (for example, both are only substrates or the actions do not meet).`;
  return `Only ${(n.side === 'a' ? pair.a : pair.b).name} acts here in the knowledge base; not a shared node.`;
}

export function Overview({ pair, descs, sources }: { pair: PairAnalysis; descs: SubstanceDescription[]; sources: Map<string, SourceInfo> }) {
  const [scope, setScope] = useState<GraphScope>('shared');
  const [expand, setExpand] = useState(false);
  const full = useMemo(() => buildGraph(pair, scope, descs), [pair, scope, descs]);
  // Constituents' links are drawn from their product unless expanded; the table always lists every link.
  const model = useMemo(() => (expand ? full : bundleConstituents(full)), [full, expand]);
  const hasConstituents = full.nodes.some((n) => n.kind === 'constituent');
  const [sel, setSel] = useState<{ kind: 'node' | 'edge'; id: string } | null>(null);
  const [view, setView] = useState<'graph' | 'table'>('graph');
  const onSelect = useCallback((kind: 'node' | 'edge', id: string) => setSel({ kind, id }), []);
  const node = sel?.kind === 'node' ? model.nodes.find((n) => n.id === sel.id) : undefined;
  const edge = sel?.kind === 'edge' ? model.edges.find((e) => e.id === sel.id) : undefined;
  const shared = model.nodes.filter((n) => n.shared);
  return (
    <div className="overview">
      <section aria-labelledby="graph-h" className="graph-section">
        <div className="section-head">
          <h2 id="graph-h">How they connect</h2>
          <div role="group" aria-label="Which receptors and enzymes to show" className="seg scope">
            <button type="button" aria-pressed={scope === 'shared'} onClick={() => setScope('shared')}>
              Shared only
            </button>
            <button type="button" aria-pressed={scope === 'all'} onClick={() => setScope('all')} disabled={descs.length < 2}>
              All targets and enzymes
            </button>
          </div>
          <label className="expand">
            <input type="checkbox" checked={expand} onChange={(e) => setExpand(e.target.checked)} disabled={!hasConstituents} /> Show constituents
          </label>
          <div role="group" aria-label="Graph or table" className="seg">
            <button type="button" aria-pressed={view === 'graph'} onClick={() => setView('graph')}>
              Graph
            </button>
            <button type="button" aria-pressed={view === 'table'} onClick={() => setView('table')}>
              Table
            </button>
          </div>
        </div>
        <p className="graph-count muted" data-testid="graph-count" aria-live="polite">
          {countText(model, scope)}
        </p>
        <p className="shared-list" data-testid="shared-nodes">
          Shared:{' '}
          {shared.length === 0 && <span>none recorded</span>}
          {shared.map((n) => (
            <button key={n.id} type="button" className={`shared-chip ${n.kind}`} title={n.fullName} onClick={() => setSel({ kind: 'node', id: n.id })}>
              {n.label}
            </button>
          ))}
        </p>
        {view === 'graph' ? (
          <div className="graph-wrap">
            <GraphView model={model} selected={sel?.id} onSelect={onSelect} />
            <p className="legend">
              <span className="lg lg-a">{pair.a.name}</span> <span className="lg lg-b">{pair.b.name}</span> <span className="lg lg-shared">shared receptor or enzyme</span> · each middle box
              says what {pair.a.name} (◀) and {pair.b.name} (▶) do there · lines: solid = human data, dashed = animal, dotted = lab (in vitro / in silico) ·{' '}
              {expand ? 'constituents shown under their product' : "a product's constituents are drawn as the product (Show constituents splits them)"} · select a box for its
              findings and sources
            </p>
          </div>
        ) : (
          <GraphTable pair={pair} model={model} scope={scope} onSelect={(id) => setSel({ kind: 'node', id })} />
        )}
        <aside className="details" aria-live="polite" aria-label="Details of the selection">
          <Details pair={pair} node={node} edge={edge} sources={sources} />
        </aside>
      </section>
    </div>
  );
}

function countText(m: GraphModel, scope: GraphScope): string {
  const rows = targetRows(m);
  const shared = rows.filter((n) => n.shared).length;
  const subs = m.nodes.filter((n) => n.kind === 'constituent').length;
  return scope === 'shared'
    ? `Showing ${m.nodes.length} nodes: the 2 substances, ${subs} constituents and ${shared} shared receptors and enzymes.`
    : `Showing ${m.nodes.length} nodes: the 2 substances, ${subs} constituents and ${rows.length} receptors and enzymes (${shared} shared).`;

}

export function GraphTable({ pair, model, scope, onSelect }: { pair: PairAnalysis; model: GraphModel; scope: GraphScope; onSelect: (nodeId: string) => void }) {
  // One phrase per distinct action: several studies of the same action would otherwise repeat it.
  const acts = (xs: SideAction[] | undefined) => (xs?.length ? [...new Set(xs.map((x) => `${x.substanceName}: ${actionLabel(x.action)} (${evidenceLabel(x.evidence)})`))].join('; ') : '—');
  const rows = targetRows(model);
  return (
    <div className="table-wrap">
      <table className="graph-table" data-testid="graph-table">
        <caption>
          {scope === 'shared' ? `Receptors and enzymes shared by ${pair.a.name} and ${pair.b.name}` : `Every receptor and enzyme ${pair.a.name} or ${pair.b.name} acts on, shared ones first`}
        </caption>
        <thead>
          <tr>
            <th scope="col">Receptor or enzyme</th>
            <th scope="col">Kind</th>
            <th scope="col">{pair.a.name}</th>
            <th scope="col">{pair.b.name}</th>
            <th scope="col">What it means</th>
            <th scope="col">Evidence</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((n) => (
            <tr key={n.id} className={n.shared ? 'row-shared' : undefined}>
              <th scope="row">
                <button type="button" className="linklike" onClick={() => onSelect(n.id)}>
                  {n.fullName}
                </button>
                {n.shared && <span className="shared-tag"> shared</span>}
              </th>
              <td>{n.kind === 'enzyme' ? 'enzyme / transporter' : 'receptor'}</td>
              <td>{acts(n.a)}</td>
              <td>{acts(n.b)}</td>
              <td>{n.ref ? n.ref.interpretation : unsharedMeaning(pair, n)}</td>
              <td>
                <EvidenceBadge level={n.evidence} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
