import type { OrganizationMembershipList } from '@invites/clerk-schema';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

/** `GET /api/v1/users/:id/organization_memberships` (staff): organization, role and since, up to 500. */
export function getPersonMemberships(userId: string, signal?: AbortSignal) {
  return api<OrganizationMembershipList>(
    `/api/v1/users/${encodeURIComponent(userId)}/organization_memberships`,
    { query: { limit: 500 }, signal },
  );
}

export function personMembershipsQueryOptions(userId: string) {
  return queryOptions({
    queryKey: [...queryKeys.people, 'memberships', userId],
    queryFn: ({ signal }) => getPersonMemberships(userId, signal),
  });
}

/** Waits for the user (there is nothing to ask without one). */
export function usePersonMemberships(userId: string | undefined) {
  return useQuery({ ...personMembershipsQueryOptions(userId ?? ''), enabled: userId !== undefined });
}
