import type { Context } from 'hono';
import { getCookie } from 'hono/cookie';

export const SESSION_COOKIE = '__session';

export type TokenSource = { token: string; source: 'bearer' | 'cookie' };

/**
 * clerk-js keeps this cookie fresh on our origin; it is the fallback when a call carries no Bearer token.
 * The session token of a request: `Authorization: Bearer …` wins over the `__session` cookie.
 * Returns 'malformed' for an Authorization header that is not a single bearer token.
 */
export function readSessionToken(c: Context): TokenSource | 'malformed' | null {
  const header = c.req.header('authorization');
  if (header !== undefined) {
    const match = /^Bearer ([\w.~+/=-]+)$/i.exec(header.trim());
    return match?.[1] ? { token: match[1], source: 'bearer' } : 'malformed';
  }
  const cookie = getCookie(c, SESSION_COOKIE);
  return cookie ? { token: cookie, source: 'cookie' } : null;
}
