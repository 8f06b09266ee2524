import type { InvitationStatus } from '@invites/clerk-schema';
import { type Db, first } from '../db/database.ts';
import { cachedCount } from './count-cache.ts';
import { containsPattern, type Order, parseOrder } from './sql-helpers.ts';

/** What a list of invitations is filtered and sorted by. */
export interface InvitationListFilter {
  /** Per-organization list when set, instance-wide otherwise. */
  orgId?: string | undefined;
  /** OR-ed effective statuses; absent or empty means all. */
  statuses?: readonly InvitationStatus[] | undefined;
  /** Exact (normalised) address. */
  email?: string | undefined;
  /** Any of these exact (normalised) addresses. */
  emails?: readonly string[] | undefined;
  /** Case-insensitive substring of the address. */
  query?: string | undefined;
  /** Clerk's `order_by`: `created_at` or `email_address` with an optional `+`/`-`. */
  orderBy: string;
  limit: number;
  offset: number;
}

// Effective status in SQL: a pending invitation whose expires_at has passed is expired.
type Arm = InvitationStatus | 'pending_or_expired';
const ARM_SQL: Record<Arm, string> = {
  pending: "status = 'pending' AND expires_at > @now",
  expired: "status = 'pending' AND expires_at <= @now",
  pending_or_expired: "status = 'pending'",
  accepted: "status = 'accepted'",
  revoked: "status = 'revoked'",
};

/** The SQL expression of an invitation's effective status (alias `i`). */
export const EFFECTIVE_STATUS_SQL =
  "CASE WHEN i.status = 'pending' AND i.expires_at <= @now THEN 'expired' ELSE i.status END";

function statusArms(statuses: readonly InvitationStatus[] | undefined): Arm[] | null {
  const set = new Set(statuses ?? []);
  if (set.size === 0 || set.size === 4) return null;
  const arms: Arm[] = [];
  if (set.has('pending') && set.has('expired')) arms.push('pending_or_expired');
  else if (set.has('pending')) arms.push('pending');
  else if (set.has('expired')) arms.push('expired');
  if (set.has('accepted')) arms.push('accepted');
  if (set.has('revoked')) arms.push('revoked');
  return arms;
}

interface Plan {
  /** Selects `seq` and the sort key `k` of one page, in order. */
  page: string;
  count: string;
  params: Record<string, unknown>;
  /** For a substring search: the same page read along the sort index with LIKE, stopping early. */
  scanPage?: string;
}

/** Rows a broad substring search may walk along the sort index before the trigram plan is cheaper. */
const SCAN_BUDGET = 5000;

// Without a text filter, each status is one ordered range of a (scope, status, sort key) index and
// the arms are merged by SQLite (MERGE UNION ALL), so a page costs about offset + limit index steps.
function indexedPlan(filter: InvitationListFilter, order: Order, arms: Arm[] | null): Plan {
  const org = filter.orgId !== undefined;
  const byEmail = order.key === 'email_address';
  const sortKey = byEmail ? 'email_address' : 'created_at';
  const tail = `LIMIT @limit OFFSET @offset`;
  if (!arms) {
    const index = org
      ? byEmail
        ? 'inv_org_email'
        : 'inv_org_created'
      : byEmail
        ? 'inv_email'
        : 'inv_created';
    const where = org ? 'WHERE org_id = @org' : '';
    return {
      page: `SELECT seq, ${sortKey} AS k FROM invitations INDEXED BY ${index} ${where} ORDER BY ${sortKey} ${order.dir}, seq ${order.dir} ${tail}`,
      count: `SELECT COUNT(*) AS n FROM invitations ${org ? 'INDEXED BY inv_org_created' : ''} ${where}`,
      params: {},
    };
  }
  const scope = org ? 'org_id = @org AND ' : '';
  const index = org
    ? byEmail
      ? 'inv_org_status_email'
      : 'inv_org_status_created'
    : byEmail
      ? 'inv_status_email'
      : 'inv_status_created';
  const countIndex = org ? 'inv_org_status_expires' : 'inv_status_expires';
  const page = arms
    .map(
      (arm) =>
        `SELECT seq, ${sortKey} AS k FROM invitations INDEXED BY ${index} WHERE ${scope}${ARM_SQL[arm]}`,
    )
    .join(' UNION ALL ');
  const count = arms
    .map((arm) => `(SELECT COUNT(*) FROM invitations INDEXED BY ${countIndex} WHERE ${scope}${ARM_SQL[arm]})`)
    .join(' + ');
  return {
    page: `${page} ORDER BY 2 ${order.dir}, 1 ${order.dir} ${tail}`,
    count: `SELECT ${count} AS n`,
    params: {},
  };
}

// With a text filter: an exact address (few rows), or a substring through the trigram index (or, when
// the match is broad, along the sort index; see findInvitationPage).
function filteredPlan(filter: InvitationListFilter, order: Order, arms: Arm[] | null): Plan {
  const conditions: string[] = [];
  const params: Record<string, unknown> = {};
  if (filter.orgId !== undefined) conditions.push('org_id = @org');
  if (filter.email !== undefined) {
    conditions.push('email_address = @email');
    params.email = filter.email;
  }
  if (filter.emails !== undefined) {
    conditions.push('email_address IN (SELECT value FROM json_each(@emails))');
    params.emails = JSON.stringify(filter.emails);
  }
  if (arms) conditions.push(`(${arms.map((arm) => `(${ARM_SQL[arm]})`).join(' OR ')})`);
  const query = filter.query?.toLowerCase();
  const like = "email_address LIKE @like ESCAPE '\\'";
  if (query) params.like = containsPattern(query);
  const where = (extra: string[]) => {
    const all = [...conditions, ...extra];
    return all.length > 0 ? `WHERE ${all.join(' AND ')}` : '';
  };
  const tail = `ORDER BY ${order.key} ${order.dir}, seq ${order.dir} LIMIT @limit OFFSET @offset`;
  const select = `SELECT seq, ${order.key} AS k`;
  if (query && [...query].length >= 3) {
    params.fts = `"${query.replaceAll('"', '""')}"`;
    const trigram = where(['seq IN (SELECT rowid FROM invitations_fts WHERE invitations_fts MATCH @fts)']);
    const org = filter.orgId !== undefined;
    const sortIndex =
      order.key === 'email_address'
        ? org
          ? 'inv_org_email'
          : 'inv_email'
        : org
          ? 'inv_org_created'
          : 'inv_created';
    return {
      page: `${select} FROM invitations NOT INDEXED ${trigram} ${tail}`,
      count: `SELECT COUNT(*) AS n FROM invitations NOT INDEXED ${trigram}`,
      scanPage: `${select} FROM invitations INDEXED BY ${sortIndex} ${where([like])} ${tail}`,
      params,
    };
  }
  const filtered = where(query ? [like] : []);
  return {
    page: `${select} FROM invitations ${filtered} ${tail}`,
    count: `SELECT COUNT(*) AS n FROM invitations ${filtered}`,
    params,
  };
}

/** The rowids of one page of matching invitations, in order, and the count of every match. */
export function findInvitationPage(
  db: Db,
  filter: InvitationListFilter,
  now: number,
): { seqs: number[]; total: number } {
  const order = parseOrder<'created_at' | 'email_address'>(filter.orderBy);
  if (order.key !== 'created_at' && order.key !== 'email_address')
    throw new Error(`bad order ${filter.orderBy}`);
  const arms = statusArms(filter.statuses);
  const textFilter = filter.email !== undefined || filter.emails !== undefined || Boolean(filter.query);
  const plan = textFilter ? filteredPlan(filter, order, arms) : indexedPlan(filter, order, arms);
  const params = { ...plan.params, org: filter.orgId ?? null, now };
  const { now: _now, ...keyParams } = params;
  const total = cachedCount(
    db,
    `${plan.count}\n${JSON.stringify(keyParams)}`,
    filter.orgId ?? null,
    now,
    () => {
      return first<{ n: number }>(db, plan.count, params)?.n ?? 0;
    },
  );
  if (total === 0) return { seqs: [], total };
  let page = plan.page;
  if (plan.scanPage) {
    // A broad match is met every few rows along the sort index: walking it beats the trigram plan,
    // which must intersect the doclists of trigrams shared by most addresses.
    const rows = first<{ n: number | null }>(db, 'SELECT max(seq) AS n FROM invitations')?.n ?? 0;
    if (((filter.offset + filter.limit) * rows) / total <= SCAN_BUDGET) page = plan.scanPage;
  }
  // One JSON row instead of up to 500: libsql's per-row iteration costs more than the query itself.
  const aggregate = `SELECT json_group_array(seq ORDER BY k ${order.dir}, seq ${order.dir}) AS j FROM (${page})`;
  const json = first<{ j: string }>(db, aggregate, {
    ...params,
    limit: filter.limit,
    offset: filter.offset,
  })?.j;
  const seqs = json ? (JSON.parse(json) as number[]) : [];
  return { seqs, total };
}
