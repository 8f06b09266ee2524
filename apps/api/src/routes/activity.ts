import { OpenAPIHono } from '@hono/zod-openapi';
import {
  ActivityChangesAnswer,
  ActivityChangesQuery,
  ActivityList,
  ActivityQuery,
  clerkErrors,
} from '@invites/clerk-schema';
import { listActivity } from '../activity/activity-log.ts';
import { userIdsWithEmail } from '../activity/actor-lookup.ts';
import { adminOrgs, canManageOrg } from '../auth/principal.ts';
import { consoleRoute, guarded, jsonContent } from '../http/contract.ts';
import { ApiError } from '../http/errors.ts';
import type { AppEnv } from '../types.ts';
import type { RouteDeps } from './route-deps.ts';

export const listActivityRoute = consoleRoute('console_user', {
  method: 'get',
  path: '/activity',
  summary: 'The activity log: every entry for staff, their organizations’ for org admins',
  description:
    'Filtering by an organization the user may not manage is a 403. `actor` takes a name (any part) or an email address.',
  request: { query: ActivityQuery },
  responses: { 200: jsonContent(ActivityList, 'A page of entries, newest first.') },
});

export const activityChangesRoute = consoleRoute('console_user', {
  method: 'get',
  path: '/activity/changes',
  summary: 'Wait for the activity log to change (a long poll)',
  description:
    'Answers once an entry (the console’s, or one of Clerk’s events) lands in an organization the user may see after version `after`, or after `wait` seconds; `wait=0` answers at once with the current version.',
  request: { query: ActivityChangesQuery },
  responses: { 200: jsonContent(ActivityChangesAnswer, 'The current version, and whether it changed.') },
});

/** `GET /activity` and `GET /activity/changes`. Mounted at `/api`. */
export function activityRoutes({ store, access, activityChanges, config, upstream }: RouteDeps) {
  return new OpenAPIHono<AppEnv>()
    .openapi(guarded(activityChangesRoute, access), async (c) => {
      const p = c.get('principal');
      const { after, wait } = c.req.valid('query');
      const visible = (org: string | null) => (org === null ? p.isStaff : canManageOrg(p, org));
      const waitMs = Math.min(wait * 1000, config.activityWaitMaxMs);
      return c.json(await activityChanges.wait(after, visible, waitMs, c.req.raw.signal), 200);
    })
    .openapi(guarded(listActivityRoute, access), async (c) => {
      const p = c.get('principal');
      const query = c.req.valid('query');
      if (query.organization_id !== undefined && !canManageOrg(p, query.organization_id)) {
        throw new ApiError(clerkErrors.forbidden());
      }
      const scope = p.isStaff ? { all: true as const } : { organizationIds: adminOrgs(p).map((m) => m.id) };
      const actor =
        query.actor === undefined
          ? undefined
          : { text: query.actor, userIds: await userIdsWithEmail(upstream, query.actor) };
      return c.json(await listActivity(store, { ...query, actor }, scope), 200);
    });
}
