import { evidenceLabel, type SourceInfo } from '../format.js';

export function EvidenceBadge({ level }: { level: string | undefined }) {
  return <span className={`ev ev-${level ?? 'none'}`}>{evidenceLabel(level)}</span>;
}

/** Citations as numbered links where the source has a URL. */
export function Sources({ ids, index }: { ids: string[]; index: Map<string, SourceInfo> }) {
  const list = [...new Set(ids)].filter(Boolean);
  if (!list.length) return null;
  return (
    <ul className="sources">
      {list.map((id) => {
        const s = index.get(id);
        return (
          <li key={id}>
            {s?.url ? (
              <a href={s.url} rel="noopener noreferrer" target="_blank">
                {s.label}
              </a>
            ) : (
              <span>{s?.label ?? id}</span>
            )}{' '}
            {s?.caveat && (
              <span className="muted source-caveat" data-testid="source-caveat">
                ({s.caveat}){' '}
              </span>
            )}
            <code>[{id}]</code>
          </li>
        );
      })}
    </ul>
  );
}
