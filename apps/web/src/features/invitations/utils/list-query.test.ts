import { ListInstanceInvitationsQuery, ListOrganizationInvitationsQuery } from '@invites/clerk-schema';
import { describe, expect, it } from 'vitest';
import { LIST_DEFAULTS, PAGE_SIZES, SORT_VALUES } from '../../../lib/search-schemas.ts';
import { nextSort, toListQuery } from './list-query.ts';

describe('toListQuery', () => {
  it("becomes Clerk's limit/offset/order_by", () => {
    expect(toListQuery({ ...LIST_DEFAULTS, page: 3, pageSize: 50, status: ['pending'] })).toEqual({
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

describe('sorting', () => {
  it('flips the direction of the same column and starts a new one in its natural direction', () => {
    expect(nextSort('-created_at', 'created_at')).toBe('created_at');
    expect(nextSort('created_at', 'created_at')).toBe('-created_at');
    expect(nextSort('-created_at', 'email_address')).toBe('email_address');
    expect(nextSort('email_address', 'email_address')).toBe('-email_address');
    expect(nextSort('email_address', 'created_at')).toBe('-created_at');
  });
});
