/** The view lives in the URL (`/?s=cannabis,kratom&tab=exposure&j=US`): a permalink reproduces it, no server state. */
export type Tab = 'overview' | 'exposure' | 'evidence';
export const TABS: Tab[] = ['overview', 'exposure', 'evidence'];

export interface ViewState {
  substances: string[];
  tab: Tab;
  jurisdiction: string;
}

export function readState(search = window.location.search): ViewState {
  const p = new URLSearchParams(search);
  const s = (p.get('s') ?? '')
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean)
    .slice(0, 8);
  const tab = p.get('tab') as Tab | null;
  return { substances: [...new Set(s)], tab: tab && TABS.includes(tab) ? tab : 'overview', jurisdiction: p.get('j') ?? 'US' };
}

export function stateToSearch(v: ViewState): string {
  const parts: string[] = [];
  if (v.substances.length) parts.push(`s=${v.substances.map(encodeURIComponent).join(',')}`);
  if (v.tab !== 'overview') parts.push(`tab=${v.tab}`);
  if (v.jurisdiction !== 'US') parts.push(`j=${encodeURIComponent(v.jurisdiction)}`);
  return parts.length ? `?${parts.join('&')}` : '';
}
