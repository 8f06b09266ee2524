import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';

// `pnpm start` as a person and a process manager run it: started from the repository root, stopped by
// Ctrl-C (the terminal sends SIGINT to the whole foreground process group) or by SIGTERM to the
// `pnpm start` process alone (what systemd, Docker or a CI job sends). Either way nothing may be left
// listening on the port, and no process of the run may survive it. Linux: processes are found by an
// environment marker in /proc.

const REPO = fileURLToPath(new URL('../../', import.meta.url));

test.describe.configure({ mode: 'serial', timeout: 150_000 });

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

function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** Pids of every live process started with `marker` in its environment (children inherit it). */
function processesWith(marker: string): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const environ = readFileSync(`/proc/${entry}/environ`, 'latin1');
      const status = readFileSync(`/proc/${entry}/status`, 'latin1');
      if (environ.includes(marker) && !/^State:\s+Z/m.test(status)) pids.push(Number(entry));
    } catch {
      // gone meanwhile, or not ours to read
    }
  }
  return pids;
}

interface Run {
  pnpm: ChildProcess;
  port: number;
  marker: string;
  output: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** `pnpm start` from the repo root in a process group of its own (as a terminal runs it), healthy. */
async function startConsole(): Promise<Run> {
  const port = await freePort();
  const marker = `INVITES_START_STOP_TEST=${randomUUID()}`;
  const [key, value] = marker.split('=') as [string, string];
  const pnpm = spawn('pnpm', ['start'], {
    cwd: REPO,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      [key]: value,
      PORT: String(port),
      CLERK_EMULATOR_DB: ':memory:',
      DATABASE_URL: ':memory:',
    },
  });
  let text = '';
  pnpm.stdout?.on('data', (chunk: Buffer) => {
    text += chunk.toString();
  });
  pnpm.stderr?.on('data', (chunk: Buffer) => {
    text += chunk.toString();
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    // 'close', not 'exit': the output of every process of the run has been read by then.
    pnpm.once('close', (code, signal) => resolve({ code, signal })),
  );
  const run = { pnpm, port, marker, output: () => text, exited };
  await expect
    .poll(
      async () => {
        if (pnpm.exitCode !== null) throw new Error(`pnpm start exited early:\n${text}`);
        return fetch(`http://127.0.0.1:${port}/api/health`).then(
          (r) => r.status,
          () => 0,
        );
      },
      { timeout: 120_000, intervals: [500] },
    )
    .toBe(200);
  return run;
}

/** Whatever a failed test left running: every process carrying the run's marker. */
function killLeftovers(run: Run): void {
  for (const pid of processesWith(run.marker)) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
}

test('SIGTERM to the pnpm start process stops the server: the port is free and no process is left', async () => {
  const run = await startConsole();
  try {
    expect(processesWith(run.marker).length).toBeGreaterThanOrEqual(3); // pnpm, the launcher, the api
    run.pnpm.kill('SIGTERM'); // pnpm alone, not its process group
    await run.exited;
    await expect.poll(() => listening(run.port), { timeout: 15_000 }).toBe(false);
    await expect.poll(() => processesWith(run.marker), { timeout: 15_000 }).toEqual([]);
    expect(run.output()).toContain('"msg":"shutting down"');
  } finally {
    killLeftovers(run);
  }
});

test('Ctrl-C stops cleanly: exit code 0, no pnpm error, the port free and no process left', async () => {
  const run = await startConsole();
  try {
    // What a terminal does on Ctrl-C: SIGINT to every process of the foreground group.
    process.kill(-(run.pnpm.pid as number), 'SIGINT');
    const { code, signal } = await run.exited;
    expect({ code, signal }).toEqual({ code: 0, signal: null });
    expect(run.output()).not.toMatch(/ERR_PNPM|ELIFECYCLE|Command failed/);
    expect(run.output()).toContain('"signal":"SIGINT"');
    expect(await listening(run.port)).toBe(false);
    await expect.poll(() => processesWith(run.marker), { timeout: 15_000 }).toEqual([]);
  } finally {
    killLeftovers(run);
  }
});
