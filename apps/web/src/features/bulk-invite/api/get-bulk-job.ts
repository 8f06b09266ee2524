import type { BulkJob } from '@invites/clerk-schema';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';
import { isJobFinished } from '../utils/job-status.ts';

/** `GET /api/bulk-invitations/:id`: the job with every row and its outcome. */
export function getBulkJob(jobId: string, signal?: AbortSignal): Promise<BulkJob> {
  return api<BulkJob>(`/api/bulk-invitations/${encodeURIComponent(jobId)}`, { signal });
}

const isTransient = (status: number) => status === 0 || status >= 500;

/** Polled about every second until the job is done or cancelled (and through brief api trouble). */
export function bulkJobQueryOptions(jobId: string) {
  return queryOptions({
    queryKey: queryKeys.bulkJob(jobId),
    queryFn: ({ signal }) => getBulkJob(jobId, signal),
    staleTime: 0,
    refetchInterval: (query) => {
      const { data, error } = query.state;
      if (error && !isTransient(error.status)) return false;
      return isJobFinished(data?.status) ? false : error ? 3000 : 1000;
    },
  });
}

export function useBulkJob(jobId: string) {
  return useQuery(bulkJobQueryOptions(jobId));
}
