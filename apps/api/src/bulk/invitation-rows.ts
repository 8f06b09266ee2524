import { normalizeEmail, type OrganizationInvitation } from '@invites/clerk-schema';
import { recordActivity } from '../activity/activity-log.ts';
import { backoffUntil, type JobRun, type Reason } from './job-run.ts';
import type { RowRecord, SettledRow } from './row-store.ts';
import type { UpstreamFailure } from './upstream.ts';

// What the reissue and revoke kinds share: rows that name an invitation, and the words for it.

/** The invitation a row acts on (set on every reissue and revoke row). */
export function sourceId(row: RowRecord): string {
  return row.source_invitation_id ?? '';
}

/** Why an invitation that is no longer pending is left alone, in a person's words. */
export function notPendingReason(inv: Pick<OrganizationInvitation, 'status'>, what: string): Reason {
  const ended = inv.status === 'accepted' ? 'accepted' : inv.status === 'revoked' ? 'revoked' : 'expired';
  return {
    code: 'organization_invitation_not_pending',
    message: `Already ${ended}; ${what}.`,
  };
}

/** The address and role a row learns from Clerk's copy of its invitation. */
export function learnt(inv: OrganizationInvitation): Pick<SettledRow, 'email_address' | 'role'> {
  return { email_address: normalizeEmail(inv.email_address), role: inv.role };
}

/** A 404 for an invitation that is not in the job's organization (or does not exist). */
export function notFoundReason(row: RowRecord): Reason {
  return {
    code: 'resource_not_found',
    message: `No invitation ${sourceId(row)} was found in this organization.`,
  };
}

/** How long a 429 asks the job to wait. */
export function rateLimitWait(run: JobRun, failure: UpstreamFailure) {
  const seconds = failure.retryAfterSeconds;
  const wait = seconds === undefined ? run.settings.rateLimitFallbackMs : seconds * 1000;
  return { kind: 'wait' as const, status: 'waiting_rate_limit' as const, resumeAt: run.now() + wait };
}

/** Backing off after a transient failure of the given rows. */
export function backoff(run: JobRun, rows: readonly RowRecord[]) {
  return {
    kind: 'wait' as const,
    status: 'running' as const,
    resumeAt: backoffUntil(run, Math.max(...rows.map((r) => r.failures + 1))),
  };
}

/** True for a failure after which Clerk may be asked again (rate limit, 5xx, no answer). */
export function isTransient(failure: UpstreamFailure): boolean {
  return failure.status === 429 || failure.status === 0 || failure.status >= 500;
}

/** One activity entry about one row of the job (reissue and revoke log every row). */
export async function recordRow(
  run: JobRun,
  action: 'invitation.resent' | 'invitation.revoke',
  row: RowRecord,
  settled: SettledRow,
  detail: Record<string, unknown>,
): Promise<void> {
  const email = settled.email_address ?? row.email_address;
  await recordActivity(run.store, {
    action,
    actor_id: run.job.created_by,
    actor_name: run.job.created_by_name,
    organization_id: run.job.organization_id,
    email_addresses: email ? [email] : [],
    outcome:
      settled.outcome === 'failed' || settled.outcome === 'skipped' ? (settled.code ?? 'failed') : 'ok',
    clerk_trace_id: null,
    detail: {
      bulk_job_id: run.job.id,
      ...detail,
      ...(settled.outcome === 'skipped' || settled.outcome === 'failed' ? { message: settled.message } : {}),
    },
    created_at: run.now(),
  });
}
