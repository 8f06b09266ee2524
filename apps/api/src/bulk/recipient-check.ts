import {
  type BulkCheckResult,
  listOf,
  MembershipPublicUserData,
  normalizeEmail,
  OrganizationInvitation,
  UserList,
} from '@invites/clerk-schema';
import { z } from 'zod';
import { createLoadingCache } from '../lib/loading-cache.ts';
import { readUpstream, type UpstreamClient } from '../upstream/client.ts';
import { listAll, parseUpstream } from './list-all.ts';

/** An organization's pending invitations and member addresses, by lower-cased address. */
export interface OrgRecipients {
  pending: Map<string, string>;
  members: Map<string, string>;
}

export interface RecipientChecker {
  /** Which of `emails` already have a pending invitation in the organization or belong to a member. */
  check(organizationId: string, emails: readonly string[]): Promise<BulkCheckResult>;
  /** Drops the organization's cached answer (after a change made through the api). */
  forget(organizationId: string): void;
}

const USERS_PER_CALL = 100;

// Only the fields the check reads, so a richer or slightly different upstream object still parses.
const PendingPage = listOf(OrganizationInvitation.pick({ id: true, email_address: true, status: true }));
const MemberPage = listOf(z.object({ public_user_data: MembershipPublicUserData.optional() }));

/** Members' addresses: the membership's `identifier` when it is an address, else the user's addresses. */
async function memberAddresses(
  upstream: UpstreamClient,
  organizationId: string,
): Promise<Map<string, string>> {
  const memberships = await listAll(
    upstream,
    `/v1/organizations/${organizationId}/memberships`,
    {},
    MemberPage,
    'membership list',
  );
  const members = new Map<string, string>();
  const unknown: string[] = [];
  for (const { public_user_data: user } of memberships) {
    if (!user) continue;
    if (user.identifier?.includes('@')) members.set(normalizeEmail(user.identifier), user.user_id);
    else unknown.push(user.user_id);
  }
  for (let i = 0; i < unknown.length; i += USERS_PER_CALL) {
    const query = new URLSearchParams({ limit: String(USERS_PER_CALL) });
    for (const id of unknown.slice(i, i + USERS_PER_CALL)) query.append('user_id', id);
    const res = await upstream.send({ method: 'GET', path: '/v1/users', query });
    for (const user of parseUpstream(UserList, await readUpstream(res), 'user list')) {
      for (const e of user.email_addresses) members.set(normalizeEmail(e.email_address), user.id);
    }
  }
  return members;
}

async function loadRecipients(upstream: UpstreamClient, organizationId: string): Promise<OrgRecipients> {
  const [invitations, members] = await Promise.all([
    listAll(
      upstream,
      `/v1/organizations/${organizationId}/invitations`,
      { status: 'pending' },
      PendingPage,
      'invitation list',
    ),
    memberAddresses(upstream, organizationId),
  ]);
  const pending = new Map<string, string>();
  for (const inv of invitations) {
    if (inv.status === 'pending') pending.set(normalizeEmail(inv.email_address), inv.id);
  }
  return { pending, members };
}

/**
 * Answers the bulk-invite preview from live upstream data, loaded once per organization and reused
 * for `ttlMs` so a preview that re-checks on every keystroke costs Clerk a handful of calls.
 */
export function createRecipientChecker(options: {
  upstream: UpstreamClient;
  ttlMs: number;
  now: () => number;
}): RecipientChecker {
  const cache = createLoadingCache<OrgRecipients>({
    max: 1_000,
    ttlMs: options.ttlMs,
    now: options.now,
    load: (organizationId) => loadRecipients(options.upstream, organizationId),
  });
  return {
    async check(organizationId, emails) {
      const known = await cache.get(organizationId);
      const result: BulkCheckResult = { pending: [], members: [] };
      for (const email of new Set(emails.map(normalizeEmail))) {
        const invitation = known.pending.get(email);
        if (invitation) result.pending.push({ email_address: email, invitation_id: invitation });
        const member = known.members.get(email);
        if (member) result.members.push({ email_address: email, user_id: member });
      }
      return result;
    },
    forget: (organizationId) => cache.delete(organizationId),
  };
}
