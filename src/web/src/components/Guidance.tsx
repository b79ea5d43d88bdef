/**
 * What to do: the guidance lines the check attaches to a pair or a list (warning signs, when to seek help,
 * monitoring, what a label or guideline advises, naloxone and not using alone for opioid combinations), each with
 * its basis and sources. Read defensively while the API field is being added: no field, no section.
 */
import type { SourceInfo } from '../format.js';
import { EvidenceBadge, Sources } from './Evidence.js';

interface Line {
  id: string;
  kind: string;
  audience?: string;
  text: string;
  basis?: string;
  evidence?: string;
  sources?: string[];
}

const KIND_TEXT: Record<string, string> = {
  'warning-signs': 'Warning signs to watch for',
  'seek-help': 'When to seek help',
  monitoring: 'Monitoring',
  naloxone: 'Naloxone',
  'not-alone': 'Not alone',
  'label-advice': 'What the label or guideline advises (for clinicians)',
  alternatives: 'Alternatives a label or guideline names (for clinicians)',
};
const ORDER = Object.keys(KIND_TEXT);
const BASIS_TEXT: Record<string, string> = { label: 'drug label', 'clinical-guideline': 'clinical guideline', regulator: 'regulator', 'public-health': 'public-health material' };

export function guidanceOf(x: unknown): Line[] {
  const g = (x as { guidance?: unknown } | null)?.guidance;
  return Array.isArray(g) ? (g as Line[]).filter((l) => l && typeof l.text === 'string') : [];
}

export function Guidance({ lines, sources, title = 'What to do' }: { lines: Line[]; sources: Map<string, SourceInfo>; title?: string }) {
  if (!lines.length) return null;
  const rank = (k: string) => (ORDER.includes(k) ? ORDER.indexOf(k) : ORDER.length);
  const kinds = [...new Set(lines.map((l) => l.kind))].sort((a, b) => rank(a) - rank(b));
  return (
    <section className="guidance" aria-labelledby="guidance-h" data-testid="guidance">
      <h2 id="guidance-h">{title}</h2>
      <p className="muted">General safety information from labels, guidelines and public-health sources; not advice for you in particular.</p>
      {kinds.map((k) => (
        <div key={k}>
          <h3>{KIND_TEXT[k] ?? k}</h3>
          <ul>
            {lines
              .filter((l) => l.kind === k)
              .map((l) => (
                <li key={l.id}>
                  {l.text} {l.basis && <span className="muted">({BASIS_TEXT[l.basis] ?? l.basis})</span>} {l.evidence && <EvidenceBadge level={l.evidence} />}
                  <Sources ids={l.sources ?? []} index={sources} />
                </li>
              ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
