import { BULK_MAX, normalizeEmail } from '@invites/clerk-schema';
import { checkInFlight } from './check-in-flight.ts';
import {
  backoff,
  isTransient,
  learnt,
  notFoundReason,
  notPendingReason,
  rateLimitWait,
  sourceId,
} from './invitation-rows.ts';
import { CONTINUE, failureReason, type JobRun, type StepResult, settle } from './job-run.ts';
import { reissueBody } from './reissue-body.ts';
import { REISSUE_POLICY } from './reissue-policy.ts';
import {
  nextRows,
  type RowRecord,
  requeueRows,
  type SettledRow,
  type StepMove,
  setStep,
} from './row-store.ts';
import { sendAlone, sendChunk } from './send-rows.ts';
import { type UpstreamFailure, UpstreamUnavailableError } from './upstream.ts';

/**
 * Where a reissue row stands: null (not looked at), `revoking` (revoke sent, answer not yet known),
 * `revoked` (the old invitation revoked by this job) or `ready` (it had expired): the last two are
 * created next, from the body kept in `payload`.
 */
type ReissueStep = 'revoking' | 'revoked' | 'ready';
const READY: readonly ReissueStep[] = ['revoked', 'ready'];

type Entry = { row: RowRecord; settled: SettledRow };

const skip = (
  row: RowRecord,
  reason: { code: string; message: string },
  extra: Partial<SettledRow> = {},
) => ({
  row,
  settled: { position: row.position, outcome: 'skipped' as const, ...reason, ...extra },
});
const fail = (row: RowRecord, reason: { code: string; message: string }) => ({
  row,
  settled: { position: row.position, outcome: 'failed' as const, ...reason },
});

/** Rows whose failures ran out: failed with their last error. True when there were any. */
async function settleExhausted(run: JobRun, rows: readonly RowRecord[]): Promise<boolean> {
  const exhausted = rows.filter((r) => r.failures >= run.settings.maxFailures);
  await settle(
    run,
    REISSUE_POLICY,
    exhausted.map((row) =>
      fail(row, {
        code: row.code ?? 'upstream_unavailable',
        message: row.message ?? 'Clerk could not be reached.',
      }),
    ),
  );
  return exhausted.length > 0;
}

/** Puts rows back with a transient failure counted; the step to wait with (rate limit or backoff). */
async function retryLater(
  run: JobRun,
  failed: readonly { row: RowRecord; failure: UpstreamFailure }[],
): Promise<StepResult> {
  for (const { row, failure } of failed) {
    const counted = failure.status === 429 ? {} : { failure: failureReason(failure) };
    await requeueRows(run.store.db, run.job.id, [row.position], { inFlight: 'clear', ...counted }, run.now());
  }
  const rateLimited = failed.find(({ failure }) => failure.status === 429);
  return rateLimited
    ? rateLimitWait(run, rateLimited.failure)
    : backoff(
        run,
        failed.map((f) => f.row),
      );
}

/** Revokes whose answer was lost: the old invitation, read back, says how far the row got. */
async function confirmRevokes(run: JobRun, rows: RowRecord[]): Promise<StepResult> {
  const org = run.job.organization_id;
  const answers = await Promise.all(rows.map((row) => run.upstream.getInvitation(org, sourceId(row))));
  const settled: Entry[] = [];
  const moves: StepMove[] = [];
  const failed: { row: RowRecord; failure: UpstreamFailure }[] = [];
  rows.forEach((row, i) => {
    const answer = answers[i]!;
    if (!answer.ok) {
      if (answer.status === 404) settled.push(fail(row, notFoundReason(row)));
      else failed.push({ row, failure: answer });
      return;
    }
    const { status } = answer.invitation;
    // Revoked while our revoke was in flight: ours. Still pending: look at it again from the start.
    if (status === 'revoked') moves.push({ position: row.position, step: 'revoked', progress: true });
    else if (status === 'expired') moves.push({ position: row.position, step: 'ready', progress: true });
    else if (status === 'pending') moves.push({ position: row.position, step: null });
    else settled.push(skip(row, notPendingReason(answer.invitation, 'not resent')));
  });
  await settleAsIs(run, settled);
  await setStep(run.store.db, run.job.id, moves, run.now());
  if (failed.length === 0) return CONTINUE;
  const given = failed.filter(({ row }) => row.failures + 1 >= run.settings.maxFailures);
  await settleAsIs(
    run,
    given.map(({ row }) =>
      fail(row, {
        code: 'upstream_unavailable',
        message: 'Could not confirm with Clerk whether the old invitation was revoked. Retry to check again.',
      }),
    ),
  );
  const rest = failed.filter((f) => !given.includes(f));
  return rest.length > 0 ? retryLater(run, rest) : CONTINUE;
}

/**
 * Looks at the next rows: reads each old invitation, skips what must not be resent (accepted or revoked
 * by someone, the address a member meanwhile, a newer pending invitation), keeps what to create, and
 * revokes the pending ones. Expired ones are only created.
 */
async function prepareRows(run: JobRun, rows: RowRecord[]): Promise<StepResult> {
  if (await settleExhausted(run, rows)) return CONTINUE;
  const { db } = run.store;
  const org = run.job.organization_id;
  const answers = await Promise.all(rows.map((row) => run.upstream.getInvitation(org, sourceId(row))));
  const settled: Entry[] = [];
  const failed: { row: RowRecord; failure: UpstreamFailure }[] = [];
  const candidates: { row: RowRecord; inv: Extract<(typeof answers)[number], { ok: true }>['invitation'] }[] =
    [];
  rows.forEach((row, i) => {
    const answer = answers[i]!;
    if (!answer.ok) {
      if (isTransient(answer)) failed.push({ row, failure: answer });
      else if (answer.status === 404) settled.push(fail(row, notFoundReason(row)));
      else settled.push(fail(row, failureReason(answer)));
      return;
    }
    const { status } = answer.invitation;
    // A row that came with its address (a bulk paste) re-issues only that address's invitation.
    if (row.email_address && normalizeEmail(answer.invitation.email_address) !== row.email_address) {
      settled.push(
        fail(row, {
          code: 'form_param_value_invalid',
          message: `Invitation ${sourceId(row)} is not an invitation to ${row.email_address}; not resent.`,
        }),
      );
    } else if (status === 'pending' || status === 'expired') candidates.push({ row, inv: answer.invitation });
    else
      settled.push(skip(row, notPendingReason(answer.invitation, 'not resent'), learnt(answer.invitation)));
  });

  let members: Set<string>;
  let pending: Map<string, string>;
  try {
    const emails = candidates.map((c) => normalizeEmail(c.inv.email_address));
    members = emails.length > 0 ? await run.upstream.findMembers(org, emails) : new Set();
    const found = emails.length > 0 ? await run.upstream.findPending(org, emails) : [];
    pending = new Map(found.map((inv) => [normalizeEmail(inv.email_address), inv.id]));
  } catch (err) {
    if (!(err instanceof UpstreamUnavailableError)) throw err;
    await settleAsIs(run, settled);
    return retryLater(run, [...failed, ...candidates.map(({ row }) => ({ row, failure: err.failure }))]);
  }

  const ready: StepMove[] = [];
  const toRevoke: { row: RowRecord; email: string; role: string; payload: string }[] = [];
  for (const { row, inv } of candidates) {
    const email = normalizeEmail(inv.email_address);
    const newer = pending.get(email);
    if (members.has(email)) {
      const reason = {
        code: 'already_a_member_in_organization',
        message: `${email} is already a member of the organization; not resent.`,
      };
      settled.push(skip(row, reason, learnt(inv)));
    } else if (newer !== undefined && newer !== inv.id) {
      const reason = {
        code: 'organization_invitation_not_unique',
        message: `${email} already has a newer pending invitation (${newer}); not resent.`,
      };
      settled.push(skip(row, reason, learnt(inv)));
    } else {
      const payload = JSON.stringify(reissueBody(inv));
      if (inv.status === 'expired')
        ready.push({
          position: row.position,
          step: 'ready',
          progress: true,
          email_address: email,
          role: inv.role,
          payload,
        });
      else toRevoke.push({ row, email, role: inv.role, payload });
    }
  }
  // Logged as the reissue's own words (the refusal wording is for Clerk's create answers).
  await settleAsIs(run, settled);
  await setStep(db, run.job.id, ready, run.now());
  if (toRevoke.length > 0) {
    // The step is stored before the request leaves: a crash leaves a revoke to confirm, never a guess.
    await setStep(
      db,
      run.job.id,
      toRevoke.map(({ row, email, role, payload }) => ({
        position: row.position,
        step: 'revoking',
        email_address: email,
        role,
        payload,
      })),
      run.now(),
    );
    const revokes = await Promise.all(
      toRevoke.map(({ row }) => run.upstream.revoke(org, sourceId(row), run.job.inviter_user_id)),
    );
    const moves: StepMove[] = [];
    const refused: Entry[] = [];
    const changed: RowRecord[] = [];
    toRevoke.forEach(({ row }, i) => {
      const answer = revokes[i]!;
      if (answer.ok) moves.push({ position: row.position, step: 'revoked', progress: true });
      else if (isTransient(answer)) {
        // Only an answer lost after sending (or a 5xx) may have revoked it: that one is confirmed next.
        if (answer.status === 429 || !answer.ambiguous) moves.push({ position: row.position, step: null });
        failed.push({ row, failure: answer });
      } else if (answer.errors[0]?.code === 'organization_invitation_not_pending') {
        // Accepted, revoked or expired meanwhile: looked at again from the start (counted, so it ends).
        moves.push({ position: row.position, step: null });
        changed.push(row);
      } else refused.push(fail(row, failureReason(answer)));
    });
    await setStep(db, run.job.id, moves, run.now());
    const notPending = {
      code: 'organization_invitation_not_pending',
      message: 'It changed while being resent.',
    };
    await requeueRows(
      db,
      run.job.id,
      changed.map((r) => r.position),
      { inFlight: 'clear', failure: notPending },
      run.now(),
    );
    await settleAsIs(run, refused);
  }
  return failed.length > 0 ? retryLater(run, failed) : CONTINUE;
}

/** Settles rows with the reissue's own reasons (not Clerk's create refusals). */
async function settleAsIs(run: JobRun, entries: readonly Entry[]): Promise<void> {
  await settle(run, { ...REISSUE_POLICY, refusal: (_row, _outcome, reason) => reason }, entries);
}

/**
 * One step of a `reissue` job, each persisted before the next: creates whose answer was lost, revokes
 * whose answer was lost, rows ready to be created (alone first, then a chunk of ≤ 10 through the bulk
 * endpoint, like a bulk invite), then the next rows to look at.
 */
export async function reissueStep(run: JobRun): Promise<StepResult> {
  const { db } = run.store;
  const id = run.job.id;
  const creating = await nextRows(db, id, 'in_flight', BULK_MAX, undefined, 'invitation');
  if (creating.length > 0) return checkInFlight(run, REISSUE_POLICY, creating);
  const revoking = await nextRows(db, id, 'bulk', BULK_MAX, ['revoking'], 'invitation');
  if (revoking.length > 0) return confirmRevokes(run, revoking);
  const [alone] = await nextRows(db, id, 'alone', 1, READY, 'invitation');
  if (alone) return sendAlone(run, REISSUE_POLICY, alone);
  const ready = await nextRows(db, id, 'bulk', BULK_MAX, READY, 'invitation');
  if (ready.length > 0) return sendChunk(run, REISSUE_POLICY, ready);
  const fresh = await nextRows(db, id, 'bulk', BULK_MAX, [null], 'invitation');
  if (fresh.length > 0) return prepareRows(run, fresh);
  return { kind: 'done' };
}
