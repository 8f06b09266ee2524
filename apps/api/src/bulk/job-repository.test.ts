import { afterEach, beforeEach, expect, it } from 'vitest';
import type { Store } from '../store/create-store.ts';
import { describeEachStore, openTestStore } from '../test/test-stores.ts';
import { cancelBulkJob, retryFailedRows } from './job-commands.ts';
import { createBulkJob, getBulkJob, listBulkJobs } from './job-repository.ts';

const ORG = 'org_repo';

function rows(n: number, prefix = 'user') {
  return Array.from({ length: n }, (_, i) => ({
    email_address: `${prefix}${i}@example.com`,
    role: 'org:member',
  }));
}

describeEachStore('bulk job repository', (kind) => {
  let store: Store;
  beforeEach(async () => {
    store = await openTestStore(kind);
  });
  /** A job of `n` member rows in ORG, created by `u` with no inviter. */
  const newJob = (n: number) =>
    createBulkJob(store, { organizationId: ORG, createdBy: 'u', inviterUserId: null, rows: rows(n) });
  afterEach(async () => {
    await store.close();
  });

  it('creates a queued job whose rows are all pending, in paste order', async () => {
    const job = await createBulkJob(store, {
      organizationId: ORG,
      createdBy: 'user_a',
      inviterUserId: 'user_a',
      rows: rows(3),
    });
    expect(job).toMatchObject({
      status: 'queued',
      organization_id: ORG,
      created_by: 'user_a',
      resume_at: null,
    });
    expect(job.counts).toEqual({ invited: 0, skipped: 0, failed: 0, pending: 3 });
    expect(job.rows.map((r) => r.email_address)).toEqual([
      'user0@example.com',
      'user1@example.com',
      'user2@example.com',
    ]);
    expect(job.rows[0]).toEqual({
      line: null,
      email_address: 'user0@example.com',
      role: 'org:member',
      outcome: 'pending',
      invitation_id: null,
      code: null,
      message: null,
    });
  });

  it('normalises addresses and skips an address listed twice', async () => {
    const job = await createBulkJob(store, {
      organizationId: ORG,
      createdBy: 'user_a',
      inviterUserId: null,
      rows: [
        { email_address: ' Ann@Example.com ', role: 'org:member' },
        { email_address: 'ann@example.com', role: 'org:admin' },
      ],
    });
    expect(job.rows[0]).toMatchObject({ email_address: 'ann@example.com', outcome: 'pending' });
    expect(job.rows[1]).toMatchObject({ outcome: 'skipped', code: 'duplicate_record' });
    expect(job.rows[1]?.message).toContain('row 1');
  });

  it('records the rows the preview left out as skipped with their reason, line by line, and sends none', async () => {
    const leftOut = (
      reason: 'invalid' | 'duplicate' | 'member' | 'pending' | 'unknown_role',
      message: string,
    ) => ({
      reason,
      message,
    });
    const job = await createBulkJob(store, {
      organizationId: ORG,
      createdBy: 'user_a',
      inviterUserId: null,
      rows: [
        { email_address: 'Ann@Example.com', role: 'org:member', line: 2 },
        {
          email_address: 'Lovelace',
          role: 'org:member',
          line: 3,
          left_out: leftOut('invalid', 'This address is missing an @.'),
        },
        {
          email_address: 'ANN@example.com',
          role: 'org:member',
          line: 4,
          left_out: leftOut('duplicate', 'Duplicate of line 2.'),
        },
        {
          email_address: 'maya@acme.example',
          role: 'org:member',
          line: 5,
          left_out: leftOut('member', 'Already a member.'),
        },
        {
          email_address: 'p@x.example',
          role: 'org:member',
          line: 5,
          left_out: leftOut('pending', 'Already has a pending invitation.'),
        },
        {
          email_address: 'r@x.example',
          role: 'boss',
          line: 6,
          left_out: leftOut('unknown_role', 'Unknown role "boss".'),
        },
        { email_address: 'ann@example.com', role: 'org:admin', line: 7 },
      ],
    });
    expect(job.status).toBe('queued');
    expect(job.counts).toEqual({ invited: 0, skipped: 6, failed: 0, pending: 1 });
    expect(job.rows.map((r) => [r.line, r.email_address, r.outcome, r.code])).toEqual([
      [2, 'ann@example.com', 'pending', null],
      [3, 'Lovelace', 'skipped', 'form_param_format_invalid'],
      [4, 'ann@example.com', 'skipped', 'duplicate_record'],
      [5, 'maya@acme.example', 'skipped', 'already_a_member_in_organization'],
      [5, 'p@x.example', 'skipped', 'organization_invitation_not_unique'],
      [6, 'r@x.example', 'skipped', 'resource_not_found'],
      [7, 'ann@example.com', 'skipped', 'duplicate_record'],
    ]);
    expect(job.rows[1]?.message).toBe('This address is missing an @.');
    expect(job.rows[6]?.message).toBe('ann@example.com is listed more than once (first on line 2).');
  });

  it('a job whose rows are all left out has nothing to send and is done at once', async () => {
    const job = await createBulkJob(store, {
      organizationId: ORG,
      createdBy: 'u',
      inviterUserId: null,
      rows: [
        { email_address: 'x', role: 'org:member', left_out: { reason: 'invalid', message: 'Invalid.' } },
      ],
    });
    expect(job).toMatchObject({ status: 'done', counts: { skipped: 1, pending: 0 } });
  });

  it('stores a paste of 2,000 rows in one job', async () => {
    const job = await newJob(2000);
    expect(job.counts.pending).toBe(2000);
    expect(job.rows[1999]?.email_address).toBe('user1999@example.com');
  });

  it('lists an organization’s jobs newest first with counts, paginated', async () => {
    for (let i = 0; i < 3; i++) {
      await createBulkJob(store, {
        organizationId: ORG,
        createdBy: 'u',
        inviterUserId: null,
        rows: rows(i + 1),
        now: 1000 + i,
      });
    }
    await createBulkJob(store, {
      organizationId: 'org_other',
      createdBy: 'u',
      inviterUserId: null,
      rows: rows(1),
    });
    const page = await listBulkJobs(store, ORG, { limit: 2, offset: 0 });
    expect(page.total_count).toBe(3);
    expect(page.data.map((j) => j.counts.pending)).toEqual([3, 2]);
    expect(page.data[0]).not.toHaveProperty('rows');
    const rest = await listBulkJobs(store, ORG, { limit: 2, offset: 2 });
    expect(rest.data.map((j) => j.counts.pending)).toEqual([1]);
  });

  it('returns null for an unknown job', async () => {
    expect(await getBulkJob(store, 'bulkjob_missing')).toBeNull();
  });

  it('cancels an unfinished job but leaves a finished one alone', async () => {
    const job = await newJob(2);
    expect((await cancelBulkJob(store, job.id))?.status).toBe('cancelled');
    await store.db.updateTable('bulk_jobs').set({ status: 'done' }).where('id', '=', job.id).execute();
    expect((await cancelBulkJob(store, job.id))?.status).toBe('done');
  });

  it('retrying puts failed rows back to pending and the job back in the queue', async () => {
    const job = await newJob(2);
    await store.db
      .updateTable('bulk_job_rows')
      .set({ outcome: 'failed', code: 'upstream_unavailable', message: 'down', ambiguous_since: 77 })
      .where('job_id', '=', job.id)
      .where('position', '=', 0)
      .execute();
    await store.db.updateTable('bulk_jobs').set({ status: 'done' }).where('id', '=', job.id).execute();
    const retried = await retryFailedRows(store, job.id);
    expect(retried?.status).toBe('queued');
    expect(retried?.counts).toEqual({ invited: 0, skipped: 0, failed: 0, pending: 2 });
    const row = await store.db
      .selectFrom('bulk_job_rows')
      .select(['in_flight_at', 'failures'])
      .where('job_id', '=', job.id)
      .where('position', '=', 0)
      .executeTakeFirstOrThrow();
    // An earlier attempt may have created the invitation: it is looked up before re-sending.
    expect(row).toEqual({ in_flight_at: 77, failures: 0 });
  });

  it('retrying failed rows of a job still waiting out a rate limit keeps it waiting', async () => {
    const job = await newJob(2);
    await store.db
      .updateTable('bulk_job_rows')
      .set({ outcome: 'failed' })
      .where('job_id', '=', job.id)
      .execute();
    await store.db
      .updateTable('bulk_jobs')
      .set({ status: 'waiting_rate_limit', resume_at: 9_000 })
      .where('id', '=', job.id)
      .execute();
    const retried = await retryFailedRows(store, job.id);
    expect(retried).toMatchObject({ status: 'waiting_rate_limit', resume_at: 9_000, counts: { pending: 2 } });
  });

  it('retrying a finished job without failed rows changes nothing', async () => {
    const job = await newJob(1);
    await store.db.updateTable('bulk_jobs').set({ status: 'done' }).where('id', '=', job.id).execute();
    expect((await retryFailedRows(store, job.id))?.status).toBe('done');
  });
});
