import {
  clerkErrors,
  DemoSignInBody,
  type DemoSignInTicket,
  type DemoUserList,
  type DevUser,
  type User,
  UserList,
} from '@invites/clerk-schema';
import { type Context, Hono } from 'hono';
import { z } from 'zod';
import { asGuard } from '../auth/access.ts';
import { describePrincipal, primaryEmail } from '../auth/principal.ts';
import { isAllowedOrigin } from '../auth/require-auth.ts';
import { ApiError } from '../http/errors.ts';
import { parseOrFail, readJsonBody } from '../http/validate.ts';
import type { AppEnv } from '../types.ts';
import { readUpstream } from '../upstream/client.ts';
import { UpstreamError } from '../upstream/errors.ts';
import type { RouteDeps } from './route-deps.ts';

const PAGE = 100;
// A demo ticket is redeemed by the page that asked for it, at once.
const TICKET_SECONDS = 60;
const SignInToken = z.object({ object: z.literal('sign_in_token'), token: z.string().min(1) });

/** Browsers always send Origin on POST: a foreign one is a cross-site (login) CSRF attempt. */
function assertOriginIfSent(c: Context, authorizedParties: readonly string[]): void {
  if (c.req.header('origin') !== undefined && !isAllowedOrigin(c, authorizedParties)) {
    throw new ApiError(clerkErrors.originInvalid());
  }
}

/**
 * One-click demo sign-in against the emulator: `GET /demo/users` lists every user of the emulator,
 * `POST /demo/sign-in-tokens` mints a Clerk sign-in token (BAPI `POST /v1/sign_in_tokens`) that the
 * browser redeems through clerk-js, so the demo signs in exactly as Clerk's form does. Mounted at
 * `/api` only outside production, and answering only when the upstream is the emulator.
 */
export function demoSignInRoutes({ config, upstream, principals, detectEmulator }: RouteDeps) {
  const emulatorOnly = asGuard('demo', async (_c, next) => {
    if (!(await detectEmulator())) throw new ApiError(clerkErrors.notFound());
    await next();
  });

  const listUsers = async () => {
    const users: User[] = [];
    for (let offset = 0; ; offset += PAGE) {
      const res = await upstream.send({
        method: 'GET',
        path: '/v1/users',
        query: new URLSearchParams({ limit: String(PAGE), offset: String(offset), order_by: '+created_at' }),
      });
      const page = UserList.safeParse(await readUpstream(res));
      if (!page.success) throw new UpstreamError('bad_response', 'unexpected user list shape from upstream');
      users.push(...page.data);
      if (page.data.length < PAGE) return users;
    }
  };

  return new Hono<AppEnv>()
    .get('/demo/users', emulatorOnly, async (c) => {
      const users = await listUsers();
      const principalsOf = await Promise.all(users.map((user) => principals.load(user.id)));
      const data: DevUser[] = users.flatMap((user, i) => {
        const p = principalsOf[i];
        if (!p) return [];
        return [
          {
            id: user.id,
            first_name: user.first_name,
            last_name: user.last_name,
            email_address: primaryEmail(user) ?? '',
            description: describePrincipal(p),
          },
        ];
      });
      // Loaded here, not at start: production never loads the emulator's code.
      const { DEMO_PASSWORD } = await import('@invites/clerk-emulator');
      const body: DemoUserList = { data, password: DEMO_PASSWORD };
      return c.json(body);
    })
    .post('/demo/sign-in-tokens', emulatorOnly, async (c) => {
      assertOriginIfSent(c, config.authorizedParties);
      const { user_id } = parseOrFail(DemoSignInBody, (await readJsonBody(c)) ?? {});
      if (!(await principals.load(user_id))) throw new ApiError(clerkErrors.userNotFound(user_id));
      const res = await upstream.send({
        method: 'POST',
        path: '/v1/sign_in_tokens',
        body: { user_id, expires_in_seconds: TICKET_SECONDS },
      });
      const token = SignInToken.safeParse(await readUpstream(res));
      if (!token.success)
        throw new UpstreamError('bad_response', 'unexpected sign-in token shape from upstream');
      const body: DemoSignInTicket = { ticket: token.data.token };
      return c.json(body, 201, { 'cache-control': 'no-store' });
    });
}
