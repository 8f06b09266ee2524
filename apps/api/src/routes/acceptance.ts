import { OpenAPIHono, z } from '@hono/zod-openapi';
import {
  AcceptanceList,
  AcceptanceListQuery,
  clerkErrors,
  OrganizationAcceptance,
} from '@invites/clerk-schema';
import {
  acceptanceByInviter,
  acceptanceByOrganization,
  organizationsWithFigures,
  STALE_DAYS,
  WINDOW_DAYS,
} from '../acceptance/acceptance-figures.ts';
import { adminOrgs, canManageOrg } from '../auth/principal.ts';
import { consoleRoute, guarded, jsonContent } from '../http/contract.ts';
import { ApiError } from '../http/errors.ts';
import type { AppEnv } from '../types.ts';
import type { RouteDeps } from './route-deps.ts';

const MAX_LISTED = 500;
const OrgParams = z.object({ org: z.string().openapi({ description: 'An organization id (`org_…`).' }) });

export const organizationAcceptanceRoute = consoleRoute('org_manager', {
  method: 'get',
  path: '/organizations/{org}/acceptance',
  summary: 'An organization’s acceptance figures, and its inviters’',
  description:
    'From Clerk’s webhooks and the one-time backfill: invitations sent in the last 30 days, accepted, the rate, the median time to accept, and invitations pending more than 14 days.',
  request: { params: OrgParams },
  responses: { 200: jsonContent(OrganizationAcceptance, 'The figures, per inviter too.') },
});

export const acceptanceListRoute = consoleRoute('console_user', {
  method: 'get',
  path: '/acceptance',
  summary: 'The acceptance figures of several organizations (a list page)',
  description:
    'Without `organization_id`: the organizations the user manages (staff: every one with figures). An organization the user may not manage is a 403.',
  request: { query: AcceptanceListQuery },
  responses: { 200: jsonContent(AcceptanceList, 'The figures per organization.') },
});

/** `GET /organizations/:org/acceptance` and `GET /acceptance`. Mounted at `/api`. */
export function acceptanceRoutes({ store, access, now }: RouteDeps) {
  const window = (asOf: number) => ({ window_days: WINDOW_DAYS, stale_days: STALE_DAYS, as_of: asOf });
  return new OpenAPIHono<AppEnv>()
    .openapi(guarded(organizationAcceptanceRoute, access), async (c) => {
      const { org } = c.req.valid('param');
      const asOf = now();
      const [byOrg, inviters] = await Promise.all([
        acceptanceByOrganization(store, [org], asOf),
        acceptanceByInviter(store, org, asOf),
      ]);
      const figures = byOrg.get(org);
      if (!figures) throw new ApiError(clerkErrors.internal());
      return c.json({ ...window(asOf), organization_id: org, ...figures, inviters }, 200);
    })
    .openapi(guarded(acceptanceListRoute, access), async (c) => {
      const p = c.get('principal');
      const asked = c.req.valid('query').organization_id;
      if (asked?.some((id) => !canManageOrg(p, id))) throw new ApiError(clerkErrors.forbidden());
      const ids = asked
        ? [...new Set(asked)]
        : p.isStaff
          ? await organizationsWithFigures(store, MAX_LISTED)
          : adminOrgs(p).map((m) => m.id);
      const asOf = now();
      const figures = await acceptanceByOrganization(store, ids, asOf);
      const data = ids.flatMap((id) => {
        const f = figures.get(id);
        return f ? [{ organization_id: id, ...f }] : [];
      });
      return c.json({ ...window(asOf), data }, 200);
    });
}
