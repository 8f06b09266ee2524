import type { BulkJobList } from '@invites/clerk-schema';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';
import { isJobFinished } from '../utils/job-status.ts';

/** `GET /api/organizations/:org/bulk-invitations`: the organization's jobs, newest first, without rows. */
export function getOrgBulkJobs(orgId: string, limit: number, signal?: AbortSignal): Promise<BulkJobList> {
  return api<BulkJobList>(`/api/organizations/${encodeURIComponent(orgId)}/bulk-invitations`, {
    query: { limit, offset: 0 },
    signal,
  });
}

/** Refreshed every few seconds while one of the listed jobs is still running. */
export function orgBulkJobsQueryOptions(orgId: string, limit = 10) {
  return queryOptions({
    queryKey: [...queryKeys.orgBulkJobs(orgId), { limit }],
    queryFn: ({ signal }) => getOrgBulkJobs(orgId, limit, signal),
    refetchInterval: (query) =>
      query.state.data?.data.some((job) => !isJobFinished(job.status)) ? 5000 : false,
  });
}

export function useOrgBulkJobs(orgId: string, limit = 10) {
  return useQuery(orgBulkJobsQueryOptions(orgId, limit));
}
