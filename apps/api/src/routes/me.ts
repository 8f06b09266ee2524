import { OpenAPIHono } from '@hono/zod-openapi';
import { Me } from '@invites/clerk-schema';
import { toMe } from '../auth/principal.ts';
import { consoleRoute, guarded, jsonContent } from '../http/contract.ts';
import type { AppEnv } from '../types.ts';
import type { RouteDeps } from './route-deps.ts';

export const getMe = consoleRoute('signed_in', {
  method: 'get',
  path: '/me',
  summary: 'The signed-in user, whether they are staff, and the organizations they administer',
  responses: { 200: jsonContent(Me, 'The signed-in user.') },
});

/** `GET /me`. Mounted at `/api`. */
export function meRoutes({ access }: RouteDeps) {
  return new OpenAPIHono<AppEnv>().openapi(guarded(getMe, access), (c) =>
    c.json(toMe(c.get('principal')), 200),
  );
}
