import { ExpiringInstanceInvitationsQuery, ExpiringInvitationsQuery } from '@invites/clerk-schema';
import { Hono } from 'hono';
import { parseQuery } from '../http/validate.ts';
import type { AppEnv } from '../types.ts';
import { withoutPrivateMetadata } from '../upstream/relay.ts';
import type { RouteDeps } from './route-deps.ts';

/**
 * The expiring-soon lists (Clerk's list envelope, soonest expiry first): an organization's pending
 * invitations expiring within 3, 7, 14 or 30 days, and the same across organizations for staff.
 * Mounted at `/api`.
 */
export function expiringInvitationRoutes({ access, expiring, now }: RouteDeps) {
  return new Hono<AppEnv>()
    .get('/organizations/:org/invitations/expiring', access.orgManager, async (c) => {
      const query = parseQuery(c, ExpiringInvitationsQuery);
      const found = await expiring.matches(
        c.req.param('org'),
        { withinDays: query.expires_within, email: query.email_address },
        now(),
      );
      const page = found.slice(query.offset, query.offset + query.limit);
      const data = c.get('principal').isStaff ? page : withoutPrivateMetadata(page);
      return c.json({ data, total_count: found.length });
    })
    .get('/invitations/expiring', access.staff, async (c) => {
      const query = parseQuery(c, ExpiringInstanceInvitationsQuery);
      const found = await expiring.matches(
        null,
        { withinDays: query.expires_within, query: query.query },
        now(),
      );
      return c.json({
        data: found.slice(query.offset, query.offset + query.limit),
        total_count: found.length,
      });
    });
}
