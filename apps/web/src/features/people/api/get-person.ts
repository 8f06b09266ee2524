import type { User } from '@invites/clerk-schema';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

/** `GET /api/v1/users?email_address=` (staff): the Clerk user with this exact address, or null. */
export async function getPerson(email: string, signal?: AbortSignal): Promise<User | null> {
  const users = await api<User[]>('/api/v1/users', { query: { email_address: email }, signal });
  return users[0] ?? null;
}

export function personQueryOptions(email: string) {
  return queryOptions({
    queryKey: [...queryKeys.people, 'user', email.toLowerCase()],
    queryFn: ({ signal }) => getPerson(email, signal),
  });
}

export function usePerson(email: string) {
  return useQuery(personQueryOptions(email));
}
