import { ActivityChangesQuery, ActivityQuery, clerkErrors } from '@invites/clerk-schema';
import { Hono } from 'hono';
import { listActivity } from '../activity/activity-log.ts';
import { adminOrgs, canManageOrg } from '../auth/principal.ts';
import { ApiError } from '../http/errors.ts';
import { parseQuery } from '../http/validate.ts';
import type { AppEnv } from '../types.ts';
import type { RouteDeps } from './route-deps.ts';

/**
 * `GET /activity`: staff see every entry, org admins only their organizations' (filtering by another
 * organization is a 403, like the org-scoped invitation routes). `GET /activity/changes`: a long poll
 * that answers when the log changes in an organization the user may see. Mounted at `/api`.
 */
export function activityRoutes({ store, access, activityChanges, config }: RouteDeps) {
  return new Hono<AppEnv>()
    .get('/activity/changes', access.consoleUser, async (c) => {
      const p = c.get('principal');
      const { after, wait } = parseQuery(c, ActivityChangesQuery);
      const visible = (org: string | null) => (org === null ? p.isStaff : canManageOrg(p, org));
      const waitMs = Math.min(wait * 1000, config.activityWaitMaxMs);
      return c.json(await activityChanges.wait(after, visible, waitMs, c.req.raw.signal));
    })
    .get('/activity', access.consoleUser, async (c) => {
      const p = c.get('principal');
      const query = parseQuery(c, ActivityQuery);
      if (query.organization_id !== undefined && !canManageOrg(p, query.organization_id)) {
        throw new ApiError(clerkErrors.forbidden());
      }
      const scope = p.isStaff ? { all: true as const } : { organizationIds: adminOrgs(p).map((m) => m.id) };
      return c.json(await listActivity(store, query, scope));
    });
}
