import type { OrganizationAcceptance } from '@invites/clerk-schema';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

/** Clerk reports acceptances by webhook, so open figures are read again now and then. */
const REFRESH_MS = 30_000;

/** `GET /api/organizations/:org/acceptance`: the organization's acceptance figures and its inviters'. */
export function getOrganizationAcceptance(
  orgId: string,
  signal?: AbortSignal,
): Promise<OrganizationAcceptance> {
  return api<OrganizationAcceptance>(`/api/organizations/${encodeURIComponent(orgId)}/acceptance`, {
    signal,
  });
}

export function organizationAcceptanceQueryOptions(orgId: string) {
  return queryOptions({
    queryKey: [...queryKeys.organization(orgId), 'acceptance'],
    queryFn: ({ signal }) => getOrganizationAcceptance(orgId, signal),
    refetchInterval: REFRESH_MS,
  });
}

export function useOrganizationAcceptance(orgId: string) {
  return useQuery(organizationAcceptanceQueryOptions(orgId));
}
