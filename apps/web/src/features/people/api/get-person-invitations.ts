import type { OrganizationInvitationWithOrgList } from '@invites/clerk-schema';
import { normalizeEmail } from '@invites/clerk-schema/email-rules';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

/**
 * Every invitation to one address across organizations: getAll (`GET /api/v1/organization_invitations`,
 * staff) with `query=` the address, which Clerk matches as a part, kept to the exact address, newest first.
 */
export async function getPersonInvitations(email: string, signal?: AbortSignal) {
  const list = await api<OrganizationInvitationWithOrgList>('/api/v1/organization_invitations', {
    query: { query: email, limit: 500, order_by: '-created_at' },
    signal,
  });
  const exact = normalizeEmail(email);
  const data = list.data.filter((i) => normalizeEmail(i.email_address) === exact);
  return { data, total_count: data.length };
}

export function personInvitationsQueryOptions(email: string) {
  return queryOptions({
    // Under the invitation keys, so a resend or revoke anywhere refreshes it.
    queryKey: [...queryKeys.invitations, 'person', email.toLowerCase()],
    queryFn: ({ signal }) => getPersonInvitations(email, signal),
  });
}

export function usePersonInvitations(email: string) {
  return useQuery(personInvitationsQueryOptions(email));
}
