export interface Chosen {
  id: string;
  name: string;
}

export function Chips({ chosen, onRemove }: { chosen: Chosen[]; onRemove: (id: string) => void }) {
  if (!chosen.length) return null;
  return (
    <ul className="chips" aria-label="Chosen substances">
      {chosen.map((c) => (
        <li key={c.id} className="chip">
          <span>{c.name}</span>
          <button type="button" aria-label={`Remove ${c.name}`} title={`Remove ${c.name}`} onClick={() => onRemove(c.id)}>
            ×
          </button>
        </li>
      ))}
    </ul>
  );
}
