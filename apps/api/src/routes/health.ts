import type { Health } from '@invites/clerk-schema';
import { Hono } from 'hono';
import type { AppEnv } from '../types.ts';
import type { RouteDeps } from './route-deps.ts';

/** `GET /health` (public): which upstream is in use and where to sign in. Mounted at `/api`. */
export function healthRoutes({ config, detectEmulator }: RouteDeps) {
  return new Hono<AppEnv>().get('/health', async (c) => {
    const emulator = await detectEmulator();
    const body: Health = {
      status: 'ok',
      upstream: emulator ? 'emulator' : 'clerk',
      sign_in_url: emulator ? null : config.signInUrl,
    };
    return c.json(body, 200, { 'cache-control': 'no-store' });
  });
}
