import { BULK_MAX } from '@invites/clerk-schema';
import { checkInFlight } from './check-in-flight.ts';
import { INVITE_POLICY, type JobRun, type StepResult } from './job-run.ts';
import { reissueStep } from './reissue-step.ts';
import { hasPendingRows, nextRows } from './row-store.ts';
import { sendAlone, sendChunk } from './send-rows.ts';

/**
 * One step of a bulk invite, each persisted before the next: rows of addresses that already had a
 * pending invitation the admin chose to send again go first, as re-issues; then settle rows whose
 * last request had an unknown outcome, then rows that must go alone, then the next chunk of ≤ 10.
 */
export async function inviteStep(run: JobRun): Promise<StepResult> {
  const { db } = run.store;
  if (await hasPendingRows(db, run.job.id, 'invitation')) {
    const reissued = await reissueStep(run);
    if (reissued.kind !== 'done') return reissued;
  }
  const inFlight = await nextRows(db, run.job.id, 'in_flight', BULK_MAX, undefined, 'address');
  if (inFlight.length > 0) return checkInFlight(run, INVITE_POLICY, inFlight);
  const [alone] = await nextRows(db, run.job.id, 'alone', 1, undefined, 'address');
  if (alone) return sendAlone(run, INVITE_POLICY, alone);
  const chunk = await nextRows(db, run.job.id, 'bulk', BULK_MAX, undefined, 'address');
  if (chunk.length > 0) return sendChunk(run, INVITE_POLICY, chunk);
  return { kind: 'done' };
}
