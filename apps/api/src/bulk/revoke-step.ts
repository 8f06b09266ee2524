import { BULK_MAX } from '@invites/clerk-schema';
import { isJobWideRejection } from './clerk-rejection.ts';
import {
  backoff,
  isTransient,
  learnt,
  notFoundReason,
  notPendingReason,
  rateLimitWait,
  recordRow,
  sourceId,
} from './invitation-rows.ts';
import { CONTINUE, failureReason, type JobRun, type StepResult, settle } from './job-run.ts';
import {
  failAllPending,
  markInFlight,
  nextRows,
  type RowRecord,
  requeueRows,
  type SettledRow,
} from './row-store.ts';
import type { InvitationResult, UpstreamFailure } from './upstream.ts';

type Entry = { row: RowRecord; settled: SettledRow };

/** Every revoke row ends in the activity log as `invitation.revoke`, as a revoke from the table does. */
const REVOKE_LOG = {
  recordSettled: async (run: JobRun, entries: readonly Entry[]) => {
    for (const { row, settled } of entries) {
      await recordRow(run, 'invitation.revoke', row, settled, { invitation_id: sourceId(row) });
    }
  },
  refusal: (_row: RowRecord, _outcome: 'skipped' | 'failed', reason: { code: string; message: string }) =>
    reason,
};

const revoked = (row: RowRecord, result: InvitationResult & { ok: true }): Entry => ({
  row,
  settled: {
    position: row.position,
    outcome: 'revoked',
    invitation_id: result.invitation.id,
    ...learnt(result.invitation),
  },
});

/**
 * Settles rows whose revoke may or may not have reached Clerk by reading their invitation: revoked →
 * done (by this job: it was pending when sent); still pending → sent again; accepted or expired → skipped.
 */
async function confirmRevokes(run: JobRun, rows: RowRecord[]): Promise<StepResult> {
  const org = run.job.organization_id;
  const answers = await Promise.all(rows.map((row) => run.upstream.getInvitation(org, sourceId(row))));
  const settled: Entry[] = [];
  const again: number[] = [];
  const unknown: { row: RowRecord; failure: UpstreamFailure }[] = [];
  rows.forEach((row, i) => {
    const answer = answers[i]!;
    if (!answer.ok) {
      if (answer.status === 404)
        settled.push({ row, settled: { position: row.position, outcome: 'failed', ...notFoundReason(row) } });
      else unknown.push({ row, failure: answer });
    } else if (answer.invitation.status === 'revoked') settled.push(revoked(row, answer));
    else if (answer.invitation.status === 'pending') again.push(row.position);
    else {
      const reason = notPendingReason(answer.invitation, 'not revoked');
      settled.push({
        row,
        settled: { position: row.position, outcome: 'skipped', ...reason, ...learnt(answer.invitation) },
      });
    }
  });
  await settle(run, REVOKE_LOG, settled);
  const { db } = run.store;
  await requeueRows(db, run.job.id, again, { inFlight: 'clear' }, run.now());
  if (unknown.length === 0) return CONTINUE;
  const exhausted = unknown.filter(({ row }) => row.failures + 1 >= run.settings.maxFailures);
  await settle(
    run,
    REVOKE_LOG,
    exhausted.map(({ row }) => ({
      row,
      settled: {
        position: row.position,
        outcome: 'failed',
        code: 'upstream_unavailable',
        message: 'Could not confirm with Clerk whether this invitation was revoked. Retry to check again.',
      },
    })),
  );
  for (const { row, failure } of unknown) {
    await requeueRows(
      db,
      run.job.id,
      [row.position],
      { inFlight: 'ambiguous', failure: failureReason(failure) },
      run.now(),
    );
  }
  const rateLimited = unknown.find(({ failure }) => failure.status === 429);
  return rateLimited
    ? rateLimitWait(run, rateLimited.failure)
    : backoff(
        run,
        unknown.map((u) => u.row),
      );
}

/** Why a revoke Clerk refused with `organization_invitation_not_pending` was refused, read back from Clerk. */
async function explainNotPending(run: JobRun, row: RowRecord): Promise<Entry> {
  const answer = await run.upstream.getInvitation(run.job.organization_id, sourceId(row));
  const reason = answer.ok
    ? notPendingReason(answer.invitation, 'not revoked')
    : { code: 'organization_invitation_not_pending', message: 'No longer pending; not revoked.' };
  return {
    row,
    settled: {
      position: row.position,
      outcome: 'skipped',
      ...reason,
      ...(answer.ok ? learnt(answer.invitation) : {}),
    },
  };
}

/**
 * One step of a `revoke` job: confirm revokes whose answer was lost, then revoke the next ≤ 10 rows
 * (one request each, side by side). A rate limit or a transient failure puts rows back in the queue.
 */
export async function revokeStep(run: JobRun): Promise<StepResult> {
  const { db } = run.store;
  const inFlight = await nextRows(db, run.job.id, 'in_flight', BULK_MAX);
  if (inFlight.length > 0) return confirmRevokes(run, inFlight);
  const rows = await nextRows(db, run.job.id, 'bulk', BULK_MAX);
  if (rows.length === 0) return { kind: 'done' };

  const exhausted = rows.filter((r) => r.failures >= run.settings.maxFailures);
  if (exhausted.length > 0) {
    await settle(
      run,
      REVOKE_LOG,
      exhausted.map((row) => ({
        row,
        settled: {
          position: row.position,
          outcome: 'failed',
          code: row.code ?? 'upstream_unavailable',
          message: row.message ?? 'Clerk could not be reached.',
        },
      })),
    );
    return CONTINUE;
  }

  await markInFlight(
    db,
    run.job.id,
    rows.map((r) => r.position),
    run.now(),
  );
  const org = run.job.organization_id;
  const answers = await Promise.all(
    rows.map((row) => run.upstream.revoke(org, sourceId(row), run.job.inviter_user_id)),
  );
  const settled: Entry[] = [];
  const transient: { row: RowRecord; failure: UpstreamFailure }[] = [];
  let jobWide: UpstreamFailure | null = null;
  for (const [i, row] of rows.entries()) {
    const answer = answers[i]!;
    if (answer.ok) settled.push(revoked(row, answer));
    else if (isTransient(answer)) transient.push({ row, failure: answer });
    else if (answer.errors[0]?.code === 'organization_invitation_not_pending')
      settled.push(await explainNotPending(run, row));
    else if (answer.status === 404 && answer.errors[0]?.code === 'resource_not_found')
      settled.push({ row, settled: { position: row.position, outcome: 'failed', ...notFoundReason(row) } });
    else if (isJobWideRejection(answer.status, answer.errors[0])) jobWide ??= answer;
    else
      settled.push({ row, settled: { position: row.position, outcome: 'failed', ...failureReason(answer) } });
  }
  await settle(run, REVOKE_LOG, settled);
  if (jobWide) {
    await failAllPending(db, run.job.id, failureReason(jobWide), run.now());
    return CONTINUE;
  }
  if (transient.length === 0) return CONTINUE;
  for (const { row, failure } of transient) {
    const inFlight = failure.status === 429 ? 'clear' : failure.ambiguous ? 'ambiguous' : 'clear';
    await requeueRows(
      db,
      run.job.id,
      [row.position],
      failure.status === 429 ? { inFlight } : { inFlight, failure: failureReason(failure) },
      run.now(),
    );
  }
  const rateLimited = transient.find(({ failure }) => failure.status === 429);
  return rateLimited
    ? rateLimitWait(run, rateLimited.failure)
    : backoff(
        run,
        transient.map((t) => t.row),
      );
}
