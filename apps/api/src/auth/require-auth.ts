import { clerkErrors } from '@invites/clerk-schema';
import type { Context } from 'hono';
import { ApiError } from '../http/errors.ts';
import type { AppEnv } from '../types.ts';
import type { Principal } from './principal.ts';
import type { PrincipalLoader } from './principal-cache.ts';
import { readSessionToken } from './session-cookie.ts';
import type { TokenVerifier } from './verify-token.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** True when the request's `Origin` is the api's own origin or one of the authorized parties. */
export function isAllowedOrigin(c: Context, authorizedParties: readonly string[]): boolean {
  const origin = c.req.header('origin');
  if (!origin) return false;
  return origin === new URL(c.req.url).origin || authorizedParties.includes(origin);
}

/** Authenticates a request and puts its principal on the context, or throws Clerk's 401/403. */
export type Authenticate = (c: Context<AppEnv>) => Promise<Principal>;

/**
 * Authentication from the Bearer header or the `__session` cookie, with same-origin enforced for
 * cookie-authenticated mutations. The access guards (access.ts) run it as their first step.
 */
export function createAuthenticator(deps: {
  verifyToken: TokenVerifier;
  principals: PrincipalLoader;
  authorizedParties: readonly string[];
}): Authenticate {
  return async (c) => {
    const found = readSessionToken(c);
    if (found === null) throw new ApiError(clerkErrors.unauthenticated());
    if (found === 'malformed') {
      throw new ApiError(
        clerkErrors.unauthenticated("The Authorization header must be 'Bearer <session token>'."),
      );
    }
    if (found.source === 'cookie' && !SAFE_METHODS.has(c.req.method)) {
      if (!isAllowedOrigin(c, deps.authorizedParties)) throw new ApiError(clerkErrors.originInvalid());
    }
    const claims = await deps.verifyToken(found.token);
    if (!claims) throw new ApiError(clerkErrors.unauthenticated('The session token is invalid or expired.'));
    const principal = await deps.principals.load(claims.userId);
    if (!principal) throw new ApiError(clerkErrors.unauthenticated('The signed-in user no longer exists.'));
    c.set('principal', principal);
    c.set('authSource', found.source);
    // Bound to the request's own logger: a child of a child costs pino far more than a child.
    c.get('log').setBindings({ user_id: principal.userId });
    return principal;
  };
}
