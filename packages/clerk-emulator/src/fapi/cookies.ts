import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { AppEnv } from '../http/app-env.ts';
import { cameOverHttps } from './http.ts';

// Through the proxy the cookies land on the application's own origin (no Domain attribute):
// `__client` (HttpOnly) names the browser's client; `__client_uat` and its suffixed copy tell
// clerk-js and Clerk's backend SDKs whether the client is signed in (unix seconds, 0 when signed
// out). In production Clerk's Frontend API sets `__client_uat`, so the emulator does too.

export const CLIENT_COOKIE = '__client';
const CLIENT_UAT_COOKIE = '__client_uat';
/** How long the browser keeps the client cookies. */
export const CLIENT_COOKIE_MAX_AGE_S = 365 * 86_400;

function attributes(c: Context<AppEnv>) {
  return { path: '/', sameSite: 'Lax', secure: cameOverHttps(c), maxAge: CLIENT_COOKIE_MAX_AGE_S } as const;
}

export function readClientCookie(c: Context<AppEnv>): string | undefined {
  return getCookie(c, CLIENT_COOKIE);
}

/** Sets `__client` and both `__client_uat` cookies. */
export function writeClientCookies(
  c: Context<AppEnv>,
  cookieToken: string,
  uat: number,
  cookieSuffix: string,
): void {
  setCookie(c, CLIENT_COOKIE, cookieToken, { ...attributes(c), httpOnly: true });
  writeUat(c, uat, cookieSuffix);
}

/** Removes `__client` and marks the browser signed out. */
export function clearClientCookies(c: Context<AppEnv>, cookieSuffix: string): void {
  deleteCookie(c, CLIENT_COOKIE, { path: '/', secure: cameOverHttps(c) });
  writeUat(c, 0, cookieSuffix);
}

function writeUat(c: Context<AppEnv>, uat: number, cookieSuffix: string): void {
  for (const name of [CLIENT_UAT_COOKIE, `${CLIENT_UAT_COOKIE}_${cookieSuffix}`]) {
    setCookie(c, name, String(uat), attributes(c));
  }
}
