import type { OrganizationInvitationList } from '@invites/clerk-schema';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';
import type { OrgInvitationsSearch } from '../../../lib/search-schemas.ts';
import { toListQuery } from '../utils/list-query.ts';
import { getExpiringOrgInvitations } from './get-expiring-invitations.ts';

/** Clerk's query for one page of an organization's invitations. */
export function orgInvitationsQuery(search: OrgInvitationsSearch) {
  return { ...toListQuery(search), email_address: search.email };
}
type Query = ReturnType<typeof orgInvitationsQuery>;

/** `GET /api/v1/organizations/:org/invitations` (list): one page, with `total_count`. */
export function getOrgInvitations(orgId: string, query: Query, signal?: AbortSignal) {
  return api<OrganizationInvitationList>(`/api/v1/organizations/${encodeURIComponent(orgId)}/invitations`, {
    query,
    signal,
  });
}

/** The page for the URL state: Clerk's list, or the expiring-soon list when `expires_within` is set. */
export function orgInvitationsQueryOptions(orgId: string, search: OrgInvitationsSearch) {
  const query = orgInvitationsQuery(search);
  const within = search.expires_within;
  if (within !== undefined) {
    const expiring = {
      expires_within: within,
      email_address: search.email,
      limit: query.limit,
      offset: query.offset,
    };
    return queryOptions({
      queryKey: [...queryKeys.orgInvitations(orgId), 'expiring', expiring] as unknown[],
      queryFn: ({ signal }) => getExpiringOrgInvitations(orgId, expiring, signal),
    });
  }
  return queryOptions({
    queryKey: [...queryKeys.orgInvitations(orgId), 'list', query] as unknown[],
    queryFn: ({ signal }) => getOrgInvitations(orgId, query, signal),
  });
}

/** The page for the URL state; the previous page stays on screen while the next one loads. */
export function useOrgInvitations(orgId: string, search: OrgInvitationsSearch) {
  return useQuery({ ...orgInvitationsQueryOptions(orgId, search), placeholderData: keepPreviousData });
}
