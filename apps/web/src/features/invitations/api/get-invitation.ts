import type { OrganizationInvitation } from '@invites/clerk-schema';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

/** `GET /api/v1/organizations/:org/invitations/:inv` (get): one invitation with every field. */
export function getInvitation(orgId: string, invitationId: string, signal?: AbortSignal) {
  return api<OrganizationInvitation>(
    `/api/v1/organizations/${encodeURIComponent(orgId)}/invitations/${encodeURIComponent(invitationId)}`,
    { signal },
  );
}

export function invitationQueryOptions(orgId: string, invitationId: string) {
  return queryOptions({
    queryKey: queryKeys.invitation(orgId, invitationId),
    queryFn: ({ signal }) => getInvitation(orgId, invitationId, signal),
  });
}

export function useInvitation(orgId: string, invitationId: string) {
  return useQuery(invitationQueryOptions(orgId, invitationId));
}
