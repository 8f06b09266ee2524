import { ListRolesQuery } from '@invites/clerk-schema';
import { Hono } from 'hono';
import { parseQuery, toSearchParams } from '../http/validate.ts';
import type { AppEnv } from '../types.ts';
import { relay } from '../upstream/relay.ts';
import type { RouteDeps } from './route-deps.ts';

/** `GET /organization_roles` for anyone who may use the console. Mounted at `/api/v1`. */
export function roleRoutes({ upstream, access }: RouteDeps) {
  return new Hono<AppEnv>().get('/organization_roles', access('console_user'), async (c) => {
    const query = parseQuery(c, ListRolesQuery);
    const res = await upstream.send({
      method: 'GET',
      path: '/v1/organization_roles',
      query: toSearchParams(query),
    });
    return relay(res, { strip: false });
  });
}
