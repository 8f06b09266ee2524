import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EMULATOR_KEY, type MemoryReport, startApiProcess, startEmulatorProcess, stop } from './processes.ts';
import { type Operation, type OpStats, percentile, runLoad } from './workload.ts';

/**
 * `pnpm load`: the emulator (rate limits off) and the api as separate processes on loopback, then
 * LOAD_CONNECTIONS keep-alive connections (default 200) for LOAD_DURATION_S seconds (default 30) on
 * a mix of list, staff search, get and create, plus a few requests that are refused by design.
 * Reports requests/s, latency percentiles, statuses, errors and the api's memory before, right after
 * and after settling; writes bench-results/load.json; exits 1 when a goal is missed.
 */

const DURATION_S = Number(process.env.LOAD_DURATION_S ?? 30);
const CONNECTIONS = Number(process.env.LOAD_CONNECTIONS ?? 200);
// Long enough for the api's idle keep-alive sockets to Clerk (30 s) to close, with their buffers.
const SETTLE_S = Number(process.env.LOAD_SETTLE_S ?? 40);
// Extra identical rounds after the measured one: memory that keeps growing round after round is a
// leak; memory that stays at the first round's level is the allocator keeping freed pages.
const REPEAT = Number(process.env.LOAD_REPEAT ?? 0);
const MEMORY_GOAL_MB = 50;
const LOAD_AT_START = loadavg().map((l) => Math.round(l * 100) / 100);
const OUT = fileURLToPath(new URL('../../../bench-results/load.json', import.meta.url));

const emulator = await startEmulatorProcess();
const api = await startApiProcess(emulator.url);
const children = [api.child, emulator.child];
const shutdown = async () => {
  for (const child of children) await stop(child);
};
process.once('SIGINT', () => void shutdown().then(() => process.exit(130)));

try {
  const clerk = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const res = await fetch(`${emulator.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${EMULATOR_KEY}`, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  };
  const tokenFor = async (userId: string) => {
    const session = await clerk<{ id: string }>('POST', '/v1/sessions', { user_id: userId });
    return (
      await clerk<{ jwt: string }>('POST', `/v1/sessions/${session.id}/tokens`, { expires_in_seconds: 3600 })
    ).jwt;
  };
  const acme = (await clerk<{ id: string }>('GET', '/v1/organizations/acme')).id;
  const globex = (await clerk<{ id: string }>('GET', '/v1/organizations/globex')).id;
  const ada = await tokenFor('user_2AdaLovelace000000000000000');
  const staff = await tokenFor('user_2SamRivera00000000000000000');
  const invitations = (
    await clerk<{ data: { id: string; email_address: string }[] }>(
      'GET',
      `/v1/organizations/${acme}/invitations?limit=500`,
    )
  ).data;
  const terms = [...new Set(invitations.map((i) => i.email_address.split('@')[0]?.slice(0, 4) ?? 'acme'))];

  const any = <T>(items: readonly T[]) => items[Math.floor(Math.random() * items.length)] as T;
  const STATUS_FILTERS = [
    '',
    'status=pending',
    'status=pending&status=expired',
    'status=accepted&status=revoked',
    'status=expired',
  ];
  const ORDERS = ['-created_at', '+email_address', 'created_at'];
  const run = Date.now().toString(36);
  let seq = 0;
  const operations: Operation[] = [
    {
      name: 'list (org admin, status filters)',
      expect: 'ok',
      weight: 35,
      request: () => {
        const filter = any(STATUS_FILTERS);
        const page = `limit=${any([10, 25, 50])}&offset=${25 * Math.floor(Math.random() * 8)}&order_by=${any(ORDERS)}`;
        return {
          method: 'GET',
          path: `/api/v1/organizations/${acme}/invitations?${filter ? `${filter}&` : ''}${page}`,
          token: ada,
        };
      },
    },
    {
      name: 'search (staff, all organizations)',
      expect: 'ok',
      weight: 20,
      request: () => ({
        method: 'GET',
        path: `/api/v1/organization_invitations?query=${encodeURIComponent(any(terms))}&limit=25`,
        token: staff,
      }),
    },
    {
      name: 'get (org admin)',
      expect: 'ok',
      weight: 25,
      request: () => ({
        method: 'GET',
        path: `/api/v1/organizations/${acme}/invitations/${any(invitations).id}`,
        token: ada,
      }),
    },
    {
      name: 'create (org admin, unique address)',
      expect: 'ok',
      weight: 15,
      request: () => ({
        method: 'POST',
        path: `/api/v1/organizations/${acme}/invitations`,
        token: ada,
        body: JSON.stringify({ email_address: `load-${run}-${seq++}@load-test.example`, role: 'org:member' }),
      }),
    },
    {
      name: 'invalid limit (422 by design)',
      expect: 422,
      weight: 3,
      request: () => ({
        method: 'GET',
        path: `/api/v1/organizations/${acme}/invitations?limit=0`,
        token: ada,
      }),
    },
    {
      name: "another organization's list (403 by design)",
      expect: 403,
      weight: 2,
      request: () => ({ method: 'GET', path: `/api/v1/organizations/${globex}/invitations`, token: ada }),
    },
  ];

  const atStart = await api.memory(true);
  // Warm-up: JIT, token and role caches, keep-alive pools; the baseline is taken after it.
  await runLoad({ url: api.url, connections: 10, durationMs: 3_000, operations });
  const before = await api.memory(true);

  process.stdout.write(`load: ${CONNECTIONS} connections for ${DURATION_S} s against ${api.url}\n`);
  const samples: MemoryReport[] = [];
  const sampler = setInterval(() => void api.memory().then((m) => samples.push(m)), 2_000);
  const { stats, elapsedMs } = await runLoad({
    url: api.url,
    connections: CONNECTIONS,
    durationMs: DURATION_S * 1_000,
    operations,
    onTick: (done) => process.stdout.write(`\r  ${done} requests`),
  });
  clearInterval(sampler);
  process.stdout.write('\n');
  const rightAfter = await api.memory();
  const early = Math.min(10, SETTLE_S);
  await new Promise((resolve) => setTimeout(resolve, early * 1_000));
  const after10s = await api.memory(true);
  await new Promise((resolve) => setTimeout(resolve, (SETTLE_S - early) * 1_000));
  const afterSettle = await api.memory(true);
  const repeats: { round: number; rss_mb: number; heap_used_mb: number }[] = [];
  for (let round = 1; round <= REPEAT; round++) {
    process.stdout.write(`repeat round ${round} of ${REPEAT}\n`);
    await runLoad({ url: api.url, connections: CONNECTIONS, durationMs: DURATION_S * 1_000, operations });
    await new Promise((resolve) => setTimeout(resolve, SETTLE_S * 1_000));
    const m = await api.memory(true);
    repeats.push({ round, rss_mb: m.rss_mb, heap_used_mb: m.heap_used_mb });
  }
  const health = await fetch(`${api.url}/api/health`);

  const all = [...stats.values()];
  const total = all.reduce((n, s) => n + s.count, 0);
  const latencies = all.flatMap((s) => s.latenciesMs).sort((a, b) => a - b);
  const statuses: Record<string, number> = {};
  for (const s of all)
    for (const [code, n] of Object.entries(s.statuses)) statuses[code] = (statuses[code] ?? 0) + n;
  const byDesign = operations
    .filter((o) => o.expect !== 'ok')
    .reduce((n, o) => n + (stats.get(o.name)?.count ?? 0), 0);
  const unexpected = all.reduce((n, s) => n + s.unexpected, 0);
  const networkErrors = all.reduce((n, s) => n + s.networkErrors, 0);
  const non2xx = Object.entries(statuses)
    .filter(([code]) => !code.startsWith('2'))
    .reduce((n, [, c]) => n + c, 0);
  const growth = Math.round((afterSettle.rss_mb - before.rss_mb) * 10) / 10;
  const summarize = (s: OpStats) => {
    const sorted = [...s.latenciesMs].sort((a, b) => a - b);
    return {
      count: s.count,
      p50_ms: percentile(sorted, 50),
      p99_ms: percentile(sorted, 99),
      statuses: s.statuses,
      unexpected: s.unexpected,
      network_errors: s.networkErrors,
      ...(s.errorSamples.length ? { error_samples: s.errorSamples } : {}),
    };
  };
  const report = {
    when: new Date().toISOString(),
    machine: {
      cpus: cpus().length,
      node: process.version,
      load_average_at_start: LOAD_AT_START,
      load_average_at_end: loadavg().map((l) => Math.round(l * 100) / 100),
    },
    config: {
      connections: CONNECTIONS,
      duration_s: DURATION_S,
      settle_s: SETTLE_S,
      rate_limits: 'off',
      node_env: 'production',
    },
    requests: total,
    requests_per_s: Math.round((total / (elapsedMs / 1000)) * 10) / 10,
    latency_ms: {
      p50: percentile(latencies, 50),
      p90: percentile(latencies, 90),
      p99: percentile(latencies, 99),
      max: percentile(latencies, 100),
    },
    statuses,
    non_2xx: non2xx,
    non_2xx_by_design: byDesign,
    unexpected_answers: unexpected,
    network_errors: networkErrors,
    operations: Object.fromEntries([...stats].map(([name, s]) => [name, summarize(s)])),
    memory_mb: {
      at_start: atStart,
      before_load: before,
      peak_rss_during: Math.max(0, ...samples.map((m) => m.rss_mb)),
      right_after: rightAfter,
      [`after_${early}s_and_gc`]: after10s,
      after_settle_and_gc: afterSettle,
      rss_growth_after_settle: growth,
      ...(repeats.length ? { after_repeat_rounds: repeats } : {}),
    },
    healthy_after: health.status === 200,
    goals: {
      no_errors_but_by_design_4xx: unexpected === 0 && networkErrors === 0,
      memory_back_within_50_mb: growth <= MEMORY_GOAL_MB,
    },
  };
  mkdirSync(dirname(OUT), { recursive: true });
  writeFileSync(OUT, `${JSON.stringify(report, null, 2)}\n`);

  const line = (label: string, value: unknown) =>
    process.stdout.write(`${label.padEnd(44)}${String(value)}\n`);
  line('requests', `${total} in ${(elapsedMs / 1000).toFixed(1)} s`);
  line('requests/s', report.requests_per_s);
  line(
    'latency p50 / p90 / p99 / max (ms)',
    `${report.latency_ms.p50} / ${report.latency_ms.p90} / ${report.latency_ms.p99} / ${report.latency_ms.max}`,
  );
  line('statuses', JSON.stringify(statuses));
  line('non-2xx (by design)', `${non2xx} (${byDesign})`);
  line('unexpected answers / network errors', `${unexpected} / ${networkErrors}`);
  line(
    'api RSS before / peak / after / settled',
    `${before.rss_mb} / ${report.memory_mb.peak_rss_during} / ${rightAfter.rss_mb} / ${afterSettle.rss_mb} MB`,
  );
  line(
    'api heap before / after / settled',
    `${before.heap_used_mb} / ${rightAfter.heap_used_mb} / ${afterSettle.heap_used_mb} MB`,
  );
  line('goals', JSON.stringify(report.goals));
  process.stdout.write(`written to ${OUT}\n`);
  process.exitCode = Object.values(report.goals).every(Boolean) && report.healthy_after ? 0 : 1;
} finally {
  await shutdown();
}
