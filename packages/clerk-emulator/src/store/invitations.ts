import type { InvitationStatus } from '@invites/clerk-schema';
import { all, type Db, first, run } from '../db/database.ts';
import { EFFECTIVE_STATUS_SQL, findInvitationPage, type InvitationListFilter } from './invitation-queries.ts';

/** An invitation row with its effective status (expired computed on read). */
export interface InvitationRow {
  seq: number;
  id: string;
  org_id: string;
  email_address: string;
  role: string;
  inviter_id: string | null;
  status: InvitationStatus;
  public_metadata: string;
  private_metadata: string;
  redirect_url: string | null;
  ticket: string;
  expires_at: number;
  created_at: number;
  updated_at: number;
}

/** An invitation with what its wire shape needs: role name, inviter and organization. */
export interface InvitationView extends InvitationRow {
  role_name: string;
  inviter_user_id: string | null;
  inviter_first_name: string | null;
  inviter_last_name: string | null;
  inviter_identifier: string | null;
  org_name: string | null;
  org_slug: string | null;
}

// Rows come back as one JSON array of arrays (a single libsql row), in this column order.
const SELECT_ROWS_JSON = `
  SELECT json_group_array(json_array(i.seq, i.id, i.org_id, i.email_address, i.role, i.inviter_id,
    ${EFFECTIVE_STATUS_SQL}, i.public_metadata, i.private_metadata, i.redirect_url, i.ticket, i.expires_at,
    i.created_at, i.updated_at)) AS j
  FROM invitations i`;

interface Inviter {
  id: string;
  first_name: string | null;
  last_name: string | null;
  identifier: string | null;
}

// Role names, inviters and organizations are few per page: they are loaded once, not joined per row.
// Each view is built in one object literal from the row array: reading libsql's row objects or
// spreading them costs several microseconds per row, which dominated a 500-row page.
function readViews(db: Db, where: string, params: Record<string, unknown>): InvitationView[] {
  const json = first<{ j: string }>(db, `${SELECT_ROWS_JSON} ${where}`, params)?.j;
  const rows = json ? (JSON.parse(json) as unknown[][]) : [];
  const roleNames = new Map(
    all<{ key: string; name: string }>(db, 'SELECT key, name FROM roles').map((r) => [r.key, r.name]),
  );
  const inviterIds = new Set<string>();
  const orgIds = new Set<string>();
  for (const r of rows) {
    if (r[5]) inviterIds.add(r[5] as string);
    orgIds.add(r[2] as string);
  }
  const inviters = new Map(
    all<Inviter>(
      db,
      `SELECT u.id, u.first_name, u.last_name, e.email_address AS identifier
       FROM users u LEFT JOIN user_emails e ON e.user_id = u.id AND e.position = 0
       WHERE u.id IN (SELECT value FROM json_each(@ids))`,
      { ids: JSON.stringify([...inviterIds]) },
    ).map((u) => [u.id, u]),
  );
  const orgs = new Map(
    all<{ id: string; name: string; slug: string }>(
      db,
      'SELECT id, name, slug FROM organizations WHERE id IN (SELECT value FROM json_each(@ids))',
      { ids: JSON.stringify([...orgIds]) },
    ).map((o) => [o.id, o]),
  );
  return rows.map((r) => {
    const inviter = r[5] ? inviters.get(r[5] as string) : undefined;
    const org = orgs.get(r[2] as string);
    return {
      seq: r[0] as number,
      id: r[1] as string,
      org_id: r[2] as string,
      email_address: r[3] as string,
      role: r[4] as string,
      inviter_id: r[5] as string | null,
      status: r[6] as InvitationStatus,
      public_metadata: r[7] as string,
      private_metadata: r[8] as string,
      redirect_url: r[9] as string | null,
      ticket: r[10] as string,
      expires_at: r[11] as number,
      created_at: r[12] as number,
      updated_at: r[13] as number,
      role_name: roleNames.get(r[4] as string) ?? (r[4] as string),
      inviter_user_id: inviter?.id ?? null,
      inviter_first_name: inviter?.first_name ?? null,
      inviter_last_name: inviter?.last_name ?? null,
      inviter_identifier: inviter?.identifier ?? null,
      org_name: org?.name ?? null,
      org_slug: org?.slug ?? null,
    };
  });
}

export interface NewInvitation {
  id: string;
  orgId: string;
  email: string;
  role: string;
  inviterId: string | null;
  status?: 'pending' | 'accepted' | 'revoked';
  publicMetadata: Record<string, unknown>;
  privateMetadata: Record<string, unknown>;
  redirectUrl: string | null;
  ticket: string;
  expiresAt: number;
  createdAt: number;
  updatedAt?: number;
}

export const INSERT_INVITATION_SQL = `
  INSERT INTO invitations (id, org_id, email_address, role, inviter_id, status, public_metadata, private_metadata,
    redirect_url, ticket, expires_at, created_at, updated_at)
  VALUES (@id, @org, @email, @role, @inviter, @status, @pub, @priv, @redirect, @ticket, @expires, @created, @updated)`;

/** Bind parameters of INSERT_INVITATION_SQL. */
export function invitationParams(input: NewInvitation): Record<string, unknown> {
  return {
    id: input.id,
    org: input.orgId,
    email: input.email,
    role: input.role,
    inviter: input.inviterId,
    status: input.status ?? 'pending',
    pub: JSON.stringify(input.publicMetadata),
    priv: JSON.stringify(input.privateMetadata),
    redirect: input.redirectUrl,
    ticket: input.ticket,
    expires: input.expiresAt,
    created: input.createdAt,
    updated: input.updatedAt ?? input.createdAt,
  };
}

export function insertInvitation(db: Db, input: NewInvitation): void {
  run(db, INSERT_INVITATION_SQL, invitationParams(input));
}

export function getInvitation(db: Db, id: string, now: number): InvitationView | undefined {
  return readViews(db, 'WHERE i.id = @id', { id, now })[0];
}

/** One page of invitations matching `filter`, and the count of every match. */
export function listInvitations(
  db: Db,
  filter: InvitationListFilter,
  now: number,
): { rows: InvitationView[]; total: number } {
  const { seqs, total } = findInvitationPage(db, filter, now);
  if (seqs.length === 0) return { rows: [], total };
  const views = readViews(db, 'WHERE i.seq IN (SELECT value FROM json_each(@seqs))', {
    seqs: JSON.stringify(seqs),
    now,
  });
  const bySeq = new Map(views.map((view) => [view.seq, view]));
  return { rows: seqs.flatMap((seq) => bySeq.get(seq) ?? []), total };
}

/** Which of `emails` (normalised) have an effectively pending invitation to the organization. */
export function pendingEmails(db: Db, orgId: string, emails: string[], now: number): string[] {
  return all<{ email_address: string }>(
    db,
    `SELECT DISTINCT email_address FROM invitations
     WHERE org_id = @org AND email_address IN (SELECT value FROM json_each(@emails))
       AND status = 'pending' AND expires_at > @now`,
    { org: orgId, emails: JSON.stringify(emails), now },
  ).map((r) => r.email_address);
}

/** Effectively pending invitations of the organization. */
export function countPending(db: Db, orgId: string, now: number): number {
  return (
    first<{ n: number }>(
      db,
      `SELECT COUNT(*) AS n FROM invitations INDEXED BY inv_org_status_expires
       WHERE org_id = @org AND status = 'pending' AND expires_at > @now`,
      { org: orgId, now },
    )?.n ?? 0
  );
}

/** Moves an effectively pending invitation to `status`; false when it was not pending. */
export function settleInvitation(db: Db, id: string, status: 'accepted' | 'revoked', now: number): boolean {
  const before = first<{ n: number }>(
    db,
    "SELECT COUNT(*) AS n FROM invitations WHERE id = @id AND status = 'pending' AND expires_at > @now",
    { id, now },
  );
  if (!before?.n) return false;
  run(db, 'UPDATE invitations SET status = @status, updated_at = @now WHERE id = @id', { id, status, now });
  return true;
}

/**
 * Moves invitations back in time by `byMs` (created, updated and expiry alike), as if made earlier:
 * a test ages some invitations past their expiry without moving the clock for everything else.
 * Answers how many it moved.
 */
export function ageInvitations(db: Db, ids: readonly string[], byMs: number): number {
  const before = first<{ n: number }>(
    db,
    'SELECT COUNT(*) AS n FROM invitations WHERE id IN (SELECT value FROM json_each(@ids))',
    { ids: JSON.stringify(ids) },
  );
  run(
    db,
    `UPDATE invitations SET created_at = created_at - @by, updated_at = updated_at - @by,
       expires_at = expires_at - @by WHERE id IN (SELECT value FROM json_each(@ids))`,
    { ids: JSON.stringify(ids), by: byMs },
  );
  return before?.n ?? 0;
}
