import { randomBytes } from 'node:crypto';
import { newClerkId } from '@invites/clerk-schema';
import type { Context } from 'hono';
import type { EmulatorContext } from '../context.ts';
import type { AppEnv } from '../http/app-env.ts';
import { sendJson } from '../http/respond.ts';
import { type ClientRow, clientByCookie, getClient, insertClient } from '../store/clients.ts';
import { clearClientCookies, readClientCookie, writeClientCookies } from './cookies.ts';
import { cookieSuffixFor, EMULATOR_PUBLISHABLE_KEY } from './publishable-key.ts';
import { sessionTokenMinter } from './session-token.ts';
import { clientUat, toClient } from './wire/client.ts';

const COOKIE_SUFFIX = cookieSuffixFor(EMULATOR_PUBLISHABLE_KEY);

/** The client named by the request's `__client` cookie, if it still exists. */
export function currentClient(ctx: EmulatorContext, c: Context<AppEnv>): ClientRow | undefined {
  const token = readClientCookie(c);
  return token ? clientByCookie(ctx.db, token) : undefined;
}

/** The request's client, or a new one (its cookie goes out with the answer) when the browser has none. */
export function ensureClient(ctx: EmulatorContext, c: Context<AppEnv>): ClientRow {
  const existing = currentClient(ctx, c);
  if (existing) return existing;
  return createClient(ctx);
}

/** A fresh client, identified by a random cookie token (not its ID, which pages can read). */
export function createClient(ctx: EmulatorContext): ClientRow {
  const id = newClerkId('client');
  insertClient(ctx.db, { id, cookieToken: randomBytes(32).toString('base64url'), now: ctx.clock.now() });
  return getClient(ctx.db, id) as ClientRow;
}

/** Sets or clears the client cookies to match `client` (re-read, so the answer shows its latest state). */
function syncCookies(ctx: EmulatorContext, c: Context<AppEnv>, client: ClientRow | undefined) {
  const fresh = client && getClient(ctx.db, client.id);
  if (fresh) {
    writeClientCookies(c, fresh.cookie_token, clientUat(ctx.db, fresh, ctx.clock.now()), COOKIE_SUFFIX);
  } else if (readClientCookie(c) !== undefined) {
    clearClientCookies(c, COOKIE_SUFFIX);
  }
  return fresh;
}

/** Clerk's `{response, client}` envelope, with the client piggybacked and its cookies refreshed. */
export function sendEnvelope(
  ctx: EmulatorContext,
  c: Context<AppEnv>,
  response: unknown,
  client: ClientRow | undefined,
): Response {
  const fresh = syncCookies(ctx, c, client);
  const clientBody = fresh ? toClient(ctx.db, fresh, ctx.clock.now(), sessionTokenMinter(ctx, c)) : null;
  return sendJson(c, { response, client: clientBody });
}

/** The client's own answers (`GET /v1/client`, `DELETE /v1/client/sessions`): the client as the response. */
export function sendClient(
  ctx: EmulatorContext,
  c: Context<AppEnv>,
  client: ClientRow | undefined,
): Response {
  const fresh = syncCookies(ctx, c, client);
  const body = fresh ? toClient(ctx.db, fresh, ctx.clock.now(), sessionTokenMinter(ctx, c)) : null;
  return sendJson(c, { response: body, client: null });
}
