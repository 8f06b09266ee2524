import { createStore } from '../store/create-store.ts';
import { createHttpUpstream } from './http-upstream.ts';
import { startBulkWorker } from './worker.ts';

// A bulk worker as its own process (used by the restart test; also a way to run workers apart from
// the api). Reads BULK_STORE_URL, CLERK_API_URL, CLERK_SECRET_KEY, BULK_WORKER_ID and optional timings.
const env = process.env;
const ms = (name: string, fallback: number) => Number(env[name] ?? fallback);
const store = await createStore({ url: env.BULK_STORE_URL });
const upstream = createHttpUpstream({
  apiUrl: env.CLERK_API_URL ?? 'https://api.clerk.com',
  secretKey: env.CLERK_SECRET_KEY ?? '',
  timeoutMs: ms('BULK_TIMEOUT_MS', 10_000),
});
const worker = startBulkWorker({
  store,
  upstream,
  workerId: env.BULK_WORKER_ID ?? `worker-${process.pid}`,
  pollMs: ms('BULK_POLL_MS', 1_000),
  leaseMs: ms('BULK_LEASE_MS', 30_000),
  backoffBaseMs: ms('BULK_BACKOFF_BASE_MS', 1_000),
  backoffMaxMs: ms('BULK_BACKOFF_MAX_MS', 60_000),
});
process.stdout.write('worker ready\n');

async function shutdown(): Promise<void> {
  await worker.stop();
  await upstream.close();
  await store.close();
  process.exit(0);
}
process.on('SIGTERM', () => void shutdown());
process.on('SIGINT', () => void shutdown());
