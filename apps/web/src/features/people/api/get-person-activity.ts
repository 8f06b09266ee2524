import type { ActivityList } from '@invites/clerk-schema';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

/** The newest entries a page shows; the activity log has the rest. */
export const PERSON_ACTIVITY_LIMIT = 50;

/** `GET /api/activity?email_address=`: the audit entries about one address, newest first. */
export function getPersonActivity(email: string, signal?: AbortSignal) {
  return api<ActivityList>('/api/activity', {
    query: { email_address: email, limit: PERSON_ACTIVITY_LIMIT, offset: 0 },
    signal,
  });
}

export function personActivityQueryOptions(email: string) {
  return queryOptions({
    queryKey: [...queryKeys.activity, 'person', email.toLowerCase()],
    queryFn: ({ signal }) => getPersonActivity(email, signal),
  });
}

export function usePersonActivity(email: string) {
  return useQuery(personActivityQueryOptions(email));
}
