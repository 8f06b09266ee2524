import { clerkErrors } from '@invites/clerk-schema';
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../http/app-env.ts';
import { sendFailure } from '../http/respond.ts';
import type { RateLimiter } from './rate-limiter.ts';

const TEN_SECONDS = 10_000;
const ONE_HOUR = 3_600_000;
const CREATE_PATH = /^\/v1\/organizations\/([^/]+)\/invitations(\/bulk)?\/?$/;

/**
 * Clerk's limits: per instance 100 requests / 10 s on development keys (sk_test) and 1000 on
 * production keys, `GET /jwks` exempt; per organization 250 creates and 50 bulk creates an hour.
 */
export function rateLimit(limiter: RateLimiter, secretKey: string) {
  const instanceLimit = secretKey.startsWith('sk_live_') ? 1000 : 100;
  return createMiddleware<AppEnv>(async (c, next) => {
    const path = c.req.path;
    if (c.req.method === 'GET' && path.replace(/\/$/, '') === '/v1/jwks') return next();
    let waitMs = limiter.take('instance', instanceLimit, TEN_SECONDS);
    const create = c.req.method === 'POST' ? CREATE_PATH.exec(path) : null;
    if (waitMs === 0 && create) {
      const [, orgId, bulk] = create;
      waitMs = bulk
        ? limiter.take(`bulk:${orgId}`, 50, ONE_HOUR)
        : limiter.take(`create:${orgId}`, 250, ONE_HOUR);
    }
    if (waitMs > 0) return sendFailure(c, clerkErrors.tooManyRequests(Math.max(1, Math.ceil(waitMs / 1000))));
    return next();
  });
}
