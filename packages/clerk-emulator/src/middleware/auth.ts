import { timingSafeEqual } from 'node:crypto';
import { clerkErrors } from '@invites/clerk-schema';
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../http/app-env.ts';
import { sendFailure } from '../http/respond.ts';

/** Constant-time comparison of two keys. */
export function sameKey(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Clerk's secret-key check: `Authorization: Bearer <secret key>`. */
export function requireSecretKey(secretKey: string) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const match = /^Bearer (\S+)$/.exec(c.req.header('Authorization') ?? '');
    if (!match?.[1]) return sendFailure(c, clerkErrors.authorizationHeaderInvalid());
    if (!sameKey(match[1], secretKey)) return sendFailure(c, clerkErrors.secretKeyInvalid());
    return next();
  });
}
