// One target's load generator for the proxy-cost bench: warm-up, sequential latency, closed-loop
// throughput, and the CPU of the proxy and emulator children around each phase.
import { Pool } from 'undici';
import { type Child, cpuOf } from './processes.ts';

export const CONCURRENCY = 32;

export interface Target {
  name: string;
  key: string;
  origin: string;
  /** Path prefix in front of `/v1/...` (`/api` for the forwarder and the api). */
  prefix: string;
  headers: Record<string, string>;
  /** The process whose CPU counts as the proxy's (null for the emulator itself). */
  proxy: Child | null;
}

/** One target's load generator and the samples of every round. */
export class Runner {
  readonly pool: Pool;
  readonly path: string;
  readonly times: number[] = [];
  /** Requests sent (every one must leave an access-log line when the target is the api). */
  sent = 0;
  readonly c1Cpu: { proxy: number; emulator: number }[] = [];
  readonly c32: { rps: number; proxy: number; emulator: number; requests: number }[] = [];

  constructor(
    readonly target: Target,
    readonly emulator: Child,
    /** The request path after the target's prefix, e.g. `/v1/organizations/org_…/invitations?limit=10`. */
    path: string,
  ) {
    this.pool = new Pool(target.origin, { connections: CONCURRENCY, keepAliveTimeout: 60_000 });
    this.path = `${target.prefix}${path}`;
  }

  async once(): Promise<void> {
    this.sent += 1;
    const res = await this.pool.request({ method: 'GET', path: this.path, headers: this.target.headers });
    await res.body.arrayBuffer();
    if (res.statusCode !== 200) throw new Error(`${this.target.name}: ${res.statusCode}`);
  }

  async cpu(): Promise<{ proxy: number; emulator: number }> {
    const emulator = await cpuOf(this.emulator);
    return { emulator, proxy: this.target.proxy ? await cpuOf(this.target.proxy) : 0 };
  }

  async warm(requests: number): Promise<void> {
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        for (let i = 0; i < requests / 8; i++) await this.once();
      }),
    );
  }

  /** Concurrency 1: latency of `n` requests one after the other. */
  async sequential(n: number): Promise<void> {
    const before = await this.cpu();
    for (let i = 0; i < n; i++) {
      const started = performance.now();
      await this.once();
      this.times.push(performance.now() - started);
    }
    const after = await this.cpu();
    this.c1Cpu.push({
      proxy: (after.proxy - before.proxy) / n,
      emulator: (after.emulator - before.emulator) / n,
    });
  }

  /** Concurrency 32, closed loop for `ms`: throughput and CPU per request. */
  async closedLoop(ms: number): Promise<void> {
    const before = await this.cpu();
    const started = performance.now();
    const deadline = started + ms;
    let done = 0;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (performance.now() < deadline) {
          await this.once();
          done += 1;
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    const after = await this.cpu();
    this.c32.push({
      rps: done / seconds,
      requests: done,
      proxy: (after.proxy - before.proxy) / done,
      emulator: (after.emulator - before.emulator) / done,
    });
  }

  summary() {
    const sorted = [...this.times].sort((a, b) => a - b);
    const hasProxy = this.target.proxy !== null;
    return {
      target: this.target.name,
      key: this.target.key,
      c1: {
        requests: sorted.length,
        p50_ms: round(percentile(sorted, 0.5), 3),
        p99_ms: round(percentile(sorted, 0.99), 3),
        proxy_cpu_us_per_request: hasProxy ? Math.round(median(this.c1Cpu.map((r) => r.proxy))) : null,
        emulator_cpu_us_per_request: Math.round(median(this.c1Cpu.map((r) => r.emulator))),
      },
      c32: {
        requests: this.c32.reduce((n, r) => n + r.requests, 0),
        rounds: this.c32.map((r) => ({
          requests_per_second: Math.round(r.rps),
          proxy_cpu_us_per_request: hasProxy ? Math.round(r.proxy) : null,
        })),
        requests_per_second: Math.round(median(this.c32.map((r) => r.rps))),
        proxy_cpu_us_per_request: hasProxy ? Math.round(median(this.c32.map((r) => r.proxy))) : null,
        emulator_cpu_us_per_request: Math.round(median(this.c32.map((r) => r.emulator))),
      },
    };
  }
}

export const round = (n: number, digits: number) => Number(n.toFixed(digits));
const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? Number.NaN;
function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[mid] ?? Number.NaN) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}
