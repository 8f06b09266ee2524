import type { Store } from '../store/create-store.ts';
import type { BulkJobsTable } from '../store/schema.ts';

const RUNNABLE = ['queued', 'running', 'waiting_rate_limit'];

/**
 * Claims the oldest runnable job whose lease is free or expired. The UPDATE re-checks the lease
 * in its WHERE clause, so of two workers racing for a job exactly one changes the row.
 */
export async function claimNextJob(
  store: Store,
  workerId: string,
  leaseMs: number,
  now: number,
): Promise<BulkJobsTable | null> {
  const candidates = await store.db
    .selectFrom('bulk_jobs')
    .select('id')
    .where('status', 'in', RUNNABLE)
    .where((eb) => eb.or([eb('resume_at', 'is', null), eb('resume_at', '<=', now)]))
    .where((eb) => eb.or([eb('lease_owner', 'is', null), eb('lease_expires_at', '<', now)]))
    .orderBy('created_at')
    .limit(5)
    .execute();
  for (const { id } of candidates) {
    const result = await store.db
      .updateTable('bulk_jobs')
      .set({ lease_owner: workerId, lease_expires_at: now + leaseMs, status: 'running', resume_at: null })
      .where('id', '=', id)
      .where('status', 'in', RUNNABLE)
      .where((eb) => eb.or([eb('resume_at', 'is', null), eb('resume_at', '<=', now)]))
      .where((eb) => eb.or([eb('lease_owner', 'is', null), eb('lease_expires_at', '<', now)]))
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 1) {
      return (
        (await store.db.selectFrom('bulk_jobs').selectAll().where('id', '=', id).executeTakeFirst()) ?? null
      );
    }
  }
  return null;
}

/** Extends the lease; false when the worker lost it or the job was cancelled meanwhile. */
export async function renewLease(
  store: Store,
  jobId: string,
  workerId: string,
  leaseMs: number,
  now: number,
): Promise<boolean> {
  const result = await store.db
    .updateTable('bulk_jobs')
    .set({ lease_expires_at: now + leaseMs, updated_at: now })
    .where('id', '=', jobId)
    .where('lease_owner', '=', workerId)
    .where('status', 'in', RUNNABLE)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** How the job stands when its worker lets go of it. */
export type LeaseRelease =
  | { kind: 'done' }
  | { kind: 'wait'; status: 'waiting_rate_limit' | 'running'; resumeAt: number }
  | { kind: 'yield' };

/** Gives the lease up (only if still held), recording whether the job is done or when it resumes. */
export async function releaseLease(
  store: Store,
  jobId: string,
  workerId: string,
  release: LeaseRelease,
  now: number,
): Promise<void> {
  let query = store.db
    .updateTable('bulk_jobs')
    .set({ lease_owner: null, lease_expires_at: null, updated_at: now })
    .where('id', '=', jobId)
    .where('lease_owner', '=', workerId);
  if (release.kind === 'done') query = query.set({ status: 'done', resume_at: null });
  if (release.kind === 'wait') query = query.set({ status: release.status, resume_at: release.resumeAt });
  // A job cancelled meanwhile stays cancelled.
  if (release.kind !== 'yield') query = query.where('status', 'in', RUNNABLE);
  const result = await query.executeTakeFirst();
  if (release.kind !== 'yield' && Number(result.numUpdatedRows) === 0) {
    await store.db
      .updateTable('bulk_jobs')
      .set({ lease_owner: null, lease_expires_at: null })
      .where('id', '=', jobId)
      .where('lease_owner', '=', workerId)
      .execute();
  }
}
