import type { OrganizationList } from '@invites/clerk-schema';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

/** `GET /api/v1/organizations`: the organizations the user manages (all of them for staff). */
export function getOrganizations(signal?: AbortSignal): Promise<OrganizationList> {
  return api<OrganizationList>('/api/v1/organizations', {
    query: { limit: 100, order_by: 'name' },
    signal,
  });
}

export function organizationsQueryOptions() {
  return queryOptions({
    queryKey: [...queryKeys.organizations, 'list'],
    queryFn: ({ signal }) => getOrganizations(signal),
  });
}

export function useOrganizations() {
  return useQuery(organizationsQueryOptions());
}
