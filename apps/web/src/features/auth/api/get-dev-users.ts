import type { DevUser } from '@invites/clerk-schema';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

/** `GET /api/dev/users`: demo users to sign in as (emulator only). */
export async function getDevUsers(signal?: AbortSignal): Promise<DevUser[]> {
  const body = await api<{ data: DevUser[] }>('/api/dev/users', { signal });
  return body.data;
}

export function devUsersQueryOptions() {
  return queryOptions({
    queryKey: queryKeys.devUsers,
    queryFn: ({ signal }) => getDevUsers(signal),
    staleTime: 5 * 60_000,
  });
}

export function useDevUsers(enabled: boolean) {
  return useQuery({ ...devUsersQueryOptions(), enabled });
}
