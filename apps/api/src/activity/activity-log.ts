import { type ActivityEntry, normalizeEmail } from '@invites/clerk-schema';
import { sql } from 'kysely';
import type { Store } from '../store/create-store.ts';
import type { ActivityTable } from '../store/schema.ts';

/** What the caller records; id and time are filled in. */
export type NewActivity = Omit<ActivityEntry, 'id' | 'created_at' | 'detail'> & {
  detail?: Record<string, unknown>;
  created_at?: number;
};

/** The parsed `ActivityQuery` (`since`/`until` are inclusive Unix ms bounds). */
export interface ActivityFilter {
  organization_id?: string | undefined;
  actor_id?: string | undefined;
  action?: string | undefined;
  /** Entries naming this address (exact, case-insensitive). */
  email_address?: string | undefined;
  since: number;
  until: number;
  limit: number;
  offset: number;
}

/** Staff see everything; org admins only their organizations. */
export type ActivityScope = { all: true } | { organizationIds: readonly string[] };

function newActivityId(): string {
  return `act_${globalThis.crypto.randomUUID().replaceAll('-', '')}`;
}

function toEntry(row: ActivityTable): ActivityEntry {
  return {
    id: row.id,
    action: row.action,
    actor_id: row.actor_id,
    actor_name: row.actor_name,
    organization_id: row.organization_id,
    email_addresses: JSON.parse(row.email_addresses) as string[],
    outcome: row.outcome,
    clerk_trace_id: row.clerk_trace_id,
    detail: JSON.parse(row.detail) as Record<string, unknown>,
    created_at: row.created_at,
  };
}

/** Appends one entry to the activity log and returns it. */
export async function recordActivity(store: Store, entry: NewActivity): Promise<ActivityEntry> {
  const row: ActivityTable = {
    id: newActivityId(),
    action: entry.action,
    actor_id: entry.actor_id,
    actor_name: entry.actor_name,
    organization_id: entry.organization_id,
    email_addresses: JSON.stringify(entry.email_addresses),
    outcome: entry.outcome,
    clerk_trace_id: entry.clerk_trace_id,
    detail: JSON.stringify(entry.detail ?? {}),
    created_at: entry.created_at ?? Date.now(),
  };
  await store.db.insertInto('activity').values(row).execute();
  return toEntry(row);
}

/** One page of the activity log visible in `scope`, newest first, with the count of every match. */
export async function listActivity(
  store: Store,
  query: ActivityFilter,
  scope: ActivityScope,
): Promise<{ data: ActivityEntry[]; total_count: number }> {
  if ('organizationIds' in scope && scope.organizationIds.length === 0) return { data: [], total_count: 0 };
  let base = store.db
    .selectFrom('activity')
    .where('created_at', '>=', query.since)
    .where('created_at', '<=', query.until);
  if ('organizationIds' in scope) base = base.where('organization_id', 'in', [...scope.organizationIds]);
  if (query.organization_id !== undefined) base = base.where('organization_id', '=', query.organization_id);
  if (query.actor_id !== undefined) base = base.where('actor_id', '=', query.actor_id);
  if (query.action !== undefined) base = base.where('action', '=', query.action);
  if (query.email_address !== undefined) {
    // Addresses are stored as a JSON array of normalised strings: match one whole element.
    const quoted = JSON.stringify(normalizeEmail(query.email_address)).replace(/[\\%_]/g, (ch) => `\\${ch}`);
    base = base.where(sql<boolean>`email_addresses like ${`%${quoted}%`} escape '\\'`);
  }

  const [rows, count] = await Promise.all([
    base
      .selectAll()
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(query.limit)
      .offset(query.offset)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { data: rows.map(toEntry), total_count: Number(count.n) };
}
