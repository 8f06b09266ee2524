import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { listActivity } from '../activity/activity-log.ts';
import { createStore, type Store } from '../store/create-store.ts';
import { addresses, FAST_SETTINGS, waitForJob } from '../test/bulk-helpers.ts';
import {
  expectInvitedExactlyOnce,
  GLOBEX,
  GLOBEX_ADMIN,
  GLOBEX_MEMBER_EMAIL,
  GLOBEX_MEMBER_ID,
  startTestEmulator,
  type TestEmulator,
} from '../test/emulator-harness.ts';
import { createHttpUpstream } from './http-upstream.ts';
import { cancelBulkJob, retryFailedRows } from './job-commands.ts';
import { createBulkJob } from './job-repository.ts';
import { type BulkWorker, startBulkWorker } from './worker.ts';

const EVERYTHING = { since: 0, until: Number.MAX_SAFE_INTEGER, limit: 500, offset: 0 };

describe('bulk runner against the Clerk emulator', () => {
  let emulator: TestEmulator;
  let store: Store;
  let worker: BulkWorker | null = null;
  let domainCounter = 0;

  beforeAll(async () => {
    emulator = await startTestEmulator({ rateLimits: 'off' });
  });
  afterAll(async () => {
    await emulator.close();
  });
  afterEach(async () => {
    await worker?.stop();
    worker = null;
    await store?.close();
    await fetch(`${emulator.url}/__emulator/faults`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${emulator.secretKey}` },
    });
  });

  async function startJob(
    rows: { email_address: string; role: string }[],
    settings: Record<string, number> = {},
  ) {
    store = await createStore({ url: ':memory:' });
    const upstream = createHttpUpstream({
      apiUrl: emulator.url,
      secretKey: emulator.secretKey,
      timeoutMs: 300,
    });
    const job = await createBulkJob(store, {
      organizationId: GLOBEX,
      createdBy: GLOBEX_ADMIN,
      inviterUserId: GLOBEX_ADMIN,
      rows,
    });
    worker = startBulkWorker({ store, upstream, workerId: 'w', ...FAST_SETTINGS, ...settings });
    return job.id;
  }
  const fresh = (n: number) => addresses(n, `run${++domainCounter}.example`);

  it('waits out a 429 for Retry-After, then invites every address once', async () => {
    await emulator.injectFault({ action: 'status', status: 429, retry_after: 1 });
    const started = Date.now();
    const id = await startJob(fresh(30));
    const waiting = await waitForJob(store, id, 5_000, (j) => j.status === 'waiting_rate_limit');
    expect(waiting.resume_at).toBeGreaterThan(started);
    const job = await waitForJob(store, id);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_000);
    expect(job.counts).toEqual({ invited: 30, skipped: 0, failed: 0, pending: 0 });
    await expectInvitedExactlyOnce(emulator, job);
  });

  it.each([
    ['a 500', { action: 'status', status: 500, count: 2 }],
    ['a reset connection', { action: 'reset', count: 2 }],
    ['a timeout whose request commits later', { action: 'delay', delay_ms: 700 }],
    ['a committed chunk whose response is dropped', { action: 'commit_then_drop', count: 2 }],
  ] as const)('after %s every address is invited exactly once', async (_name, fault) => {
    await emulator.injectFault(fault);
    const id = await startJob(fresh(25));
    const job = await waitForJob(store, id);
    expect(job.counts).toEqual({ invited: 25, skipped: 0, failed: 0, pending: 0 });
    await expectInvitedExactlyOnce(emulator, job);
    const log = await listActivity(store, EVERYTHING, { all: true });
    const confirmed = log.data.filter((e) => e.detail.confirmed_after_lost_response === true);
    if (fault.action === 'commit_then_drop') expect(confirmed.length).toBeGreaterThan(0);
    // Give a delayed request time to land: it must not create a second invitation.
    await new Promise((r) => setTimeout(r, 'delay_ms' in fault ? 800 : 0));
    await expectInvitedExactlyOnce(emulator, job);
  });

  it('isolates a member, an already-pending and an invalid address and invites the rest', async () => {
    const rows = fresh(7);
    await emulator.invite(GLOBEX, rows[3]!.email_address);
    const bad = [
      { email_address: GLOBEX_MEMBER_EMAIL, role: 'org:member' },
      { email_address: 'not-an-address', role: 'org:member' },
    ];
    const id = await startJob([...bad, ...rows]);
    const job = await waitForJob(store, id);
    expect(job.rows[0]).toMatchObject({ outcome: 'skipped', code: 'already_a_member_in_organization' });
    expect(job.rows[1]).toMatchObject({ outcome: 'failed', code: 'form_param_format_invalid' });
    expect(job.rows[5]?.outcome).toBe('skipped');
    expect(job.rows[5]?.code).toMatch(/duplicate_record|organization_invitation_not_unique/);
    expect(job.counts).toEqual({ invited: 6, skipped: 2, failed: 1, pending: 0 });
    await expectInvitedExactlyOnce(emulator, job);
  });

  it('a cancelled job sends nothing more and keeps its unsent rows pending', async () => {
    await emulator.injectFault({ action: 'status', status: 429, retry_after: 1 });
    const rows = fresh(20);
    const id = await startJob(rows);
    await waitForJob(store, id, 5_000, (j) => j.status === 'waiting_rate_limit');
    expect((await cancelBulkJob(store, id))?.status).toBe('cancelled');
    await new Promise((r) => setTimeout(r, 1_300));
    const job = await waitForJob(store, id);
    expect(job).toMatchObject({ status: 'cancelled', counts: { invited: 0, pending: 20 } });
    const pending = await emulator.listPending(GLOBEX);
    expect(pending.filter((i) => rows.some((r) => r.email_address === i.email_address))).toEqual([]);
  });

  it('rows that failed on repeated 500s are invited once after a retry', async () => {
    await emulator.injectFault({ action: 'status', status: 500, count: 2 });
    const id = await startJob(fresh(5), { maxFailures: 2 });
    const failed = await waitForJob(store, id);
    expect(failed.counts.failed).toBe(5);
    expect(failed.rows[0]).toMatchObject({ code: 'internal_clerk_error' });
    await retryFailedRows(store, id);
    worker?.wake();
    const job = await waitForJob(store, id);
    expect(job.counts).toEqual({ invited: 5, skipped: 0, failed: 0, pending: 0 });
    await expectInvitedExactlyOnce(emulator, job);
  });

  it('an inviter who is not an admin fails the whole job with Clerk’s reason after one call', async () => {
    store = await createStore({ url: ':memory:' });
    const upstream = createHttpUpstream({
      apiUrl: emulator.url,
      secretKey: emulator.secretKey,
      timeoutMs: 300,
    });
    const { id } = await createBulkJob(store, {
      organizationId: GLOBEX,
      createdBy: 'user_staff',
      inviterUserId: GLOBEX_MEMBER_ID,
      rows: fresh(25),
    });
    worker = startBulkWorker({ store, upstream, workerId: 'w', ...FAST_SETTINGS });
    const job = await waitForJob(store, id);
    expect(job.counts.failed).toBe(25);
    expect(job.rows[24]?.code).toBe('not_an_admin_in_organization');
  });
});
