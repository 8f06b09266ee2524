import type { BulkJob } from '@invites/clerk-schema';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

/** `POST /api/bulk-invitations/:id/retry`: failed rows go back to pending and the job runs again. */
export function retryBulkJob(jobId: string): Promise<BulkJob> {
  return api<BulkJob>(`/api/bulk-invitations/${encodeURIComponent(jobId)}/retry`, {
    method: 'POST',
    body: {},
  });
}

export function useRetryBulkJob() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: retryBulkJob,
    onSuccess: (job) => {
      queryClient.setQueryData(queryKeys.bulkJob(job.id), job);
      return queryClient.invalidateQueries({ queryKey: queryKeys.orgBulkJobs(job.organization_id) });
    },
  });
}
