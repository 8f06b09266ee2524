import { clerkErrors, ListInstanceInvitationsQuery, ListUserInvitationsQuery } from '@invites/clerk-schema';
import { Hono } from 'hono';
import type { EmulatorContext } from '../context.ts';
import type { AppEnv } from '../http/app-env.ts';
import { baseUrl, parseOrRaise, readQuery } from '../http/request.ts';
import { raise, sendJson } from '../http/respond.ts';
import { listInvitations } from '../store/invitations.ts';
import { getUser } from '../store/users.ts';
import { toInvitationWithOrganization } from '../wire/invitation.ts';

/** Invitation lists across organizations: getAll and a user's invitations. */
export function instanceInvitationRoutes(ctx: EmulatorContext) {
  const { db, clock } = ctx;
  return new Hono<AppEnv>()
    .get('/organization_invitations', (c) => {
      const query = parseOrRaise(ListInstanceInvitationsQuery, readQuery(c));
      const { rows, total } = listInvitations(
        db,
        {
          statuses: query.status,
          query: query.query,
          orderBy: query.order_by,
          limit: query.limit,
          offset: query.offset,
        },
        clock.now(),
      );
      const base = baseUrl(c, ctx.options.publicUrl);
      return sendJson(c, {
        data: rows.map((row) => toInvitationWithOrganization(row, base)),
        total_count: total,
      });
    })
    .get('/users/:userId/organization_invitations', (c) => {
      const userId = c.req.param('userId');
      const user = getUser(db, userId) ?? raise(clerkErrors.userNotFound(userId));
      const query = parseOrRaise(ListUserInvitationsQuery, readQuery(c));
      const { rows, total } = listInvitations(
        db,
        {
          statuses: query.status,
          emails: user.emails.map((e) => e.email_address),
          orderBy: '-created_at',
          limit: query.limit,
          offset: query.offset,
        },
        clock.now(),
      );
      const base = baseUrl(c, ctx.options.publicUrl);
      return sendJson(c, {
        data: rows.map((row) => toInvitationWithOrganization(row, base)),
        total_count: total,
      });
    });
}
