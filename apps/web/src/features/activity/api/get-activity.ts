import type { ActivityList } from '@invites/clerk-schema';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';
import type { ActivitySearch } from '../../../lib/search-schemas.ts';
import { toActivityQuery } from '../utils/activity-query.ts';

type Query = ReturnType<typeof toActivityQuery>;

/** `GET /api/activity`: one page of the audit log, newest first (staff: everything; admins: their orgs). */
export function getActivity(query: Query, signal?: AbortSignal): Promise<ActivityList> {
  return api<ActivityList>('/api/activity', { query, signal });
}

export function activityQueryOptions(search: ActivitySearch) {
  const query = toActivityQuery(search);
  return queryOptions({
    queryKey: [...queryKeys.activity, query],
    queryFn: ({ signal }) => getActivity(query, signal),
  });
}

/** The page for the URL state; the previous page stays on screen while the next one loads. */
export function useActivity(search: ActivitySearch) {
  return useQuery({ ...activityQueryOptions(search), placeholderData: keepPreviousData });
}
