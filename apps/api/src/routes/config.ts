import { OpenAPIHono } from '@hono/zod-openapi';
import { ConsoleConfig } from '@invites/clerk-schema';
import type { AppConfig } from '../config.ts';
import { consoleRoute, guarded, jsonContent } from '../http/contract.ts';
import type { AppEnv } from '../types.ts';
import { CLERK_PROXY_PATH } from './clerk-frontend.ts';
import type { RouteDeps } from './route-deps.ts';

/** What the browser needs to start Clerk; the demo flag only against the emulator, never in production. */
export async function consoleConfig(
  config: AppConfig,
  detectEmulator: () => Promise<boolean>,
): Promise<ConsoleConfig> {
  const emulator = await detectEmulator();
  return {
    publishable_key: config.clerkPublishableKey,
    proxy_url: CLERK_PROXY_PATH,
    sign_in_url: emulator ? null : config.signInUrl,
    demo: emulator && config.nodeEnv !== 'production',
  };
}

export const getConfig = consoleRoute('public', {
  method: 'get',
  path: '/config',
  summary: 'What the browser needs to start Clerk (the same object index.html carries inline)',
  responses: {
    200: jsonContent(ConsoleConfig, 'The publishable key, the Frontend API proxy and the demo flag.'),
  },
});

/** `GET /config` (public). Mounted at `/api`. */
export function configRoutes({ config, detectEmulator, access }: RouteDeps) {
  return new OpenAPIHono<AppEnv>().openapi(guarded(getConfig, access), async (c) =>
    c.json(await consoleConfig(config, detectEmulator), 200, { 'cache-control': 'no-cache' }),
  );
}

/**
 * The tags index.html gains in `<head>`: the config as inert JSON (no extra round trip before Clerk
 * can start), and a preload of clerk-js so it downloads while the app's own code does.
 */
export function headTags(body: ConsoleConfig, clerkJsMajor: string): string {
  const json = JSON.stringify(body).replaceAll('<', '\\u003c');
  const clerkJs = `${body.proxy_url}/npm/@clerk/clerk-js@${clerkJsMajor}/dist/clerk.browser.js`;
  return (
    `<script id="console-config" type="application/json">${json}</script>` +
    `<link rel="preload" as="script" crossorigin="anonymous" href="${clerkJs}">`
  );
}
