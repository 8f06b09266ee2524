import type { BulkJobStatus, BulkRowOutcome } from '@invites/clerk-schema';

const STATUS_LABELS: Record<BulkJobStatus, string> = {
  queued: 'Queued',
  running: 'Sending',
  waiting_rate_limit: 'Waiting for rate limit',
  done: 'Done',
  cancelled: 'Cancelled',
};

const OUTCOME_LABELS: Record<BulkRowOutcome, string> = {
  pending: 'Pending',
  invited: 'Invited',
  skipped: 'Skipped',
  failed: 'Failed',
  revoked: 'Revoked',
};

/** The job's status in words: "Sending", "Waiting for rate limit". */
export function jobStatusLabel(status: BulkJobStatus): string {
  return STATUS_LABELS[status];
}

/** A row's outcome in words. */
export function outcomeLabel(outcome: BulkRowOutcome): string {
  return OUTCOME_LABELS[outcome];
}

/** Done or cancelled: nothing more happens until someone retries. */
export function isJobFinished(status: BulkJobStatus | undefined): boolean {
  return status === 'done' || status === 'cancelled';
}
