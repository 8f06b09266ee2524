import { loadWorkerEnv } from '../env.ts';
import { createStore } from '../store/create-store.ts';
import { createHttpUpstream } from './http-upstream.ts';
import { startBulkWorker } from './worker.ts';

// A bulk worker as its own process (used by the restart test; also a way to run workers apart from
// the api). Its environment is read by env.ts: DATABASE_URL, CLERK_API_URL, CLERK_SECRET_KEY,
// UPSTREAM_TIMEOUT_MS, BULK_WORKER_ID and the BULK_*_MS timings.
const env = loadWorkerEnv(process.env);
const store = await createStore({ url: env.DATABASE_URL });
const upstream = createHttpUpstream({
  apiUrl: env.CLERK_API_URL,
  secretKey: env.CLERK_SECRET_KEY,
  timeoutMs: env.UPSTREAM_TIMEOUT_MS ?? 10_000,
});
const worker = startBulkWorker({
  store,
  upstream,
  workerId: env.BULK_WORKER_ID ?? `worker-${process.pid}`,
  pollMs: env.BULK_POLL_MS ?? 1_000,
  leaseMs: env.BULK_LEASE_MS ?? 30_000,
  backoffBaseMs: env.BULK_BACKOFF_BASE_MS ?? 1_000,
  backoffMaxMs: env.BULK_BACKOFF_MAX_MS ?? 60_000,
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
