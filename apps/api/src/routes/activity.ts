import { OpenAPIHono } from '@hono/zod-openapi';
import { ActivityList, ActivityQuery, clerkErrors } from '@invites/clerk-schema';
import { listActivity } from '../activity/activity-log.ts';
import { adminOrgs, canManageOrg } from '../auth/principal.ts';
import { consoleRoute, guarded, jsonContent } from '../http/contract.ts';
import { ApiError } from '../http/errors.ts';
import type { AppEnv } from '../types.ts';
import type { RouteDeps } from './route-deps.ts';

export const listActivityRoute = consoleRoute('console_user', {
  method: 'get',
  path: '/activity',
  summary: 'The activity log: every entry for staff, their organizations’ for org admins',
  description: 'Filtering by an organization the user may not manage is a 403.',
  request: { query: ActivityQuery },
  responses: { 200: jsonContent(ActivityList, 'A page of entries, newest first.') },
});

/** `GET /activity`. Mounted at `/api`. */
export function activityRoutes({ store, access }: RouteDeps) {
  return new OpenAPIHono<AppEnv>().openapi(guarded(listActivityRoute, access), async (c) => {
    const p = c.get('principal');
    const query = c.req.valid('query');
    if (query.organization_id !== undefined && !canManageOrg(p, query.organization_id)) {
      throw new ApiError(clerkErrors.forbidden());
    }
    const scope = p.isStaff ? { all: true as const } : { organizationIds: adminOrgs(p).map((m) => m.id) };
    return c.json(await listActivity(store, query, scope), 200);
  });
}
