import type { BulkJob } from '@invites/clerk-schema';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

/** `POST /api/bulk-invitations/:id/cancel`: rows already sent keep their outcome, the rest stay pending. */
export function cancelBulkJob(jobId: string): Promise<BulkJob> {
  return api<BulkJob>(`/api/bulk-invitations/${encodeURIComponent(jobId)}/cancel`, {
    method: 'POST',
    body: {},
  });
}

export function useCancelBulkJob() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: cancelBulkJob,
    onSuccess: (job) => {
      queryClient.setQueryData(queryKeys.bulkJob(job.id), job);
      return queryClient.invalidateQueries({ queryKey: queryKeys.orgBulkJobs(job.organization_id) });
    },
  });
}
