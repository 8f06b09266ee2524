import type { OrganizationInvitation } from '@invites/clerk-schema';
import { type QueryClient, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

export interface RevokeTarget {
  orgId: string;
  invitationId: string;
}

/** `POST /api/v1/organizations/:org/invitations/:inv/revoke` (revoke): pending → revoked. */
export function revokeInvitation({ orgId, invitationId }: RevokeTarget): Promise<OrganizationInvitation> {
  return api<OrganizationInvitation>(
    `/api/v1/organizations/${encodeURIComponent(orgId)}/invitations/${encodeURIComponent(invitationId)}/revoke`,
    { method: 'POST', body: {} },
  );
}

/** Refreshes every invitation list and detail, and the organizations' pending counts. */
export function invalidateAfterRevoke(queryClient: QueryClient): Promise<void> {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: queryKeys.invitations }),
    queryClient.invalidateQueries({ queryKey: queryKeys.organizations }),
  ]).then(() => undefined);
}

export function useRevokeInvitation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: revokeInvitation,
    onSuccess: (invitation, target) => {
      queryClient.setQueryData(queryKeys.invitation(target.orgId, target.invitationId), invitation);
    },
    onSettled: () => invalidateAfterRevoke(queryClient),
  });
}
