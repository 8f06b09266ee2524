import type { BulkJobOptions, CreateInvitationBody } from '@invites/clerk-schema';
import { recordActivity } from '../activity/activity-log.ts';
import type { Store } from '../store/create-store.ts';
import type { BulkJobsTable } from '../store/schema.ts';
import { type RowRecord, type SettledRow, settleRows } from './row-store.ts';
import type { BulkUpstream, UpstreamFailure } from './upstream.ts';

/** Tunables of the runner; defaults in `DEFAULT_RUNNER_SETTINGS`. */
export interface RunnerSettings {
  /** Transient failures (5xx, network) a row may see before it fails; it can be retried later. */
  maxFailures: number;
  backoffBaseMs: number;
  backoffMaxMs: number;
  /** Wait after a 429 without `Retry-After`. */
  rateLimitFallbackMs: number;
  /** Clock difference tolerated when deciding whether Clerk's invitation was created by our attempt. */
  skewMs: number;
}

export const DEFAULT_RUNNER_SETTINGS: RunnerSettings = {
  maxFailures: 8,
  backoffBaseMs: 1_000,
  backoffMaxMs: 60_000,
  rateLimitFallbackMs: 60_000,
  skewMs: 60_000,
};

/** Everything a step of one claimed job needs. */
export interface JobRun {
  store: Store;
  job: BulkJobsTable;
  options: BulkJobOptions;
  upstream: BulkUpstream;
  settings: RunnerSettings;
  now: () => number;
}

export type StepResult =
  | { kind: 'continue' }
  | { kind: 'done' }
  | { kind: 'wait'; status: 'waiting_rate_limit' | 'running'; resumeAt: number };

export const CONTINUE: StepResult = { kind: 'continue' };

/** A row's reason for ending skipped or failed. */
export interface Reason {
  code: string;
  message: string;
}

/**
 * How a kind creates invitations through the shared create path (chunks of ≤ 10, rows sent alone,
 * answers lost in flight): the body of a row, what the activity log records, and the words a row
 * ends with when Clerk refuses it.
 */
export interface CreatePolicy {
  item(run: JobRun, row: RowRecord): CreateInvitationBody;
  /** One Clerk call made for rows (the bulk invite logs every call). */
  recordCall(
    run: JobRun,
    action: 'invitation.bulk_create' | 'invitation.create',
    rows: readonly RowRecord[],
    outcome: string,
    traceId: string | null,
    detail?: Record<string, unknown>,
  ): Promise<void>;
  /** Rows that have just ended (a reissue logs every row). */
  recordSettled(run: JobRun, settled: readonly { row: RowRecord; settled: SettledRow }[]): Promise<void>;
  /** The code and message of a row Clerk refused for good (skipped or failed). */
  refusal(row: RowRecord, outcome: 'skipped' | 'failed', reason: Reason): Reason;
}

/** Settles rows with their final outcome through the kind's policy (refusals worded, entries logged). */
export async function settle(
  run: JobRun,
  policy: Pick<CreatePolicy, 'recordSettled' | 'refusal'>,
  entries: readonly { row: RowRecord; settled: SettledRow }[],
): Promise<void> {
  if (entries.length === 0) return;
  const worded = entries.map(({ row, settled }) => {
    if (settled.outcome !== 'skipped' && settled.outcome !== 'failed') return { row, settled };
    const reason = policy.refusal(row, settled.outcome, {
      code: settled.code ?? 'upstream_unavailable',
      message: settled.message ?? 'Clerk could not be reached.',
    });
    return { row, settled: { ...settled, ...reason } };
  });
  await settleRows(
    run.store.db,
    run.job.id,
    worded.map((e) => e.settled),
    run.now(),
  );
  await policy.recordSettled(run, worded);
}

/** The Clerk body item for one row, with the job's inviter and options. */
export function toItem(run: JobRun, row: RowRecord): CreateInvitationBody {
  const { options } = run;
  return {
    email_address: row.email_address,
    role: row.role,
    inviter_user_id: run.job.inviter_user_id,
    ...(options.redirect_url !== undefined ? { redirect_url: options.redirect_url } : {}),
    ...(options.expires_in_days !== undefined ? { expires_in_days: options.expires_in_days } : {}),
    ...(options.notify !== undefined ? { notify: options.notify } : {}),
  };
}

/** The first error of a failure as a row's code and message. */
export function failureReason(failure: UpstreamFailure): { code: string; message: string } {
  const first = failure.errors[0];
  return {
    code: first?.code ?? 'upstream_unavailable',
    message: first?.long_message ?? `Clerk answered with status ${failure.status}.`,
  };
}

/** When to try again after the n-th consecutive transient failure: exponential, half-jittered. */
export function backoffUntil(run: JobRun, failures: number): number {
  const { backoffBaseMs, backoffMaxMs } = run.settings;
  const ceiling = Math.min(backoffMaxMs, backoffBaseMs * 2 ** Math.max(0, failures - 1));
  return run.now() + Math.round(ceiling / 2 + (Math.random() * ceiling) / 2);
}

/** A bulk invite's rows: the job's options for every address, one activity entry per Clerk call. */
export const INVITE_POLICY: CreatePolicy = {
  item: (run, row) => toItem(run, row),
  recordCall: (run, action, rows, outcome, traceId, detail) =>
    recordJobCall(run, action, rows, outcome, traceId, detail),
  recordSettled: async () => {},
  refusal: (_row, _outcome, reason) => reason,
};

/** Records one Clerk call made for the job in the activity log: outcome `ok` or Clerk's error code. */
export async function recordJobCall(
  run: JobRun,
  action: 'invitation.bulk_create' | 'invitation.create',
  rows: readonly RowRecord[],
  outcome: string,
  traceId: string | null,
  detail: Record<string, unknown> = {},
): Promise<void> {
  await recordActivity(run.store, {
    action,
    actor_id: run.job.created_by,
    actor_name: run.job.created_by_name,
    organization_id: run.job.organization_id,
    email_addresses: rows.map((r) => r.email_address),
    outcome,
    clerk_trace_id: traceId,
    detail: { bulk_job_id: run.job.id, ...detail },
  });
}
