import { OpenAPIHono } from '@hono/zod-openapi';
import { ConsoleConfig } from '@invites/clerk-schema';
import type { PinnedPackage } from '../clerk-frontend/pinned-scripts.ts';
import type { AppConfig } from '../config.ts';
import { consoleRoute, guarded, jsonContent } from '../http/contract.ts';
import type { AppEnv } from '../types.ts';
import { CLERK_PROXY_PATH } from './clerk-frontend.ts';
import type { RouteDeps } from './route-deps.ts';

/** Where the browser gets a pinned Clerk package's file: its exact version, so the file never changes. */
export function clerkScriptUrl(
  packages: readonly PinnedPackage[],
  name: PinnedPackage['name'],
  file: string,
): string {
  const pkg = packages.find((p) => p.name === name);
  return `${CLERK_PROXY_PATH}/npm/${name}@${pkg?.version ?? 'latest'}/dist/${file}`;
}

/** What the browser needs to start Clerk; the demo flag only against the emulator, never in production. */
export async function consoleConfig(
  config: AppConfig,
  detectEmulator: () => Promise<boolean>,
  packages: readonly PinnedPackage[],
): Promise<ConsoleConfig> {
  const emulator = await detectEmulator();
  return {
    publishable_key: config.clerkPublishableKey,
    proxy_url: CLERK_PROXY_PATH,
    sign_in_url: emulator ? null : config.signInUrl,
    demo: emulator && config.nodeEnv !== 'production',
    clerk_ui_url: clerkScriptUrl(packages, '@clerk/ui', 'ui.browser.js'),
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
export function configRoutes({ config, detectEmulator, clerkPackages, access }: RouteDeps) {
  return new OpenAPIHono<AppEnv>().openapi(guarded(getConfig, access), async (c) =>
    c.json(await consoleConfig(config, detectEmulator, clerkPackages), 200, { 'cache-control': 'no-cache' }),
  );
}

const attribute = (value: string) =>
  value.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

/**
 * The tags index.html gains in `<head>`: the config as inert JSON (no extra round trip before Clerk
 * can start), and clerk-js itself, `async`: it downloads beside the app's own code and runs as soon as
 * it has arrived, setting up `window.Clerk` from its data attributes, so Clerk is ready (or nearly)
 * when the app asks for it instead of being fetched only then. Its address names the exact version,
 * so browsers keep it for a year (pinned-scripts.ts).
 */
export function headTags(body: ConsoleConfig, clerkJsUrl: string): string {
  const json = JSON.stringify(body).replaceAll('<', '\\u003c');
  return (
    `<script id="console-config" type="application/json">${json}</script>` +
    `<script src="${attribute(clerkJsUrl)}" async crossorigin="anonymous" data-clerk-js-script="true"` +
    ` data-clerk-publishable-key="${attribute(body.publishable_key)}"` +
    ` data-clerk-proxy-url="${attribute(body.proxy_url)}"></script>`
  );
}
