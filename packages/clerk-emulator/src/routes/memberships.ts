import {
  CreateMembershipBody,
  clerkErrors,
  ListMembershipsQuery,
  newClerkId,
  PaginationQuery,
} from '@invites/clerk-schema';
import { Hono } from 'hono';
import type { EmulatorContext } from '../context.ts';
import type { AppEnv } from '../http/app-env.ts';
import { parseOrRaise, readJsonBody, readQuery } from '../http/request.ts';
import { raise, sendJson } from '../http/respond.ts';
import { countPending } from '../store/invitations.ts';
import {
  countMembers,
  getMembership,
  insertMembership,
  listOrganizationMemberships,
  listUserMemberships,
} from '../store/memberships.ts';
import { findOrganization } from '../store/organizations.ts';
import { getRole } from '../store/roles.ts';
import { getUser } from '../store/users.ts';
import { presentMemberships } from '../wire/present-memberships.ts';

/** Memberships of an organization and of a user. */
export function membershipRoutes(ctx: EmulatorContext) {
  const { db, clock } = ctx;
  const requireOrg = (id: string) => findOrganization(db, id) ?? raise(clerkErrors.organizationNotFound());

  return new Hono<AppEnv>()
    .get('/organizations/:orgId/memberships', (c) => {
      const org = requireOrg(c.req.param('orgId'));
      const query = parseOrRaise(ListMembershipsQuery, readQuery(c));
      const { rows, total } = listOrganizationMemberships(db, org.id, query);
      return sendJson(c, { data: presentMemberships(db, rows, clock.now()), total_count: total });
    })
    .post('/organizations/:orgId/memberships', async (c) => {
      const body = await readJsonBody(c);
      const org = requireOrg(c.req.param('orgId'));
      const input = parseOrRaise(CreateMembershipBody, body);
      const user = getUser(db, input.user_id) ?? raise(clerkErrors.userNotFound(input.user_id));
      if (!getRole(db, input.role)) raise(clerkErrors.roleNotFound());
      if (getMembership(db, org.id, user.user.id)) {
        raise(clerkErrors.alreadyMember(user.emails[0]?.email_address ?? user.user.id));
      }
      const now = clock.now();
      const max = org.max_allowed_memberships;
      if (max > 0 && countMembers(db, org.id) + countPending(db, org.id, now) + 1 > max) {
        raise(clerkErrors.membershipQuotaExceeded(max));
      }
      insertMembership(db, {
        id: newClerkId('orgmem'),
        orgId: org.id,
        userId: user.user.id,
        role: input.role,
        publicMetadata: input.public_metadata,
        privateMetadata: input.private_metadata,
        createdAt: now,
      });
      const row = getMembership(db, org.id, user.user.id) ?? raise(clerkErrors.internal());
      return sendJson(c, presentMemberships(db, [row], now)[0]);
    })
    .get('/users/:userId/organization_memberships', (c) => {
      const userId = c.req.param('userId');
      if (!getUser(db, userId)) raise(clerkErrors.userNotFound(userId));
      const query = parseOrRaise(PaginationQuery, readQuery(c));
      const { rows, total } = listUserMemberships(db, userId, query.limit, query.offset);
      return sendJson(c, { data: presentMemberships(db, rows, clock.now()), total_count: total });
    });
}
