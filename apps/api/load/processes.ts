import { type ChildProcess, fork, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

export interface MemoryReport {
  rss_mb: number;
  heap_used_mb: number;
  heap_total_mb: number;
  external_mb: number;
}

const REPO = fileURLToPath(new URL('../../../', import.meta.url));
export const EMULATOR_KEY = 'sk_test_emulator';

/** A free loopback port (bound and released). */
export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  server.close();
  await once(server, 'close');
  return port;
}

async function waitFor(url: string, child: ChildProcess, what: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${what} exited with ${child.exitCode}`);
    try {
      const res = await fetch(url, { headers: { authorization: `Bearer ${EMULATOR_KEY}` } });
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${what} did not come up at ${url}`);
}

/** The emulator alone (in-memory demo data, rate limits off) as its own process. */
export async function startEmulatorProcess(): Promise<{ url: string; child: ChildProcess }> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'packages/clerk-emulator/src/main.ts'], {
    cwd: REPO,
    env: {
      PATH: process.env.PATH ?? '',
      CLERK_EMULATOR_PORT: String(port),
      CLERK_EMULATOR_DB: ':memory:',
      CLERK_EMULATOR_RATE_LIMITS: 'off',
      CLERK_EMULATOR_SEED: 'demo',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  await waitFor(`${url}/__emulator/info`, child, 'the emulator');
  return { url, child };
}

export interface ApiProcess {
  url: string;
  child: ChildProcess;
  /** The api's memory; with `gc`, after two forced collections. */
  memory(gc?: boolean): Promise<MemoryReport>;
}

/** The api (src/server.ts via load/api-child.ts) against `upstreamUrl`, production mode, logs discarded. */
export async function startApiProcess(upstreamUrl: string): Promise<ApiProcess> {
  const port = await freePort();
  const child = fork(fileURLToPath(new URL('./api-child.ts', import.meta.url)), [], {
    cwd: REPO,
    execArgv: ['--import', 'tsx', '--expose-gc'],
    env: {
      PATH: process.env.PATH ?? '',
      NODE_ENV: 'production',
      PORT: String(port),
      HOST: '127.0.0.1',
      CLERK_API_URL: upstreamUrl,
      CLERK_SECRET_KEY: EMULATOR_KEY,
      DATABASE_URL: ':memory:',
      // glibc's arena count, when the caller sets it (see docs/reliability.md, Load).
      ...(process.env.MALLOC_ARENA_MAX ? { MALLOC_ARENA_MAX: process.env.MALLOC_ARENA_MAX } : {}),
    },
    // The api logs one JSON line per request: written to /dev/null, as a log shipper would drain it.
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const url = `http://127.0.0.1:${port}`;
  await waitFor(`${url}/api/health`, child, 'the api');
  const memory = (gc = false) =>
    new Promise<MemoryReport>((resolve) => {
      const onMessage = (message: { type?: string; memory?: MemoryReport }) => {
        if (message.type !== 'memory' || !message.memory) return;
        child.off('message', onMessage);
        resolve(message.memory);
      };
      child.on('message', onMessage);
      child.send(gc ? 'gc' : 'memory');
    });
  return { url, child, memory };
}

/** Stops a child with SIGTERM and waits for it to exit. */
export async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  child.kill('SIGTERM');
  await Promise.race([once(child, 'exit'), new Promise((resolve) => setTimeout(resolve, 10_000))]);
  if (child.exitCode === null) child.kill('SIGKILL');
}
