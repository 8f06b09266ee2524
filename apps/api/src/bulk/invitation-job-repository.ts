import { type BulkJob, normalizeEmail } from '@invites/clerk-schema';
import type { Store } from '../store/create-store.ts';
import type { BulkJobRowsTable, BulkJobsTable } from '../store/schema.ts';
import { getBulkJob, insertJob, newBulkJobId } from './job-repository.ts';

/** One invitation a reissue or revoke job acts on; the address and role when already known. */
export interface InvitationJobTarget {
  invitation_id: string;
  email_address?: string | undefined;
  role?: string | undefined;
}

export interface NewInvitationJob {
  kind: 'reissue' | 'revoke';
  organizationId: string;
  createdBy: string;
  createdByName?: string | null | undefined;
  /** Sent to Clerk as `inviter_user_id` / `requesting_user_id` (see `actingUserId`). */
  inviterUserId: string | null;
  targets: readonly InvitationJobTarget[];
  now?: number;
  /** A job that a request runs itself before the worker may (a single resend): leased to this owner. */
  leasedTo?: { owner: string; untilMs: number };
}

/** Creates a reissue or revoke job with one row per invitation (repeated ids once), in one transaction. */
export async function createInvitationJob(store: Store, input: NewInvitationJob): Promise<BulkJob> {
  const now = input.now ?? Date.now();
  const id = newBulkJobId();
  const seen = new Set<string>();
  const rows: BulkJobRowsTable[] = [];
  for (const target of input.targets) {
    if (seen.has(target.invitation_id)) continue;
    seen.add(target.invitation_id);
    rows.push({
      job_id: id,
      position: rows.length,
      line: null,
      email_address: target.email_address ? normalizeEmail(target.email_address) : '',
      role: target.role ?? '',
      outcome: 'pending',
      invitation_id: null,
      code: null,
      message: null,
      send_alone: 0,
      failures: 0,
      in_flight_at: null,
      ambiguous_since: null,
      updated_at: now,
      source_invitation_id: target.invitation_id,
      step: null,
      payload: null,
    });
  }
  const job: BulkJobsTable = {
    id,
    kind: input.kind,
    organization_id: input.organizationId,
    created_by: input.createdBy,
    created_by_name: input.createdByName ?? null,
    inviter_user_id: input.inviterUserId,
    options: '{}',
    status: rows.length > 0 ? (input.leasedTo ? 'running' : 'queued') : 'done',
    resume_at: null,
    lease_owner: input.leasedTo?.owner ?? null,
    lease_expires_at: input.leasedTo?.untilMs ?? null,
    row_count: rows.length,
    created_at: now,
    updated_at: now,
  };
  await insertJob(store, job, rows);
  return (await getBulkJob(store, id))!;
}
