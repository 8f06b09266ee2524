import type { AddressInfo } from 'node:net';
import { createAdaptorServer } from '@hono/node-server';
import type { Hono } from 'hono';
import { buildApp } from './app.ts';
import { Clock } from './clock.ts';
import { type EmulatorOptions, resolveOptions } from './config.ts';
import type { EmulatorContext } from './context.ts';
import { openDatabase } from './db/database.ts';
import { EMULATOR_PUBLISHABLE_KEY } from './fapi/publishable-key.ts';
import type { AppEnv } from './http/app-env.ts';
import { SigningKeys } from './jwt/signing-key.ts';
import { FaultRegistry } from './middleware/fault-registry.ts';
import { RateLimiter } from './middleware/rate-limiter.ts';
import { reseed, seedIfEmpty } from './seed/apply-seed.ts';
import { WebhookDispatcher } from './webhooks/dispatcher.ts';

function build(options: EmulatorOptions) {
  const resolved = resolveOptions(options);
  const db = openDatabase(resolved.db);
  const clock = new Clock();
  const limiter = new RateLimiter(clock, resolved.timeScale);
  const faults = new FaultRegistry();
  const keys = new SigningKeys(db);
  const ctx: EmulatorContext = {
    db,
    clock,
    options: resolved,
    limiter,
    faults,
    keys,
    webhooks: new WebhookDispatcher(db, resolved, clock, () => keys.get().kid),
    reset() {
      clock.reset();
      faults.clear();
      limiter.reset();
      reseed(db, resolved.seed, clock.now());
    },
  };
  seedIfEmpty(db, resolved.seed, clock.now());
  ctx.webhooks.resume();
  return { ctx, app: buildApp(ctx) };
}

/** The Frontend API's path below the emulator's base URL (`{url}/fapi/v1/environment`, …). */
export const FAPI_PATH = '/fapi';

/**
 * The emulator as a Hono app, without network (`app.request()` / `app.fetch`). `frontendApiUrl` is
 * `{publicUrl}/fapi` when `publicUrl` is given, else the path `/fapi` on whatever origin serves `app`.
 */
export function createEmulator(options: EmulatorOptions = {}): {
  app: Hono<AppEnv>;
  secretKey: string;
  publishableKey: string;
  frontendApiUrl: string;
  close(): void;
} {
  const { ctx, app } = build(options);
  return {
    app,
    secretKey: ctx.options.secretKey,
    publishableKey: EMULATOR_PUBLISHABLE_KEY,
    frontendApiUrl: `${ctx.options.publicUrl ?? ''}${FAPI_PATH}`,
    close: () => {
      ctx.webhooks.stop();
      ctx.db.close();
    },
  };
}

/**
 * Starts the emulator on `hostname:port` (port 0 picks a free one). `url` has no `/v1`;
 * `frontendApiUrl` is absolute (`{publicUrl or url}/fapi`).
 */
export async function startEmulator(
  options: EmulatorOptions & { port?: number; hostname?: string } = {},
): Promise<{
  url: string;
  secretKey: string;
  publishableKey: string;
  frontendApiUrl: string;
  /** Points webhook delivery at an endpoint known only after start (an api on a free port); null stops it. */
  setWebhookEndpoint(endpoint: { url: string; secret: string } | null): void;
  close(): Promise<void>;
}> {
  const { port = 0, hostname = '127.0.0.1', ...rest } = options;
  const { ctx, app } = build(rest);
  const server = createAdaptorServer({ fetch: app.fetch });
  // Outlive clients' idle keep-alive sockets, so a reused socket is never closed under a request.
  if ('keepAliveTimeout' in server) {
    server.keepAliveTimeout = 65_000;
    server.headersTimeout = 66_000;
  }
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, hostname, () => resolve());
    });
  } catch (error) {
    ctx.webhooks.stop();
    ctx.db.close();
    throw error;
  }
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const url = `http://${host}:${address.port}`;
  ctx.options.publicUrl ??= url;
  return {
    url,
    secretKey: ctx.options.secretKey,
    publishableKey: EMULATOR_PUBLISHABLE_KEY,
    frontendApiUrl: `${ctx.options.publicUrl}${FAPI_PATH}`,
    setWebhookEndpoint(endpoint) {
      const checked = resolveOptions(
        endpoint ? { webhookUrl: endpoint.url, webhookSecret: endpoint.secret } : {},
      );
      ctx.options.webhookUrl = checked.webhookUrl;
      ctx.options.webhookSecret = checked.webhookSecret;
      ctx.webhooks.resume();
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        ctx.webhooks.stop();
        if ('closeAllConnections' in server) server.closeAllConnections();
        server.close((error) => {
          ctx.db.close();
          if (error) reject(error);
          else resolve();
        });
      }),
  };
}
