import type { OrganizationInvitationList, OrganizationInvitationWithOrgList } from '@invites/clerk-schema';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';
import type { ExpiresWithin } from '../../../lib/search-schemas.ts';

export interface ExpiringQuery {
  expires_within: ExpiresWithin;
  limit: number;
  offset: number;
}

/**
 * `GET /api/organizations/:org/invitations/expiring`: pending invitations expiring within 3, 7, 14 or
 * 30 days, soonest first (the api builds the filter Clerk's list lacks).
 */
export function getExpiringOrgInvitations(
  orgId: string,
  query: ExpiringQuery & { email_address?: string | undefined },
  signal?: AbortSignal,
) {
  return api<OrganizationInvitationList>(
    `/api/organizations/${encodeURIComponent(orgId)}/invitations/expiring`,
    { query: { ...query }, signal },
  );
}

/** `GET /api/invitations/expiring` (staff): the same across organizations, by part of the address. */
export function getExpiringAllInvitations(
  query: ExpiringQuery & { query?: string | undefined },
  signal?: AbortSignal,
) {
  return api<OrganizationInvitationWithOrgList>('/api/invitations/expiring', { query: { ...query }, signal });
}

/** How many of the organization's pending invitations expire within `days` (the header's figure). */
export function expiringCountQueryOptions(orgId: string, days: ExpiresWithin) {
  const query = { expires_within: days, limit: 1, offset: 0 };
  return queryOptions({
    queryKey: [...queryKeys.orgInvitations(orgId), 'expiring-count', days],
    queryFn: ({ signal }) => getExpiringOrgInvitations(orgId, query, signal),
    select: (list) => list.total_count,
  });
}

export function useExpiringCount(orgId: string, days: ExpiresWithin, enabled = true) {
  return useQuery({ ...expiringCountQueryOptions(orgId, days), enabled });
}
