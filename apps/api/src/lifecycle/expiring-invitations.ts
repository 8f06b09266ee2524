import {
  normalizeEmail,
  type OrganizationInvitation,
  OrganizationInvitationList,
  OrganizationInvitationWithOrgList,
  type OrganizationInvitationWithPublicOrganizationData,
} from '@invites/clerk-schema';
import { listAll } from '../bulk/list-all.ts';
import { createLoadingCache } from '../lib/loading-cache.ts';
import type { UpstreamClient } from '../upstream/client.ts';

const DAY_MS = 86_400_000;
/** The cache key of the instance-wide list (staff); organization ids never look like this. */
const INSTANCE = '*';
/** Organizations kept at once: a large one holds tens of thousands of invitations. */
const MAX_ENTRIES = 50;

export interface ExpiringFilter {
  withinDays: number;
  /** Exact address (an organization's list). */
  email?: string | undefined;
  /** Case-insensitive part of the address (the instance-wide list). */
  query?: string | undefined;
}

export interface ExpiringInvitations {
  /**
   * Pending invitations of an organization that expire within `withinDays` of `now`, soonest first:
   * every match, for a page or a job to pick from.
   */
  matches(organizationId: string, filter: ExpiringFilter, now: number): Promise<OrganizationInvitation[]>;
  /** The same across every organization (staff), each with its organization's name. */
  everywhere(
    filter: ExpiringFilter,
    now: number,
  ): Promise<OrganizationInvitationWithPublicOrganizationData[]>;
  /** Drops what is kept about an organization (after a change made through the api) and the instance list. */
  forget(organizationId: string): void;
}

/** Pending invitations, soonest expiry first (then newest first), with their expiry times alone for search. */
interface PendingIndex {
  items: OrganizationInvitation[];
  expiries: Float64Array;
}

function indexOf(items: OrganizationInvitation[]): PendingIndex {
  const sorted = items
    .filter((inv) => inv.status === 'pending' && inv.expires_at !== null)
    .sort((a, b) => (a.expires_at ?? 0) - (b.expires_at ?? 0) || b.created_at - a.created_at);
  return { items: sorted, expiries: Float64Array.from(sorted, (inv) => inv.expires_at ?? 0) };
}

/** The first position whose expiry is greater than `t` (binary search). */
function firstAfter(expiries: Float64Array, t: number): number {
  let lo = 0;
  let hi = expiries.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((expiries[mid] ?? 0) > t) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * The expiring-soon filter Clerk's list API lacks: an organization's pending invitations are read in
 * pages of 500, sorted by expiry once and kept for `ttlMs`, so each filtered page is a binary search
 * and a slice. Org admins' answers are stripped of private metadata by the route, not here.
 */
export function createExpiringInvitations(options: {
  upstream: UpstreamClient;
  ttlMs: number;
  now: () => number;
}): ExpiringInvitations {
  const read = (key: string) =>
    key === INSTANCE
      ? listAll(
          options.upstream,
          '/v1/organization_invitations',
          { status: 'pending' },
          OrganizationInvitationWithOrgList,
          'invitation list',
        )
      : listAll(
          options.upstream,
          `/v1/organizations/${key}/invitations`,
          { status: 'pending' },
          OrganizationInvitationList,
          'invitation list',
        );
  const cache = createLoadingCache<PendingIndex>({
    max: MAX_ENTRIES,
    ttlMs: options.ttlMs,
    now: options.now,
    load: async (key) => indexOf(await read(key)),
  });
  const select = async (key: string, filter: ExpiringFilter, now: number) => {
    const index = await cache.get(key);
    // Clerk said pending when it was read; one that expired since is left out.
    const from = firstAfter(index.expiries, now);
    const to = firstAfter(index.expiries, now + filter.withinDays * DAY_MS);
    let found = index.items.slice(from, to);
    if (filter.email) {
      const email = normalizeEmail(filter.email);
      found = found.filter((inv) => normalizeEmail(inv.email_address) === email);
    }
    if (filter.query) {
      const part = filter.query.toLowerCase();
      found = found.filter((inv) => inv.email_address.toLowerCase().includes(part));
    }
    return found;
  };
  return {
    matches: (organizationId, filter, now) => select(organizationId, filter, now),
    everywhere: async (filter, now) =>
      (await select(INSTANCE, filter, now)) as OrganizationInvitationWithPublicOrganizationData[],
    forget(organizationId) {
      cache.delete(organizationId);
      cache.delete(INSTANCE);
    },
  };
}
