import { type Db, first } from '../db/database.ts';

interface Entry {
  total: number;
  version: string;
  validUntil: number;
}

const caches = new WeakMap<Db, Map<string, Entry>>();
const MAX_ENTRIES = 500;

/** Changes whenever any connection commits or this one writes. */
function dataVersion(db: Db): string {
  const changes = first<{ c: number }>(db, 'SELECT total_changes() AS c')?.c ?? 0;
  // Not db.pragma(…, { simple: true }): libsql's get() ignores pluck and returns the row object.
  const version = first<{ data_version: number }>(db, 'PRAGMA data_version')?.data_version ?? 0;
  return `${version}:${changes}`;
}

/**
 * The next instant (emulated ms) at which a pending invitation in scope expires, after which an
 * effective-status count may change; Infinity when none will.
 */
function nextExpiry(db: Db, orgId: string | null, now: number): number {
  const row = orgId
    ? first<{ at: number | null }>(
        db,
        `SELECT min(expires_at) AS at FROM invitations INDEXED BY inv_org_status_expires
         WHERE org_id = @org AND status = 'pending' AND expires_at > @now`,
        { org: orgId, now },
      )
    : first<{ at: number | null }>(
        db,
        `SELECT min(expires_at) AS at FROM invitations INDEXED BY inv_status_expires
         WHERE status = 'pending' AND expires_at > @now`,
        { now },
      );
  return row?.at ?? Number.POSITIVE_INFINITY;
}

let enabled = true;

/** Turns the count cache off (benchmarks measure both ways); on by default. */
export function setCountCache(on: boolean): void {
  enabled = on;
}

/**
 * An exact `total_count`, reused while nothing was written and no pending invitation in scope
 * crossed its expiry: counting every match is the costly part of a list at 100k invitations.
 */
export function cachedCount(
  db: Db,
  key: string,
  orgId: string | null,
  now: number,
  count: () => number,
): number {
  if (!enabled) return count();
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  const version = dataVersion(db);
  const hit = cache.get(key);
  if (hit && hit.version === version && now < hit.validUntil) return hit.total;
  const total = count();
  if (cache.size >= MAX_ENTRIES) cache.clear();
  cache.set(key, { total, version, validUntil: nextExpiry(db, orgId, now) });
  return total;
}
