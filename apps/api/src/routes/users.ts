import {
  clerkErrors,
  isClerkId,
  normalizeEmail,
  PaginationQuery,
  UserByEmailQuery,
} from '@invites/clerk-schema';
import { Hono } from 'hono';
import { createMiddleware } from 'hono/factory';
import { ApiError } from '../http/errors.ts';
import { parseQuery, toSearchParams } from '../http/validate.ts';
import type { AppEnv } from '../types.ts';
import { relay } from '../upstream/relay.ts';
import type { RouteDeps } from './route-deps.ts';

/** 404 for a malformed user id, before auth (like the ids of `access.orgManager`). */
const checkUserId = createMiddleware<AppEnv>(async (c, next) => {
  const id = c.req.param('user') ?? '';
  if (!isClerkId('user', id)) throw new ApiError(clerkErrors.userNotFound(id.slice(0, 64)));
  await next();
});

/**
 * The person lookup's two Clerk reads, for staff only: the user with one exact address, and a user's
 * organization memberships. Nothing else of Clerk's users API is reachable. Mounted at `/api/v1`.
 */
export function userRoutes({ upstream, access }: RouteDeps) {
  return new Hono<AppEnv>()
    .get('/users', access('staff'), async (c) => {
      const { email_address } = parseQuery(c, UserByEmailQuery);
      const query = new URLSearchParams({ email_address: normalizeEmail(email_address), limit: '10' });
      return relay(await upstream.send({ method: 'GET', path: '/v1/users', query }), { strip: false });
    })
    .get('/users/:user/organization_memberships', checkUserId, access('staff'), async (c) => {
      const query = toSearchParams(parseQuery(c, PaginationQuery));
      const path = `/v1/users/${c.req.param('user')}/organization_memberships`;
      return relay(await upstream.send({ method: 'GET', path, query }), { strip: false });
    });
}
