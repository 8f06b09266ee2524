import type { BulkJobStatus, BulkRowOutcome } from '@invites/clerk-schema';
import { jobStatusLabel, outcomeLabel } from '../utils/job-status.ts';
import '../../../ui/badge.css';

const OUTCOME_TONES: Record<BulkRowOutcome, string> = {
  pending: 'neutral',
  invited: 'accepted',
  skipped: 'expired',
  failed: 'revoked',
  // A revoke job's success.
  revoked: 'accepted',
};
const STATUS_TONES: Record<BulkJobStatus, string> = {
  queued: 'neutral',
  running: 'pending',
  waiting_rate_limit: 'pending',
  done: 'accepted',
  cancelled: 'expired',
};

/** A row's outcome as colour and text (`label` words it for the job's kind, e.g. "Re-issued"). */
export function OutcomeBadge({ outcome, label }: { outcome: BulkRowOutcome; label?: string | undefined }) {
  return (
    <span className={`badge badge-${OUTCOME_TONES[outcome]}`}>
      <span className="badge-dot" aria-hidden="true" />
      {label ?? outcomeLabel(outcome)}
    </span>
  );
}

/** A job's status as colour and text. */
export function JobStatusBadge({ status }: { status: BulkJobStatus }) {
  return (
    <span className={`badge badge-${STATUS_TONES[status]}`}>
      <span className="badge-dot" aria-hidden="true" />
      {jobStatusLabel(status)}
    </span>
  );
}
