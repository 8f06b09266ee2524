import { Client } from 'undici';

/** What one request of the mix is, and what a correct answer is. */
export interface Operation {
  name: string;
  /** `ok`: any 2xx; a number: that status, by design (validation, another organization). */
  expect: 'ok' | number;
  weight: number;
  request(): { method: 'GET' | 'POST'; path: string; token: string; body?: string };
}

export interface OpStats {
  count: number;
  latenciesMs: number[];
  statuses: Record<string, number>;
  /** Answers that are not what `expect` says (5xx, or a 4xx that was not by design). */
  unexpected: number;
  /** Transport failures (reset, timeout): no HTTP answer at all. */
  networkErrors: number;
  errorSamples: string[];
}

export interface LoadOptions {
  url: string;
  connections: number;
  durationMs: number;
  operations: Operation[];
  /** Called every second with the requests completed so far. */
  onTick?: (done: number) => void;
}

function picker(operations: Operation[]): () => Operation {
  const total = operations.reduce((sum, op) => sum + op.weight, 0);
  return () => {
    let r = Math.random() * total;
    for (const op of operations) {
      r -= op.weight;
      if (r < 0) return op;
    }
    return operations[operations.length - 1] as Operation;
  };
}

/** Runs `connections` keep-alive connections, each sending one request after another, for `durationMs`. */
export async function runLoad(
  options: LoadOptions,
): Promise<{ stats: Map<string, OpStats>; elapsedMs: number }> {
  const stats = new Map<string, OpStats>(
    options.operations.map((op) => [
      op.name,
      { count: 0, latenciesMs: [], statuses: {}, unexpected: 0, networkErrors: 0, errorSamples: [] },
    ]),
  );
  const pick = picker(options.operations);
  const started = performance.now();
  const deadline = started + options.durationMs;
  let done = 0;
  const ticker = setInterval(() => options.onTick?.(done), 1_000);

  const connection = async () => {
    const client = new Client(options.url, {
      pipelining: 1,
      keepAliveTimeout: 30_000,
      headersTimeout: 30_000,
      bodyTimeout: 30_000,
    });
    try {
      while (performance.now() < deadline) {
        const op = pick();
        const s = stats.get(op.name) as OpStats;
        const req = op.request();
        const t0 = performance.now();
        try {
          const res = await client.request({
            method: req.method,
            path: req.path,
            headers: {
              authorization: `Bearer ${req.token}`,
              ...(req.body ? { 'content-type': 'application/json' } : {}),
            },
            ...(req.body ? { body: req.body } : {}),
          });
          const text = await res.body.text();
          s.latenciesMs.push(performance.now() - t0);
          s.statuses[res.statusCode] = (s.statuses[res.statusCode] ?? 0) + 1;
          const good = op.expect === 'ok' ? res.statusCode < 300 : res.statusCode === op.expect;
          if (!good) {
            s.unexpected += 1;
            if (s.errorSamples.length < 5) s.errorSamples.push(`${res.statusCode} ${text.slice(0, 200)}`);
          }
        } catch (err) {
          s.networkErrors += 1;
          if (s.errorSamples.length < 5) s.errorSamples.push(String((err as Error).message));
        }
        s.count += 1;
        done += 1;
      }
    } finally {
      await client.close();
    }
  };

  await Promise.all(Array.from({ length: options.connections }, connection));
  clearInterval(ticker);
  return { stats, elapsedMs: performance.now() - started };
}

/** The p-th percentile (0..100) of `values`, nearest rank. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return Math.round((sorted[rank] as number) * 100) / 100;
}
