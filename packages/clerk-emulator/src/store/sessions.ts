import type { Session } from '@invites/clerk-schema';
import { all, type Db, first, run } from '../db/database.ts';

export interface SessionRow {
  id: string;
  user_id: string;
  client_id: string;
  active_org_id: string | null;
  status: Session['status'];
  expire_at: number;
  abandon_at: number;
  created_at: number;
  updated_at: number;
}

const DAY_MS = 86_400_000;

/** Stores a new active session (7-day expiry, 30-day abandon, like Clerk's defaults). */
export function insertSession(
  db: Db,
  input: { id: string; clientId: string; userId: string; activeOrgId: string | null; now: number },
): void {
  run(
    db,
    `INSERT INTO sessions (id, user_id, client_id, active_org_id, status, expire_at, abandon_at, created_at, updated_at)
     VALUES (@id, @user, @client, @org, 'active', @expire, @abandon, @now, @now)`,
    {
      id: input.id,
      user: input.userId,
      client: input.clientId,
      org: input.activeOrgId,
      expire: input.now + 7 * DAY_MS,
      abandon: input.now + 30 * DAY_MS,
      now: input.now,
    },
  );
}

export function getSession(db: Db, id: string): SessionRow | undefined {
  return first<SessionRow>(
    db,
    `SELECT id, user_id, client_id, active_org_id, status, expire_at, abandon_at, created_at, updated_at
     FROM sessions WHERE id = @id`,
    { id },
  );
}

const SESSION_COLUMNS =
  'id, user_id, client_id, active_org_id, status, expire_at, abandon_at, created_at, updated_at';

/** A client's signed-in sessions: active and not past `expire_at`, oldest first. */
export function activeClientSessions(db: Db, clientId: string, now: number): SessionRow[] {
  return all<SessionRow>(
    db,
    `SELECT ${SESSION_COLUMNS} FROM sessions
     WHERE client_id = @client AND status = 'active' AND expire_at > @now ORDER BY seq`,
    { client: clientId, now },
  );
}

/** Ends (`ended`, `removed`, …) a session. */
export function setSessionStatus(db: Db, id: string, status: Session['status'], now: number): void {
  run(db, 'UPDATE sessions SET status = @status, updated_at = @now WHERE id = @id', { id, status, now });
}

/** Marks activity and, when `orgId` is given (null = personal account), switches the active organization. */
export function touchSession(db: Db, id: string, now: number, orgId?: string | null): void {
  run(
    db,
    `UPDATE sessions SET updated_at = @now,
       active_org_id = CASE WHEN @setOrg THEN @org ELSE active_org_id END
     WHERE id = @id`,
    { id, now, setOrg: orgId === undefined ? 0 : 1, org: orgId ?? null },
  );
}
