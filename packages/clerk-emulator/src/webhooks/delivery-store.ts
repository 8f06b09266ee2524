import { all, type Db, first, run } from '../db/database.ts';

export const DELIVERY_STATUSES = ['pending', 'succeeded', 'failed'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

export interface DeliveryRow {
  id: string;
  event_type: string;
  /** The event's JSON body, exactly as signed and sent. */
  payload: string;
  status: DeliveryStatus;
  attempts: number;
  /** Real-clock ms of the next attempt while pending, else null. */
  next_attempt_at: number | null;
  last_status: number | null;
  last_error: string | null;
  created_at: number;
  updated_at: number;
}

const COLUMNS =
  'id, event_type, payload, status, attempts, next_attempt_at, last_status, last_error, created_at, updated_at';

export function insertDelivery(db: Db, input: { id: string; type: string; payload: string; now: number }) {
  run(
    db,
    `INSERT INTO webhook_deliveries (id, event_type, payload, status, attempts, next_attempt_at, created_at, updated_at)
     VALUES (@id, @type, @payload, 'pending', 0, @now, @now, @now)`,
    input,
  );
}

/** Pending deliveries due at `now`, oldest first. */
export function dueDeliveries(db: Db, now: number, limit: number): DeliveryRow[] {
  return all<DeliveryRow>(
    db,
    `SELECT ${COLUMNS} FROM webhook_deliveries WHERE status = 'pending' AND next_attempt_at <= @now
     ORDER BY next_attempt_at, seq LIMIT @limit`,
    { now, limit },
  );
}

/** When the earliest pending delivery after `now` is due, if any. */
export function nextDueAfter(db: Db, now: number): number | undefined {
  return (
    first<{ at: number | null }>(
      db,
      `SELECT MIN(next_attempt_at) AS at FROM webhook_deliveries WHERE status = 'pending' AND next_attempt_at > @now`,
      { now },
    )?.at ?? undefined
  );
}

export function recordAttempt(
  db: Db,
  id: string,
  outcome: {
    status: DeliveryStatus;
    nextAttemptAt: number | null;
    lastStatus: number | null;
    lastError: string | null;
    now: number;
  },
): void {
  run(
    db,
    `UPDATE webhook_deliveries SET status = @status, attempts = attempts + 1, next_attempt_at = @next,
       last_status = @lastStatus, last_error = @lastError, updated_at = @now WHERE id = @id`,
    { id, ...outcome, next: outcome.nextAttemptAt },
  );
}

/** Queues a delivery again now (its id, and so its svix-id, stays the same). */
export function requeueDelivery(db: Db, id: string, now: number): void {
  run(
    db,
    `UPDATE webhook_deliveries SET status = 'pending', next_attempt_at = @now, updated_at = @now WHERE id = @id`,
    { id, now },
  );
}

export function getDelivery(db: Db, id: string): DeliveryRow | undefined {
  return first<DeliveryRow>(db, `SELECT ${COLUMNS} FROM webhook_deliveries WHERE id = @id`, { id });
}

/** A page of deliveries, newest first, optionally of one status and event type, with the count. */
export function listDeliveries(
  db: Db,
  query: { status?: DeliveryStatus | undefined; type?: string | undefined; limit: number; offset: number },
): { rows: DeliveryRow[]; total: number } {
  const where = `WHERE (@status IS NULL OR status = @status) AND (@type IS NULL OR event_type = @type)`;
  const params = { status: query.status ?? null, type: query.type ?? null };
  const rows = all<DeliveryRow>(
    db,
    `SELECT ${COLUMNS} FROM webhook_deliveries ${where} ORDER BY seq DESC LIMIT @limit OFFSET @offset`,
    { ...params, limit: query.limit, offset: query.offset },
  );
  const total = first<{ n: number }>(db, `SELECT COUNT(*) AS n FROM webhook_deliveries ${where}`, params)?.n;
  return { rows, total: total ?? 0 };
}
