// Proxy cost: GET an organization's invitations (limit 10) straight from the emulator, through a bare
// node:http + undici forwarder, and through the api with real session tokens (an org admin, whose
// answers have private_metadata cut out, and a staff member, whose answers pass through). The api runs
// as `pnpm start` would in production, its JSON access log written to a pipe this process reads.
// Emulator, forwarder and api each run in their own child process, so `process.cpuUsage()` deltas
// (read over IPC, outside the measured window) cover one process only; the load generator is this
// process, with an undici keep-alive pool. Targets are measured in interleaved rounds so background
// load on the machine hits all of them alike; CPU/request and req/s are medians over rounds.
// Run: pnpm --filter @invites/api bench:proxy   (table on stdout, JSON in <repo>/bench-results/proxy.json)
// BENCH_PROFILE=1 also writes a V8 CPU profile of the api child to bench-results/profiles/
// (BENCH_PROFILE_INTERVAL=100 samples every 100 µs instead of V8's 1 ms).
// BENCH_COMPARE=<git ref> (e.g. HEAD) also runs the api's src/ as it is at that ref, as a second api
// child in the same interleaved rounds (rows `base_admin`, `base_staff`): a one-run A/B of a change.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { DEFAULT_SECRET_KEY, DEMO_ORGANIZATIONS } from '@invites/clerk-emulator';
import { extractApiAt } from './proxy/compare.ts';
import { type Child, sessionToken, start, startApi } from './proxy/processes.ts';
import { CONCURRENCY, Runner, round, type Target } from './proxy/runner.ts';

const SEQUENTIAL = Number(process.env.BENCH_SEQUENTIAL ?? 2000);
const DURATION_MS = Number(process.env.BENCH_DURATION_MS ?? 7500);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 1000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const GOAL_ADDED_P50_MS = 1;
const GOAL_CPU_RATIO = 1.5;
const REPO = fileURLToPath(new URL('../../../', import.meta.url));
const RESULTS = `${REPO}bench-results/proxy.json`;
const ORG = DEMO_ORGANIZATIONS.acme.id;
const QUERY = 'limit=10';

async function sanityCheck(targets: Target[]) {
  const totals = new Set<number>();
  for (const t of targets) {
    const res = await fetch(`${t.origin}${t.prefix}/v1/organizations/${ORG}/invitations?${QUERY}`, {
      headers: t.headers,
    });
    const text = await res.text();
    if (res.status !== 200) throw new Error(`${t.name} answered ${res.status}: ${text}`);
    const body = JSON.parse(text) as { data: unknown[]; total_count: number };
    if (body.data.length !== 10) throw new Error(`${t.name} returned ${body.data.length} rows`);
    if ((t.key === 'api_admin' || t.key === 'base_admin') && text.includes('private_metadata')) {
      throw new Error('the api returned private_metadata to an org admin');
    }
    totals.add(body.total_count);
  }
  if (totals.size !== 1) throw new Error(`targets disagree on total_count: ${[...totals].join(', ')}`);
}

async function main() {
  const emulator = await start('./emulator-child.ts');
  const forwarder = await start('./forwarder-child.ts', {
    BENCH_UPSTREAM_URL: emulator.url,
    BENCH_SECRET_KEY: DEFAULT_SECRET_KEY,
  });
  const api = await startApi(emulator.url);
  const compareRef = process.env.BENCH_COMPARE;
  const baseline = compareRef ? extractApiAt(compareRef) : null;
  const base = baseline ? await startApi(emulator.url, baseline.server) : null;
  const apis = base ? [api, base] : [api];
  const children = [...apis, forwarder, emulator];
  let apiRequests = 0;
  let baseRequests = 0;
  try {
    const [ada, sam] = await Promise.all([
      sessionToken(emulator.url, 'ada@acme.example'),
      sessionToken(emulator.url, 'sam.rivera@invites.example'),
    ]);
    const apiTarget = (key: string, name: string, token: string, child: Child = api): Target => ({
      name,
      key,
      origin: child.url,
      prefix: '/api',
      headers: { authorization: `Bearer ${token}` },
      proxy: child,
    });
    const baseTargets = (kind: 'admin' | 'staff', token: string): Target[] =>
      base && baseline
        ? [
            apiTarget(
              `base_${kind}`,
              `api at ${baseline.commit}, ${kind === 'admin' ? 'org admin Ada' : 'staff Sam'}`,
              token,
              base,
            ),
          ]
        : [];
    const targets: Target[] = [
      {
        name: 'direct to the emulator',
        key: 'direct',
        origin: emulator.url,
        prefix: '',
        headers: { authorization: `Bearer ${DEFAULT_SECRET_KEY}` },
        proxy: null,
      },
      {
        name: 'bare forwarder (reference)',
        key: 'bare',
        origin: forwarder.url,
        prefix: '/api',
        headers: {},
        proxy: forwarder,
      },
      ...baseTargets('admin', ada),
      apiTarget('api_admin', 'api, org admin Ada (private_metadata stripped)', ada),
      ...baseTargets('staff', sam),
      apiTarget('api_staff', 'api, staff Sam (body passed through)', sam),
    ];
    await sanityCheck(targets);
    // BENCH_ONLY=api_staff (keys, comma-separated) measures a subset, e.g. to profile one path.
    const only = process.env.BENCH_ONLY?.split(',');
    const runners = targets
      .filter((t) => !only || only.includes(t.key))
      .map((t) => new Runner(t, emulator, `/v1/organizations/${ORG}/invitations?${QUERY}`));
    for (const r of runners) await r.warm(WARMUP);
    // Every other round runs the targets in reverse order, so no target always follows the same one
    // (with BENCH_COMPARE the two apis take turns going first).
    const inRound = (i: number) => (i % 2 === 0 ? runners : [...runners].reverse());
    for (let i = 0; i < ROUNDS; i++)
      for (const r of inRound(i)) await r.sequential(Math.ceil(SEQUENTIAL / ROUNDS));
    for (let i = 0; i < ROUNDS; i++) for (const r of inRound(i)) await r.closedLoop(DURATION_MS / ROUNDS);
    await Promise.all(runners.map((r) => r.pool.close()));
    report(runners.map((r) => r.summary()));
    apiRequests = runners.filter((r) => r.target.proxy === api).reduce((n, r) => n + r.sent, 0);
    baseRequests = runners.filter((r) => base && r.target.proxy === base).reduce((n, r) => n + r.sent, 0);
  } finally {
    for (const child of children) child.process.disconnect();
    await Promise.all(children.map((c) => new Promise((r) => c.process.once('exit', r))));
    if (baseline) rmSync(baseline.dir, { recursive: true, force: true });
  }
  // Buffered log writes must not lose lines, including the last ones when the process exits. The
  // sanity check sent each api one request per target of its own.
  for (const [child, sent, label] of [
    [api, apiRequests + 2, 'api'],
    [base, baseRequests + 2, `api at ${baseline?.commit}`],
  ] as const) {
    if (!child) continue;
    const lines = child.accessLines?.() ?? 0;
    console.log(`${label} access log: ${lines} lines for ${sent} requests (plus health checks)`);
    if (lines < sent) throw new Error(`${label} lost access-log lines`);
  }
}

type Row = ReturnType<Runner['summary']>;

function report(rows: Row[]) {
  if (rows.length < 4) {
    console.log(JSON.stringify(rows, null, 2));
    return;
  }
  const byKey = Object.fromEntries(rows.map((r) => [r.key, r])) as Record<string, Row>;
  const direct = byKey.direct as Row;
  const bare = byKey.bare as Row;
  const verdicts = (['api_admin', 'api_staff'] as const).map((key) => {
    const r = byKey[key] as Row;
    const added = round(r.c1.p50_ms - direct.c1.p50_ms, 3);
    const ratio = round((r.c32.proxy_cpu_us_per_request ?? 0) / (bare.c32.proxy_cpu_us_per_request ?? 1), 2);
    return {
      key,
      added_p50_ms: added,
      added_p50_met: added <= GOAL_ADDED_P50_MS,
      cpu_us_per_request: r.c32.proxy_cpu_us_per_request,
      cpu_ratio_vs_bare: ratio,
      cpu_ratio_met: ratio <= GOAL_CPU_RATIO,
    };
  });

  console.log(
    `\nProxy cost: GET /v1/organizations/:acme/invitations?${QUERY} on loopback, ${cpus().length} cores, Node ${process.version}`,
  );
  console.log(
    `c=1: ${SEQUENTIAL} sequential requests; c=32: ${DURATION_MS / 1000} s closed loop; ${ROUNDS} interleaved rounds after ${WARMUP} warm-up requests each`,
  );
  console.log('CPU µs/req = user+system CPU of that one process per request at c=32 (median of rounds)\n');
  const head = ['p50 ms', 'p99 ms', 'req/s @32', 'proxy CPU µs/req', 'emulator CPU µs/req'];
  console.log(`${'target'.padEnd(48)}${head.map((h) => h.padStart(Math.max(h.length, 9) + 2)).join('')}`);
  for (const r of rows) {
    const cells = [
      r.c1.p50_ms.toFixed(2),
      r.c1.p99_ms.toFixed(2),
      String(r.c32.requests_per_second),
      r.c32.proxy_cpu_us_per_request === null ? '—' : String(r.c32.proxy_cpu_us_per_request),
      String(r.c32.emulator_cpu_us_per_request),
    ];
    console.log(
      `${r.target.padEnd(48)}${cells.map((c, i) => c.padStart(Math.max((head[i] ?? '').length, 9) + 2)).join('')}`,
    );
  }
  console.log('');
  for (const kind of ['admin', 'staff'] as const) {
    const before = byKey[`base_${kind}`]?.c32.proxy_cpu_us_per_request;
    const after = byKey[`api_${kind}`]?.c32.proxy_cpu_us_per_request;
    const ref = bare.c32.proxy_cpu_us_per_request ?? 1;
    if (before == null || after == null) continue;
    // Round by round (the two ran back to back in each round): the median of the paired ratios.
    const pairs = (byKey[`api_${kind}`]?.c32.rounds ?? []).map(
      (r, i) =>
        (r.proxy_cpu_us_per_request ?? 0) /
        (byKey[`base_${kind}`]?.c32.rounds[i]?.proxy_cpu_us_per_request ?? 1),
    );
    const paired = pairs.sort((a, b) => a - b)[pairs.length >> 1] ?? Number.NaN;
    console.log(
      `compare ${kind}: ${process.env.BENCH_COMPARE} ${before} µs (${round(before / ref, 2)}×) → this copy ${after} µs (${round(after / ref, 2)}×), ${after - before >= 0 ? '+' : ''}${after - before} µs/request; paired rounds: this copy ${round(paired, 2)}× ${process.env.BENCH_COMPARE}'s`,
    );
  }
  for (const v of verdicts) {
    console.log(
      `${v.key}: added p50 over direct ${v.added_p50_ms.toFixed(2)} ms (goal ≤ ${GOAL_ADDED_P50_MS} ms) ${v.added_p50_met ? 'met' : 'MISSED'}; ` +
        `CPU/request ${v.cpu_ratio_vs_bare}× the bare forwarder's (goal ≤ ${GOAL_CPU_RATIO}×) ${v.cpu_ratio_met ? 'met' : 'MISSED'}`,
    );
  }
  mkdirSync(`${REPO}bench-results`, { recursive: true });
  writeFileSync(
    RESULTS,
    `${JSON.stringify(
      {
        generated_at: new Date().toISOString(),
        node: process.version,
        cores: cpus().length,
        request: `GET /v1/organizations/${ORG}/invitations?${QUERY}`,
        sequential_requests: SEQUENTIAL,
        concurrency: CONCURRENCY,
        duration_seconds: DURATION_MS / 1000,
        rounds: ROUNDS,
        goals: { added_p50_ms: GOAL_ADDED_P50_MS, cpu_ratio_vs_bare: GOAL_CPU_RATIO },
        results: rows,
        verdicts,
      },
      null,
      2,
    )}\n`,
  );
  console.log(`\nwrote ${RESULTS}`);
}

await main();
