import type { Organization } from '@invites/clerk-schema';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

/** `GET /api/v1/organizations/:org`: one organization (403 when the user may not manage it). */
export function getOrganization(orgId: string, signal?: AbortSignal): Promise<Organization> {
  return api<Organization>(`/api/v1/organizations/${encodeURIComponent(orgId)}`, { signal });
}

export function organizationQueryOptions(orgId: string) {
  return queryOptions({
    queryKey: queryKeys.organization(orgId),
    queryFn: ({ signal }) => getOrganization(orgId, signal),
  });
}

export function useOrganization(orgId: string) {
  return useQuery(organizationQueryOptions(orgId));
}
