import { BULK_MAX, normalizeEmail } from '@invites/clerk-schema';
import {
  DUPLICATE_CODES,
  isJobWideRejection,
  offendingItems,
  rowMessage,
  SKIP_CODES,
} from './clerk-rejection.ts';
import {
  backoffUntil,
  CONTINUE,
  type CreatePolicy,
  failureReason,
  type JobRun,
  type StepResult,
  settle,
} from './job-run.ts';
import { failAllPending, markInFlight, type RowRecord, requeueRows, type SettledRow } from './row-store.ts';
import type { UpstreamFailure } from './upstream.ts';

type Action = 'invitation.bulk_create' | 'invitation.create';
type Entry = { row: RowRecord; settled: SettledRow };

/** Fails rows that have used up their transient-failure budget; true when there were any. */
async function settleExhausted(run: JobRun, policy: CreatePolicy, rows: RowRecord[]): Promise<boolean> {
  const exhausted = rows.filter((r) => r.failures >= run.settings.maxFailures);
  await settle(
    run,
    policy,
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
  return exhausted.length > 0;
}

/** Sends up to 10 rows through Clerk's all-or-nothing bulk endpoint. */
export async function sendChunk(run: JobRun, policy: CreatePolicy, rows: RowRecord[]): Promise<StepResult> {
  if (await settleExhausted(run, policy, rows)) return CONTINUE;
  const chunk = rows.slice(0, BULK_MAX);
  await markInFlight(
    run.store.db,
    run.job.id,
    chunk.map((r) => r.position),
    run.now(),
  );
  const result = await run.upstream.bulkCreate(
    run.job.organization_id,
    chunk.map((r) => policy.item(run, r)),
  );
  if (!result.ok) return handleFailure(run, policy, chunk, result, 'invitation.bulk_create');
  const byEmail = new Map(result.invitations.map((inv) => [normalizeEmail(inv.email_address), inv.id]));
  const settled: Entry[] = [];
  const missing: number[] = [];
  for (const row of chunk) {
    const id = byEmail.get(row.email_address);
    if (id) settled.push({ row, settled: { position: row.position, outcome: 'invited', invitation_id: id } });
    else missing.push(row.position);
  }
  await settle(run, policy, settled);
  // An answer that leaves out an address we sent: look it up rather than guess.
  await requeueRows(run.store.db, run.job.id, missing, { inFlight: 'ambiguous' }, run.now());
  await policy.recordCall(run, 'invitation.bulk_create', chunk, 'ok', result.traceId, {
    invitation_ids: settled.map((s) => s.settled.invitation_id),
  });
  return CONTINUE;
}

/** Sends one row through the single-create endpoint (used once a bulk rejection named no address). */
export async function sendAlone(run: JobRun, policy: CreatePolicy, row: RowRecord): Promise<StepResult> {
  if (await settleExhausted(run, policy, [row])) return CONTINUE;
  await markInFlight(run.store.db, run.job.id, [row.position], run.now());
  const result = await run.upstream.createOne(run.job.organization_id, policy.item(run, row));
  if (!result.ok) return handleFailure(run, policy, [row], result, 'invitation.create');
  await settle(run, policy, [
    { row, settled: { position: row.position, outcome: 'invited', invitation_id: result.invitation.id } },
  ]);
  await policy.recordCall(run, 'invitation.create', [row], 'ok', result.traceId, {
    invitation_id: result.invitation.id,
  });
  return CONTINUE;
}

async function handleFailure(
  run: JobRun,
  policy: CreatePolicy,
  rows: RowRecord[],
  failure: UpstreamFailure,
  action: Action,
): Promise<StepResult> {
  const positions = rows.map((r) => r.position);
  const { db } = run.store;
  if (failure.status === 429) {
    await requeueRows(db, run.job.id, positions, { inFlight: 'clear' }, run.now());
    const seconds = failure.retryAfterSeconds;
    const wait = seconds === undefined ? run.settings.rateLimitFallbackMs : seconds * 1000;
    return { kind: 'wait', status: 'waiting_rate_limit', resumeAt: run.now() + wait };
  }
  if (failure.status === 0 || failure.status >= 500) {
    const inFlight = failure.ambiguous ? 'ambiguous' : 'clear';
    await requeueRows(db, run.job.id, positions, { inFlight, failure: failureReason(failure) }, run.now());
    return {
      kind: 'wait',
      status: 'running',
      resumeAt: backoffUntil(run, Math.max(...rows.map((r) => r.failures + 1))),
    };
  }
  return handleRejection(run, policy, rows, failure, action);
}

/** A definite 4xx: nothing was created. Settle the rows it names, re-queue the rest. */
async function handleRejection(
  run: JobRun,
  policy: CreatePolicy,
  rows: RowRecord[],
  failure: UpstreamFailure,
  action: Action,
): Promise<StepResult> {
  const { db } = run.store;
  const first = failure.errors[0];
  const reason = failureReason(failure);
  await policy.recordCall(run, action, rows, reason.code, failure.traceId, {
    status: failure.status,
  });
  if (isJobWideRejection(failure.status, first)) {
    const failed = rows.map((row) => ({
      row,
      settled: { position: row.position, outcome: 'failed' as const, ...reason },
    }));
    await settle(run, policy, failed);
    await failAllPending(db, run.job.id, reason, run.now());
    return CONTINUE;
  }
  const named =
    rows.length === 1 && first
      ? new Map([[0, first]])
      : offendingItems(
          failure.errors,
          rows.map((r) => r.email_address),
        );
  if (named.size === 0) {
    // Clerk did not say which address it refused: send each alone rather than halving the chunk.
    const positions = rows.map((r) => r.position);
    await requeueRows(db, run.job.id, positions, { inFlight: 'clear', sendAlone: true }, run.now());
    return CONTINUE;
  }
  const settled: Entry[] = [];
  const recheck: { position: number; code: string; message: string }[] = [];
  const rest: number[] = [];
  rows.forEach((row, i) => {
    const error = named.get(i);
    if (!error) rest.push(row.position);
    else if (DUPLICATE_CODES.has(error.code) && row.ambiguous_since !== null) {
      recheck.push({
        position: row.position,
        code: error.code,
        message: rowMessage(error, row.email_address),
      });
    } else {
      const outcome = SKIP_CODES.has(error.code) ? 'skipped' : 'failed';
      const message = rowMessage(error, row.email_address);
      settled.push({ row, settled: { position: row.position, outcome, code: error.code, message } });
    }
  });
  await settle(run, policy, settled);
  // An earlier attempt of ours may have created it: look it up before skipping. Counted as a failure,
  // so a duplicate that Clerk reports but never lists cannot loop forever.
  for (const { position, ...failure } of recheck) {
    await requeueRows(db, run.job.id, [position], { inFlight: 'recheck', failure }, run.now());
  }
  await requeueRows(db, run.job.id, rest, { inFlight: 'clear' }, run.now());
  return CONTINUE;
}
