import { all, type Db, first, run } from '../db/database.ts';

export interface EmailOutboxRow {
  id: string;
  to_address: string;
  user_id: string | null;
  slug: string;
  subject: string;
  body: string;
  code: string | null;
  created_at: number;
}

const COLUMNS = 'id, to_address, user_id, slug, subject, body, code, created_at';

/** Records an email the emulator would have sent. */
export function insertEmail(db: Db, row: EmailOutboxRow): void {
  run(
    db,
    `INSERT INTO emails (${COLUMNS}) VALUES (@id, @to_address, @user_id, @slug, @subject, @body, @code, @created_at)`,
    { ...row },
  );
}

/** Emails newest first, all or those to one address (exact, lower-cased). */
export function listEmails(
  db: Db,
  filter: { to?: string | undefined; limit: number; offset: number },
): { rows: EmailOutboxRow[]; total: number } {
  const params = { to: filter.to ?? null, limit: filter.limit, offset: filter.offset };
  const where = 'WHERE @to IS NULL OR to_address = @to';
  return {
    rows: all<EmailOutboxRow>(
      db,
      `SELECT ${COLUMNS} FROM emails ${where} ORDER BY seq DESC LIMIT @limit OFFSET @offset`,
      params,
    ),
    total: first<{ n: number }>(db, `SELECT COUNT(*) AS n FROM emails ${where}`, params)?.n ?? 0,
  };
}
