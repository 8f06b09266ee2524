import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { appConfig } from '../config.ts';
import { ConfigError, loadEnv } from '../env.ts';
import { createStore } from '../store/create-store.ts';
import { createUpstream } from '../upstream/client.ts';
import { backfillInvitations } from './backfill.ts';

// `pnpm --filter @invites/api backfill [--force]`: reads the invitations already in Clerk (or, with no
// CLERK_SECRET_KEY, in the demo emulator's database) into the store, so the acceptance figures start
// with the instance's history. Run it once, with the same DATABASE_URL as the api.

const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

async function main() {
  const env = loadEnv(process.env);
  const force = process.argv.includes('--force');
  let emulator: { url: string; secretKey: string; close(): Promise<void> } | null = null;
  if (!env.CLERK_SECRET_KEY) {
    const { startEmulator } = await import('@invites/clerk-emulator');
    const db =
      env.CLERK_EMULATOR_DB === ':memory:'
        ? ':memory:'
        : resolve(REPO_ROOT, env.CLERK_EMULATOR_DB ?? '.data/emulator.db');
    if (db !== ':memory:') mkdirSync(dirname(db), { recursive: true });
    emulator = await startEmulator({ db, seed: 'demo', rateLimits: env.CLERK_EMULATOR_RATE_LIMITS });
  }
  const upstreamAt = emulator ?? { url: env.CLERK_API_URL, secretKey: env.CLERK_SECRET_KEY as string };
  const config = appConfig({
    clerkApiUrl: upstreamAt.url,
    clerkSecretKey: upstreamAt.secretKey,
    ...(env.UPSTREAM_TIMEOUT_MS !== undefined ? { upstreamTimeoutMs: env.UPSTREAM_TIMEOUT_MS } : {}),
  });
  const upstream = createUpstream({
    baseUrl: config.clerkApiUrl,
    secretKey: config.clerkSecretKey,
    timeoutMs: config.upstreamTimeoutMs,
    retries: config.upstreamRetries,
    retryBaseMs: config.upstreamRetryBaseMs,
  });
  const store = await createStore({ url: env.DATABASE_URL });
  try {
    const from = emulator ? 'the demo emulator' : config.clerkApiUrl;
    const result = await backfillInvitations({
      store,
      upstream,
      now: Date.now,
      force,
      onPage: ({ read, total }) => process.stdout.write(`backfill: ${read} of ${total} invitations read\n`),
    });
    const when = new Date(result.completed_at).toISOString();
    process.stdout.write(
      result.status === 'already_done'
        ? `backfill: already done at ${when} (${result.invitations} invitations); --force reads them again\n`
        : `backfill: ${result.invitations} invitations from ${from} in ${result.requests} requests, done at ${when}\n`,
    );
  } finally {
    await store.close();
    await upstream.close();
    await emulator?.close();
  }
}

main().catch((err: unknown) => {
  const message =
    err instanceof ConfigError
      ? err.message
      : `backfill failed: ${err instanceof Error ? err.message : String(err)}`;
  process.stderr.write(`${message}\n`);
  process.exit(1);
});
