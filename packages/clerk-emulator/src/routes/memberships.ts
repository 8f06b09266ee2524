import {
  CreateMembershipBody,
  clerkErrors,
  ListMembershipsQuery,
  newClerkId,
  PaginationQuery,
  UpdateMembershipBody,
} from '@invites/clerk-schema';
import { Hono } from 'hono';
import type { EmulatorContext } from '../context.ts';
import type { AppEnv } from '../http/app-env.ts';
import { parseOrRaise, readJsonBody, readQuery } from '../http/request.ts';
import { raise, sendJson } from '../http/respond.ts';
import { countPending } from '../store/invitations.ts';
import {
  countMembers,
  deleteMembership,
  getMembership,
  insertMembership,
  listOrganizationMemberships,
  listUserMemberships,
  updateMembershipRole,
} from '../store/memberships.ts';
import { findOrganization } from '../store/organizations.ts';
import { getRole } from '../store/roles.ts';
import { getUser } from '../store/users.ts';
import { emitMembership } from '../webhooks/emit.ts';
import { presentMemberships } from '../wire/present-memberships.ts';

/** Memberships of an organization and of a user. */
export function membershipRoutes(ctx: EmulatorContext) {
  const { db, clock } = ctx;
  const requireOrg = (id: string) => findOrganization(db, id) ?? raise(clerkErrors.organizationNotFound());
  const requireMembership = (orgId: string, userId: string) =>
    getMembership(db, requireOrg(orgId).id, userId) ??
    raise(clerkErrors.resourceNotFound('No organization membership was found for this user.'));

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
      emitMembership(ctx, c, 'organizationMembership.created', row);
      return sendJson(c, presentMemberships(db, [row], now)[0]);
    })
    .patch('/organizations/:orgId/memberships/:userId', async (c) => {
      const body = await readJsonBody(c);
      const current = requireMembership(c.req.param('orgId'), c.req.param('userId'));
      const input = parseOrRaise(UpdateMembershipBody, body);
      if (!getRole(db, input.role)) raise(clerkErrors.roleNotFound());
      const now = clock.now();
      updateMembershipRole(db, current.org_id, current.user_id, input.role, now);
      const row = getMembership(db, current.org_id, current.user_id) ?? raise(clerkErrors.internal());
      emitMembership(ctx, c, 'organizationMembership.updated', row);
      return sendJson(c, presentMemberships(db, [row], now)[0]);
    })
    .delete('/organizations/:orgId/memberships/:userId', (c) => {
      const row = requireMembership(c.req.param('orgId'), c.req.param('userId'));
      deleteMembership(db, row.org_id, row.user_id);
      emitMembership(ctx, c, 'organizationMembership.deleted', row);
      return sendJson(c, presentMemberships(db, [row], clock.now())[0]);
    })
    .get('/users/:userId/organization_memberships', (c) => {
      const userId = c.req.param('userId');
      if (!getUser(db, userId)) raise(clerkErrors.userNotFound(userId));
      const query = parseOrRaise(PaginationQuery, readQuery(c));
      const { rows, total } = listUserMemberships(db, userId, query.limit, query.offset);
      return sendJson(c, { data: presentMemberships(db, rows, clock.now()), total_count: total });
    });
}
