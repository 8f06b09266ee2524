import type { CreateInvitationBody, OrganizationInvitation } from '@invites/clerk-schema';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

export interface CreateInvitationInput {
  orgId: string;
  body: CreateInvitationBody;
}

/** `POST /api/v1/organizations/:org/invitations` (create); the server sets the inviter. */
export function createInvitation({ orgId, body }: CreateInvitationInput): Promise<OrganizationInvitation> {
  return api<OrganizationInvitation>(`/api/v1/organizations/${encodeURIComponent(orgId)}/invitations`, {
    method: 'POST',
    body,
  });
}

export function useCreateInvitation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createInvitation,
    onSuccess: (_invitation, { orgId }) =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.orgInvitations(orgId) }),
        queryClient.invalidateQueries({ queryKey: queryKeys.allInvitations }),
        queryClient.invalidateQueries({ queryKey: queryKeys.organizations }),
      ]),
  });
}
