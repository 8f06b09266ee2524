// Query latency of the emulator at 100,000 invitations, in-process (query layer) and over HTTP.
// Run: pnpm --filter @invites/clerk-emulator bench   → table on stdout, JSON in <repo>/bench-results/.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  type InvitationListFilter,
  listInvitations,
  openDatabase,
  seedBulkInvitations,
  setCountCache,
  startEmulator,
} from '../src/index.ts';

const N = Number(process.env.BENCH_INVITATIONS ?? 100_000);
const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 200);
const GOAL_P50_MS = 5;
const RESULTS = fileURLToPath(new URL('../../../bench-results/emulator-queries.json', import.meta.url));

interface Scenario {
  name: string;
  filter: Omit<InvitationListFilter, 'orgId'> & { org: boolean };
  query: string;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? Number.NaN;
}

async function measure(run: () => unknown): Promise<{ p50: number; p99: number }> {
  for (let i = 0; i < 20; i++) await run();
  const times: number[] = [];
  for (let i = 0; i < ITERATIONS; i++) {
    const start = performance.now();
    await run();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 0.5), p99: percentile(times, 0.99) };
}

const dir = mkdtempSync(join(tmpdir(), 'clerk-emulator-bench-'));
const dbPath = join(dir, 'bench.db');
const db = openDatabase(dbPath);
const seedStart = performance.now();
const { orgId, sampleEmail } = seedBulkInvitations(db, N);
const seedMs = performance.now() - seedStart;
const needle = sampleEmail.split('@')[0] ?? sampleEmail;

const scenarios: Scenario[] = [
  {
    name: 'org list, status=pending, limit 10, -created_at',
    filter: { org: true, statuses: ['pending'], orderBy: '-created_at', limit: 10, offset: 0 },
    query: 'status=pending&limit=10',
  },
  {
    name: 'org list, status=pending, limit 500, -created_at',
    filter: { org: true, statuses: ['pending'], orderBy: '-created_at', limit: 500, offset: 0 },
    query: 'status=pending&limit=500',
  },
  {
    name: 'org list, status=accepted+revoked, limit 10',
    filter: { org: true, statuses: ['accepted', 'revoked'], orderBy: '-created_at', limit: 10, offset: 0 },
    query: 'status=accepted&status=revoked&limit=10',
  },
  {
    name: 'org list, status=expired, limit 10',
    filter: { org: true, statuses: ['expired'], orderBy: '-created_at', limit: 10, offset: 0 },
    query: 'status=expired&limit=10',
  },
  {
    name: 'org list, status=pending, limit 10, +email_address',
    filter: { org: true, statuses: ['pending'], orderBy: '+email_address', limit: 10, offset: 0 },
    query: 'status=pending&limit=10&order_by=%2Bemail_address',
  },
  {
    name: `instance search, query=${needle}, limit 10`,
    filter: { org: false, query: needle, orderBy: '-created_at', limit: 10, offset: 0 },
    query: `query=${encodeURIComponent(needle)}&limit=10`,
  },
  {
    name: 'instance search, query=domain7. (2% match), limit 10',
    filter: { org: false, query: 'domain7.', orderBy: '-created_at', limit: 10, offset: 0 },
    query: 'query=domain7.&limit=10',
  },
];

const emulator = await startEmulator({ db: dbPath, seed: 'none', rateLimits: 'off' });
const headers = { Authorization: `Bearer ${emulator.secretKey}` };
interface Row {
  scenario: string;
  layer: 'query' | 'http';
  total_count: number;
  /** Repeated identical request: total_count comes from the count cache. */
  warm: { p50_ms: number; p99_ms: number };
  /** Count cache off: every request counts all matches again. */
  cold: { p50_ms: number; p99_ms: number };
}
const rows: Row[] = [];

const filterOf = (scenario: Scenario): InvitationListFilter => {
  const { org, ...rest } = scenario.filter;
  return { ...rest, ...(org ? { orgId } : {}) };
};

async function both(run: () => unknown): Promise<Pick<Row, 'warm' | 'cold'>> {
  const result = {} as Pick<Row, 'warm' | 'cold'>;
  for (const mode of ['warm', 'cold'] as const) {
    setCountCache(mode === 'warm');
    const { p50, p99 } = await measure(run);
    result[mode] = { p50_ms: p50, p99_ms: p99 };
  }
  setCountCache(true);
  return result;
}

// In-process first, then HTTP back to back: a long synchronous phase between HTTP requests would
// stall the idle keep-alive timers of both client and server (they share this process).
for (const scenario of scenarios) {
  const filter = filterOf(scenario);
  const total = listInvitations(db, filter, Date.now()).total;
  rows.push({
    scenario: scenario.name,
    layer: 'query',
    total_count: total,
    ...(await both(() => listInvitations(db, filter, Date.now()))),
  });
}
for (const scenario of scenarios) {
  const path = scenario.filter.org
    ? `/v1/organizations/${orgId}/invitations`
    : '/v1/organization_invitations';
  const url = `${emulator.url}${path}?${scenario.query}`;
  const timings = await both(async () => {
    const response = await fetch(url, { headers });
    if (!response.ok) throw new Error(`${url}: ${response.status}`);
    await response.text();
  });
  const total = listInvitations(db, filterOf(scenario), Date.now()).total;
  rows.push({ scenario: scenario.name, layer: 'http', total_count: total, ...timings });
}

await emulator.close();
db.close();
rmSync(dir, { recursive: true, force: true });

const fmt = (ms: number) => ms.toFixed(2).padStart(7);
const load = (await import('node:os')).loadavg()[0]?.toFixed(1);
console.log(
  `\nclerk-emulator query latency: ${N.toLocaleString('en')} invitations in one organization, ${ITERATIONS} runs each`,
);
console.log(
  `seeded in ${(seedMs / 1000).toFixed(1)} s; 1-min load average ${load}; goal p50 ≤ ${GOAL_P50_MS} ms`,
);
console.log('warm = repeated request (total_count cached); cold = count cache off\n');
console.log(
  `${'scenario'.padEnd(54)} ${'layer'.padEnd(5)} ${'matches'.padStart(7)} ${'warm p50'.padStart(8)} ${'p99'.padStart(7)} ${'cold p50'.padStart(8)} ${'p99'.padStart(7)}`,
);
for (const r of rows) {
  const mark = (ms: number) => (ms <= GOAL_P50_MS ? ' ' : '!');
  console.log(
    `${r.scenario.padEnd(54)} ${r.layer.padEnd(5)} ${String(r.total_count).padStart(7)} ${fmt(r.warm.p50_ms)}${mark(r.warm.p50_ms)} ${fmt(r.warm.p99_ms)} ${fmt(r.cold.p50_ms)}${mark(r.cold.p50_ms)} ${fmt(r.cold.p99_ms)}`,
  );
}
console.log('(! = p50 above the goal)');

mkdirSync(join(RESULTS, '..'), { recursive: true });
const round = (t: { p50_ms: number; p99_ms: number }) => ({
  p50_ms: Number(t.p50_ms.toFixed(3)),
  p99_ms: Number(t.p99_ms.toFixed(3)),
});
const report = {
  generated_at: new Date().toISOString(),
  node: process.version,
  load_average_1m: Number(load),
  invitations: N,
  iterations: ITERATIONS,
  seed_ms: Math.round(seedMs),
  goal_p50_ms: GOAL_P50_MS,
  results: rows.map((r) => ({ ...r, warm: round(r.warm), cold: round(r.cold) })),
};
writeFileSync(RESULTS, `${JSON.stringify(report, null, 2)}\n`);
console.log(`\nwrote ${RESULTS}`);
