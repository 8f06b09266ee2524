import type { CountUsersQuery, ListUsersQuery } from '@invites/clerk-schema';
import { all, type Db, first, run } from '../db/database.ts';
import { containsPattern, jsonList, parseOrder, splitSigned } from './sql-helpers.ts';

export interface UserRow {
  id: string;
  first_name: string | null;
  last_name: string | null;
  username: string | null;
  external_id: string | null;
  public_metadata: string;
  private_metadata: string;
  unsafe_metadata: string;
  password_digest: string | null;
  password_updated_at: number | null;
  banned: number;
  locked: number;
  /** The newest session's start (every session is a sign-in), or null. */
  last_sign_in_at: number | null;
  created_at: number;
  updated_at: number;
}

/** The user columns plus the last sign-in, for `SELECT ${USER_COLUMNS} FROM users u`. */
const USER_COLUMNS = `u.*, (SELECT MAX(s.created_at) FROM sessions s WHERE s.user_id = u.id) AS last_sign_in_at`;

export interface EmailRow {
  id: string;
  user_id: string;
  email_address: string;
  position: number;
  created_at: number;
  updated_at: number;
}

export interface UserRecord {
  user: UserRow;
  emails: EmailRow[];
}

export interface NewUser {
  id: string;
  emailIds: string[];
  emails: string[];
  firstName?: string | null | undefined;
  lastName?: string | null | undefined;
  username?: string | null | undefined;
  externalId?: string | null | undefined;
  publicMetadata?: Record<string, unknown> | undefined;
  privateMetadata?: Record<string, unknown> | undefined;
  unsafeMetadata?: Record<string, unknown> | undefined;
  /** A digest from `services/password.ts`, never the password. */
  passwordDigest?: string | null | undefined;
  createdAt: number;
}

/** Inserts a user and its email addresses (already normalised; the first is primary). */
export function insertUser(db: Db, input: NewUser): void {
  run(
    db,
    `INSERT INTO users (id, first_name, last_name, username, external_id, public_metadata, private_metadata,
       unsafe_metadata, password_digest, password_updated_at, created_at, updated_at)
     VALUES (@id, @first, @last, @username, @external, @pub, @priv, @unsafe, @digest, @digestAt, @at, @at)`,
    {
      id: input.id,
      first: input.firstName ?? null,
      last: input.lastName ?? null,
      username: input.username ?? null,
      external: input.externalId ?? null,
      pub: JSON.stringify(input.publicMetadata ?? {}),
      priv: JSON.stringify(input.privateMetadata ?? {}),
      unsafe: JSON.stringify(input.unsafeMetadata ?? {}),
      digest: input.passwordDigest ?? null,
      digestAt: input.passwordDigest ? input.createdAt : null,
      at: input.createdAt,
    },
  );
  input.emails.forEach((email, position) => {
    run(
      db,
      `INSERT INTO user_emails (id, user_id, email_address, position, created_at, updated_at)
       VALUES (@id, @user, @email, @position, @at, @at)`,
      { id: input.emailIds[position], user: input.id, email, position, at: input.createdAt },
    );
  });
}

export function getUser(db: Db, id: string): UserRecord | undefined {
  const user = first<UserRow>(db, `SELECT ${USER_COLUMNS} FROM users u WHERE u.id = @id`, { id });
  return user && { user, emails: emailsOf(db, [id]).get(id) ?? [] };
}

/** Email rows of the given users, keyed by user id, primary first. */
export function emailsOf(db: Db, userIds: string[]): Map<string, EmailRow[]> {
  const rows = all<EmailRow>(
    db,
    `SELECT * FROM user_emails WHERE user_id IN (SELECT value FROM json_each(@ids)) ORDER BY user_id, position`,
    { ids: JSON.stringify(userIds) },
  );
  const out = new Map<string, EmailRow[]>();
  for (const row of rows) out.set(row.user_id, [...(out.get(row.user_id) ?? []), row]);
  return out;
}

/** The user owning `email` (normalised), if any. */
export function userIdByEmail(db: Db, email: string): string | undefined {
  return first<{ user_id: string }>(db, 'SELECT user_id FROM user_emails WHERE email_address = @email', {
    email,
  })?.user_id;
}

const USER_ORDER: Record<string, string> = {
  created_at: 'u.created_at',
  updated_at: 'u.updated_at',
  email_address: 'pe.email_address',
  first_name: 'u.first_name',
  last_name: 'u.last_name',
};

const USER_WHERE = `
  FROM users u LEFT JOIN user_emails pe ON pe.user_id = u.id AND pe.position = 0
  WHERE (@emails IS NULL OR EXISTS (SELECT 1 FROM user_emails e WHERE e.user_id = u.id
           AND e.email_address IN (SELECT lower(trim(value)) FROM json_each(@emails))))
    AND (@incl IS NULL OR u.id IN (SELECT value FROM json_each(@incl)))
    AND (@excl IS NULL OR u.id NOT IN (SELECT value FROM json_each(@excl)))
    AND (@orgs IS NULL OR EXISTS (SELECT 1 FROM memberships m WHERE m.user_id = u.id
           AND m.org_id IN (SELECT value FROM json_each(@orgs))))
    AND (@q IS NULL OR u.id LIKE @q ESCAPE '\\' OR u.first_name LIKE @q ESCAPE '\\'
           OR u.last_name LIKE @q ESCAPE '\\' OR u.username LIKE @q ESCAPE '\\'
           OR EXISTS (SELECT 1 FROM user_emails e WHERE e.user_id = u.id AND e.email_address LIKE @q ESCAPE '\\'))
    AND (@eq IS NULL OR EXISTS (SELECT 1 FROM user_emails e WHERE e.user_id = u.id
           AND e.email_address LIKE @eq ESCAPE '\\'))`;

function userFilterParams(filter: CountUsersQuery): Record<string, unknown> {
  const ids = splitSigned(filter.user_id);
  return {
    emails: jsonList(filter.email_address),
    incl: jsonList(ids.include),
    excl: jsonList(ids.exclude),
    orgs: jsonList(filter.organization_id),
    q: filter.query ? containsPattern(filter.query) : null,
    eq: filter.email_address_query ? containsPattern(filter.email_address_query) : null,
  };
}

export function countUsers(db: Db, filter: CountUsersQuery): number {
  return first<{ n: number }>(db, `SELECT COUNT(*) AS n ${USER_WHERE}`, userFilterParams(filter))?.n ?? 0;
}

/** One page of users matching `filter`, with their email addresses. */
export function listUsers(db: Db, filter: ListUsersQuery): UserRecord[] {
  const order = parseOrder(filter.order_by);
  const column = USER_ORDER[order.key] ?? 'u.created_at';
  const rows = all<UserRow>(
    db,
    `SELECT ${USER_COLUMNS} ${USER_WHERE} ORDER BY ${column} ${order.dir}, u.seq ${order.dir} LIMIT @limit OFFSET @offset`,
    { ...userFilterParams(filter), limit: filter.limit, offset: filter.offset },
  );
  const emails = emailsOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((user) => ({ user, emails: emails.get(user.id) ?? [] }));
}

/** Sets a user's `banned` or `locked` flag; false when there is no such user. */
export function setUserFlag(
  db: Db,
  id: string,
  flag: 'banned' | 'locked',
  on: boolean,
  now: number,
): boolean {
  if (!first(db, 'SELECT 1 AS x FROM users WHERE id = @id', { id })) return false;
  const column = flag === 'banned' ? 'banned' : 'locked';
  run(db, `UPDATE users SET ${column} = @on, updated_at = @now WHERE id = @id`, { id, on: on ? 1 : 0, now });
  return true;
}
