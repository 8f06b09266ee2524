import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStore, type Store } from '../store/create-store.ts';
import { addresses, waitForJob } from '../test/bulk-helpers.ts';
import {
  expectInvitedExactlyOnce,
  GLOBEX,
  GLOBEX_ADMIN,
  startTestEmulator,
  type TestEmulator,
} from '../test/emulator-harness.ts';
import { createBulkJob } from './job-repository.ts';

const WORKER_MAIN = fileURLToPath(new URL('./worker-main.ts', import.meta.url));

describe('api restart mid-job', () => {
  let emulator: TestEmulator;
  let dir: string;
  let store: Store;
  const children: ChildProcess[] = [];

  function spawnWorker(storeUrl: string, workerId: string): ChildProcess {
    const child = spawn(process.execPath, ['--import', 'tsx', WORKER_MAIN], {
      env: {
        ...process.env,
        DATABASE_URL: storeUrl,
        CLERK_API_URL: emulator.url,
        CLERK_SECRET_KEY: emulator.secretKey,
        BULK_WORKER_ID: workerId,
        UPSTREAM_TIMEOUT_MS: '5000',
        BULK_POLL_MS: '20',
        BULK_LEASE_MS: '1500',
        BULK_BACKOFF_BASE_MS: '20',
        BULK_BACKOFF_MAX_MS: '200',
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    children.push(child);
    return child;
  }

  beforeAll(async () => {
    emulator = await startTestEmulator({ rateLimits: 'off' });
    dir = mkdtempSync(join(tmpdir(), 'bulk-restart-'));
  });
  afterAll(async () => {
    for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
    await store?.close();
    await emulator.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('a worker killed with SIGKILL mid-request is replaced and the job ends with nothing lost or doubled', async () => {
    const url = join(dir, 'api.db');
    store = await createStore({ url });
    const { id } = await createBulkJob(store, {
      organizationId: GLOBEX,
      createdBy: GLOBEX_ADMIN,
      inviterUserId: GLOBEX_ADMIN,
      rows: addresses(300, 'restart.example'),
    });

    const first = spawnWorker(url, 'first');
    await waitForJob(store, id, 20_000, (j) => j.counts.invited >= 100);
    // The next bulk call hangs at Clerk (and commits after 1 s); kill the worker while it waits.
    await emulator.injectFault({ action: 'delay', delay_ms: 1_000 });
    await waitForFaultTaken(emulator);
    const exited = new Promise((r) => first.once('exit', r));
    first.kill('SIGKILL');
    await exited;
    const midway = await waitForJob(store, id, 1, () => true);
    expect(midway.status).toBe('running');
    expect(midway.counts.pending).toBeGreaterThan(0);

    const second = spawnWorker(url, 'second');
    const job = await waitForJob(store, id, 30_000);
    second.kill('SIGTERM');

    expect(job.counts).toEqual({ invited: 300, skipped: 0, failed: 0, pending: 0 });
    await new Promise((r) => setTimeout(r, 300));
    await expectInvitedExactlyOnce(emulator, job);
    const ours = (await emulator.listPending(GLOBEX)).filter((i) =>
      i.email_address.endsWith('@restart.example'),
    );
    expect(ours).toHaveLength(300);
  }, 60_000);
});

/** Resolves once the emulator has taken the queued fault: the request is at Clerk, still unanswered. */
async function waitForFaultTaken(emulator: TestEmulator): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    const res = await fetch(`${emulator.url}/__emulator/faults`, {
      headers: { authorization: `Bearer ${emulator.secretKey}` },
    });
    const { data } = (await res.json()) as { data: unknown[] };
    if (data.length === 0) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error('the worker sent no request');
}
