import { BULK_MAX } from '@invites/clerk-schema';
import type { Store } from '../store/create-store.ts';
import type { BulkJobsTable } from '../store/schema.ts';
import { checkInFlight } from './check-in-flight.ts';
import type { JobRun, RunnerSettings, StepResult } from './job-run.ts';
import { releaseLease, renewLease } from './lease.ts';
import { nextRows } from './row-store.ts';
import { sendAlone, sendChunk } from './send-rows.ts';
import type { BulkUpstream } from './upstream.ts';

/**
 * One step of a job, each persisted before the next: first settle rows whose last request had an
 * unknown outcome, then rows that must go alone, then the next chunk of ≤ 10.
 */
export async function runStep(run: JobRun): Promise<StepResult> {
  const { db } = run.store;
  const inFlight = await nextRows(db, run.job.id, 'in_flight', BULK_MAX);
  if (inFlight.length > 0) return checkInFlight(run, inFlight);
  const [alone] = await nextRows(db, run.job.id, 'alone', 1);
  if (alone) return sendAlone(run, alone);
  const chunk = await nextRows(db, run.job.id, 'bulk', BULK_MAX);
  if (chunk.length > 0) return sendChunk(run, chunk);
  return { kind: 'done' };
}

export interface ClaimedJob {
  store: Store;
  job: BulkJobsTable;
  upstream: BulkUpstream;
  settings: RunnerSettings;
  workerId: string;
  leaseMs: number;
  now: () => number;
  shouldStop: () => boolean;
}

/** Works a claimed job until it is done, has to wait, is cancelled, loses its lease or the worker stops. */
export async function runClaimedJob(claim: ClaimedJob): Promise<void> {
  const { store, job, workerId, leaseMs, now } = claim;
  const run: JobRun = {
    store,
    job,
    options: JSON.parse(job.options),
    upstream: claim.upstream,
    settings: claim.settings,
    now,
  };
  for (;;) {
    if (claim.shouldStop() || !(await renewLease(store, job.id, workerId, leaseMs, now()))) {
      await releaseLease(store, job.id, workerId, { kind: 'yield' }, now());
      return;
    }
    const step = await runStep(run);
    if (step.kind === 'continue') continue;
    const release =
      step.kind === 'done'
        ? ({ kind: 'done' } as const)
        : { kind: 'wait' as const, status: step.status, resumeAt: step.resumeAt };
    await releaseLease(store, job.id, workerId, release, now());
    return;
  }
}
