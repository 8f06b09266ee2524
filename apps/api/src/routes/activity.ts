import { OpenAPIHono } from '@hono/zod-openapi';
import { ActivityList, ActivityQuery, clerkErrors } from '@invites/clerk-schema';
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

/** `GET /activity`. Mounted at `/api`. */
export function activityRoutes({ store, access, upstream }: RouteDeps) {
  return new OpenAPIHono<AppEnv>().openapi(guarded(listActivityRoute, access), async (c) => {
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
