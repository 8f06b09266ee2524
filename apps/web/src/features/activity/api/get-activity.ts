import type { ActivityList } from '@invites/clerk-schema';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';
import type { ActivitySearch } from '../../../lib/search-schemas.ts';
import { toActivityQuery } from '../utils/activity-query.ts';
import { useActivityChanges } from './watch-activity.ts';

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

/** The first page is also read again this often: changes made through another api replica. */
const REFRESH_MS = 15_000;

/**
 * The page for the URL state; the previous page stays on screen while the next one loads. The first
 * page (where new entries land) follows the log's changes while it is on screen.
 */
export function useActivity(search: ActivitySearch) {
  const live = (search.page ?? 1) === 1;
  useActivityChanges(live);
  return useQuery({
    ...activityQueryOptions(search),
    placeholderData: keepPreviousData,
    refetchInterval: live ? REFRESH_MS : false,
  });
}
