import { type Db, first, run } from '../db/database.ts';

export interface SignInTokenRow {
  id: string;
  user_id: string;
  token: string;
  org_id: string | null;
  status: 'pending' | 'accepted' | 'revoked';
  expires_at: number;
  created_at: number;
  updated_at: number;
}

const COLUMNS = 'id, user_id, token, org_id, status, expires_at, created_at, updated_at';

export function insertSignInToken(db: Db, row: Omit<SignInTokenRow, 'status' | 'updated_at'>): void {
  run(
    db,
    `INSERT INTO sign_in_tokens (${COLUMNS})
     VALUES (@id, @user_id, @token, @org_id, 'pending', @expires_at, @created_at, @created_at)`,
    { ...row },
  );
}

export function getSignInToken(db: Db, id: string): SignInTokenRow | undefined {
  return first<SignInTokenRow>(db, `SELECT ${COLUMNS} FROM sign_in_tokens WHERE id = @id`, { id });
}

export function signInTokenByTicket(db: Db, token: string): SignInTokenRow | undefined {
  return first<SignInTokenRow>(db, `SELECT ${COLUMNS} FROM sign_in_tokens WHERE token = @token`, { token });
}

/** Moves a pending token to `status`; false when it was no longer pending (a ticket is used once). */
export function settleSignInToken(db: Db, id: string, status: 'accepted' | 'revoked', now: number): boolean {
  run(
    db,
    "UPDATE sign_in_tokens SET status = @status, updated_at = @now WHERE id = @id AND status = 'pending'",
    { id, status, now },
  );
  return (first<{ n: number }>(db, 'SELECT changes() AS n')?.n ?? 0) > 0;
}
