import type { RoleList } from '@invites/clerk-schema';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

/** `GET /api/v1/organization_roles`: the roles an invitation can grant. */
export function getOrganizationRoles(signal?: AbortSignal): Promise<RoleList> {
  return api<RoleList>('/api/v1/organization_roles', { query: { limit: 100 }, signal });
}

export function organizationRolesQueryOptions() {
  return queryOptions({
    queryKey: queryKeys.roles,
    queryFn: ({ signal }) => getOrganizationRoles(signal),
    staleTime: 10 * 60_000,
  });
}

export function useOrganizationRoles() {
  return useQuery(organizationRolesQueryOptions());
}
