import {
  BULK_MAX,
  BulkCreateInvitationsBody,
  CreateInvitationBody,
  clerkErrors,
  ListOrganizationInvitationsQuery,
  ListPendingInvitationsQuery,
  normalizeEmail,
  RevokeInvitationBody,
} from '@invites/clerk-schema';
import { Hono } from 'hono';
import type { EmulatorContext } from '../context.ts';
import type { AppEnv } from '../http/app-env.ts';
import { baseUrl, parseOrRaise, readJsonBody, readQuery } from '../http/request.ts';
import { raise, sendJson } from '../http/respond.ts';
import { assertOrgAdmin, createInvitations } from '../services/invite.ts';
import { getInvitation, listInvitations, settleInvitation } from '../store/invitations.ts';
import { findOrganization } from '../store/organizations.ts';
import { emitInvitations } from '../webhooks/emit.ts';
import { toInvitation } from '../wire/invitation.ts';

/** The six per-organization invitation operations under `/organizations/{id}/invitations`. */
export function organizationInvitationRoutes(ctx: EmulatorContext) {
  const { db, clock } = ctx;
  const requireOrg = (id: string) => findOrganization(db, id) ?? raise(clerkErrors.organizationNotFound());
  const requireInvitation = (orgId: string, id: string) => {
    const view = getInvitation(db, id, clock.now());
    return view && view.org_id === orgId ? view : raise(clerkErrors.invitationNotFound(id));
  };
  const base = (c: Parameters<typeof baseUrl>[0]) => baseUrl(c, ctx.options.publicUrl);

  return new Hono<AppEnv>()
    .get('/organizations/:orgId/invitations', (c) => {
      const org = requireOrg(c.req.param('orgId'));
      const query = parseOrRaise(ListOrganizationInvitationsQuery, readQuery(c));
      const { rows, total } = listInvitations(
        db,
        {
          orgId: org.id,
          statuses: query.status,
          email: query.email_address ? normalizeEmail(query.email_address) : undefined,
          orderBy: query.order_by,
          limit: query.limit,
          offset: query.offset,
        },
        clock.now(),
      );
      return sendJson(c, { data: rows.map((row) => toInvitation(row, base(c))), total_count: total });
    })
    .post('/organizations/:orgId/invitations', async (c) => {
      const body = await readJsonBody(c);
      const org = requireOrg(c.req.param('orgId'));
      const input = parseOrRaise(CreateInvitationBody, body);
      const now = clock.now();
      const [id = ''] = createInvitations(db, org, [input], now, false);
      emitInvitations(ctx, c, 'organizationInvitation.created', [id]);
      return sendJson(c, toInvitation(requireInvitation(org.id, id), base(c)));
    })
    .post('/organizations/:orgId/invitations/bulk', async (c) => {
      const body = await readJsonBody(c);
      const org = requireOrg(c.req.param('orgId'));
      if (Array.isArray(body) && body.length > BULK_MAX) raise(clerkErrors.bulkSizeExceeded());
      if (Array.isArray(body) && body.length === 0) raise(clerkErrors.bulkEmpty());
      const items = parseOrRaise(BulkCreateInvitationsBody, body);
      const ids = createInvitations(db, org, items, clock.now(), true);
      emitInvitations(ctx, c, 'organizationInvitation.created', ids);
      const data = ids.map((id) => toInvitation(requireInvitation(org.id, id), base(c)));
      return sendJson(c, { data, total_count: data.length });
    })
    .get('/organizations/:orgId/invitations/pending', (c) => {
      const org = requireOrg(c.req.param('orgId'));
      const query = parseOrRaise(ListPendingInvitationsQuery, readQuery(c));
      const { rows, total } = listInvitations(
        db,
        {
          orgId: org.id,
          statuses: ['pending'],
          orderBy: '-created_at',
          limit: query.limit,
          offset: query.offset,
        },
        clock.now(),
      );
      return sendJson(c, { data: rows.map((row) => toInvitation(row, base(c))), total_count: total });
    })
    .get('/organizations/:orgId/invitations/:invitationId', (c) => {
      const org = requireOrg(c.req.param('orgId'));
      return sendJson(c, toInvitation(requireInvitation(org.id, c.req.param('invitationId')), base(c)));
    })
    .post('/organizations/:orgId/invitations/:invitationId/revoke', async (c) => {
      const body = await readJsonBody(c);
      const org = requireOrg(c.req.param('orgId'));
      const input = parseOrRaise(RevokeInvitationBody, body);
      const invitation = requireInvitation(org.id, c.req.param('invitationId'));
      if (input.requesting_user_id) assertOrgAdmin(db, org.id, input.requesting_user_id);
      if (!settleInvitation(db, invitation.id, 'revoked', clock.now()))
        raise(clerkErrors.invitationNotPending());
      emitInvitations(ctx, c, 'organizationInvitation.revoked', [invitation.id]);
      return sendJson(c, toInvitation(requireInvitation(org.id, invitation.id), base(c)));
    });
}
