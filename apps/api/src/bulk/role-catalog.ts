import { clerkErrors, RoleList } from '@invites/clerk-schema';
import { ApiError } from '../http/errors.ts';
import { createLoadingCache } from '../lib/loading-cache.ts';
import type { UpstreamClient } from '../upstream/client.ts';
import { listAll } from './list-all.ts';

/** The upstream's organization role keys (`org:admin`, …), reused for a while. */
export interface RoleCatalog {
  /**
   * Throws Clerk's 404 `resource_not_found` (param `role`, `index` of the first row) for an unknown
   * role; null stands for a row that is not sent, whose role is not checked.
   */
  assertKnown(roles: readonly (string | null)[]): Promise<void>;
}

export function createRoleCatalog(options: {
  upstream: UpstreamClient;
  ttlMs: number;
  now: () => number;
}): RoleCatalog {
  const cache = createLoadingCache<Set<string>>({
    max: 1,
    ttlMs: options.ttlMs,
    now: options.now,
    load: async () => {
      const roles = await listAll(options.upstream, '/v1/organization_roles', {}, RoleList, 'role list');
      return new Set(roles.map((r) => r.key));
    },
  });
  return {
    async assertKnown(roles) {
      const unknownIn = (known: Set<string>) => roles.findIndex((role) => role !== null && !known.has(role));
      if (unknownIn(await cache.get('roles')) < 0) return;
      // The role may be newer than the cached list: look again before refusing.
      cache.delete('roles');
      const index = unknownIn(await cache.get('roles'));
      if (index < 0) return;
      const failure = clerkErrors.roleNotFound();
      failure.errors = failure.errors.map((e) => ({ ...e, meta: { ...e.meta, index } }));
      throw new ApiError(failure);
    },
  };
}
