// The bulk-invite preview's server check: `POST /api/bulk-invitations/check` with 1,000 addresses
// (200 of them pending in the organization) through the api in-process, the emulator as upstream.
//   cold: the organization's pending invitations and members are read from Clerk (paged);
//   warm: the same check again within the cache's TTL (no Clerk call).
// Run: pnpm --filter @invites/api bench:check   (writes bench-results/bulk-check.json)
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { BulkCheckResult, OrganizationInvitationList } from '@invites/clerk-schema';
import { startHarness } from '../src/test/harness.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const TTL_MS = 5_000;
const GOAL_MS = 300;
const RESULTS = fileURLToPath(new URL('../../../bench-results/bulk-check.json', import.meta.url));

let clock = Date.now();
const h = await startHarness({ recipientCheckTtlMs: TTL_MS }, { now: () => clock });
try {
  const token = await h.tokenFor('adminA');
  const listed = await h.emulator('GET', `/v1/organizations/${h.orgA}/invitations?status=pending&limit=200`);
  const pending = ((await listed.json()) as OrganizationInvitationList).data.map((i) => i.email_address);
  const emails = [...pending, ...Array.from({ length: 800 }, (_, i) => `new-${i}@preview.example`)];
  const body = JSON.stringify({ organization_id: h.orgA, email_addresses: emails });

  async function check(): Promise<number> {
    const started = performance.now();
    const res = await h.app.request('/api/bulk-invitations/check', {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body,
    });
    const result = (await res.json()) as BulkCheckResult;
    const ms = performance.now() - started;
    if (res.status !== 200 || result.pending.length !== pending.length)
      throw new Error(`check answered ${res.status} with ${result.pending?.length} pending`);
    return ms;
  }

  await check(); // warm-up: JIT, token and principal caches
  const cold: number[] = [];
  const warm: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    clock += TTL_MS + 1; // the cached view of the organization expires
    cold.push(await check());
    warm.push(await check());
  }
  const median = (v: number[]) => [...v].sort((a, b) => a - b)[v.length >> 1] ?? Number.NaN;
  const result = {
    generated_at: new Date().toISOString(),
    node: process.version,
    cores: cpus().length,
    addresses: emails.length,
    pending: pending.length,
    runs: RUNS,
    goal_ms: GOAL_MS,
    cold_median_ms: Math.round(median(cold) * 10) / 10,
    warm_median_ms: Math.round(median(warm) * 10) / 10,
    cold_runs_ms: cold.map((v) => Math.round(v * 10) / 10),
    warm_runs_ms: warm.map((v) => Math.round(v * 10) / 10),
  };
  console.log(
    `\nBulk preview check: ${emails.length} addresses, ${pending.length} pending, ${RUNS} runs, ${cpus().length} cores, Node ${process.version}`,
  );
  console.log(
    `cold (reads Clerk)   median ${result.cold_median_ms} ms   goal ≤ ${GOAL_MS} ms  ${result.cold_median_ms <= GOAL_MS ? 'met' : 'MISSED'}`,
  );
  console.log(
    `warm (cached)        median ${result.warm_median_ms} ms   goal ≤ ${GOAL_MS} ms  ${result.warm_median_ms <= GOAL_MS ? 'met' : 'MISSED'}`,
  );
  mkdirSync(fileURLToPath(new URL('../../../bench-results/', import.meta.url)), { recursive: true });
  writeFileSync(RESULTS, `${JSON.stringify(result, null, 2)}\n`);
  console.log(`\nwrote ${RESULTS}`);
} finally {
  await h.close();
}
