import {
  type BulkJob,
  type BulkJobCounts,
  type BulkJobKind,
  type BulkJobLeftOut,
  type BulkJobOptions,
  type BulkJobRow,
  type BulkJobStatus,
  type BulkJobSummary,
  type BulkRowOutcome,
  normalizeEmail,
} from '@invites/clerk-schema';
import type { Store } from '../store/create-store.ts';
import type { BulkJobRowsTable, BulkJobsTable, StoreDb } from '../store/schema.ts';

export interface NewBulkJob {
  organizationId: string;
  createdBy: string;
  /** The creator's display name, copied onto the activity entries of the job's Clerk calls. */
  createdByName?: string | null | undefined;
  /** Sent to Clerk as `inviter_user_id`: the creator when an admin of the org, else null. */
  inviterUserId: string | null;
  /** In paste order; `left_out` rows are recorded as skipped and never sent. */
  rows: readonly NewBulkJobRow[];
  options?: BulkJobOptions | undefined;
  now?: number;
}

export interface NewBulkJobRow {
  email_address: string;
  role: string;
  line?: number | undefined;
  left_out?: BulkJobLeftOut | undefined;
  /** Re-issue this pending invitation of the address instead of inviting it (see `BulkJobRowInput`). */
  reissue_invitation_id?: string | undefined;
}

// What Clerk would have answered for such a row, so the results read alike whoever skipped it.
const LEFT_OUT_CODES: Record<BulkJobLeftOut['reason'], string> = {
  invalid: 'form_param_format_invalid',
  unknown_role: 'resource_not_found',
  duplicate: 'duplicate_record',
  pending: 'organization_invitation_not_unique',
  member: 'already_a_member_in_organization',
};

const INSERT_BATCH = 500;
export const TERMINAL_STATUSES: readonly BulkJobStatus[] = ['done', 'cancelled'];

export function newBulkJobId(): string {
  return `bulkjob_${globalThis.crypto.randomUUID().replaceAll('-', '')}`;
}

/** True for the shape of the ids `createBulkJob` hands out (`bulkjob_` + 32 hex characters). */
export function isBulkJobId(value: string): boolean {
  return /^bulkjob_[0-9a-f]{32}$/.test(value);
}

type FirstSeen = Map<string, { position: number; line: number | null }>;

/** The stored row of one input row: pending (to send), or skipped with its reason. */
function toRowRecord(
  jobId: string,
  r: NewBulkJobRow,
  position: number,
  firstSeen: FirstSeen,
  now: number,
): BulkJobRowsTable {
  const line = r.line ?? null;
  const record = (email: string, outcome: string, code: string | null, message: string | null) => ({
    job_id: jobId,
    position,
    line,
    email_address: email,
    role: r.role,
    outcome,
    invitation_id: null,
    code,
    message,
    send_alone: 0,
    failures: 0,
    in_flight_at: null,
    ambiguous_since: null,
    updated_at: now,
  });
  if (r.left_out) {
    const { reason, message } = r.left_out;
    // An invalid address is kept as pasted; the others as Clerk would store them.
    const email = reason === 'invalid' ? r.email_address.trim() : normalizeEmail(r.email_address);
    return record(email, 'skipped', LEFT_OUT_CODES[reason], message);
  }
  const email = normalizeEmail(r.email_address);
  const first = firstSeen.get(email);
  if (first === undefined) {
    firstSeen.set(email, { position, line });
    const row = record(email, 'pending', null, null);
    return r.reissue_invitation_id ? { ...row, source_invitation_id: r.reissue_invitation_id } : row;
  }
  const where = first.line !== null ? `on line ${first.line}` : `at row ${first.position + 1}`;
  return record(email, 'skipped', 'duplicate_record', `${email} is listed more than once (first ${where}).`);
}

/**
 * Creates a job and all its rows in one transaction. Rows the client left out and repeated addresses
 * are skipped up front, with their reason, so the job accounts for every row it was given.
 */
export async function createBulkJob(store: Store, input: NewBulkJob): Promise<BulkJob> {
  const now = input.now ?? Date.now();
  const id = newBulkJobId();
  const firstSeen: FirstSeen = new Map();
  const rows = input.rows.map((r, position) => toRowRecord(id, r, position, firstSeen, now));
  const job: BulkJobsTable = {
    id,
    organization_id: input.organizationId,
    created_by: input.createdBy,
    created_by_name: input.createdByName ?? null,
    inviter_user_id: input.inviterUserId,
    options: JSON.stringify(input.options ?? {}),
    status: rows.some((r) => r.outcome === 'pending') ? 'queued' : 'done',
    resume_at: null,
    lease_owner: null,
    lease_expires_at: null,
    row_count: rows.length,
    created_at: now,
    updated_at: now,
  };
  await insertJob(store, job, rows);
  return (await getBulkJob(store, id))!;
}

/** Stores a new job and all its rows in one transaction. */
export async function insertJob(store: Store, job: BulkJobsTable, rows: readonly BulkJobRowsTable[]) {
  await store.db.transaction().execute(async (tx) => {
    await tx.insertInto('bulk_jobs').values(job).execute();
    for (let i = 0; i < rows.length; i += INSERT_BATCH) {
      await tx
        .insertInto('bulk_job_rows')
        .values(rows.slice(i, i + INSERT_BATCH))
        .execute();
    }
  });
}

async function countsByJob(db: StoreDb, jobIds: string[]): Promise<Map<string, BulkJobCounts>> {
  const result = new Map<string, BulkJobCounts>();
  for (const id of jobIds) result.set(id, { invited: 0, skipped: 0, failed: 0, pending: 0 });
  if (jobIds.length === 0) return result;
  const rows = await db
    .selectFrom('bulk_job_rows')
    .select(['job_id', 'outcome', (eb) => eb.fn.countAll<number>().as('n')])
    .where('job_id', 'in', jobIds)
    .groupBy(['job_id', 'outcome'])
    .execute();
  for (const r of rows) {
    const counts = result.get(r.job_id);
    if (counts && (r.outcome in counts || r.outcome === 'revoked'))
      counts[r.outcome as BulkRowOutcome] = Number(r.n);
  }
  return result;
}

function toSummary(job: BulkJobsTable, counts: BulkJobCounts): BulkJobSummary {
  if (job.kind === 'revoke') counts.revoked ??= 0;
  return {
    id: job.id,
    kind: (job.kind ?? 'invite') as BulkJobKind,
    organization_id: job.organization_id,
    created_by: job.created_by,
    status: job.status as BulkJobStatus,
    counts,
    resume_at: job.status === 'waiting_rate_limit' ? job.resume_at : null,
    created_at: job.created_at,
    updated_at: job.updated_at,
  };
}

/** The stored job fields (options parsed), for the runner and for authorization checks. */
export async function getBulkJobRecord(
  store: Store,
  id: string,
): Promise<(BulkJobsTable & { parsedOptions: BulkJobOptions }) | null> {
  const job = await store.db.selectFrom('bulk_jobs').selectAll().where('id', '=', id).executeTakeFirst();
  return job ? { ...job, parsedOptions: JSON.parse(job.options) as BulkJobOptions } : null;
}

/** A job with its counts and every row's outcome, or null when there is no such job. */
export async function getBulkJob(store: Store, id: string): Promise<BulkJob | null> {
  const job = await store.db.selectFrom('bulk_jobs').selectAll().where('id', '=', id).executeTakeFirst();
  if (!job) return null;
  const rows = await store.db
    .selectFrom('bulk_job_rows')
    .select([
      'line',
      'email_address',
      'role',
      'outcome',
      'invitation_id',
      'source_invitation_id',
      'code',
      'message',
    ])
    .where('job_id', '=', id)
    .orderBy('position')
    .execute();
  const counts = (await countsByJob(store.db, [id])).get(id)!;
  return {
    ...toSummary(job, counts),
    rows: rows.map(
      (r): BulkJobRow => ({
        line: r.line,
        email_address: r.email_address,
        role: r.role,
        outcome: r.outcome as BulkRowOutcome,
        invitation_id: r.invitation_id,
        // Invite rows name an invitation only when they re-issued an address's pending one.
        ...(job.kind !== 'invite' || r.source_invitation_id
          ? { source_invitation_id: r.source_invitation_id ?? null }
          : {}),
        code: r.outcome === 'pending' ? null : r.code,
        message: r.outcome === 'pending' ? null : r.message,
      }),
    ),
  };
}

/** An organization's jobs (of the given kinds, else all), newest first, without rows. */
export async function listBulkJobs(
  store: Store,
  organizationId: string,
  page: { limit: number; offset: number; kind?: readonly BulkJobKind[] | undefined } = {
    limit: 50,
    offset: 0,
  },
): Promise<{ data: BulkJobSummary[]; total_count: number }> {
  let base = store.db.selectFrom('bulk_jobs').where('organization_id', '=', organizationId);
  if (page.kind?.length) base = base.where('kind', 'in', [...page.kind]);
  const jobs = await base
    .selectAll()
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  const total = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const counts = await countsByJob(
    store.db,
    jobs.map((j) => j.id),
  );
  return { data: jobs.map((j) => toSummary(j, counts.get(j.id)!)), total_count: Number(total.n) };
}
