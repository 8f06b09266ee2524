import type { IncomingMessage } from 'node:http';
import type { Context } from 'hono';

// Encoded slash, dot, backslash, NUL and percent; raw dot segments, empty segments, backslashes.
const ALWAYS_BAD = /%(?:2f|2e|5c|00|25)|(?:^|\/)\.\.?(?:\/|$)|\/\/|\\/i;
const SCHEME_AND_AUTHORITY = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i;

function hasControlCharacter(path: string): boolean {
  for (let i = 0; i < path.length; i++) {
    const code = path.charCodeAt(i);
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
}

/** The request target as the client sent it (before URL normalisation folds `..` away). */
export function rawPath(c: Context): string {
  const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
  let path = incoming?.url ?? new URL(c.req.url).pathname;
  // Absolute-form targets (`GET http://host/a/../b`): drop scheme and authority without normalising.
  if (path.charCodeAt(0) !== 0x2f) path = path.replace(SCHEME_AND_AUTHORITY, '');
  const query = path.indexOf('?');
  return query === -1 ? path : path.slice(0, query);
}

/** True when a raw path is one no allow-listed route or asset can have. */
export function isSuspiciousPath(path: string): boolean {
  if (ALWAYS_BAD.test(path) || hasControlCharacter(path)) return true;
  // API paths are plain ASCII segments: any other percent-encoding there is a trick.
  return (path === '/api' || path.startsWith('/api/')) && path.includes('%');
}
