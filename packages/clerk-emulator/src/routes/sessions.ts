import { CreateSessionBody, CreateSessionTokenBody, clerkErrors, newClerkId } from '@invites/clerk-schema';
import { Hono } from 'hono';
import type { EmulatorContext } from '../context.ts';
import type { AppEnv } from '../http/app-env.ts';
import { baseUrl, parseOrRaise, readJsonBody } from '../http/request.ts';
import { raise, sendJson } from '../http/respond.ts';
import { signSessionToken } from '../jwt/session-token.ts';
import { getMembership } from '../store/memberships.ts';
import { findOrganization } from '../store/organizations.ts';
import { getSession, insertSession } from '../store/sessions.ts';
import { getUser } from '../store/users.ts';
import { toSession } from '../wire/session.ts';

/** Sessions and session tokens (testing instances only in Clerk), and the instance JWKS. */
export function sessionRoutes(ctx: EmulatorContext) {
  const { db, clock, keys } = ctx;
  return new Hono<AppEnv>()
    .post('/sessions', async (c) => {
      const input = parseOrRaise(CreateSessionBody, await readJsonBody(c));
      if (!getUser(db, input.user_id)) raise(clerkErrors.userNotFound(input.user_id));
      const orgId = input.active_organization_id ?? null;
      if (orgId) {
        if (!findOrganization(db, orgId)) raise(clerkErrors.organizationNotFound());
        if (!getMembership(db, orgId, input.user_id)) {
          raise(clerkErrors.paramValueInvalid('active_organization_id', orgId));
        }
      }
      const id = newClerkId('sess');
      insertSession(db, {
        id,
        clientId: newClerkId('client'),
        userId: input.user_id,
        activeOrgId: orgId,
        now: clock.now(),
      });
      return sendJson(c, toSession(getSession(db, id) ?? raise(clerkErrors.internal())));
    })
    .get('/sessions/:sessionId', (c) => {
      const id = c.req.param('sessionId');
      return sendJson(c, toSession(getSession(db, id) ?? raise(clerkErrors.sessionNotFound(id))));
    })
    .post('/sessions/:sessionId/tokens', async (c) => {
      const body = await readJsonBody(c);
      const id = c.req.param('sessionId');
      const session = getSession(db, id) ?? raise(clerkErrors.sessionNotFound(id));
      const input = parseOrRaise(CreateSessionTokenBody, body);
      const org = session.active_org_id ? findOrganization(db, session.active_org_id) : undefined;
      const membership = org && getMembership(db, org.id, session.user_id);
      const azp = c.req.header('Origin');
      const jwt = signSessionToken(
        keys.get(),
        {
          sub: session.user_id,
          sid: session.id,
          iss: baseUrl(c, ctx.options.publicUrl),
          ...(azp ? { azp } : {}),
          ...(org && membership ? { org: { id: org.id, slug: org.slug, role: membership.role } } : {}),
        },
        input.expires_in_seconds ?? ctx.options.tokenTtlSeconds,
      );
      return sendJson(c, { object: 'token', jwt });
    })
    .get('/jwks', (c) => sendJson(c, { keys: [keys.get().jwk] }));
}
