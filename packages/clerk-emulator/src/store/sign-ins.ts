import { type Db, first, run } from '../db/database.ts';

export type SignInStatus = 'needs_identifier' | 'needs_first_factor' | 'complete' | 'abandoned';
export type FactorStatus = 'unverified' | 'verified' | 'failed' | 'expired';

export interface SignInRow {
  id: string;
  client_id: string;
  user_id: string | null;
  identifier: string | null;
  status: SignInStatus;
  /** The first factor being verified (`password`, `email_code`, `ticket`) and its state. */
  factor_strategy: string | null;
  factor_status: FactorStatus | null;
  factor_attempts: number;
  factor_expire_at: number | null;
  email_address_id: string | null;
  /** The pending email code (the emulator shows it in its outbox anyway). */
  code: string | null;
  created_session_id: string | null;
  abandon_at: number;
  created_at: number;
  updated_at: number;
}

const COLUMNS = `id, client_id, user_id, identifier, status, factor_strategy, factor_status, factor_attempts,
  factor_expire_at, email_address_id, code, created_session_id, abandon_at, created_at, updated_at`;

export function insertSignIn(db: Db, row: SignInRow): void {
  run(
    db,
    `INSERT INTO sign_ins (${COLUMNS}) VALUES (@id, @client_id, @user_id, @identifier, @status,
       @factor_strategy, @factor_status, @factor_attempts, @factor_expire_at, @email_address_id, @code,
       @created_session_id, @abandon_at, @created_at, @updated_at)`,
    { ...row },
  );
}

export function getSignIn(db: Db, id: string): SignInRow | undefined {
  return first<SignInRow>(db, `SELECT ${COLUMNS} FROM sign_ins WHERE id = @id`, { id });
}

/** Writes the mutable part of a sign-in back (the row as the flow left it). */
export function saveSignIn(db: Db, row: SignInRow): void {
  run(
    db,
    `UPDATE sign_ins SET status = @status, factor_strategy = @factor_strategy, factor_status = @factor_status,
       factor_attempts = @factor_attempts, factor_expire_at = @factor_expire_at,
       email_address_id = @email_address_id, code = @code, created_session_id = @created_session_id,
       updated_at = @updated_at
     WHERE id = @id`,
    { ...row },
  );
}
