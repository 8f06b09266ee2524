import type { OrganizationInvitationWithOrgList } from '@invites/clerk-schema';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';
import type { AllInvitationsSearch } from '../../../lib/search-schemas.ts';
import { toListQuery } from '../utils/list-query.ts';
import { getExpiringAllInvitations } from './get-expiring-invitations.ts';

/** Clerk's query for one page of the instance-wide list. */
export function allInvitationsQuery(search: AllInvitationsSearch) {
  return { ...toListQuery(search), query: search.q };
}
type Query = ReturnType<typeof allInvitationsQuery>;

/** `GET /api/v1/organization_invitations` (getAll, staff only): every organization's invitations. */
export function getAllInvitations(query: Query, signal?: AbortSignal) {
  return api<OrganizationInvitationWithOrgList>('/api/v1/organization_invitations', { query, signal });
}

/** The page for the URL state: getAll, or the expiring-soon list when `expires_within` is set. */
export function allInvitationsQueryOptions(search: AllInvitationsSearch) {
  const query = allInvitationsQuery(search);
  const within = search.expires_within;
  if (within !== undefined) {
    const expiring = { expires_within: within, query: search.q, limit: query.limit, offset: query.offset };
    return queryOptions({
      queryKey: [...queryKeys.allInvitations, 'expiring', expiring] as unknown[],
      queryFn: ({ signal }) => getExpiringAllInvitations(expiring, signal),
    });
  }
  return queryOptions({
    queryKey: [...queryKeys.allInvitations, query] as unknown[],
    queryFn: ({ signal }) => getAllInvitations(query, signal),
  });
}

/**
 * The page for the URL state. Each search term has its own cache entry, so a late answer for an old
 * term never lands under the new one; rows of the previous request stay, dimmed, until it answers.
 */
export function useAllInvitations(search: AllInvitationsSearch) {
  return useQuery({ ...allInvitationsQueryOptions(search), placeholderData: keepPreviousData });
}
