import type { BulkJob, CreateBulkJobBody } from '@invites/clerk-schema';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

/** `POST /api/bulk-invitations`: stores the rows as a job the api sends in chunks of 10 (201). */
export function createBulkJob(body: CreateBulkJobBody): Promise<BulkJob> {
  return api<BulkJob>('/api/bulk-invitations', { method: 'POST', body });
}

export function useCreateBulkJob() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createBulkJob,
    onSuccess: (job) => {
      queryClient.setQueryData(queryKeys.bulkJob(job.id), job);
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.orgBulkJobs(job.organization_id) }),
        queryClient.invalidateQueries({ queryKey: queryKeys.activity }),
      ]);
    },
  });
}
