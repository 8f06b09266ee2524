import { OpenAPIHono } from '@hono/zod-openapi';
import { Health } from '@invites/clerk-schema';
import { consoleRoute, guarded, jsonContent } from '../http/contract.ts';
import type { AppEnv } from '../types.ts';
import type { RouteDeps } from './route-deps.ts';

export const getHealth = consoleRoute('public', {
  method: 'get',
  path: '/health',
  summary: 'Which upstream is in use and where to sign in',
  responses: { 200: jsonContent(Health, 'The api is up.') },
});

/** `GET /health` (public). Mounted at `/api`. */
export function healthRoutes({ config, detectEmulator, access }: RouteDeps) {
  return new OpenAPIHono<AppEnv>().openapi(guarded(getHealth, access), async (c) => {
    const emulator = await detectEmulator();
    const body: Health = {
      status: 'ok',
      upstream: emulator ? 'emulator' : 'clerk',
      sign_in_url: emulator ? null : config.signInUrl,
    };
    return c.json(body, 200, { 'cache-control': 'no-store' });
  });
}
