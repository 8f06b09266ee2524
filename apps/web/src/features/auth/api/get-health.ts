import type { Health } from '@invites/clerk-schema';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

/** `GET /api/health`: which upstream is in use and where to sign in. */
export function getHealth(signal?: AbortSignal): Promise<Health> {
  return api<Health>('/api/health', { signal });
}

export function healthQueryOptions() {
  return queryOptions({
    queryKey: queryKeys.health,
    queryFn: ({ signal }) => getHealth(signal),
    staleTime: 5 * 60_000,
  });
}

export function useHealth() {
  return useQuery(healthQueryOptions());
}
