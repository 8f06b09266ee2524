import type { ListMembershipsQuery } from '@invites/clerk-schema';
import { all, type Db, first, run, sql } from '../db/database.ts';
import { containsPattern, jsonList, parseOrder, splitSigned } from './sql-helpers.ts';

export interface MembershipRow {
  id: string;
  org_id: string;
  user_id: string;
  role: string;
  public_metadata: string;
  private_metadata: string;
  created_at: number;
  updated_at: number;
}

export interface NewMembership {
  id: string;
  orgId: string;
  userId: string;
  role: string;
  publicMetadata?: Record<string, unknown> | null | undefined;
  privateMetadata?: Record<string, unknown> | null | undefined;
  createdAt: number;
}

const COLUMNS =
  'm.id, m.org_id, m.user_id, m.role, m.public_metadata, m.private_metadata, m.created_at, m.updated_at';

export function insertMembership(db: Db, input: NewMembership): void {
  run(
    db,
    `INSERT INTO memberships (id, org_id, user_id, role, public_metadata, private_metadata, created_at, updated_at)
     VALUES (@id, @org, @user, @role, @pub, @priv, @at, @at)`,
    {
      id: input.id,
      org: input.orgId,
      user: input.userId,
      role: input.role,
      pub: JSON.stringify(input.publicMetadata ?? {}),
      priv: JSON.stringify(input.privateMetadata ?? {}),
      at: input.createdAt,
    },
  );
}

export function getMembership(db: Db, orgId: string, userId: string): MembershipRow | undefined {
  return first<MembershipRow>(
    db,
    `SELECT ${COLUMNS} FROM memberships m WHERE m.org_id = @org AND m.user_id = @user`,
    {
      org: orgId,
      user: userId,
    },
  );
}

/** Sets the membership's role; false when there is no such membership. */
export function updateMembershipRole(
  db: Db,
  orgId: string,
  userId: string,
  role: string,
  now: number,
): boolean {
  const result = sql(
    db,
    'UPDATE memberships SET role = @role, updated_at = @now WHERE org_id = @org AND user_id = @user',
  ).run({
    org: orgId,
    user: userId,
    role,
    now,
  });
  return result.changes > 0;
}

export function deleteMembership(db: Db, orgId: string, userId: string): void {
  run(db, 'DELETE FROM memberships WHERE org_id = @org AND user_id = @user', { org: orgId, user: userId });
}

export function countMembers(db: Db, orgId: string): number {
  return (
    first<{ n: number }>(db, 'SELECT COUNT(*) AS n FROM memberships WHERE org_id = @org', { org: orgId })
      ?.n ?? 0
  );
}

/** Which of `emails` (normalised) already belong to a member of the organization. */
export function memberEmails(db: Db, orgId: string, emails: string[]): string[] {
  return all<{ email_address: string }>(
    db,
    `SELECT e.email_address FROM user_emails e JOIN memberships m ON m.user_id = e.user_id AND m.org_id = @org
     WHERE e.email_address IN (SELECT value FROM json_each(@emails))`,
    { org: orgId, emails: JSON.stringify(emails) },
  ).map((r) => r.email_address);
}

const MEMBER_ORDER: Record<string, string> = {
  created_at: 'm.created_at',
  email_address: 'pe.email_address',
  first_name: 'u.first_name',
  last_name: 'u.last_name',
};

const MEMBER_WHERE = `
  FROM memberships m JOIN users u ON u.id = m.user_id
  LEFT JOIN user_emails pe ON pe.user_id = u.id AND pe.position = 0
  WHERE m.org_id = @org
    AND (@incl IS NULL OR m.user_id IN (SELECT value FROM json_each(@incl)))
    AND (@excl IS NULL OR m.user_id NOT IN (SELECT value FROM json_each(@excl)))
    AND (@roles IS NULL OR m.role IN (SELECT value FROM json_each(@roles)))
    AND (@emails IS NULL OR EXISTS (SELECT 1 FROM user_emails e WHERE e.user_id = u.id
           AND e.email_address IN (SELECT lower(trim(value)) FROM json_each(@emails))))
    AND (@q IS NULL OR u.id LIKE @q ESCAPE '\\' OR u.first_name LIKE @q ESCAPE '\\' OR u.last_name LIKE @q ESCAPE '\\'
           OR EXISTS (SELECT 1 FROM user_emails e WHERE e.user_id = u.id AND e.email_address LIKE @q ESCAPE '\\'))`;

/** A page of an organization's memberships matching `query`, and the count of all matches. */
export function listOrganizationMemberships(
  db: Db,
  orgId: string,
  query: ListMembershipsQuery,
): { rows: MembershipRow[]; total: number } {
  const order = parseOrder(query.order_by);
  const column = MEMBER_ORDER[order.key] ?? 'm.created_at';
  const ids = splitSigned(query.user_id);
  const params = {
    org: orgId,
    incl: jsonList(ids.include),
    excl: jsonList(ids.exclude),
    roles: jsonList(query.role),
    emails: jsonList(query.email_address),
    q: query.query ? containsPattern(query.query) : null,
  };
  const rows = all<MembershipRow>(
    db,
    `SELECT ${COLUMNS} ${MEMBER_WHERE} ORDER BY ${column} ${order.dir}, m.seq ${order.dir} LIMIT @limit OFFSET @offset`,
    { ...params, limit: query.limit, offset: query.offset },
  );
  const total = first<{ n: number }>(db, `SELECT COUNT(*) AS n ${MEMBER_WHERE}`, params)?.n ?? 0;
  return { rows, total };
}

/** A page of a user's memberships, newest first, and their count. */
export function listUserMemberships(
  db: Db,
  userId: string,
  limit: number,
  offset: number,
): { rows: MembershipRow[]; total: number } {
  const rows = all<MembershipRow>(
    db,
    `SELECT ${COLUMNS} FROM memberships m WHERE m.user_id = @user
     ORDER BY m.created_at DESC, m.seq DESC LIMIT @limit OFFSET @offset`,
    { user: userId, limit, offset },
  );
  const total =
    first<{ n: number }>(db, 'SELECT COUNT(*) AS n FROM memberships WHERE user_id = @user', { user: userId })
      ?.n ?? 0;
  return { rows, total };
}
