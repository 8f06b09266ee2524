// Clerk's webhooks in a burst: 200 signed deliveries a second for 10 s (open loop: each is sent at its
// time whether or not earlier ones were answered) to `POST /api/webhooks/clerk` of the api as
// `pnpm start` runs it against a real Clerk (src/server.ts in a child process, NODE_ENV=production,
// the default SQLite file store, JSON access log to a pipe). Measures each acknowledgement (request
// sent → answer read) and then checks that nothing was lost: every event stored once and applied.
// Run: pnpm --filter @invites/api bench:webhooks   (writes bench-results/webhook-burst.json)
import { fork } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { newWebhookSecret } from '@invites/clerk-emulator';
import { newClerkId } from '@invites/clerk-schema';
import { Pool } from 'undici';
import { TEST_PUBLISHABLE_KEY } from '../src/config.ts';
import { createStore } from '../src/store/create-store.ts';
import { invitationEvent, signed } from '../src/webhooks/test-events.ts';
import { cpuOf } from './proxy/processes.ts';

const RATE = Number(process.env.BENCH_WEBHOOK_RATE ?? 200);
const SECONDS = Number(process.env.BENCH_WEBHOOK_SECONDS ?? 10);
const GOAL_P99_MS = 50;
const API_DIR = fileURLToPath(new URL('../', import.meta.url));
const RESULTS_DIR = fileURLToPath(new URL('../../../bench-results/', import.meta.url));

const secret = newWebhookSecret();
const dir = mkdtempSync(join(tmpdir(), 'webhook-burst-'));
const dbPath = join(dir, 'api.db');
const port = 20_000 + Math.floor(Math.random() * 20_000);
// src/server.ts with a CPU channel (the proxy bench's child): the parent reads its CPU time over IPC.
const child = fork(fileURLToPath(new URL('./proxy/api-child.ts', import.meta.url)), [], {
  cwd: API_DIR,
  execArgv: [
    '--import',
    'tsx',
    // BENCH_PROFILE=1: a V8 CPU profile of the api in bench-results/profiles/.
    ...(process.env.BENCH_PROFILE === '1' ? ['--cpu-prof', `--cpu-prof-dir=${RESULTS_DIR}profiles`] : []),
  ],
  env: {
    ...process.env,
    NODE_ENV: 'production',
    PORT: String(port),
    HOST: '127.0.0.1',
    // No Clerk call is made on this path; the address only has to be valid.
    CLERK_API_URL: 'http://127.0.0.1:9',
    CLERK_SECRET_KEY: 'sk_test_webhook_bench',
    CLERK_PUBLISHABLE_KEY: TEST_PUBLISHABLE_KEY,
    CLERK_WEBHOOK_SIGNING_SECRET: secret,
    DATABASE_URL: dbPath,
  },
  stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
});
// The api's access log: its own time per webhook request (handler in → answer out, whole ms).
const serverMs: number[] = [];
createInterface({ input: child.stdout as NodeJS.ReadableStream }).on('line', (line) => {
  if (!line.includes('"path":"/api/webhooks/clerk"')) return;
  const ms = Number(/"duration_ms":(\d+(?:\.\d+)?)/.exec(line)?.[1]);
  if (Number.isFinite(ms)) serverMs.push(ms);
});
const url = `http://127.0.0.1:${port}`;

async function waitHealthy(): Promise<void> {
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) throw new Error(`the api exited with ${child.exitCode}`);
    if (
      await fetch(`${url}/api/health`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the api did not become healthy');
}

/** A realistic mix: invitations created, then some accepted or revoked (all distinct events). */
function events(count: number) {
  const orgs = [newClerkId('org'), newClerkId('org'), newClerkId('org'), newClerkId('org')];
  const out: { id: string; body: unknown }[] = [];
  const now = Date.now();
  for (let i = 0; out.length < count; i++) {
    const facts = {
      id: newClerkId('orginv'),
      organizationId: orgs[i % orgs.length] as string,
      inviterId: 'user_bench',
      createdAt: now - (i % 40) * 86_400_000,
      settledAt: now - (i % 40) * 86_400_000 + 3_600_000,
    };
    out.push({ id: newClerkId('msg'), body: invitationEvent('organizationInvitation.created', facts) });
    if (i % 3 === 0 && out.length < count)
      out.push({ id: newClerkId('msg'), body: invitationEvent('organizationInvitation.accepted', facts) });
    else if (i % 7 === 0 && out.length < count)
      out.push({ id: newClerkId('msg'), body: invitationEvent('organizationInvitation.revoked', facts) });
  }
  return out;
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
const round = (n: number) => Math.round(n * 100) / 100;

try {
  await waitHealthy();
  const total = RATE * SECONDS;
  const deliveries = events(total).map((e) => signed(secret, e.body, { id: e.id }));
  const pool = new Pool(url, { connections: 256, pipelining: 1, keepAliveTimeout: 30_000 });

  // Warm-up: JIT and connections, with events the figures ignore (another type).
  await Promise.all(
    Array.from({ length: 100 }, async () => {
      const warm = signed(secret, {
        type: 'user.created',
        object: 'event',
        data: {},
        timestamp: 1,
        instance_id: 'ins_bench',
      });
      const res = await pool.request({ path: '/api/webhooks/clerk', ...warm });
      await res.body.dump();
    }),
  );

  serverMs.length = 0;
  const latencies: number[] = [];
  const statuses = new Map<number, number>();
  const lag: number[] = [];
  const cpuBefore = await cpuOf({ process: child, url });
  const started = performance.now();
  const interval = 1000 / RATE;
  const inFlight: Promise<void>[] = [];
  let next = 0;
  while (next < total) {
    const now = performance.now();
    while (next < total && started + next * interval <= now) {
      const delivery = deliveries[next] as ReturnType<typeof signed>;
      lag.push(now - (started + next * interval));
      next += 1;
      inFlight.push(
        (async () => {
          const sentAt = performance.now();
          const res = await pool.request({ path: '/api/webhooks/clerk', ...delivery });
          await res.body.dump();
          latencies.push(performance.now() - sentAt);
          statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
        })(),
      );
    }
    await new Promise((r) => setTimeout(r, Math.max(0, started + next * interval - performance.now())));
  }
  await Promise.all(inFlight);
  const sendSeconds = (performance.now() - started) / 1000;
  const lastAck = performance.now();

  // No loss: every event stored once and applied (read from the api's own SQLite file).
  const store = await createStore({ url: dbPath, migrate: false });
  let stored = 0;
  let applied = 0;
  for (let i = 0; i < 600; i++) {
    const row = await store.db
      .selectFrom('webhook_events')
      .select((eb) => [
        eb.fn.countAll<number>().as('stored'),
        eb.fn.count<number>('processed_at').as('applied'),
      ])
      .executeTakeFirstOrThrow();
    stored = Number(row.stored);
    applied = Number(row.applied);
    if (applied >= total) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  const drainMs = performance.now() - lastAck;
  const cpuUs = (await cpuOf({ process: child, url })) - cpuBefore;
  const activity = await store.db
    .selectFrom('activity')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('source', '=', 'clerk')
    .executeTakeFirstOrThrow();
  await store.close();
  await pool.close();

  const sorted = [...latencies].sort((a, b) => a - b);
  const sortedLag = [...lag].sort((a, b) => a - b);
  const sortedServer = [...serverMs].sort((a, b) => a - b);
  const result = {
    generated_at: new Date().toISOString(),
    node: process.version,
    cores: cpus().length,
    load_average_1m: round(loadavg()[0] ?? 0),
    rate_per_second: RATE,
    seconds: SECONDS,
    sent: total,
    achieved_per_second: round(total / sendSeconds),
    statuses: Object.fromEntries(statuses),
    ack_ms: {
      p50: round(percentile(sorted, 50)),
      p90: round(percentile(sorted, 90)),
      p99: round(percentile(sorted, 99)),
      max: round(sorted.at(-1) ?? Number.NaN),
    },
    /** The api's own time per request (its access log, whole ms): what is left without the machine's queueing. */
    server_ms: {
      p50: percentile(sortedServer, 50),
      p99: percentile(sortedServer, 99),
      max: sortedServer.at(-1) ?? Number.NaN,
    },
    /** The api process's CPU (user + system) per event, acknowledged and applied. */
    api_cpu_us_per_event: Math.round(cpuUs / total),
    /** How late the generator sent (its own scheduling on a busy machine), p99. */
    send_lag_p99_ms: round(percentile(sortedLag, 99)),
    stored,
    applied,
    clerk_activity_entries: Number(activity.n),
    lost: total - stored,
    applied_all_within_ms: applied >= total ? Math.round(drainMs) : null,
    goal_p99_ms: GOAL_P99_MS,
  };
  const ok2xx = statuses.get(200) ?? 0;
  console.log(
    `\nWebhook burst: ${total} signed events at ${RATE}/s for ${SECONDS} s on loopback, ${cpus().length} cores (load ${result.load_average_1m}), Node ${process.version}`,
  );
  console.log(`sent at ${result.achieved_per_second}/s, answered 200: ${ok2xx}/${total}`);
  console.log(
    `acknowledgement p50 ${result.ack_ms.p50} ms  p90 ${result.ack_ms.p90} ms  p99 ${result.ack_ms.p99} ms  max ${result.ack_ms.max} ms   goal p99 ≤ ${GOAL_P99_MS} ms  ${result.ack_ms.p99 <= GOAL_P99_MS ? 'met' : 'MISSED'}`,
  );
  console.log(
    `api CPU per event (acknowledged and applied) ${result.api_cpu_us_per_event} µs = ${round((result.api_cpu_us_per_event * RATE) / 10_000)} % of one core at ${RATE}/s`,
  );
  console.log(
    `the api's own time (access log) p50 ${result.server_ms.p50} ms  p99 ${result.server_ms.p99} ms  max ${result.server_ms.max} ms; generator send lag p99 ${result.send_lag_p99_ms} ms`,
  );
  console.log(
    `stored ${stored}, applied ${applied} (all within ${result.applied_all_within_ms ?? '—'} ms of the last answer), Clerk entries in the log ${result.clerk_activity_entries}, lost ${result.lost}   goal: none lost  ${result.lost === 0 && applied === total && ok2xx === total ? 'met' : 'MISSED'}`,
  );
  mkdirSync(RESULTS_DIR, { recursive: true });
  writeFileSync(join(RESULTS_DIR, 'webhook-burst.json'), `${JSON.stringify(result, null, 2)}\n`);
  console.log(`\nwrote ${join(RESULTS_DIR, 'webhook-burst.json')}`);
} finally {
  child.kill('SIGTERM');
  await new Promise((r) => child.once('exit', r));
  rmSync(dir, { recursive: true, force: true });
}
