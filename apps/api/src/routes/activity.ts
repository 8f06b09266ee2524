import { ActivityQuery, clerkErrors } from '@invites/clerk-schema';
import { Hono } from 'hono';
import { listActivity } from '../activity/activity-log.ts';
import { userIdsWithEmail } from '../activity/actor-lookup.ts';
import { adminOrgs, canManageOrg } from '../auth/principal.ts';
import { ApiError } from '../http/errors.ts';
import { parseQuery } from '../http/validate.ts';
import type { AppEnv } from '../types.ts';
import type { RouteDeps } from './route-deps.ts';

/**
 * `GET /activity`: staff see every entry, org admins only their organizations' (filtering by another
 * organization is a 403, like the org-scoped invitation routes). `actor` takes a name or an address.
 * Mounted at `/api`.
 */
export function activityRoutes({ store, access, upstream }: RouteDeps) {
  return new Hono<AppEnv>().get('/activity', access.consoleUser, async (c) => {
    const p = c.get('principal');
    const query = parseQuery(c, ActivityQuery);
    if (query.organization_id !== undefined && !canManageOrg(p, query.organization_id)) {
      throw new ApiError(clerkErrors.forbidden());
    }
    const scope = p.isStaff ? { all: true as const } : { organizationIds: adminOrgs(p).map((m) => m.id) };
    const actor =
      query.actor === undefined
        ? undefined
        : { text: query.actor, userIds: await userIdsWithEmail(upstream, query.actor) };
    return c.json(await listActivity(store, { ...query, actor }, scope));
  });
}
