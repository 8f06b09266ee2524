import { sessionTokenFresh } from '@invites/clerk-schema/session-token';

// Hints from the cookies clerk-js keeps on our origin, read before clerk-js has loaded, so the page's
// first requests need not wait for it. Hints only: the api verifies every token, and a wrong hint
// costs one round trip (a 401 answered, then the same request with clerk-js's token).

function cookie(name: string): string | null {
  for (const part of document.cookie.split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=');
  }
  return null;
}

/** Clerk marks a browser whose client has a signed-in session: `__client_uat` is the time, `0` once signed out. */
export function probablySignedIn(): boolean {
  const uat = cookie('__client_uat');
  return uat !== null && uat !== '' && uat !== '0';
}

/**
 * True while the session token clerk-js keeps in the `__session` cookie has some time to live: it
 * authenticates a request (the api reads that cookie) without waiting for clerk-js to load.
 */
export function hasFreshSessionCookie(now = Date.now()): boolean {
  return sessionTokenFresh(cookie('__session'), now);
}
