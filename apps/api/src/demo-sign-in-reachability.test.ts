import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { startEmulator } from '@invites/clerk-emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type StubServer, startStub } from './test/stub-server.ts';

/**
 * The demo sign-in through the real entry point (`src/server.ts` as `pnpm start` runs it): absent
 * under NODE_ENV=production even when the upstream is the emulator, absent when the upstream is not
 * the emulator, present only in development against the emulator.
 */

const API_DIR = fileURLToPath(new URL('..', import.meta.url));
const children: ChildProcess[] = [];
let emulator: Awaited<ReturnType<typeof startEmulator>>;
let notEmulator: StubServer;

beforeAll(async () => {
  emulator = await startEmulator({ db: ':memory:', seed: 'demo', rateLimits: 'off', port: 0 });
  // Answers like Clerk: `/__emulator/info` is unknown there.
  notEmulator = await startStub((_req, res) => {
    res.writeHead(404, { 'content-type': 'application/json' });
    res.end('{"errors":[{"code":"resource_not_found","message":"not found","long_message":"not found"}]}');
  });
});
afterAll(async () => {
  for (const child of children) child.kill('SIGTERM');
  await Promise.all(children.map((c) => (c.exitCode === null ? once(c, 'exit') : null)));
  await notEmulator.close();
  await emulator.close();
});

/** Starts `tsx src/server.ts` with `env` on a free port; resolves with its base URL. */
async function startServer(env: Record<string, string>): Promise<string> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    cwd: API_DIR,
    env: { PATH: process.env.PATH ?? '', PORT: '0', DATABASE_URL: ':memory:', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 20_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const url = /Invitations Console: (http:\/\/localhost:\d+)/.exec(output)?.[1];
      if (url) {
        clearTimeout(timer);
        resolve(url);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`server exited with ${code}:\n${output}`)));
  });
}

async function demoRoutes(base: string) {
  const users = await fetch(`${base}/api/dev/users`);
  const signIn = await fetch(`${base}/api/dev/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: base },
    body: JSON.stringify({ user_id: 'user_2SamRivera00000000000000000' }),
  });
  const health = (await (await fetch(`${base}/api/health`)).json()) as { upstream: string };
  return { users: users.status, signIn: signIn.status, cookie: signIn.headers.get('set-cookie'), health };
}

describe('demo sign-in reachability (real server process)', () => {
  it('is unreachable under NODE_ENV=production, even against the emulator', async () => {
    const base = await startServer({
      NODE_ENV: 'production',
      CLERK_SECRET_KEY: emulator.secretKey,
      CLERK_API_URL: emulator.url,
    });
    const result = await demoRoutes(base);
    expect(result).toMatchObject({ users: 404, signIn: 404, cookie: null, health: { upstream: 'emulator' } });
  });

  it('is unreachable in development when the upstream is not the emulator', async () => {
    const base = await startServer({
      NODE_ENV: 'development',
      CLERK_SECRET_KEY: 'sk_test_not_the_emulator',
      CLERK_API_URL: notEmulator.url,
    });
    const result = await demoRoutes(base);
    expect(result).toMatchObject({ users: 404, signIn: 404, cookie: null, health: { upstream: 'clerk' } });
  });

  it('works in development against the emulator (the control)', async () => {
    const base = await startServer({
      NODE_ENV: 'development',
      CLERK_SECRET_KEY: emulator.secretKey,
      CLERK_API_URL: emulator.url,
    });
    const result = await demoRoutes(base);
    expect(result).toMatchObject({ users: 200, signIn: 200, health: { upstream: 'emulator' } });
    expect(result.cookie).toMatch(/__session=/);
  });

  it('refuses to start in production without a Clerk secret key (no embedded emulator)', async () => {
    await expect(startServer({ NODE_ENV: 'production' })).rejects.toThrow(/CLERK_SECRET_KEY: is required/);
  });
});
