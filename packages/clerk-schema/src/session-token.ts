// Reading a Clerk session token's expiry without verifying it, for the browser and the api alike:
// whether the token clerk-js keeps in its `__session` cookie can still carry a request. A hint only;
// the api verifies every token it is sent. Free of zod, so the web app's entry can take it.

/** How long before its expiry a token no longer counts as fresh (clocks differ, requests take time). */
export const SESSION_TOKEN_MARGIN_MS = 10_000;

/** True when `token` is a JWT whose `exp` is more than the margin after `now`. */
export function sessionTokenFresh(token: string | null | undefined, now: number): boolean {
  const payload = token?.split('.')[1];
  if (!payload) return false;
  try {
    const claims = JSON.parse(atob(payload.replaceAll('-', '+').replaceAll('_', '/'))) as { exp?: unknown };
    return typeof claims.exp === 'number' && claims.exp * 1000 - now > SESSION_TOKEN_MARGIN_MS;
  } catch {
    return false;
  }
}
