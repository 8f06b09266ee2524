import type { AcceptanceList } from '@invites/clerk-schema';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

/** `GET /api/acceptance?organization_id=…`: the acceptance figures of the listed organizations. */
export function getAcceptanceList(orgIds: readonly string[], signal?: AbortSignal): Promise<AcceptanceList> {
  return api<AcceptanceList>('/api/acceptance', { query: { organization_id: orgIds }, signal });
}

export function acceptanceListQueryOptions(orgIds: readonly string[]) {
  return queryOptions({
    queryKey: [...queryKeys.organizations, 'acceptance', orgIds],
    queryFn: ({ signal }) => getAcceptanceList(orgIds, signal),
  });
}

/** The figures of the organizations on screen (nothing is asked before their ids are known). */
export function useAcceptanceList(orgIds: readonly string[]) {
  return useQuery({ ...acceptanceListQueryOptions(orgIds), enabled: orgIds.length > 0 });
}
