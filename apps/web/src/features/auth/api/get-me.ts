import type { Me } from '@invites/clerk-schema';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

/** `GET /api/me`: the signed-in user, staff flag and administered organizations (401 when signed out). */
export function getMe(signal?: AbortSignal): Promise<Me> {
  return api<Me>('/api/me', { signal });
}

export function meQueryOptions() {
  return queryOptions({
    queryKey: queryKeys.me,
    queryFn: ({ signal }) => getMe(signal),
    staleTime: 60_000,
    retry: false,
  });
}

export function useMe() {
  return useQuery(meQueryOptions());
}
