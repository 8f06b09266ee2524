import type { BulkCheckBody, BulkCheckResult } from '@invites/clerk-schema';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';
import type { AddressSet } from '../utils/address-set.ts';

/** `POST /api/bulk-invitations/check`: which addresses already have a pending invitation or are members. */
export function checkAddresses(body: BulkCheckBody, signal?: AbortSignal): Promise<BulkCheckResult> {
  return api<BulkCheckResult>('/api/bulk-invitations/check', { method: 'POST', body, signal });
}

export interface CheckAnswer {
  pending: ReadonlyMap<string, string>;
  members: ReadonlyMap<string, string>;
}

// Module-level so TanStack Query memoises the maps per answer.
function toAnswer(result: BulkCheckResult): CheckAnswer {
  return {
    pending: new Map(result.pending.map((p) => [p.email_address, p.invitation_id])),
    members: new Map(result.members.map((m) => [m.email_address, m.user_id])),
  };
}

/** Keyed by the set of addresses (count + hash), so an answer only ever applies to the paste it was for. */
export function addressCheckQueryOptions(orgId: string, set: AddressSet) {
  return queryOptions({
    queryKey: [...queryKeys.bulkCheck(orgId), set.size, set.hash],
    queryFn: ({ signal }) =>
      checkAddresses({ organization_id: orgId, email_addresses: [...set.addresses] }, signal),
    select: toAnswer,
    enabled: set.size > 0,
    staleTime: 30_000,
  });
}

export function useAddressCheck(orgId: string, set: AddressSet) {
  return useQuery(addressCheckQueryOptions(orgId, set));
}
