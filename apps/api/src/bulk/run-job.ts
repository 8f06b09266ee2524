import type { BulkJobKind } from '@invites/clerk-schema';
import type { Store } from '../store/create-store.ts';
import type { BulkJobsTable } from '../store/schema.ts';
import { inviteStep } from './invite-step.ts';
import type { JobRun, RunnerSettings, StepResult } from './job-run.ts';
import { releaseLease, renewLease } from './lease.ts';
import { reissueStep } from './reissue-step.ts';
import { revokeStep } from './revoke-step.ts';
import type { BulkUpstream } from './upstream.ts';

/** Each kind's row executor: one step of a claimed job, persisted before the next. */
const STEPS: Record<BulkJobKind, (run: JobRun) => Promise<StepResult>> = {
  invite: inviteStep,
  reissue: reissueStep,
  revoke: revokeStep,
};

/** One step of a job, by its kind. */
export function runStep(run: JobRun): Promise<StepResult> {
  return STEPS[(run.job.kind ?? 'invite') as BulkJobKind](run);
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
  /** Called after each step that may have changed invitations (e.g. to drop cached lists of them). */
  onProgress?: ((job: BulkJobsTable) => void) | undefined;
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
    claim.onProgress?.(job);
    if (step.kind === 'continue') continue;
    const release =
      step.kind === 'done'
        ? ({ kind: 'done' } as const)
        : { kind: 'wait' as const, status: step.status, resumeAt: step.resumeAt };
    await releaseLease(store, job.id, workerId, release, now());
    return;
  }
}
