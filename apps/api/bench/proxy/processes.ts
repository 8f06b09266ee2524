// Process plumbing of the proxy bench: start the children, read their CPU over IPC, mint tokens.
import { type ChildProcess, fork } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { DEFAULT_SECRET_KEY, DEMO_USERS, EMULATOR_PUBLISHABLE_KEY } from '@invites/clerk-emulator';
import type { ChildMessage, CpuSample } from './child-control.ts';

const REPO = fileURLToPath(new URL('../../../../', import.meta.url));
const API_DIR = fileURLToPath(new URL('../../', import.meta.url));

export interface Child {
  process: ChildProcess;
  url: string;
  /** The api only: access-log lines (`"msg":"request"`) read from its stdout so far. */
  accessLines?: () => number;
}

export function start(
  file: string,
  env: Record<string, string> = {},
  execArgv: string[] = [],
): Promise<Child> {
  const child = fork(fileURLToPath(new URL(file, import.meta.url)), [], {
    cwd: API_DIR,
    execArgv: ['--import', 'tsx', ...execArgv],
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`${file} exited with ${code} before it was ready`)));
    child.on('message', (m: ChildMessage) => {
      if (m.type === 'ready') resolve({ process: child, url: m.url });
    });
  });
}

/** Microseconds of CPU (user + system) the child has used so far. */
export function cpuOf(child: Child): Promise<number> {
  return new Promise((resolve) => {
    const onMessage = (m: ChildMessage) => {
      if (m.type !== 'cpu') return;
      child.process.off('message', onMessage);
      resolve((m as CpuSample).user + (m as CpuSample).system);
    };
    child.process.on('message', onMessage);
    child.process.send({ type: 'cpu' });
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.once('error', reject);
  });
}

/** The api as `pnpm start` runs it; `server`: another copy's `src/server.ts` (BENCH_COMPARE). */
export async function startApi(upstreamUrl: string, server?: string): Promise<Child> {
  const port = await freePort();
  const profile = process.env.BENCH_PROFILE === '1';
  if (profile) mkdirSync(`${REPO}bench-results/profiles`, { recursive: true });
  const child = fork(fileURLToPath(new URL('./api-child.ts', import.meta.url)), [], {
    cwd: API_DIR,
    execArgv: [
      '--import',
      'tsx',
      ...(profile ? ['--cpu-prof', `--cpu-prof-dir=${REPO}bench-results/profiles`] : []),
      // Sampling period in µs (V8's default is 1000); smaller shows short functions, costs more.
      ...(profile && process.env.BENCH_PROFILE_INTERVAL
        ? [`--cpu-prof-interval=${process.env.BENCH_PROFILE_INTERVAL}`]
        : []),
    ],
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: String(port),
      HOST: '127.0.0.1',
      CLERK_API_URL: upstreamUrl,
      CLERK_SECRET_KEY: DEFAULT_SECRET_KEY,
      // Required with a secret key since the Clerk sign-in; the bench never loads a page.
      CLERK_PUBLISHABLE_KEY: EMULATOR_PUBLISHABLE_KEY,
      DATABASE_URL: ':memory:',
      ...(server ? { BENCH_API_SERVER: server } : {}),
    },
    // stdout is a pipe that this process reads, as under a process manager or `pnpm start | …`:
    // the api pays for its log writes as it would in production (not /dev/null's no-op writes).
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
  });
  let accessLines = 0;
  createInterface({ input: child.stdout as NodeJS.ReadableStream }).on('line', (line) => {
    if (line.includes('"msg":"request"')) accessLines += 1;
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 200; i++) {
    if (child.exitCode !== null) throw new Error(`the api exited with ${child.exitCode}`);
    const ok = await fetch(`${url}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return { process: child, url, accessLines: () => accessLines };
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the api did not become healthy');
}

export async function sessionToken(emulatorUrl: string, email: string): Promise<string> {
  const user = DEMO_USERS.find((u) => u.email_address === email);
  if (!user) throw new Error(`no demo user ${email}`);
  const post = async (path: string, body: unknown) => {
    const res = await fetch(`${emulatorUrl}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${DEFAULT_SECRET_KEY}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as { id: string; jwt: string };
  };
  const session = await post('/v1/sessions', { user_id: user.id });
  return (await post(`/v1/sessions/${session.id}/tokens`, { expires_in_seconds: 3600 })).jwt;
}
