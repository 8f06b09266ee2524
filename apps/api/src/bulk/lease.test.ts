import { afterEach, beforeEach, expect, it } from 'vitest';
import type { Store } from '../store/create-store.ts';
import { describeEachStore, openTestStore } from '../test/test-stores.ts';
import { cancelBulkJob } from './job-commands.ts';
import { createBulkJob } from './job-repository.ts';
import { claimNextJob, releaseLease, renewLease } from './lease.ts';

const rows = [{ email_address: 'a@example.com', role: 'org:member' }];

describeEachStore('job lease', (kind) => {
  let store: Store;
  let jobId: string;
  beforeEach(async () => {
    store = await openTestStore(kind);
    jobId = (
      await createBulkJob(store, { organizationId: 'org_l', createdBy: 'u', inviterUserId: null, rows })
    ).id;
  });
  afterEach(async () => {
    await store.close();
  });

  it('of many workers racing for one job exactly one gets it', async () => {
    const claims = await Promise.all(
      Array.from({ length: 8 }, (_, i) => claimNextJob(store, `w${i}`, 10_000, 1_000)),
    );
    const winners = claims.filter((c) => c !== null);
    expect(winners).toHaveLength(1);
    expect(winners[0]).toMatchObject({ id: jobId, status: 'running', lease_expires_at: 11_000 });
  });

  it('a held lease keeps the job from other workers until it expires', async () => {
    expect(await claimNextJob(store, 'a', 10_000, 1_000)).not.toBeNull();
    expect(await claimNextJob(store, 'b', 10_000, 10_999)).toBeNull();
    expect((await claimNextJob(store, 'b', 10_000, 11_001))?.lease_owner).toBe('b');
    // The first worker finds out it lost the job when it next renews.
    expect(await renewLease(store, jobId, 'a', 10_000, 11_002)).toBe(false);
    expect(await renewLease(store, jobId, 'b', 10_000, 11_002)).toBe(true);
  });

  it('renewing fails once the job is cancelled', async () => {
    await claimNextJob(store, 'a', 10_000, 1_000);
    await cancelBulkJob(store, jobId);
    expect(await renewLease(store, jobId, 'a', 10_000, 2_000)).toBe(false);
  });

  it('a job waiting out a rate limit is not claimed before it resumes', async () => {
    await claimNextJob(store, 'a', 10_000, 1_000);
    await releaseLease(
      store,
      jobId,
      'a',
      { kind: 'wait', status: 'waiting_rate_limit', resumeAt: 5_000 },
      1_500,
    );
    const waiting = await store.db.selectFrom('bulk_jobs').selectAll().executeTakeFirstOrThrow();
    expect(waiting).toMatchObject({ status: 'waiting_rate_limit', resume_at: 5_000, lease_owner: null });
    expect(await claimNextJob(store, 'b', 10_000, 4_999)).toBeNull();
    expect((await claimNextJob(store, 'b', 10_000, 5_000))?.status).toBe('running');
  });

  it('releasing a cancelled job keeps it cancelled', async () => {
    await claimNextJob(store, 'a', 10_000, 1_000);
    await cancelBulkJob(store, jobId);
    await releaseLease(store, jobId, 'a', { kind: 'done' }, 2_000);
    const job = await store.db.selectFrom('bulk_jobs').selectAll().executeTakeFirstOrThrow();
    expect(job).toMatchObject({ status: 'cancelled', lease_owner: null });
  });
});
