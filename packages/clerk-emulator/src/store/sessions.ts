import type { Session } from '@invites/clerk-schema';
import { type Db, first, run } from '../db/database.ts';

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
