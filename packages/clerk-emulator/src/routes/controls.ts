import {
  clerkErrors,
  type EmulatorEmail,
  type EmulatorInfo,
  intParam,
  normalizeEmail,
} from '@invites/clerk-schema';
import { type Context, Hono } from 'hono';
import { z } from 'zod';
import { EMULATOR_VERSION } from '../config.ts';
import type { EmulatorContext } from '../context.ts';
import { EMULATOR_PUBLISHABLE_KEY } from '../fapi/publishable-key.ts';
import type { AppEnv } from '../http/app-env.ts';
import { baseUrl, parseOrRaise, readJsonBody, readQuery } from '../http/request.ts';
import { raise, sendJson } from '../http/respond.ts';
import { FaultRequest } from '../middleware/fault-registry.ts';
import { acceptInvitation } from '../services/accept.ts';
import { type EmailOutboxRow, listEmails } from '../store/emails.ts';
import { ageInvitations, getInvitation } from '../store/invitations.ts';
import { getMembership } from '../store/memberships.ts';
import { emitAcceptance } from '../webhooks/emit.ts';
import { toInvitation } from '../wire/invitation.ts';
import { presentMemberships } from '../wire/present-memberships.ts';

const ClockBody = z.strictObject({
  advance_ms: z
    .number()
    .int()
    .min(0)
    .max(10 * 365 * 86_400_000),
});

const AgeBody = z.strictObject({
  invitation_ids: z.array(z.string().max(64)).min(1).max(500),
  by_ms: z
    .number()
    .int()
    .min(1)
    .max(10 * 365 * 86_400_000),
});

const EmailsQuery = z.object({
  to: z.string().max(320).optional(),
  limit: intParam(1, 500, 50),
  offset: intParam(0, 1_000_000_000, 0),
});

function toEmail(row: EmailOutboxRow): EmulatorEmail {
  return {
    object: 'email',
    id: row.id,
    to: row.to_address,
    user_id: row.user_id,
    slug: row.slug,
    subject: row.subject,
    body: row.body,
    code: row.code,
    created_at: row.created_at,
  };
}

/** Test controls outside Clerk's surface, mounted at `/__emulator`. */
export function controlRoutes(ctx: EmulatorContext) {
  const { db, clock, faults, options } = ctx;
  const info = (c: Context<AppEnv>): EmulatorInfo => ({
    object: 'emulator',
    name: 'clerk-emulator',
    version: EMULATOR_VERSION,
    rate_limits: options.rateLimits,
    time_scale: options.timeScale,
    now: clock.now(),
    clock_offset_ms: clock.offsetMs,
    publishable_key: EMULATOR_PUBLISHABLE_KEY,
    frontend_api_url: `${baseUrl(c, options.publicUrl)}/fapi`,
    token_ttl_seconds: options.tokenTtlSeconds,
  });
  const clockState = () => ({ object: 'clock', now: clock.now(), offset_ms: clock.offsetMs });

  return new Hono<AppEnv>()
    .get('/info', (c) => sendJson(c, info(c)))
    .get('/emails', (c) => {
      const query = parseOrRaise(EmailsQuery, readQuery(c));
      const { rows, total } = listEmails(db, {
        to: query.to === undefined ? undefined : normalizeEmail(query.to),
        limit: query.limit,
        offset: query.offset,
      });
      return sendJson(c, { data: rows.map(toEmail), total_count: total });
    })
    .post('/invitations/:invitationId/accept', (c) => {
      const id = c.req.param('invitationId');
      const { userId, orgId } = acceptInvitation(db, id, clock.now());
      const now = clock.now();
      const view = getInvitation(db, id, now) ?? raise(clerkErrors.invitationNotFound(id));
      const membership = getMembership(db, orgId, userId) ?? raise(clerkErrors.internal());
      emitAcceptance(ctx, c, id, userId, membership);
      return sendJson(c, {
        object: 'invitation_acceptance',
        invitation: toInvitation(view, baseUrl(c, options.publicUrl)),
        membership: presentMemberships(db, [membership], now)[0],
      });
    })
    .post('/invitations/age', async (c) => {
      const input = parseOrRaise(AgeBody, await readJsonBody(c));
      const moved = ageInvitations(db, input.invitation_ids, input.by_ms);
      return sendJson(c, { object: 'invitations_aged', moved, by_ms: input.by_ms });
    })
    .get('/clock', (c) => sendJson(c, clockState()))
    .post('/clock', async (c) => {
      const input = parseOrRaise(ClockBody, await readJsonBody(c));
      clock.advance(input.advance_ms);
      return sendJson(c, clockState());
    })
    .get('/faults', (c) => sendJson(c, { data: faults.list() }))
    .post('/faults', async (c) => sendJson(c, faults.add(parseOrRaise(FaultRequest, await readJsonBody(c)))))
    .delete('/faults', (c) => {
      faults.clear();
      return sendJson(c, { data: [] });
    })
    .post('/reset', (c) => {
      ctx.reset();
      return sendJson(c, info(c));
    });
}
