import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';

export const SESSION_COOKIE = '__session';

export type TokenSource = { token: string; source: 'bearer' | 'cookie' };

/**
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

function isHttps(c: Context): boolean {
  return new URL(c.req.url).protocol === 'https:';
}

/** Sets the HttpOnly, SameSite=Lax session cookie (Secure on https). */
export function setSessionCookie(c: Context, token: string, maxAgeSeconds: number): void {
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'Lax',
    path: '/',
    secure: isHttps(c),
    maxAge: maxAgeSeconds,
  });
}

export function clearSessionCookie(c: Context): void {
  deleteCookie(c, SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'Lax', secure: isHttps(c) });
}
