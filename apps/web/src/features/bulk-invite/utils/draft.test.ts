import { describe, expect, it, vi } from 'vitest';
import { BLANK_BULK_DRAFT, clearBulkDraft, isBlankBulkDraft, loadBulkDraft, saveBulkDraft } from './draft.ts';

const ORG = 'org_2AcmeCorp000000000000000000';
const OTHER = 'org_2Globex0000000000000000000';

describe('bulk invite draft', () => {
  it('round-trips everything typed and chosen, per organization', () => {
    const draft = {
      ...BLANK_BULK_DRAFT,
      text: 'ada@acme.example\nGrace <grace@acme.example>',
      role: 'org:admin',
      includeMembers: true,
      columns: { 'name\twork email\temail': { email: 1, role: null } },
      rowRoles: { 'ada@acme.example': 'org:billing' },
      rowIncludes: { 'p@acme.example': true },
      expiresInDays: '7',
      redirectUrl: 'https://app.example.com/welcome',
      notify: false,
    };
    saveBulkDraft(ORG, draft);
    expect(loadBulkDraft(ORG)).toEqual(draft);
    expect(loadBulkDraft(OTHER)).toBeNull();
  });

  it('stores nothing for a blank form and removes a draft that became blank', () => {
    saveBulkDraft(ORG, { ...BLANK_BULK_DRAFT, role: 'org:member' });
    expect(sessionStorage.length).toBe(0);
    saveBulkDraft(ORG, { ...BLANK_BULK_DRAFT, text: 'a@x.example' });
    expect(loadBulkDraft(ORG)?.text).toBe('a@x.example');
    saveBulkDraft(ORG, { ...BLANK_BULK_DRAFT, text: '  ' });
    expect(loadBulkDraft(ORG)).toBeNull();
  });

  it('is cleared once the job starts', () => {
    saveBulkDraft(ORG, { ...BLANK_BULK_DRAFT, text: 'a@x.example' });
    clearBulkDraft(ORG);
    expect(loadBulkDraft(ORG)).toBeNull();
  });

  it('ignores corrupt storage and values of the wrong type', () => {
    sessionStorage.setItem(`bulk-invite-draft:${ORG}`, '{not json');
    expect(loadBulkDraft(ORG)).toBeNull();
    sessionStorage.setItem(
      `bulk-invite-draft:${ORG}`,
      JSON.stringify({
        text: 'a@x.example',
        notify: 'yes',
        rowRoles: { a: 1, b: 'org:admin' },
        rowIncludes: [],
        columns: { a: { email: 2, role: null }, b: { email: -1, role: null }, c: { email: 1, role: 'x' } },
        includePending: true,
      }),
    );
    expect(loadBulkDraft(ORG)).toEqual({
      ...BLANK_BULK_DRAFT,
      text: 'a@x.example',
      rowRoles: { b: 'org:admin' },
      columns: { a: { email: 2, role: null } },
      includePending: true,
    });
  });

  it('survives storage that throws (private mode, quota)', () => {
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('full', 'QuotaExceededError');
    });
    expect(() => saveBulkDraft(ORG, { ...BLANK_BULK_DRAFT, text: 'a@x.example' })).not.toThrow();
  });

  it('knows a blank draft', () => {
    expect(isBlankBulkDraft(BLANK_BULK_DRAFT)).toBe(true);
    expect(isBlankBulkDraft({ ...BLANK_BULK_DRAFT, notify: false })).toBe(false);
    expect(isBlankBulkDraft({ ...BLANK_BULK_DRAFT, expiresInDays: '' })).toBe(false);
  });
});
