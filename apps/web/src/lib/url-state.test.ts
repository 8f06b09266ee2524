import {
  INVITATION_STATUSES,
  ListInstanceInvitationsQuery,
  ListOrganizationInvitationsQuery,
} from '@invites/clerk-schema';
import { describe, expect, it } from 'vitest';
import {
  nextSort,
  PAGE_SIZES,
  parseSearch,
  SORT_VALUES,
  STATUS_VALUES,
  safeRedirect,
  stringifySearch,
  toListQuery,
  validateAllInvitationsSearch,
  validateOrgInvitationsSearch,
} from './url-state.ts';

describe('org invitations search params', () => {
  it('matches the schema package status names', () => {
    expect([...STATUS_VALUES]).toEqual([...INVITATION_STATUSES]);
  });

  it('omits defaults so a plain URL stays plain', () => {
    expect(validateOrgInvitationsSearch({})).toEqual({});
    expect(
      validateOrgInvitationsSearch({ page: '1', pageSize: '25', sort: '-created_at', status: [] }),
    ).toEqual({});
  });

  it('reads repeated statuses in canonical order, numbers from strings, and the email filter', () => {
    expect(
      validateOrgInvitationsSearch({
        status: ['expired', 'pending', 'pending'],
        page: '3',
        pageSize: '100',
        sort: 'email_address',
        email: '  ada@acme.example ',
      }),
    ).toEqual({
      status: ['pending', 'expired'],
      page: 3,
      pageSize: 100,
      sort: 'email_address',
      email: 'ada@acme.example',
    });
    expect(validateOrgInvitationsSearch({ status: 'revoked' })).toEqual({ status: ['revoked'] });
  });

  it('drops values a hand-edited URL got wrong instead of failing the page', () => {
    expect(
      validateOrgInvitationsSearch({ status: ['nope'], page: '-2', pageSize: '7', sort: 'name', email: '' }),
    ).toEqual({});
    expect(validateOrgInvitationsSearch({ page: '2.5' })).toEqual({});
    expect(validateOrgInvitationsSearch({ email: 'x'.repeat(400) })).toEqual({});
  });
});

describe('instance-wide search params', () => {
  it('keeps the search term as q', () => {
    expect(validateAllInvitationsSearch({ q: 'acme', status: ['pending'] })).toEqual({
      q: 'acme',
      status: ['pending'],
    });
  });
});

describe('toListQuery', () => {
  it("becomes Clerk's limit/offset/order_by", () => {
    expect(toListQuery({ page: 3, pageSize: 50, status: ['pending'] })).toEqual({
      status: ['pending'],
      order_by: '-created_at',
      limit: 50,
      offset: 100,
    });
  });

  it('always yields a query the shared zod schemas accept', () => {
    for (const pageSize of PAGE_SIZES) {
      for (const sort of SORT_VALUES) {
        const query = toListQuery({ page: 7, pageSize, sort, status: ['pending', 'expired'] });
        expect(
          ListOrganizationInvitationsQuery.safeParse({ ...query, email_address: 'a@b.example' }).success,
        ).toBe(true);
        expect(ListInstanceInvitationsQuery.safeParse({ ...query, query: 'ada' }).success).toBe(true);
      }
    }
  });
});

describe('URL (de)serialisation', () => {
  it('round-trips repeated keys', () => {
    const text = stringifySearch({ status: ['pending', 'expired'], page: 2, email: undefined });
    expect(text).toBe('?status=pending&status=expired&page=2');
    expect(parseSearch(text)).toEqual({ status: ['pending', 'expired'], page: '2' });
    expect(validateOrgInvitationsSearch(parseSearch(text))).toEqual({
      status: ['pending', 'expired'],
      page: 2,
    });
    expect(stringifySearch({})).toBe('');
  });
});

describe('sorting', () => {
  it('flips the direction of the same column and starts a new one in its natural direction', () => {
    expect(nextSort('-created_at', 'created_at')).toBe('created_at');
    expect(nextSort('created_at', 'created_at')).toBe('-created_at');
    expect(nextSort('-created_at', 'email_address')).toBe('email_address');
    expect(nextSort('email_address', 'email_address')).toBe('-email_address');
    expect(nextSort('email_address', 'created_at')).toBe('-created_at');
  });
});

describe('safeRedirect', () => {
  it('keeps same-origin paths only', () => {
    expect(safeRedirect('/orgs/org_1/invitations?status=pending')).toBe(
      '/orgs/org_1/invitations?status=pending',
    );
    expect(safeRedirect('//evil.example/x')).toBeUndefined();
    expect(safeRedirect('https://evil.example')).toBeUndefined();
    expect(safeRedirect('/\\evil.example')).toBeUndefined();
    expect(safeRedirect(42)).toBeUndefined();
  });
});
