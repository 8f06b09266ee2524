import {
  clerkErrors,
  DevSignInBody,
  type DevUser,
  isClerkId,
  Session,
  SessionToken,
  UserList,
} from '@invites/clerk-schema';
import { type Context, Hono } from 'hono';
import { asGuard } from '../auth/access.ts';
import { describePrincipal, primaryEmail, toMe } from '../auth/principal.ts';
import { isAllowedOrigin } from '../auth/require-auth.ts';
import { clearSessionCookie, setSessionCookie } from '../auth/session-cookie.ts';
import { ApiError } from '../http/errors.ts';
import { parseOrFail, readJsonBody } from '../http/validate.ts';
import type { AppEnv } from '../types.ts';
import { readUpstream } from '../upstream/client.ts';
import { UpstreamError } from '../upstream/errors.ts';
import type { RouteDeps } from './route-deps.ts';

/** Browsers always send Origin on POST: a foreign one is a cross-site (login) CSRF attempt. */
function assertOriginIfSent(c: Context, authorizedParties: readonly string[]): void {
  if (c.req.header('origin') !== undefined && !isAllowedOrigin(c, authorizedParties)) {
    throw new ApiError(clerkErrors.originInvalid());
  }
}

/** `POST /sign-out`: clears the session cookie. Mounted at `/api` in every mode. */
export function signOutRoutes({ config, access }: RouteDeps) {
  return new Hono<AppEnv>().post('/sign-out', access('public'), (c) => {
    assertOriginIfSent(c, config.authorizedParties);
    clearSessionCookie(c);
    return c.body(null, 204);
  });
}

/**
 * Demo sign-in against the emulator: `GET /dev/users`, `POST /dev/sign-in`. Mounted at `/api`
 * only outside production, and answering only when the upstream is the emulator.
 */
export function devAuthRoutes({ config, upstream, principals, detectEmulator }: RouteDeps) {
  const emulatorOnly = asGuard('demo', async (_c, next) => {
    if (!(await detectEmulator())) throw new ApiError(clerkErrors.notFound());
    await next();
  });

  return new Hono<AppEnv>()
    .get('/dev/users', emulatorOnly, async (c) => {
      const res = await upstream.send({
        method: 'GET',
        path: '/v1/users',
        query: new URLSearchParams({ limit: '100', order_by: '+created_at' }),
      });
      const parsed = UserList.safeParse(await readUpstream(res));
      if (!parsed.success)
        throw new UpstreamError('bad_response', 'unexpected user list shape from upstream');
      const principalsOf = await Promise.all(parsed.data.map((user) => principals.load(user.id)));
      const data: DevUser[] = parsed.data.flatMap((user, i) => {
        const p = principalsOf[i];
        if (!p) return [];
        const email_address = primaryEmail(user) ?? '';
        return [
          {
            id: user.id,
            first_name: user.first_name,
            last_name: user.last_name,
            email_address,
            description: describePrincipal(p),
          },
        ];
      });
      return c.json({ data });
    })
    .post('/dev/sign-in', emulatorOnly, async (c) => {
      assertOriginIfSent(c, config.authorizedParties);
      const { user_id } = parseOrFail(DevSignInBody, (await readJsonBody(c)) ?? {});
      const principal = await principals.load(user_id);
      if (!principal) throw new ApiError(clerkErrors.userNotFound(user_id));
      const sessionRes = await upstream.send({ method: 'POST', path: '/v1/sessions', body: { user_id } });
      const session = Session.safeParse(await readUpstream(sessionRes));
      if (!session.success || !isClerkId('sess', session.data.id)) {
        throw new UpstreamError('bad_response', 'unexpected session shape from upstream');
      }
      const sessionId = session.data.id;
      const tokenRes = await upstream.send({
        method: 'POST',
        path: `/v1/sessions/${sessionId}/tokens`,
        body: { expires_in_seconds: config.sessionTtlSeconds },
        // Becomes the token's `azp`, as Clerk's frontend API does for the browser's origin.
        headers: { origin: new URL(c.req.url).origin },
      });
      const token = SessionToken.safeParse(await readUpstream(tokenRes));
      if (!token.success) throw new UpstreamError('bad_response', 'unexpected token shape from upstream');
      setSessionCookie(c, token.data.jwt, config.sessionTtlSeconds);
      return c.json(toMe(principal));
    });
}
