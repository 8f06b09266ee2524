import { AcceptanceListQuery, clerkErrors } from '@invites/clerk-schema';
import { Hono } from 'hono';
import {
  acceptanceByInviter,
  acceptanceByOrganization,
  organizationsWithFigures,
  STALE_DAYS,
  WINDOW_DAYS,
} from '../acceptance/acceptance-figures.ts';
import { adminOrgs, canManageOrg } from '../auth/principal.ts';

const MAX_LISTED = 500;

import { ApiError } from '../http/errors.ts';
import { parseQuery } from '../http/validate.ts';
import type { AppEnv } from '../types.ts';
import type { RouteDeps } from './route-deps.ts';

/**
 * Acceptance figures from Clerk's webhooks: `GET /organizations/:org/acceptance` (the organization and
 * its inviters) and `GET /acceptance?organization_id=…` (several, for a list page; without ids, the
 * organizations the user manages). Staff may read any organization, admins their own (403 for
 * another). Mounted at `/api`.
 */
export function acceptanceRoutes({ store, access, now }: RouteDeps) {
  const window = (asOf: number) => ({ window_days: WINDOW_DAYS, stale_days: STALE_DAYS, as_of: asOf });
  return new Hono<AppEnv>()
    .get('/organizations/:org/acceptance', access.orgManager, async (c) => {
      const org = c.req.param('org');
      const asOf = now();
      const [byOrg, inviters] = await Promise.all([
        acceptanceByOrganization(store, [org], asOf),
        acceptanceByInviter(store, org, asOf),
      ]);
      return c.json({ ...window(asOf), organization_id: org, ...byOrg.get(org), inviters });
    })
    .get('/acceptance', access.consoleUser, async (c) => {
      const p = c.get('principal');
      const asked = parseQuery(c, AcceptanceListQuery).organization_id;
      if (asked?.some((id) => !canManageOrg(p, id))) throw new ApiError(clerkErrors.forbidden());
      const ids = asked
        ? [...new Set(asked)]
        : p.isStaff
          ? await organizationsWithFigures(store, MAX_LISTED)
          : adminOrgs(p).map((m) => m.id);
      const asOf = now();
      const figures = await acceptanceByOrganization(store, ids, asOf);
      return c.json({
        ...window(asOf),
        data: ids.map((id) => ({ organization_id: id, ...figures.get(id) })),
      });
    });
}
