import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { hostname as hostName } from 'node:os';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { backfillInvitations } from './acceptance/backfill.ts';
import { createApp } from './app.ts';
import { createBulkUpstream } from './bulk/clerk-bulk-upstream.ts';
import { type BulkWorker, startBulkWorker } from './bulk/worker.ts';
import { configFromEnv, type Upstream } from './config.ts';
import { createDeps } from './deps.ts';
import { ConfigError, loadEnv } from './env.ts';
import { listen } from './listen.ts';
import { createLogger } from './log.ts';
import { createStore } from './store/create-store.ts';

const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** True when the Backend API at `url` is a Clerk emulator (it answers `/__emulator/info`). */
async function isEmulatorAt(url: string, secretKey: string): Promise<boolean> {
  const res = await fetch(`${url.replace(/\/+$/, '')}/__emulator/info`, {
    headers: { authorization: `Bearer ${secretKey}` },
    signal: AbortSignal.timeout(3000),
  }).catch(() => null);
  await res?.body?.cancel();
  return res?.status === 200 && (res.headers.get('content-type') ?? '').startsWith('application/json');
}

async function main() {
  const env = loadEnv(process.env);
  let emulator: Awaited<ReturnType<typeof import('@invites/clerk-emulator').startEmulator>> | null = null;
  // The demo's emulator sends its webhooks to this api, signed with a secret made for this run.
  let webhookSecret: string | undefined;
  if (!env.CLERK_SECRET_KEY) {
    const { newWebhookSecret, startEmulator } = await import('@invites/clerk-emulator');
    webhookSecret = env.CLERK_WEBHOOK_SIGNING_SECRET ?? newWebhookSecret();
    const db =
      env.CLERK_EMULATOR_DB === ':memory:'
        ? ':memory:'
        : resolve(REPO_ROOT, env.CLERK_EMULATOR_DB ?? '.data/emulator.db');
    if (db !== ':memory:') mkdirSync(dirname(db), { recursive: true });
    emulator = await startEmulator({
      db,
      seed: 'demo',
      rateLimits: env.CLERK_EMULATOR_RATE_LIMITS,
      port: env.CLERK_EMULATOR_PORT ?? 0,
      hostname: '127.0.0.1',
      ...(env.CLERK_EMULATOR_TOKEN_TTL_S !== undefined
        ? { tokenTtlSeconds: env.CLERK_EMULATOR_TOKEN_TTL_S }
        : {}),
    });
  }
  const upstream: Upstream = emulator
    ? {
        url: emulator.url,
        secretKey: emulator.secretKey,
        publishableKey: emulator.publishableKey,
        frontendApiUrl: emulator.frontendApiUrl,
        emulator: true,
        ...(webhookSecret ? { webhookSecret } : {}),
      }
    : {
        url: env.CLERK_API_URL,
        secretKey: env.CLERK_SECRET_KEY as string,
        publishableKey: env.CLERK_PUBLISHABLE_KEY as string,
        frontendApiUrl: env.CLERK_FAPI_URL ?? null,
        emulator: await isEmulatorAt(env.CLERK_API_URL, env.CLERK_SECRET_KEY as string),
      };
  const config = configFromEnv(env, upstream);
  const logger = createLogger({ secrets: [config.clerkSecretKey] });
  const store = await createStore({ url: env.DATABASE_URL });
  logger.info(
    { store: store.dialect, ...(store.dialect === 'sqlite' ? { path: env.DATABASE_URL } : {}) },
    'store ready',
  );
  let worker: BulkWorker | null = null;
  const deps = createDeps(config, {
    logger,
    store,
    wakeWorker: () => worker?.wake(),
    detectEmulator: () => Promise.resolve(upstream.emulator),
  });
  const app = createApp(config, deps);
  // One worker per replica; the lease in the store keeps replicas from running the same job.
  const workerId = `${hostName()}-${process.pid}-${randomBytes(4).toString('hex')}`;
  worker = startBulkWorker({
    store,
    upstream: createBulkUpstream(deps.upstream),
    workerId,
    onError: (err) => logger.error({ worker_id: workerId, error: err }, 'bulk worker error'),
    onProgress: (job) => deps.expiring.forget(job.organization_id),
  });
  // Demo mode binds to loopback unless HOST says otherwise: demo sign-in is not for the LAN.
  const hostname = env.HOST ?? (emulator ? '127.0.0.1' : undefined);
  const server = await listen(app.fetch, { port: env.PORT, ...(hostname ? { hostname } : {}) });
  // Events stored but not yet applied when the last run stopped.
  deps.webhookInbox.wake();
  if (emulator && webhookSecret) {
    const wildcard = !hostname || hostname === '0.0.0.0' || hostname === '::';
    const base = wildcard ? `http://127.0.0.1:${server.port}` : server.url;
    emulator.setWebhookEndpoint({ url: `${base}/api/webhooks/clerk`, secret: webhookSecret });
    // The demo's history (seeded, not sent as webhooks) feeds the figures once per store.
    backfillInvitations({ store, upstream: deps.upstream, now: deps.now }).then(
      (result) =>
        logger.info({ status: result.status, invitations: result.invitations }, 'acceptance backfill'),
      (err: unknown) => logger.warn({ error: err }, 'acceptance backfill failed'),
    );
  }

  const shown = `http://localhost:${server.port}`;
  logger.info({ url: shown, upstream: upstream.emulator ? 'emulator' : 'clerk' }, 'listening');
  process.stdout.write(
    emulator
      ? `\nInvitations Console: ${shown} (demo data, Clerk emulator at ${emulator.url})\n\n`
      : `\nInvitations Console: ${shown} (Clerk at ${config.clerkApiUrl})\n\n`,
  );

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    await server.close();
    // Let the worker finish its current step and release its leases before the store goes away.
    await worker?.stop();
    await deps.activity.flush();
    await deps.webhookInbox.stop();
    await deps.upstream.close();
    await store.close();
    await emulator?.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  // Started by scripts/start.mjs (`pnpm start`): stop with it, even when it was killed outright.
  if (process.channel) {
    process.channel.unref();
    process.once('disconnect', () => void shutdown('launcher exited'));
  }
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError) {
    process.stderr.write(`${err.message}\n`);
  } else {
    const message = err instanceof Error ? err.message : String(err);
    process.stderr.write(`Failed to start the api: ${message}\n`);
  }
  process.exit(1);
});
