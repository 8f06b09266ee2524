import { normalizeEmail, type OrganizationInvitation } from '@invites/clerk-schema';
import {
  backoffUntil,
  CONTINUE,
  type CreatePolicy,
  type JobRun,
  type StepResult,
  settle,
} from './job-run.ts';
import { type RowRecord, requeueRows, type SettledRow } from './row-store.ts';
import { UpstreamUnavailableError } from './upstream.ts';

/** True when `inv` is the invitation an attempt of this job created (not an older or foreign one). */
function createdByAttempt(run: JobRun, row: RowRecord, inv: OrganizationInvitation): boolean {
  const since = row.ambiguous_since ?? row.in_flight_at ?? Number.POSITIVE_INFINITY;
  return (
    inv.created_at >= since - run.settings.skewMs && (inv.inviter_id ?? null) === run.job.inviter_user_id
  );
}

/**
 * Settles rows whose last request may or may not have reached Clerk (lost response, crash) by asking
 * Clerk which of their addresses now have a pending invitation. Ours → invited with that id; someone
 * else's → skipped; none → back in the queue to be sent again.
 */
export async function checkInFlight(
  run: JobRun,
  policy: CreatePolicy,
  rows: RowRecord[],
): Promise<StepResult> {
  const { store, job, upstream } = run;
  let found: OrganizationInvitation[];
  try {
    found = await upstream.findPending(
      job.organization_id,
      rows.map((r) => r.email_address),
    );
  } catch (err) {
    if (!(err instanceof UpstreamUnavailableError)) throw err;
    const first = err.failure.errors[0];
    const failure = {
      code: first?.code ?? 'upstream_unavailable',
      message: first?.long_message ?? 'Clerk is unavailable.',
    };
    await requeueRows(
      store.db,
      job.id,
      rows.map((r) => r.position),
      { inFlight: 'ambiguous', failure },
      run.now(),
    );
    const exhausted = rows.filter((r) => r.failures + 1 >= run.settings.maxFailures);
    await settle(
      run,
      policy,
      exhausted.map((row) => ({
        row,
        settled: {
          position: row.position,
          outcome: 'failed',
          code: 'upstream_unavailable',
          message: 'Could not confirm with Clerk whether this invitation was created. Retry to check again.',
        },
      })),
    );
    if (err.failure.status === 429) {
      const seconds = err.failure.retryAfterSeconds;
      const wait = seconds === undefined ? run.settings.rateLimitFallbackMs : seconds * 1000;
      return { kind: 'wait', status: 'waiting_rate_limit', resumeAt: run.now() + wait };
    }
    return {
      kind: 'wait',
      status: 'running',
      resumeAt: backoffUntil(run, Math.max(...rows.map((r) => r.failures + 1))),
    };
  }

  const byEmail = new Map(found.map((inv) => [normalizeEmail(inv.email_address), inv]));
  const settled: { row: RowRecord; settled: SettledRow }[] = [];
  const ours: RowRecord[] = [];
  const absent: number[] = [];
  for (const row of rows) {
    const inv = byEmail.get(row.email_address);
    if (!inv) {
      absent.push(row.position);
    } else if (createdByAttempt(run, row, inv)) {
      settled.push({ row, settled: { position: row.position, outcome: 'invited', invitation_id: inv.id } });
      ours.push(row);
    } else {
      settled.push({
        row,
        settled: {
          position: row.position,
          outcome: 'skipped',
          code: 'duplicate_record',
          message: `There is already a pending invitation for ${row.email_address}.`,
        },
      });
    }
  }
  await settle(run, policy, settled);
  await requeueRows(store.db, job.id, absent, { inFlight: 'checked' }, run.now());
  if (ours.length > 0) {
    await policy.recordCall(run, 'invitation.bulk_create', ours, 'ok', null, {
      confirmed_after_lost_response: true,
    });
  }
  return CONTINUE;
}
