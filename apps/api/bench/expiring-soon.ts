// The expiring-soon filter (issue 11): an organization with 20,000 pending invitations in the
// emulator, the filtered first page `GET /api/organizations/{org}/invitations/expiring?expires_within=7`
// as the org admin sees it, through the api in-process with the emulator over HTTP as upstream.
//   cold: nothing kept; the api reads the organization's pending invitations from Clerk (pages of 500)
//         and sorts them by expiry, then answers the page;
//   warm: the same page again while what was read is kept (the cache's TTL).
// The first request of the process (JIT, token and principal caches) is reported apart.
// Run: pnpm --filter @invites/api bench:expiring   (writes bench-results/expiring-soon.json)
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase, seedBulkInvitations, startEmulator } from '@invites/clerk-emulator';
import type { OrganizationInvitationList } from '@invites/clerk-schema';
import { startHarness } from '../src/test/harness.ts';

const PENDING = Number(process.env.BENCH_PENDING ?? 20_000);
const COLD_RUNS = Number(process.env.BENCH_COLD_RUNS ?? 9);
const WARM_RUNS = Number(process.env.BENCH_WARM_RUNS ?? 200);
const WITHIN_DAYS = 7;
const PAGE_SIZE = 25; // the table's default page size
const TTL_MS = 30_000;
const WARM_GOAL_MS = 300;
const COLD_GOAL_MS = 2_000;
const DAY_MS = 86_400_000;
const RESULTS_DIR = fileURLToPath(new URL('../../../bench-results/', import.meta.url));

const dir = mkdtempSync(join(tmpdir(), 'expiring-bench-'));
const dbPath = join(dir, 'emulator.db');
const seededAt = Date.now();

// The demo seed first (its users and organizations are the harness's personas), then the pending
// invitations into Acme, whose admin is the harness's `adminA`.
const seeder = await startEmulator({ db: dbPath, seed: 'demo', rateLimits: 'off', port: 0 });
const seederGet = async <T>(path: string) =>
  (await (
    await fetch(`${seeder.url}${path}`, { headers: { authorization: `Bearer ${seeder.secretKey}` } })
  ).json()) as T;
const orgId = (await seederGet<{ id: string }>('/v1/organizations/acme')).id;
const demoPending = (
  await seederGet<OrganizationInvitationList>(`/v1/organizations/${orgId}/invitations?status=pending&limit=1`)
).total_count;
await seeder.close();
const db = openDatabase(dbPath);
seedBulkInvitations(db, PENDING - demoPending, { orgId, allPending: true, now: seededAt, seed: 'expiring' });
db.close();

let clock = Date.now();
const h = await startHarness({ expiringCacheTtlMs: TTL_MS }, { emulatorDb: dbPath, now: () => clock });
try {
  const token = await h.tokenFor('adminA');
  const listed = await h.emulator('GET', `/v1/organizations/${orgId}/invitations?status=pending&limit=1`);
  const pendingInOrg = ((await listed.json()) as OrganizationInvitationList).total_count;
  const path = `/api/organizations/${orgId}/invitations/expiring?expires_within=${WITHIN_DAYS}&limit=${PAGE_SIZE}&offset=0`;

  let matching = -1;
  async function firstPage(): Promise<number> {
    const started = performance.now();
    const res = await h.app.request(path, { headers: { authorization: `Bearer ${token}` } });
    const body = (await res.json()) as OrganizationInvitationList;
    const ms = performance.now() - started;
    if (res.status !== 200 || body.data.length !== PAGE_SIZE) {
      throw new Error(`expiring page answered ${res.status} with ${body.data?.length} rows`);
    }
    const limit = Date.now() + WITHIN_DAYS * DAY_MS;
    if (body.data.some((inv) => inv.status !== 'pending' || (inv.expires_at ?? Infinity) > limit)) {
      throw new Error('the page holds an invitation outside the filter');
    }
    matching = body.total_count;
    return ms;
  }

  const first = await firstPage();
  const cold: number[] = [];
  const warm: number[] = [];
  const warmPerCold = Math.ceil(WARM_RUNS / COLD_RUNS);
  for (let i = 0; i < COLD_RUNS; i += 1) {
    clock += TTL_MS + 1; // what was read about the organization is no longer kept
    cold.push(await firstPage());
    for (let j = 0; j < warmPerCold; j += 1) warm.push(await firstPage());
  }

  const sorted = (v: number[]) => [...v].sort((a, b) => a - b);
  const pct = (v: number[], p: number) => sorted(v)[Math.min(v.length - 1, Math.floor(v.length * p))] ?? NaN;
  const round = (v: number) => Math.round(v * 10) / 10;
  const result = {
    generated_at: new Date().toISOString(),
    node: process.version,
    cores: cpus().length,
    cpu: cpus()[0]?.model ?? null,
    pending_in_org: pendingInOrg,
    expires_within_days: WITHIN_DAYS,
    matching,
    page_size: PAGE_SIZE,
    cold_runs: COLD_RUNS,
    warm_runs: warm.length,
    warm_goal_ms: WARM_GOAL_MS,
    cold_goal_ms: COLD_GOAL_MS,
    first_request_ms: round(first),
    cold_p50_ms: round(pct(cold, 0.5)),
    cold_max_ms: round(Math.max(...cold)),
    warm_p50_ms: round(pct(warm, 0.5)),
    warm_p99_ms: round(pct(warm, 0.99)),
    cold_runs_ms: cold.map(round),
  };
  const verdict = (value: number, goal: number) => (value <= goal ? 'met' : 'MISSED');
  console.log(
    `\nExpiring soon: ${pendingInOrg} pending in the organization, expires_within=${WITHIN_DAYS} matches ${matching}, first page of ${PAGE_SIZE} as the org admin; ${cpus().length} cores, Node ${process.version}`,
  );
  console.log(`first request of the process   ${result.first_request_ms} ms`);
  console.log(
    `cold (reads Clerk, sorts)      p50 ${result.cold_p50_ms} ms, max ${result.cold_max_ms} ms (${COLD_RUNS} runs)   goal ≤ ${COLD_GOAL_MS} ms  ${verdict(result.cold_max_ms, COLD_GOAL_MS)}`,
  );
  console.log(
    `warm (kept)                    p50 ${result.warm_p50_ms} ms, p99 ${result.warm_p99_ms} ms (${warm.length} runs)   goal p50 ≤ ${WARM_GOAL_MS} ms  ${verdict(result.warm_p50_ms, WARM_GOAL_MS)}`,
  );
  mkdirSync(RESULTS_DIR, { recursive: true });
  writeFileSync(`${RESULTS_DIR}expiring-soon.json`, `${JSON.stringify(result, null, 2)}\n`);
  console.log(`\nwrote ${RESULTS_DIR}expiring-soon.json`);
} finally {
  await h.close();
  rmSync(dir, { recursive: true, force: true });
}
