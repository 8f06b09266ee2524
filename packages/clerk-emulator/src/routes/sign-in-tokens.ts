import { randomBytes } from 'node:crypto';
import { CreateSignInTokenBody, clerkErrors, newClerkId, type SignInToken } from '@invites/clerk-schema';
import { Hono } from 'hono';
import type { EmulatorContext } from '../context.ts';
import type { AppEnv } from '../http/app-env.ts';
import { parseOrRaise, readJsonBody } from '../http/request.ts';
import { raise, sendJson } from '../http/respond.ts';
import { getMembership } from '../store/memberships.ts';
import { findOrganization } from '../store/organizations.ts';
import {
  getSignInToken,
  insertSignInToken,
  type SignInTokenRow,
  settleSignInToken,
} from '../store/sign-in-tokens.ts';
import { getUser } from '../store/users.ts';

/** Clerk's default lifetime of a sign-in token: 30 days. */
const DEFAULT_EXPIRES_IN_SECONDS = 2_592_000;

const notFound = (id: string) => clerkErrors.resourceNotFound(`No sign in token was found with id ${id}`);

function toSignInToken(row: SignInTokenRow, withTicket: boolean): SignInToken {
  return {
    object: 'sign_in_token',
    id: row.id,
    status: row.status,
    user_id: row.user_id,
    ...(withTicket ? { token: row.token } : {}),
    // The emulator serves no hosted ticket page; clients sign in with the token as a ticket.
    url: null,
    created_at: row.created_at,
    updated_at: row.updated_at,
  };
}

/** `POST /sign_in_tokens` (a single-use ticket for the Frontend API) and `POST /sign_in_tokens/{id}/revoke`. */
export function signInTokenRoutes(ctx: EmulatorContext) {
  const { db, clock } = ctx;
  return new Hono<AppEnv>()
    .post('/sign_in_tokens', async (c) => {
      const input = parseOrRaise(CreateSignInTokenBody, await readJsonBody(c));
      if (!getUser(db, input.user_id)) raise(clerkErrors.userNotFound(input.user_id));
      const orgId = input.org_id ?? null;
      if (orgId) {
        if (!findOrganization(db, orgId)) raise(clerkErrors.organizationNotFound());
        if (!getMembership(db, orgId, input.user_id)) raise(clerkErrors.paramValueInvalid('org_id', orgId));
      }
      const now = clock.now();
      const id = newClerkId('sit');
      insertSignInToken(db, {
        id,
        user_id: input.user_id,
        token: randomBytes(32).toString('base64url'),
        org_id: orgId,
        expires_at: now + (input.expires_in_seconds ?? DEFAULT_EXPIRES_IN_SECONDS) * 1000,
        created_at: now,
      });
      return sendJson(c, toSignInToken(getSignInToken(db, id) ?? raise(clerkErrors.internal()), true));
    })
    .post('/sign_in_tokens/:tokenId/revoke', (c) => {
      const id = c.req.param('tokenId');
      const row = getSignInToken(db, id) ?? raise(notFound(id));
      if (!settleSignInToken(db, row.id, 'revoked', clock.now())) {
        raise(clerkErrors.paramValueInvalid('sign_in_token_id', id));
      }
      return sendJson(c, toSignInToken(getSignInToken(db, id) ?? raise(clerkErrors.internal()), false));
    });
}
