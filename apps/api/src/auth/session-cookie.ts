import type { Context } from 'hono';
import { getCookie } from 'hono/cookie';

export const SESSION_COOKIE = '__session';

const TOKEN = /^[\w.~+/=-]+$/;

export type TokenSource = { token: string; source: 'bearer' | 'cookie' };

/**
 * clerk-js keeps this cookie fresh on our origin; it is the fallback when a call carries no Bearer token.
 * The session token of a request: `Authorization: Bearer …` wins over the `__session` cookie.
 * Returns 'malformed' for an Authorization header that is not a single bearer token.
 */
export function readSessionToken(c: Context): TokenSource | 'malformed' | null {
  const header = c.req.header('authorization');
  if (header !== undefined) {
    // The scheme compared apart (case-insensitive) and the token checked by a plain character class:
    // one case-insensitive pattern over the whole token costs more on every request.
    const value = header.trim();
    const token = value.slice(7);
    const bearer = value.length > 7 && value.slice(0, 7).toLowerCase() === 'bearer ';
    return bearer && TOKEN.test(token) ? { token, source: 'bearer' } : 'malformed';
  }
  const cookie = getCookie(c, SESSION_COOKIE);
  return cookie ? { token: cookie, source: 'cookie' } : null;
}
