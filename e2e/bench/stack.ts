// What the browser benchmarks share: a free port, the api (with its in-memory emulator) started from
// the repo, Debian's Chromium with this machine's flags, and median/p90 statistics.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium } from '@playwright/test';
import { CHROMIUM_ARGS } from '../chromium-args.ts';

export const REPO = fileURLToPath(new URL('../../', import.meta.url));

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.once('error', reject);
  });
}

/** Builds the web app unless BENCH_SKIP_BUILD=1 (run-all.ts builds it once for every step). */
export function buildWebUnlessSkipped(): void {
  if (process.env.BENCH_SKIP_BUILD !== '1') {
    execFileSync('pnpm', ['--filter', '@invites/web', 'build'], { cwd: REPO, stdio: 'ignore' });
  }
}

/** Starts the api (demo emulator in memory, rate limits off) on `port`; resolves once it is healthy. */
export async function startApi(port: number, env: Record<string, string> = {}): Promise<ChildProcess> {
  const child = spawn('pnpm', ['--filter', '@invites/api', 'start'], {
    cwd: REPO,
    detached: true,
    stdio: 'ignore',
    env: {
      ...process.env,
      PORT: String(port),
      CLERK_EMULATOR_DB: ':memory:',
      CLERK_EMULATOR_RATE_LIMITS: 'off',
      DATABASE_URL: ':memory:',
      ...env,
    },
  });
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) throw new Error(`the api exited with ${child.exitCode}`);
    const ok = await fetch(`http://127.0.0.1:${port}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return child;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the api did not become healthy');
}

/** Stops an api started by startApi (its whole process group). */
export function stopApi(api: ChildProcess): void {
  if (api.pid) process.kill(-api.pid, 'SIGTERM');
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
}

export const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length - 1) * p + 0.5))] ?? Number.NaN;
};

export const stats = (values: number[]) => ({
  median_ms: Math.round(percentile(values, 0.5) * 10) / 10,
  p90_ms: Math.round(percentile(values, 0.9) * 10) / 10,
  runs_ms: values.map((v) => Math.round(v * 10) / 10),
});
