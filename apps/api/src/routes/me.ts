import { Hono } from 'hono';
import { toMe } from '../auth/principal.ts';
import type { AppEnv } from '../types.ts';
import type { RouteDeps } from './route-deps.ts';

/** `GET /me`: the signed-in user, staff flag and administered organizations. Mounted at `/api`. */
export function meRoutes({ access }: RouteDeps) {
  return new Hono<AppEnv>().get('/me', access.signedIn, (c) => c.json(toMe(c.get('principal'))));
}
