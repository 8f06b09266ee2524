import type { BulkJob, StartInvitationJobBody } from '@invites/clerk-schema';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

/**
 * `POST /api/organizations/:org/invitation-jobs`: starts a durable job that re-issues (`reissue`) or
 * revokes (`revoke`) a selection (`invitation_ids`, ≤ 500) or every invitation matching `filter`
 * (read by the server, ≤ 20,000). Answers 201 with the job; follow it with `bulkJobQueryOptions`
 * and show it at `/orgs/$orgId/invitations/bulk/$jobId`. See docs/TEAM-NOTES.md, "Bulk jobs of other kinds".
 */
export function startInvitationJob(orgId: string, body: StartInvitationJobBody): Promise<BulkJob> {
  return api<BulkJob>(`/api/organizations/${encodeURIComponent(orgId)}/invitation-jobs`, {
    method: 'POST',
    body,
  });
}

/** Starts the job; the new job is cached for its progress page and the job and activity lists refresh. */
export function useStartInvitationJob(orgId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: StartInvitationJobBody) => startInvitationJob(orgId, body),
    onSuccess: (job) => {
      queryClient.setQueryData(queryKeys.bulkJob(job.id), job);
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.orgBulkJobs(orgId) }),
        queryClient.invalidateQueries({ queryKey: queryKeys.activity }),
      ]);
    },
  });
}
