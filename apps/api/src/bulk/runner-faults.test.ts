import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStore, type Store } from '../store/create-store.ts';
import { addresses, FAST_SETTINGS, waitForJob } from '../test/bulk-helpers.ts';
import {
  expectInvitedExactlyOnce,
  type FaultSpec,
  GLOBEX,
  GLOBEX_ADMIN,
  GLOBEX_MEMBER_EMAIL,
  startTestEmulator,
  type TestEmulator,
} from '../test/emulator-harness.ts';
import { withInjectedFaults } from '../test/faulty-upstream.ts';
import { createHttpUpstream } from './http-upstream.ts';
import { createBulkJob } from './job-repository.ts';
import { startBulkWorker } from './worker.ts';

const MIXED_FAULTS: FaultSpec[] = [
  { action: 'status', status: 500 },
  { action: 'status', status: 503 },
  { action: 'status', status: 429, retry_after: 1 },
  { action: 'delay', delay_ms: 500 },
  { action: 'reset' },
  { action: 'commit_then_drop' },
];

describe('1,000 addresses with 20% of bulk calls faulted', () => {
  let emulator: TestEmulator;
  let store: Store;
  beforeAll(async () => {
    emulator = await startTestEmulator({ rateLimits: 'off' });
    store = await createStore({ url: ':memory:' });
  });
  afterAll(async () => {
    await store.close();
    await emulator.close();
  });

  it('every address ends invited exactly once, or skipped/failed with Clerk’s reason', async () => {
    const rows = addresses(997, 'thousand.example');
    await emulator.invite(GLOBEX, rows[100]!.email_address);
    await emulator.invite(GLOBEX, rows[500]!.email_address);
    rows.splice(700, 0, { email_address: GLOBEX_MEMBER_EMAIL, role: 'org:member' });
    rows.push(
      { email_address: 'bad address@x', role: 'org:member' },
      { email_address: 'user42@thousand.example', role: 'org:member' },
    );
    expect(rows).toHaveLength(1000);

    const http = createHttpUpstream({ apiUrl: emulator.url, secretKey: emulator.secretKey, timeoutMs: 250 });
    const upstream = withInjectedFaults(http, emulator, { share: 0.2, faults: MIXED_FAULTS, seed: 7 });
    const { id } = await createBulkJob(store, {
      organizationId: GLOBEX,
      createdBy: GLOBEX_ADMIN,
      inviterUserId: GLOBEX_ADMIN,
      rows,
    });
    const worker = startBulkWorker({ store, upstream, workerId: 'w', ...FAST_SETTINGS });
    const job = await waitForJob(store, id, 45_000);
    await worker.stop();

    expect(upstream.injected.length / upstream.bulkCalls).toBeGreaterThan(0.12);
    expect(new Set(upstream.injected.map((f) => f.status ?? f.action)).size).toBe(MIXED_FAULTS.length);
    // 995 new addresses; the two already pending, the member and the repeated address are skipped.
    expect(job.counts).toEqual({ invited: 995, skipped: 4, failed: 1, pending: 0 });
    expect(job.rows[999]).toMatchObject({ outcome: 'skipped', code: 'duplicate_record' });
    expect(job.rows[998]).toMatchObject({ outcome: 'failed', code: 'form_param_format_invalid' });
    // A delayed request may still land after the job ends: it must not add an invitation.
    await new Promise((r) => setTimeout(r, 600));
    await expectInvitedExactlyOnce(emulator, job);
    const ours = (await emulator.listPending(GLOBEX)).filter((i) =>
      i.email_address.endsWith('@thousand.example'),
    );
    expect(ours).toHaveLength(997);
  }, 60_000);
});
