import type { BulkJob } from '@invites/clerk-schema';
import type { Store } from '../store/create-store.ts';
import { getBulkJob, TERMINAL_STATUSES } from './job-repository.ts';

/** Cancels a job that has not finished; rows already sent keep their outcome, the rest stay pending. */
export async function cancelBulkJob(store: Store, id: string, now = Date.now()): Promise<BulkJob | null> {
  await store.db
    .updateTable('bulk_jobs')
    .set({ status: 'cancelled', resume_at: null, updated_at: now })
    .where('id', '=', id)
    .where('status', 'not in', [...TERMINAL_STATUSES])
    .execute();
  return getBulkJob(store, id);
}

/**
 * Puts failed rows back to pending and the job back in the queue (a cancelled job resumes too).
 * Rows whose earlier attempt was ambiguous are checked against Clerk again before being re-sent.
 */
export async function retryFailedRows(store: Store, id: string, now = Date.now()): Promise<BulkJob | null> {
  await store.db.transaction().execute(async (tx) => {
    const job = await tx.selectFrom('bulk_jobs').select(['status']).where('id', '=', id).executeTakeFirst();
    if (!job) return;
    const retried = await tx
      .updateTable('bulk_job_rows')
      .set((eb) => ({
        outcome: 'pending',
        code: null,
        message: null,
        failures: 0,
        in_flight_at: eb.ref('ambiguous_since'),
        updated_at: now,
      }))
      .where('job_id', '=', id)
      .where('outcome', '=', 'failed')
      .executeTakeFirst();
    if (Number(retried.numUpdatedRows) === 0 && job.status !== 'cancelled') return;
    await tx
      .updateTable('bulk_jobs')
      .set({ status: 'queued', resume_at: null, updated_at: now })
      .where('id', '=', id)
      // A job still in progress keeps its status (and its rate-limit wait); its worker picks the rows up.
      .where('status', 'in', [...TERMINAL_STATUSES])
      .execute();
  });
  return getBulkJob(store, id);
}
