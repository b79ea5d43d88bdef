/**
 * Issue 16 §2: a legal status older than 12 months says whether curators searched again for a later source, and the
 * search log itself (`curation`) stays out of what users read.
 */
import { describe, expect, it } from 'vitest';
import { auditKb } from '../../src/core/index.js';
import type { KbData, LegalStatus } from '../../src/core/kb/types.js';
import { renderBriefStatementEn } from '../../src/core/render/brief-en.js';
import * as R from '../../src/core/schema/records.js';
import { statement } from '../../src/core/schema/statement.js';
import { loadKb } from '../../src/store/kb-store.js';

const status = (over: Partial<LegalStatus>): LegalStatus => ({
  substance: 'kratom',
  form: 'kratom leaf',
  jurisdiction: 'US-NC',
  jurisdictionName: 'North Carolina',
  use: 'any',
  status: 'regulated',
  asOf: '2016-06-15',
  source: 's1',
  verified: true,
  ...over,
});

describe('legal re-checks (issue 16 §2)', () => {
  it('the schema wants a search log with every re-check, and no re-check before the status it re-checks', () => {
    expect(R.LegalStatus.safeParse(status({ rechecked: '2026-12-05', curation: 'searched X, Y: none later' })).success).toBe(true);
    const noLog = R.LegalStatus.safeParse(status({ rechecked: '2026-12-05' }));
    expect(noLog.success).toBe(false);
    expect(noLog.error?.issues[0]?.path).toEqual(['curation']);
    const early = R.LegalStatus.safeParse(status({ rechecked: '2015-01-01', curation: 'log' }));
    expect(early.error?.issues[0]?.path).toEqual(['rechecked']);
  });

  it('the audit counts stale statuses re-checked within the last 12 months', () => {
    const base = loadKb().data;
    const legal = [
      status({}),
      status({ jurisdiction: 'US-SC', rechecked: '2026-12-05', curation: 'log' }),
      status({ jurisdiction: 'US-VA', rechecked: '2025-06-01', curation: 'log' }), // re-checked too long ago
      status({ jurisdiction: 'US-TX', asOf: '2026-09-01' }), // not stale
    ];
    const a = auditKb({ ...base, legal } as KbData, '2026-12-05');
    expect(a.staleLegal).toHaveLength(3);
    expect(a.staleLegalRechecked).toBe(1);
    expect(a.staleLegal).toContain('kratom US-SC (any) as of 2016-06-15, searched again 2026-12-05');
  });

  it('an answer says a stale status was searched again, and never shows the search log', () => {
    const params = { jurisdiction: 'North Carolina', form: 'kratom leaf', use: 'any', status: 'regulated', asOf: '2016-06-15', stale: true, rechecked: '2026-12-05', notes: 'HB 747 bans sales to minors.' };
    const text = renderBriefStatementEn(statement('BRIEF_LEGAL_STATUS', 'plain', params, undefined, ['s1'])).text;
    expect(text).toBe(
      'North Carolina: kratom leaf (any use) — regulated, as of 2016-06-15 (older than 12 months: may be out of date; searched again on 2026-12-05, no later source found). HB 747 bans sales to minors.',
    );
    // In the KB itself, search rounds ("issue 16 (session …): …") live in `curation`, never in the notes users read.
    const leaking = loadKb().data.legal.filter((l) => /issue 16/.test(l.notes ?? ''));
    expect(leaking.map((l) => `${l.substance} ${l.jurisdiction}`)).toEqual([]);
  });
});
