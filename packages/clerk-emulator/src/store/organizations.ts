import type { ListOrganizationsQuery } from '@invites/clerk-schema';
import { all, type Db, first, run } from '../db/database.ts';
import { containsPattern, parseOrder } from './sql-helpers.ts';

/** An organization's own columns (no counts): enough for existence, quota and slug checks. */
export interface OrganizationRecord {
  id: string;
  name: string;
  slug: string;
  max_allowed_memberships: number;
}

export interface OrganizationRow {
  id: string;
  name: string;
  slug: string;
  max_allowed_memberships: number;
  admin_delete_enabled: number;
  public_metadata: string;
  private_metadata: string;
  created_by: string | null;
  created_at: number;
  updated_at: number;
  members_count: number;
  pending_invitations_count: number;
}

// Pending means effectively pending: an invitation past expires_at reads as expired.
const SELECT_ORG = `
  SELECT o.id, o.name, o.slug, o.max_allowed_memberships, o.admin_delete_enabled, o.public_metadata,
    o.private_metadata, o.created_by, o.created_at, o.updated_at,
    (SELECT COUNT(*) FROM memberships m WHERE m.org_id = o.id) AS members_count,
    (SELECT COUNT(*) FROM invitations i INDEXED BY inv_org_status_expires
       WHERE i.org_id = o.id AND i.status = 'pending' AND i.expires_at > @now) AS pending_invitations_count
  FROM organizations o`;

export interface NewOrganization {
  id: string;
  name: string;
  slug: string;
  maxAllowedMemberships?: number | undefined;
  publicMetadata?: Record<string, unknown> | undefined;
  privateMetadata?: Record<string, unknown> | undefined;
  createdBy?: string | null | undefined;
  createdAt: number;
}

export function insertOrganization(db: Db, input: NewOrganization): void {
  run(
    db,
    `INSERT INTO organizations (id, name, slug, max_allowed_memberships, public_metadata, private_metadata,
       created_by, created_at, updated_at)
     VALUES (@id, @name, @slug, @max, @pub, @priv, @by, @at, @at)`,
    {
      id: input.id,
      name: input.name,
      slug: input.slug,
      max: input.maxAllowedMemberships ?? 0,
      pub: JSON.stringify(input.publicMetadata ?? {}),
      priv: JSON.stringify(input.privateMetadata ?? {}),
      by: input.createdBy ?? null,
      at: input.createdAt,
    },
  );
}

/** The organization with this ID, without counts (invitation and membership routes take IDs only). */
export function findOrganization(db: Db, id: string): OrganizationRecord | undefined {
  return first<OrganizationRecord>(
    db,
    'SELECT id, name, slug, max_allowed_memberships FROM organizations WHERE id = @id',
    { id },
  );
}

/** The organization with this ID, with its member and pending-invitation counts. */
export function getOrganizationById(db: Db, id: string, now: number): OrganizationRow | undefined {
  return first<OrganizationRow>(db, `${SELECT_ORG} WHERE o.id = @id`, { id, now });
}

/** The organization with this ID or slug (`GET /organizations/{id_or_slug}`). */
export function getOrganizationByIdOrSlug(db: Db, key: string, now: number): OrganizationRow | undefined {
  return first<OrganizationRow>(db, `${SELECT_ORG} WHERE o.id = @key OR o.slug = @key`, { key, now });
}

export function slugTaken(db: Db, slug: string): boolean {
  return first(db, 'SELECT 1 AS x FROM organizations WHERE slug = @slug', { slug }) !== undefined;
}

const ORG_ORDER: Record<string, string> = {
  name: 'o.name',
  created_at: 'o.created_at',
  members_count: 'members_count',
};

const ORG_WHERE = `WHERE (@q IS NULL OR o.id = @exact OR o.name LIKE @q ESCAPE '\\' OR o.slug LIKE @q ESCAPE '\\')`;

/** A page of organizations matching `query` (exact ID, partial name or slug) and the count of all matches. */
export function listOrganizations(
  db: Db,
  query: ListOrganizationsQuery,
  now: number,
): { rows: OrganizationRow[]; total: number } {
  const order = parseOrder(query.order_by);
  const column = ORG_ORDER[order.key] ?? 'o.created_at';
  const params = {
    q: query.query ? containsPattern(query.query) : null,
    exact: query.query ?? null,
    now,
  };
  const rows = all<OrganizationRow>(
    db,
    `${SELECT_ORG} ${ORG_WHERE} ORDER BY ${column} ${order.dir}, o.seq ${order.dir} LIMIT @limit OFFSET @offset`,
    { ...params, limit: query.limit, offset: query.offset },
  );
  const total =
    first<{ n: number }>(db, `SELECT COUNT(*) AS n FROM organizations o ${ORG_WHERE}`, params)?.n ?? 0;
  return { rows, total };
}
