import { type ActivityEntry, type ActivitySource, normalizeEmail } from '@invites/clerk-schema';
import { type Insertable, type Kysely, type Selectable, type SqlBool, sql } from 'kysely';
import type { Store } from '../store/create-store.ts';
import type { ActivityTable, StoreSchema } from '../store/schema.ts';

/** What the caller records; id and time are filled in. */
export type NewActivity = Omit<ActivityEntry, 'id' | 'created_at' | 'detail' | 'source'> & {
  detail?: Record<string, unknown>;
  created_at?: number;
};

/**
 * An entry reported by Clerk (a webhook). Its id comes from the event, so applying an event twice
 * writes it once; `change_key` names the change, so the console's own entry for it wins.
 */
export type ClerkActivity = NewActivity & { id: string; created_at: number; change_key: string | null };

/** The parsed `ActivityQuery` (`since`/`until` are inclusive Unix ms bounds). */
export interface ActivityFilter {
  organization_id?: string | undefined;
  actor_id?: string | undefined;
  /** Entries whose actor's name contains `text` (any case), whose actor id is `text`, or is one of `userIds`. */
  actor?: { text: string; userIds: readonly string[] } | undefined;
  action?: string | undefined;
  /** Entries naming this address (exact, case-insensitive). */
  email_address?: string | undefined;
  source?: ActivitySource | undefined;
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

function toEntry(row: Selectable<ActivityTable>): ActivityEntry {
  return {
    id: row.id,
    action: row.action,
    source: row.source === 'clerk' ? 'clerk' : 'console',
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

const strings = (value: unknown): string[] =>
  (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === 'string' && v !== '');

/** The invitation key of a change, shared by the console's entry and Clerk's event for it. */
export const changeKey = (action: 'invitation.create' | 'invitation.revoke', invitationId: string) =>
  `${action}:${invitationId}`;

/** The changes a successful console entry stands for: the invitations it created or revoked. */
export function consoleChangeKeys(entry: NewActivity): string[] {
  if (entry.outcome !== 'ok') return [];
  const ids = [...strings(entry.detail?.invitation_id), ...strings(entry.detail?.invitation_ids)];
  if (entry.action === 'invitation.create' || entry.action === 'invitation.bulk_create') {
    return ids.map((id) => changeKey('invitation.create', id));
  }
  if (entry.action === 'invitation.revoke') return ids.map((id) => changeKey('invitation.revoke', id));
  return [];
}

function toRow(entry: NewActivity, id: string, source: ActivitySource): Insertable<ActivityTable> {
  return {
    id,
    action: entry.action,
    source,
    actor_id: entry.actor_id,
    actor_name: entry.actor_name,
    organization_id: entry.organization_id,
    email_addresses: JSON.stringify(entry.email_addresses),
    outcome: entry.outcome,
    clerk_trace_id: entry.clerk_trace_id,
    detail: JSON.stringify(entry.detail ?? {}),
    created_at: entry.created_at ?? Date.now(),
  };
}

/** Appends one console entry to the activity log (with the changes it stands for) and returns it. */
export async function recordActivity(store: Store, entry: NewActivity): Promise<ActivityEntry> {
  const row = toRow(entry, newActivityId(), 'console');
  const keys = [...new Set(consoleChangeKeys(entry))];
  if (keys.length === 0) {
    await store.db.insertInto('activity').values(row).execute();
  } else {
    await store.db.transaction().execute(async (tx) => {
      await tx.insertInto('activity').values(row).execute();
      await tx
        .insertInto('activity_changes')
        .values(keys.map((change_key) => ({ change_key, activity_id: row.id })))
        .execute();
    });
  }
  return toEntry({ ...row, source: 'console', change_key: null } as Selectable<ActivityTable>);
}

/** Writes a Clerk-reported entry once (a second write of the same id changes nothing). */
export async function recordClerkActivity(db: Kysely<StoreSchema>, entry: ClerkActivity): Promise<void> {
  await db
    .insertInto('activity')
    .values({ ...toRow(entry, entry.id, 'clerk'), change_key: entry.change_key })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
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
    .where('created_at', '<=', query.until)
    // A change made in the console appears once: Clerk's report of it is hidden behind the console's.
    .where((eb) =>
      eb.or([
        eb('source', '=', 'console'),
        eb('change_key', 'is', null),
        eb.not(
          eb.exists(
            eb
              .selectFrom('activity_changes')
              .select('activity_changes.activity_id')
              .whereRef('activity_changes.change_key', '=', 'activity.change_key'),
          ),
        ),
      ]),
    );
  if ('organizationIds' in scope) base = base.where('organization_id', 'in', [...scope.organizationIds]);
  if (query.organization_id !== undefined) base = base.where('organization_id', '=', query.organization_id);
  if (query.actor_id !== undefined) base = base.where('actor_id', '=', query.actor_id);
  if (query.action !== undefined) base = base.where('action', '=', query.action);
  if (query.email_address !== undefined) {
    // Addresses are stored as a JSON array of normalised strings: match one whole element.
    const quoted = JSON.stringify(normalizeEmail(query.email_address)).replace(/[\\%_]/g, (ch) => `\\${ch}`);
    base = base.where(sql<boolean>`email_addresses like ${`%${quoted}%`} escape '\\'`);
  }
  if (query.source !== undefined) base = base.where('source', '=', query.source);
  if (query.actor !== undefined) {
    const { text, userIds } = query.actor;
    const pattern = `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    base = base.where((eb) =>
      eb.or([
        eb('actor_id', '=', text),
        sql<SqlBool>`lower(actor_name) like ${pattern} escape '\\'`,
        ...(userIds.length > 0 ? [eb('actor_id', 'in', [...userIds])] : []),
      ]),
    );
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
