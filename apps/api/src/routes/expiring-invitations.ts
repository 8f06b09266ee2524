import { OpenAPIHono } from '@hono/zod-openapi';
import type { OrganizationInvitation } from '@invites/clerk-schema';
import { guarded } from '../http/contract.ts';
import type { AppEnv } from '../types.ts';
import { withoutPrivateMetadata } from '../upstream/relay.ts';
import { listExpiring, listExpiringEverywhere } from './invitation-job-contracts.ts';
import type { RouteDeps } from './route-deps.ts';

/**
 * The expiring-soon lists (Clerk's list envelope, soonest expiry first): an organization's pending
 * invitations expiring within 3, 7, 14 or 30 days, and the same across organizations for staff.
 * Mounted at `/api`.
 */
export function expiringInvitationRoutes({ access, expiring, now }: RouteDeps) {
  return new OpenAPIHono<AppEnv>()
    .openapi(guarded(listExpiring, access), async (c) => {
      const query = c.req.valid('query');
      const found = await expiring.matches(
        c.req.valid('param').org,
        { withinDays: query.expires_within, email: query.email_address },
        now(),
      );
      const page = found.slice(query.offset, query.offset + query.limit);
      const data = c.get('principal').isStaff
        ? page
        : (withoutPrivateMetadata(page) as OrganizationInvitation[]);
      return c.json({ data, total_count: found.length }, 200);
    })
    .openapi(guarded(listExpiringEverywhere, access), async (c) => {
      const query = c.req.valid('query');
      const found = await expiring.everywhere(
        { withinDays: query.expires_within, query: query.query },
        now(),
      );
      return c.json(
        { data: found.slice(query.offset, query.offset + query.limit), total_count: found.length },
        200,
      );
    });
}
