/** The view lives in the URL (`/?s=cannabis,kratom&tab=exposure&j=US`): a permalink reproduces it, no server state. */
export type Tab = 'overview' | 'exposure' | 'evidence';
export const TABS: Tab[] = ['overview', 'exposure', 'evidence'];

/** Substances one check compares (the API's MAX_SUBSTANCES, src/core/limits.ts). */
export const MAX_CHOSEN = 8;
/** Characters in a name (the API's MAX_NAME_LENGTH). */
export const MAX_NAME_CHARS = 100;

/** A name the API would refuse for its length, in plain words; null when it is fine to send. */
export function nameProblem(name: string): string | null {
  if (name.length <= MAX_NAME_CHARS) return null;
  return `A substance name in the link is ${name.length.toLocaleString('en')} characters long; names are at most ${MAX_NAME_CHARS} characters. Remove it and search for the substance instead.`;
}

export interface ViewState {
  substances: string[];
  tab: Tab;
  jurisdiction: string;
  /** Usage pattern per substance id (`&u=cannabis:medicine`): the dose the check uses instead of the everyday default. */
  usage: Record<string, string>;
}

export function readState(search = window.location.search): ViewState {
  const p = new URLSearchParams(search);
  const s = (p.get('s') ?? '')
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean)
    .slice(0, MAX_CHOSEN);
  const tab = p.get('tab') as Tab | null;
  const usage: Record<string, string> = {};
  for (const part of (p.get('u') ?? '').split(',')) {
    const [id, pattern] = part.split(':').map((x) => x.trim());
    if (id && pattern && id.length <= MAX_NAME_CHARS && pattern.length <= 64) usage[id] = pattern;
  }
  return { substances: [...new Set(s)], tab: tab && TABS.includes(tab) ? tab : 'overview', jurisdiction: p.get('j') ?? 'US', usage };
}

export function stateToSearch(v: ViewState): string {
  const parts: string[] = [];
  if (v.substances.length) parts.push(`s=${v.substances.map(encodeURIComponent).join(',')}`);
  if (v.tab !== 'overview') parts.push(`tab=${v.tab}`);
  if (v.jurisdiction !== 'US') parts.push(`j=${encodeURIComponent(v.jurisdiction)}`);
  const u = Object.entries(v.usage);
  if (u.length) parts.push(`u=${u.map(([id, pat]) => `${encodeURIComponent(id)}:${encodeURIComponent(pat)}`).join(',')}`);
  return parts.length ? `?${parts.join('&')}` : '';
}
