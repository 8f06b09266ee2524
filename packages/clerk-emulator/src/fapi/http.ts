import { clerkErrors } from '@invites/clerk-schema';
import { isEmptyBody, parseJsonBody } from '@invites/clerk-schema/http-body';
import type { Context } from 'hono';
import type { AppEnv } from '../http/app-env.ts';
import { raise } from '../http/respond.ts';

/**
 * A Frontend API body as a flat object. clerk-js sends `application/x-www-form-urlencoded` with
 * snake_case keys; a JSON object is accepted too. Repeated keys keep the last value.
 */
export async function readForm(c: Context<AppEnv>): Promise<Record<string, unknown>> {
  const text = await c.req.text();
  if (isEmptyBody(text)) return {};
  const type = c.req.header('Content-Type') ?? '';
  if (!type.startsWith('application/json')) return Object.fromEntries(new URLSearchParams(text));
  const body = parseJsonBody(text, type);
  if (!body.ok) return raise(body.failure);
  const parsed = body.value;
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    return raise(clerkErrors.requestBodyInvalid());
  }
  return parsed as Record<string, unknown>;
}

function firstForwarded(c: Context<AppEnv>, name: string): string | undefined {
  return c.req.header(name)?.split(',')[0]?.trim() || undefined;
}

/** True when the browser's request came over https (directly, or per the proxy's `X-Forwarded-Proto`). */
export function cameOverHttps(c: Context<AppEnv>): boolean {
  const forwarded = firstForwarded(c, 'X-Forwarded-Proto');
  return (forwarded ?? new URL(c.req.url).protocol.replace(':', '')) === 'https';
}

/**
 * The application's origin as the browser sees it: the proxy's `X-Forwarded-Proto/Host`, else the
 * request's `Origin`, else the emulator's own origin.
 */
export function appOrigin(c: Context<AppEnv>): string {
  const proto = firstForwarded(c, 'X-Forwarded-Proto');
  const host = firstForwarded(c, 'X-Forwarded-Host');
  if (proto && host) return `${proto}://${host}`;
  const origin = c.req.header('Origin');
  if (origin && URL.canParse(origin)) return new URL(origin).origin;
  return new URL(c.req.url).origin;
}
