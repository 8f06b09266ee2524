import { type Db, first, run } from '../db/database.ts';

export interface ClientRow {
  id: string;
  cookie_token: string;
  sign_in_id: string | null;
  last_active_session_id: string | null;
  created_at: number;
  updated_at: number;
}

const COLUMNS = 'id, cookie_token, sign_in_id, last_active_session_id, created_at, updated_at';

export function insertClient(db: Db, input: { id: string; cookieToken: string; now: number }): void {
  run(db, `INSERT INTO clients (id, cookie_token, created_at, updated_at) VALUES (@id, @token, @now, @now)`, {
    id: input.id,
    token: input.cookieToken,
    now: input.now,
  });
}

export function getClient(db: Db, id: string): ClientRow | undefined {
  return first<ClientRow>(db, `SELECT ${COLUMNS} FROM clients WHERE id = @id`, { id });
}

/** The client a `__client` cookie names, if it still exists. */
export function clientByCookie(db: Db, token: string): ClientRow | undefined {
  return first<ClientRow>(db, `SELECT ${COLUMNS} FROM clients WHERE cookie_token = @token`, { token });
}

/** Updates the client's current sign-in and/or last active session, and bumps `updated_at`. */
export function updateClient(
  db: Db,
  id: string,
  patch: { signInId?: string | null; lastActiveSessionId?: string | null },
  now: number,
): void {
  run(
    db,
    `UPDATE clients SET
       sign_in_id = CASE WHEN @setSignIn THEN @signIn ELSE sign_in_id END,
       last_active_session_id = CASE WHEN @setSession THEN @session ELSE last_active_session_id END,
       updated_at = @now
     WHERE id = @id`,
    {
      id,
      setSignIn: patch.signInId === undefined ? 0 : 1,
      signIn: patch.signInId ?? null,
      setSession: patch.lastActiveSessionId === undefined ? 0 : 1,
      session: patch.lastActiveSessionId ?? null,
      now,
    },
  );
}

export function deleteClient(db: Db, id: string): void {
  run(db, 'DELETE FROM clients WHERE id = @id', { id });
}
