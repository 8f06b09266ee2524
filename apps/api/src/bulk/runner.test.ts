import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listActivity } from '../activity/activity-log.ts';
import { createStore, type Store } from '../store/create-store.ts';
import { addresses, FAST_SETTINGS, waitForJob } from '../test/bulk-helpers.ts';
import { FakeUpstream } from '../test/fake-upstream.ts';
import { describeEachStore, openTestStore } from '../test/test-stores.ts';
import { retryFailedRows } from './job-commands.ts';
import { createBulkJob } from './job-repository.ts';
import { type BulkWorker, startBulkWorker } from './worker.ts';

const ORG = 'org_runner';
const INVITER = 'user_admin';

describe('bulk runner (fake Clerk)', () => {
  let store: Store;
  let clerk: FakeUpstream;
  let worker: BulkWorker | null;

  beforeEach(async () => {
    store = await createStore({ url: ':memory:' });
    clerk = new FakeUpstream();
    worker = null;
  });
  afterEach(async () => {
    await worker?.stop();
    await store.close();
  });

  function start(overrides: Record<string, number> = {}) {
    worker = startBulkWorker({ store, upstream: clerk, workerId: 'w1', ...FAST_SETTINGS, ...overrides });
  }
  const create = (rows = addresses(25)) =>
    createBulkJob(store, { organizationId: ORG, createdBy: INVITER, inviterUserId: INVITER, rows });

  it('invites 25 addresses in chunks of 10, 10 and 5 with each row’s invitation id', async () => {
    const { id } = await create();
    start();
    const job = await waitForJob(store, id);
    expect(job.status).toBe('done');
    expect(job.counts).toEqual({ invited: 25, skipped: 0, failed: 0, pending: 0 });
    expect(clerk.calls).toEqual(['bulk:10', 'bulk:10', 'bulk:5']);
    for (const row of job.rows) expect(row.invitation_id).toBe(clerk.pending(row.email_address)?.id);
    expect(clerk.invitations.every((i) => i.inviter_id === INVITER)).toBe(true);
  });

  it('waits out a 429 as waiting_rate_limit and then finishes the job', async () => {
    clerk.faults.push('rate_limit');
    const { id } = await create(addresses(5));
    const before = Date.now();
    start();
    const waiting = await waitForJob(store, id, 5_000, (j) => j.status === 'waiting_rate_limit');
    expect(waiting.resume_at).toBeGreaterThanOrEqual(before + 1000);
    const job = await waitForJob(store, id);
    expect(Date.now() - before).toBeGreaterThanOrEqual(1000);
    expect(job.counts.invited).toBe(5);
  });

  it('a chunk committed by Clerk whose response was lost counts as invited, not re-sent', async () => {
    clerk.faults.push('commit_then_drop');
    const { id } = await create(addresses(10));
    start();
    const job = await waitForJob(store, id);
    expect(job.counts).toEqual({ invited: 10, skipped: 0, failed: 0, pending: 0 });
    expect(clerk.calls).toEqual(['bulk:10', 'find:10']);
    expect(clerk.invitations).toHaveLength(10);
    for (const row of job.rows) expect(row.invitation_id).toBe(clerk.pending(row.email_address)?.id);
  });

  it('after a 5xx that created nothing, the chunk is checked and then sent again', async () => {
    clerk.faults.push('server_error');
    const { id } = await create(addresses(3));
    start();
    const job = await waitForJob(store, id);
    expect(job.counts.invited).toBe(3);
    expect(clerk.calls).toEqual(['bulk:3', 'find:3', 'bulk:3']);
  });

  it('an address already pending before the job is skipped, never claimed as the job’s own', async () => {
    await clerk.createOne(ORG, {
      email_address: 'user1@example.com',
      role: 'org:member',
      inviter_user_id: INVITER,
    });
    clerk.invitations[0]!.created_at -= 10 * 60_000;
    clerk.faults.push('timeout_uncommitted');
    const { id } = await create(addresses(3));
    start();
    const job = await waitForJob(store, id);
    expect(job.rows.map((r) => r.outcome)).toEqual(['invited', 'skipped', 'invited']);
    expect(job.rows[1]).toMatchObject({ code: 'duplicate_record', invitation_id: null });
  });

  it('isolates a member and an already-pending address named by Clerk and sends the rest', async () => {
    clerk.members.add('user2@example.com');
    await clerk.createOne(ORG, { email_address: 'user4@example.com', role: 'org:member' });
    clerk.calls.length = 0;
    const { id } = await create(addresses(12));
    start();
    const job = await waitForJob(store, id);
    expect(job.rows[2]).toMatchObject({ outcome: 'skipped', code: 'already_a_member_in_organization' });
    expect(job.rows[4]).toMatchObject({ outcome: 'skipped', code: 'duplicate_record' });
    expect(job.counts).toEqual({ invited: 10, skipped: 2, failed: 0, pending: 0 });
    expect(job.rows[2]?.message).toBe('user2@example.com is already a member of the organization.');
    expect(job.rows[4]?.message).toBe('There is already a pending invitation for user4@example.com.');
    // Refused chunks cost two calls, then the 10 good addresses go out together.
    expect(clerk.calls).toEqual(['bulk:10', 'bulk:10', 'bulk:10']);
  });

  it('skipped rows of one refused chunk each name their own address, not the whole chunk’s', async () => {
    for (const n of [1, 3, 6])
      await clerk.createOne(ORG, { email_address: `user${n}@example.com`, role: 'org:member' });
    const { id } = await create(addresses(8));
    start();
    const job = await waitForJob(store, id);
    const skipped = job.rows.filter((r) => r.outcome === 'skipped');
    expect(skipped.map((r) => r.message)).toEqual(
      [1, 3, 6].map((n) => `There is already a pending invitation for user${n}@example.com.`),
    );
    expect(job.counts).toMatchObject({ invited: 5, skipped: 3 });
  });

  it('when Clerk does not name the bad address, the chunk’s rows are sent one by one', async () => {
    const rows = [...addresses(3), { email_address: 'not-an-address', role: 'org:member' }];
    const { id } = await create(rows);
    start();
    const job = await waitForJob(store, id);
    expect(job.rows.map((r) => r.outcome)).toEqual(['invited', 'invited', 'invited', 'failed']);
    expect(job.rows[3]).toMatchObject({ code: 'form_param_format_invalid' });
    expect(clerk.calls).toEqual(['bulk:4', 'one', 'one', 'one', 'one']);
  });

  it('a rejection no address change can fix fails every remaining row with Clerk’s reason', async () => {
    clerk.forbidden = true;
    const { id } = await create(addresses(30));
    start();
    const job = await waitForJob(store, id);
    expect(job.counts).toEqual({ invited: 0, skipped: 0, failed: 30, pending: 0 });
    expect(job.rows[29]).toMatchObject({ code: 'not_an_admin_in_organization' });
    expect(clerk.calls).toEqual(['bulk:10']);
  });

  it('rows fail after repeated 5xx and are invited once retried, without duplicates', async () => {
    clerk.faults.push('server_error', 'server_error', 'server_error');
    clerk.findFailures = 0;
    const { id } = await create(addresses(2));
    start({ maxFailures: 3 });
    const failed = await waitForJob(store, id);
    expect(failed.counts.failed).toBe(2);
    expect(failed.rows[0]).toMatchObject({ code: 'internal_clerk_error' });
    await retryFailedRows(store, id);
    worker?.wake();
    const job = await waitForJob(store, id);
    expect(job.counts.invited).toBe(2);
    expect(clerk.invitations).toHaveLength(2);
  });

  it('records each Clerk call made for the job in the activity log with the creator as actor', async () => {
    const { id } = await createBulkJob(store, {
      organizationId: ORG,
      createdBy: INVITER,
      createdByName: 'Ada Lovelace',
      inviterUserId: INVITER,
      rows: addresses(12),
    });
    start();
    await waitForJob(store, id);
    const log = await listActivity(
      store,
      { action: 'invitation.bulk_create', since: 0, until: Number.MAX_SAFE_INTEGER, limit: 10, offset: 0 },
      { organizationIds: [ORG] },
    );
    expect(log.total_count).toBe(2);
    expect(log.data[0]).toMatchObject({
      actor_id: INVITER,
      actor_name: 'Ada Lovelace',
      outcome: 'ok',
      clerk_trace_id: 'trace',
    });
    // Each entry names the invitations it created: Clerk's webhooks for them are the same change.
    expect(log.data.map((e) => (e.detail.invitation_ids as string[]).length).sort((a, b) => a - b)).toEqual([
      2, 10,
    ]);
    expect(log.data[0]?.detail).toEqual({ bulk_job_id: id, invitation_ids: expect.any(Array) });
  });
});

describeEachStore('several bulk workers over one store', (kind) => {
  it('never send a row twice and finish every job', async () => {
    const store = await openTestStore(kind);
    const clerk = new FakeUpstream();
    const create = (domain: string) =>
      createBulkJob(store, {
        organizationId: ORG,
        createdBy: INVITER,
        inviterUserId: INVITER,
        rows: addresses(40, domain),
      });
    const jobs = await Promise.all(['d1.com', 'd2.com', 'd3.com'].map(create));
    const workers = ['a', 'b', 'c'].map((w) =>
      startBulkWorker({ store, upstream: clerk, workerId: w, ...FAST_SETTINGS, concurrency: 2 }),
    );
    try {
      for (const { id } of jobs) expect((await waitForJob(store, id)).counts.invited).toBe(40);
    } finally {
      await Promise.all(workers.map((w) => w.stop()));
      await store.close();
    }
    expect(clerk.invitations).toHaveLength(120);
    expect(clerk.calls.filter((c) => c.startsWith('bulk'))).toHaveLength(12);
  });
});
