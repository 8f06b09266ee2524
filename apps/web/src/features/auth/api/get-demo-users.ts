import type { DemoUserList } from '@invites/clerk-schema';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

/** `GET /api/demo/users`: every user of the emulator, to sign in as with one click (demo only). */
export function getDemoUsers(signal?: AbortSignal): Promise<DemoUserList> {
  return api<DemoUserList>('/api/demo/users', { signal, anonymous: true });
}

export function demoUsersQueryOptions() {
  return queryOptions({
    queryKey: queryKeys.demoUsers,
    queryFn: ({ signal }) => getDemoUsers(signal),
    staleTime: 5 * 60_000,
  });
}

export function useDemoUsers(enabled: boolean) {
  return useQuery({ ...demoUsersQueryOptions(), enabled });
}
