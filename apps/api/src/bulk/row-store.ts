import type { Selectable } from 'kysely';
import type { BulkJobRowsTable, StoreDb } from '../store/schema.ts';

export type RowRecord = Selectable<BulkJobRowsTable>;

/** A row's final outcome. */
export interface SettledRow {
  position: number;
  outcome: 'invited' | 'skipped' | 'failed' | 'revoked';
  invitation_id?: string | null;
  code?: string | null;
  message?: string | null;
  /** A row started from an invitation id learns its address from Clerk's answer. */
  email_address?: string;
  role?: string;
}

/**
 * What happens to a pending row's in-flight marker when it goes back to the queue:
 * `ambiguous` keeps it (check Clerk before re-sending), `clear` drops it (Clerk answered, nothing was
 * created), `checked` drops it after Clerk showed no invitation, `recheck` sets it again so the row is
 * looked up before anything else (a duplicate answer for a row that an earlier attempt may have created).
 */
export type InFlightChange = 'ambiguous' | 'clear' | 'checked' | 'recheck';

export type RowKind = 'in_flight' | 'alone' | 'bulk';

/**
 * The next pending rows of a job of one kind, in paste order; with `steps`, only rows at one of those
 * steps (null: not started), for the kinds that take a row through several Clerk calls.
 */
export async function nextRows(
  db: StoreDb,
  jobId: string,
  kind: RowKind,
  limit: number,
  steps?: readonly (string | null)[],
  /** Rows that act on an invitation (reissue, revoke) or on an address (invite); default both. */
  origin?: 'invitation' | 'address',
): Promise<RowRecord[]> {
  let query = db
    .selectFrom('bulk_job_rows')
    .selectAll()
    .where('job_id', '=', jobId)
    .where('outcome', '=', 'pending');
  if (kind === 'in_flight') query = query.where('in_flight_at', 'is not', null);
  else query = query.where('in_flight_at', 'is', null).where('send_alone', '=', kind === 'alone' ? 1 : 0);
  if (origin === 'invitation') query = query.where('source_invitation_id', 'is not', null);
  if (origin === 'address') query = query.where('source_invitation_id', 'is', null);
  if (steps) {
    const named = steps.filter((s): s is string => s !== null);
    query = query.where((eb) =>
      eb.or([
        ...(named.length > 0 ? [eb('step', 'in', named)] : []),
        ...(steps.includes(null) ? [eb('step', 'is', null)] : []),
      ]),
    );
  }
  return query.orderBy('position').limit(limit).execute();
}

/** A pending row moved to a step; a move forward (`progress`) starts its failure count afresh. */
export interface StepMove {
  position: number;
  step: string | null;
  progress?: boolean;
  email_address?: string;
  role?: string;
  payload?: string;
}

/** True while the job has pending rows of that origin (one indexed look, before a step's own queries). */
export async function hasPendingRows(
  db: StoreDb,
  jobId: string,
  origin: 'invitation' | 'address',
): Promise<boolean> {
  const row = await db
    .selectFrom('bulk_job_rows')
    .select('position')
    .where('job_id', '=', jobId)
    .where('outcome', '=', 'pending')
    .where('source_invitation_id', origin === 'invitation' ? 'is not' : 'is', null)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** Moves pending rows to a step, with what they learnt on the way (address, role, body to send). */
export async function setStep(
  db: StoreDb,
  jobId: string,
  rows: readonly StepMove[],
  now: number,
): Promise<void> {
  if (rows.length === 0) return;
  await db.transaction().execute(async (tx) => {
    for (const r of rows) {
      await tx
        .updateTable('bulk_job_rows')
        .set({
          step: r.step,
          updated_at: now,
          ...(r.progress ? { failures: 0, code: null, message: null } : {}),
          ...(r.email_address !== undefined ? { email_address: r.email_address } : {}),
          ...(r.role !== undefined ? { role: r.role } : {}),
          ...(r.payload !== undefined ? { payload: r.payload } : {}),
        })
        .where('job_id', '=', jobId)
        .where('position', '=', r.position)
        .where('outcome', '=', 'pending')
        .execute();
    }
  });
}

/** Marks rows as sent at `at`, before the request leaves, so a crash leaves a trace to check. */
export async function markInFlight(
  db: StoreDb,
  jobId: string,
  positions: number[],
  at: number,
): Promise<void> {
  await db
    .updateTable('bulk_job_rows')
    .set({ in_flight_at: at, updated_at: at })
    .where('job_id', '=', jobId)
    .where('position', 'in', positions)
    .execute();
}

/** Records final outcomes, in one transaction; rows that already ended are left alone. */
export async function settleRows(db: StoreDb, jobId: string, rows: SettledRow[], now: number): Promise<void> {
  if (rows.length === 0) return;
  await db.transaction().execute(async (tx) => {
    for (const r of rows) {
      await tx
        .updateTable('bulk_job_rows')
        .set({
          outcome: r.outcome,
          invitation_id: r.invitation_id ?? null,
          code: r.code ?? null,
          message: r.message ?? null,
          in_flight_at: null,
          updated_at: now,
          ...(r.email_address !== undefined ? { email_address: r.email_address } : {}),
          ...(r.role !== undefined ? { role: r.role } : {}),
          // What a reissue would send (private metadata too) is kept only while a retry may need it.
          ...(r.outcome === 'failed' ? {} : { payload: null }),
        })
        .where('job_id', '=', jobId)
        .where('position', '=', r.position)
        .where('outcome', '=', 'pending')
        .execute();
    }
  });
}

export interface RequeueOptions {
  inFlight: InFlightChange;
  /** A transient failure: counted, and its error kept as the row's last error. */
  failure?: { code: string; message: string };
  sendAlone?: boolean;
}

/** Puts pending rows back in the queue after an attempt that did not settle them. */
export async function requeueRows(
  db: StoreDb,
  jobId: string,
  positions: number[],
  options: RequeueOptions,
  now: number,
): Promise<void> {
  if (positions.length === 0) return;
  const { inFlight, failure } = options;
  await db
    .updateTable('bulk_job_rows')
    .set((eb) => ({
      updated_at: now,
      ...(inFlight === 'ambiguous' || inFlight === 'checked'
        ? { ambiguous_since: eb.fn.coalesce('ambiguous_since', 'in_flight_at') }
        : {}),
      ...(inFlight === 'clear' || inFlight === 'checked' ? { in_flight_at: null } : {}),
      ...(inFlight === 'recheck' ? { in_flight_at: eb.fn.coalesce('ambiguous_since', eb.val(now)) } : {}),
      ...(failure ? { failures: eb('failures', '+', 1), code: failure.code, message: failure.message } : {}),
      ...(options.sendAlone ? { send_alone: 1 } : {}),
    }))
    .where('job_id', '=', jobId)
    .where('position', 'in', positions)
    .where('outcome', '=', 'pending')
    .execute();
}

/** Fails every pending row of a job with one error (a rejection no address change can fix). */
export async function failAllPending(
  db: StoreDb,
  jobId: string,
  error: { code: string; message: string },
  now: number,
): Promise<void> {
  await db
    .updateTable('bulk_job_rows')
    .set({ outcome: 'failed', code: error.code, message: error.message, in_flight_at: null, updated_at: now })
    .where('job_id', '=', jobId)
    .where('outcome', '=', 'pending')
    .execute();
}
