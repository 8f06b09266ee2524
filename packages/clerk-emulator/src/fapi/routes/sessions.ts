import { clerkErrors, FapiSessionTokenBody, FapiTouchSessionBody } from '@invites/clerk-schema';
import { type Context, Hono } from 'hono';
import type { EmulatorContext } from '../../context.ts';
import type { AppEnv } from '../../http/app-env.ts';
import { parseOrRaise } from '../../http/request.ts';
import { raise, sendJson } from '../../http/respond.ts';
import { type ClientRow, updateClient } from '../../store/clients.ts';
import { getMembership } from '../../store/memberships.ts';
import { getOrganizationByIdOrSlug } from '../../store/organizations.ts';
import {
  activeClientSessions,
  getSession,
  type SessionRow,
  setSessionStatus,
  touchSession,
} from '../../store/sessions.ts';
import { currentClient, sendClient, sendEnvelope } from '../client-scope.ts';
import { readForm } from '../http.ts';
import { mintSessionToken, sessionTokenMinter } from '../session-token.ts';
import { toFapiSession } from '../wire/session.ts';

function organizationNotFound(param: string) {
  const failure = clerkErrors.organizationNotFound();
  return { ...failure, errors: failure.errors.map((e) => ({ ...e, meta: { param_name: param } })) };
}

/** An organization (ID or slug) the session's user belongs to; empty means the personal account. */
function memberOrganization(ctx: EmulatorContext, session: SessionRow, key: string, param: string) {
  if (key === '') return null;
  const org = getOrganizationByIdOrSlug(ctx.db, key, ctx.clock.now());
  if (!org || !getMembership(ctx.db, org.id, session.user_id)) return raise(organizationNotFound(param));
  return org;
}

/** `/v1/client/sessions…`: sign-out, touch (active organization), end, remove and session tokens. */
export function sessionRoutes(ctx: EmulatorContext) {
  const { db, clock } = ctx;
  /** A signed-in session of the browser's client; anything else reads as signed out. */
  const signedIn = (c: Context<AppEnv>): { client: ClientRow; session: SessionRow } => {
    const id = c.req.param('sessionId');
    const client = currentClient(ctx, c) ?? raise(clerkErrors.signedOut());
    const session = activeClientSessions(db, client.id, clock.now()).find((s) => s.id === id);
    return { client, session: session ?? raise(clerkErrors.signedOut()) };
  };
  /** Any session of the browser's client, whatever its status. */
  const owned = (c: Context<AppEnv>): { client: ClientRow; session: SessionRow } => {
    const id = c.req.param('sessionId') ?? '';
    const client = currentClient(ctx, c) ?? raise(clerkErrors.sessionNotFound(id));
    const session = getSession(db, id);
    if (!session || session.client_id !== client.id) raise(clerkErrors.sessionNotFound(id));
    return { client, session };
  };
  const finish = (c: Context<AppEnv>, status: 'ended' | 'removed') => {
    const { client, session } = owned(c);
    const now = clock.now();
    if (session.status === 'active') setSessionStatus(db, session.id, status, now);
    updateClient(db, client.id, {}, now);
    const after = getSession(db, session.id) ?? session;
    return sendEnvelope(ctx, c, toFapiSession(db, after, now, sessionTokenMinter(ctx, c)), client);
  };

  return new Hono<AppEnv>()
    .delete('/client/sessions', (c) => {
      const client = currentClient(ctx, c);
      if (client) {
        const now = clock.now();
        db.transaction(() => {
          for (const s of activeClientSessions(db, client.id, now))
            setSessionStatus(db, s.id, 'removed', now);
          updateClient(db, client.id, { lastActiveSessionId: null }, now);
        })();
      }
      return sendClient(ctx, c, client);
    })
    .post('/client/sessions/:sessionId/touch', async (c) => {
      const input = parseOrRaise(FapiTouchSessionBody, await readForm(c));
      const { client, session } = signedIn(c);
      const org =
        input.active_organization_id === undefined
          ? undefined
          : memberOrganization(ctx, session, input.active_organization_id, 'active_organization_id');
      const now = clock.now();
      touchSession(db, session.id, now, org === undefined ? undefined : (org?.id ?? null));
      updateClient(db, client.id, { lastActiveSessionId: session.id }, now);
      const after = getSession(db, session.id) ?? session;
      return sendEnvelope(ctx, c, toFapiSession(db, after, now, sessionTokenMinter(ctx, c)), client);
    })
    .post('/client/sessions/:sessionId/end', (c) => finish(c, 'ended'))
    .post('/client/sessions/:sessionId/remove', (c) => finish(c, 'removed'))
    .post('/client/sessions/:sessionId/tokens', async (c) => {
      const input = parseOrRaise(FapiSessionTokenBody, await readForm(c));
      const { session } = signedIn(c);
      const org =
        input.organization_id === undefined
          ? undefined
          : memberOrganization(ctx, session, input.organization_id, 'organization_id');
      touchSession(db, session.id, clock.now());
      const jwt = mintSessionToken(ctx, c, session, org);
      return sendJson(c, { object: 'token', jwt });
    });
}
