import { isClerkId, OrganizationMembershipList, User } from '@invites/clerk-schema';
import type { z } from 'zod';
import { ApiError } from '../http/errors.ts';
import { createLoadingCache } from '../lib/loading-cache.ts';
import { readUpstream, type UpstreamClient } from '../upstream/client.ts';
import { UpstreamError } from '../upstream/errors.ts';
import type { Principal } from './principal.ts';

/** Loads a user's staff flag and organization roles, cached for at most `ttlMs`. */
export interface PrincipalLoader {
  load(userId: string): Promise<Principal | null>;
}

function parseOrThrow<S extends z.ZodType>(schema: S, value: unknown, what: string): z.output<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new UpstreamError('bad_response', `unexpected ${what} shape from upstream`);
  return parsed.data;
}

const PAGE = 100;

async function fetchPrincipal(upstream: UpstreamClient, userId: string): Promise<Principal | null> {
  let userJson: unknown;
  try {
    userJson = await readUpstream(await upstream.send({ method: 'GET', path: `/v1/users/${userId}` }));
  } catch (err) {
    if (err instanceof ApiError && err.failure.status === 404) return null;
    throw err;
  }
  const user = parseOrThrow(User, userJson, 'user');
  const memberships: Principal['memberships'] = [];
  for (let offset = 0; ; offset += PAGE) {
    const query = new URLSearchParams({ limit: String(PAGE), offset: String(offset) });
    const res = await upstream.send({
      method: 'GET',
      path: `/v1/users/${userId}/organization_memberships`,
      query,
    });
    const page = parseOrThrow(OrganizationMembershipList, await readUpstream(res), 'membership list');
    for (const m of page.data) {
      memberships.push({
        id: m.organization.id,
        name: m.organization.name,
        slug: m.organization.slug,
        role: m.role,
      });
    }
    if (page.data.length < PAGE || offset + PAGE >= page.total_count) break;
  }
  return {
    userId,
    user,
    isStaff: user.private_metadata?.dashboard_role === 'staff',
    memberships,
  };
}

/** A principal loader over the upstream with a TTL cache and one in-flight lookup per user. */
export function createPrincipalCache(options: {
  upstream: UpstreamClient;
  ttlMs: number;
  now: () => number;
  maxEntries?: number;
}): PrincipalLoader {
  const cache = createLoadingCache<Principal | null>({
    max: options.maxEntries ?? 10_000,
    ttlMs: options.ttlMs,
    now: options.now,
    load: (userId) => fetchPrincipal(options.upstream, userId),
  });
  // Not an `async` wrapper: handing on the cache's promise from one would cost every request extra
  // microtask turns.
  return {
    load: (userId) => (isClerkId('user', userId) ? cache.get(userId) : Promise.resolve(null)),
  };
}
