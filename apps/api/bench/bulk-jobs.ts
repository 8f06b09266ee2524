// Benchmark of bulk-invitation jobs against the Clerk emulator:
//   1. job time for 1,000 addresses with rate limits off;
//   2. achieved invitations per hour under Clerk's limits (50 bulk calls/hour/org) with time scaled.
// Run: pnpm --filter @invites/api exec tsx bench/bulk-jobs.ts   (writes bench-results/bulk-jobs.json)
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DEMO_ORGANIZATIONS, DEMO_USERS, startEmulator } from '@invites/clerk-emulator';
import { createHttpUpstream } from '../src/bulk/http-upstream.ts';
import { createBulkJob, getBulkJob } from '../src/bulk/job-repository.ts';
import type { BulkUpstream } from '../src/bulk/upstream.ts';
import { startBulkWorker } from '../src/bulk/worker.ts';
import { createStore } from '../src/store/create-store.ts';

const ORG = DEMO_ORGANIZATIONS.globex.id;
const ADMIN = DEMO_USERS.find((u) => u.email_address === 'grace@globex.example')!.id;
const TIME_SCALE = 120; // the hourly bulk window becomes 30 s
const BULK_CALLS_PER_HOUR = 50;
const ALLOWED_PER_HOUR = BULK_CALLS_PER_HOUR * 10;
const RESULTS = fileURLToPath(new URL('../../../bench-results/bulk-jobs.json', import.meta.url));

const rows = (n: number, domain: string) =>
  Array.from({ length: n }, (_, i) => ({ email_address: `user${i}@${domain}`, role: 'org:member' }));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Records when each bulk call succeeded and how many were answered 429. */
function timed(upstream: BulkUpstream) {
  const successes: number[] = [];
  let rateLimited = 0;
  const wrapped: BulkUpstream = {
    async bulkCreate(org, items) {
      const result = await upstream.bulkCreate(org, items);
      if (result.ok) successes.push(performance.now());
      else if (result.status === 429) rateLimited += 1;
      return result;
    },
    createOne: (org, item) => upstream.createOne(org, item),
    findPending: (org, emails) => upstream.findPending(org, emails),
    getInvitation: (org, id) => upstream.getInvitation(org, id),
    revoke: (org, id, by) => upstream.revoke(org, id, by),
    findMembers: (org, emails) => upstream.findMembers(org, emails),
  };
  return { wrapped, successes, rateLimited: () => rateLimited };
}

async function setUp(rateLimits: 'off' | 'clerk', timeScale = 1) {
  const emulator = await startEmulator({ db: ':memory:', seed: 'demo', rateLimits, timeScale });
  const store = await createStore({ url: ':memory:' });
  const http = createHttpUpstream({ apiUrl: emulator.url, secretKey: emulator.secretKey, timeoutMs: 10_000 });
  const probe = timed(http);
  const worker = startBulkWorker({ store, upstream: probe.wrapped, workerId: 'bench', pollMs: 50 });
  return {
    store,
    probe,
    worker,
    async tearDown() {
      await worker.stop();
      await http.close();
      await store.close();
      await emulator.close();
    },
  };
}

async function jobTimeRateLimitsOff(run: number): Promise<number> {
  const env = await setUp('off');
  const started = Date.now();
  const job = await createBulkJob(env.store, {
    organizationId: ORG,
    createdBy: ADMIN,
    inviterUserId: ADMIN,
    rows: rows(1000, `off${run}.example`),
  });
  env.worker.wake();
  // Poll lightly (the emulator shares this event loop); the job's own updated_at marks its end.
  let finished = await env.store.db
    .selectFrom('bulk_jobs')
    .selectAll()
    .where('id', '=', job.id)
    .executeTakeFirst();
  while (finished?.status !== 'done') {
    await sleep(50);
    finished = await env.store.db
      .selectFrom('bulk_jobs')
      .selectAll()
      .where('id', '=', job.id)
      .executeTakeFirst();
  }
  const counts = (await getBulkJob(env.store, job.id))?.counts;
  if (counts?.invited !== 1000) throw new Error(`invited ${counts?.invited} of 1000`);
  await env.tearDown();
  return finished.updated_at - started;
}

async function achievedRateWithClerkLimits() {
  const env = await setUp('clerk', TIME_SCALE);
  await createBulkJob(env.store, {
    organizationId: ORG,
    createdBy: ADMIN,
    inviterUserId: ADMIN,
    rows: rows(2500, 'paced.example'),
  });
  env.worker.wake();
  // Two full windows: from the first successful call to the first call of the third window.
  const calls = 2 * BULK_CALLS_PER_HOUR;
  while (env.probe.successes.length <= calls) await sleep(20);
  const [first, last] = [env.probe.successes[0]!, env.probe.successes[calls]!];
  const realSeconds = (last - first) / 1000;
  const clerkHours = (realSeconds * TIME_SCALE) / 3600;
  const achieved = (calls * 10) / clerkHours;
  const result = {
    time_scale: TIME_SCALE,
    window_real_seconds: 3600 / TIME_SCALE,
    measured_real_seconds: Number(realSeconds.toFixed(2)),
    invitations_measured: calls * 10,
    achieved_per_hour: Math.round(achieved),
    allowed_per_hour: ALLOWED_PER_HOUR,
    achieved_percent: Number(((achieved / ALLOWED_PER_HOUR) * 100).toFixed(1)),
    responses_429: env.probe.rateLimited(),
  };
  await env.tearDown();
  return result;
}

const offRuns: number[] = [];
for (let i = 0; i < 3; i++) offRuns.push(await jobTimeRateLimitsOff(i));
const median = [...offRuns].sort((a, b) => a - b)[1]!;
const paced = await achievedRateWithClerkLimits();

const results = {
  rate_limits_off: {
    addresses: 1000,
    runs_ms: offRuns.map((ms) => Math.round(ms)),
    median_ms: Math.round(median),
    invitations_per_second: Math.round(1000 / (median / 1000)),
  },
  clerk_limits_time_scaled: paced,
  goal_percent: 95,
  node: process.version,
  at: new Date().toISOString(),
};

console.log('\nBulk invitation jobs against the Clerk emulator\n');
console.table({
  '1,000 addresses, rate limits off (median of 3)': { value: `${results.rate_limits_off.median_ms} ms` },
  'throughput, rate limits off': { value: `${results.rate_limits_off.invitations_per_second} invitations/s` },
  [`Clerk limits, time x${TIME_SCALE} (${paced.measured_real_seconds} s real)`]: {
    value: `${paced.achieved_per_hour} / ${paced.allowed_per_hour} invitations per hour`,
  },
  'achieved / allowed': { value: `${paced.achieved_percent} % (goal >= 95 %)` },
  '429 answers while pacing': { value: String(paced.responses_429) },
});
mkdirSync(fileURLToPath(new URL('.', `file://${RESULTS}`)), { recursive: true });
writeFileSync(RESULTS, `${JSON.stringify(results, null, 2)}\n`);
console.log(`\nwrote ${RESULTS}`);
