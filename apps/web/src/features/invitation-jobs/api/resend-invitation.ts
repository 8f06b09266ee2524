import type { BulkJob, ResentInvitation } from '@invites/clerk-schema';
import { type QueryClient, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

export interface ResendTarget {
  orgId: string;
  invitationId: string;
}

/** The new invitation (201), or the one-row job Clerk's rate limit made wait (202). */
export type ResendAnswer =
  | { kind: 'resent'; invitation: ResentInvitation }
  | { kind: 'queued'; job: BulkJob };

/**
 * `POST /api/organizations/:org/invitations/:inv/resend`: a pending invitation is revoked and created
 * again, an expired one created again, with its role, metadata, redirect URL and validity.
 */
export async function resendInvitation({ orgId, invitationId }: ResendTarget): Promise<ResendAnswer> {
  const answer = await api<ResentInvitation | BulkJob>(
    `/api/organizations/${encodeURIComponent(orgId)}/invitations/${encodeURIComponent(invitationId)}/resend`,
    { method: 'POST', body: {} },
  );
  return 'replaces' in answer ? { kind: 'resent', invitation: answer } : { kind: 'queued', job: answer };
}

/** Every invitation list and detail, the organizations' counts, jobs and activity. */
export function invalidateAfterResend(queryClient: QueryClient): Promise<void> {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: queryKeys.invitations }),
    queryClient.invalidateQueries({ queryKey: queryKeys.organizations }),
    queryClient.invalidateQueries({ queryKey: queryKeys.bulkJobs }),
    queryClient.invalidateQueries({ queryKey: queryKeys.activity }),
  ]).then(() => undefined);
}

export function useResendInvitation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: resendInvitation,
    onSettled: () => invalidateAfterResend(queryClient),
  });
}
