import type { AcceptanceFigures, InviterAcceptance } from '@invites/clerk-schema';
import type { Store } from '../store/create-store.ts';

const DAY_MS = 86_400_000;
/** Invitations sent in this many days make up the figures. */
export const WINDOW_DAYS = 30;
/** A pending invitation older than this many days counts as stale. */
export const STALE_DAYS = 14;

/** The middle value (the mean of the two middle ones for an even count), rounded; null when empty. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const value = sorted.length % 2 === 1 ? sorted[mid] : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
  return Math.round(value ?? 0);
}

function figures(
  sent: number,
  accepted: number,
  durations: readonly number[],
  stale: number,
): AcceptanceFigures {
  return {
    sent,
    accepted,
    acceptance_rate: sent === 0 ? null : accepted / sent,
    median_time_to_accept_ms: median(durations),
    stale_pending: stale,
  };
}

const EMPTY = figures(0, 0, [], 0);

type GroupKey = { organization_id: string; inviter_id: string | null };
const keyOf = (g: GroupKey) => `${g.organization_id}\u0000${g.inviter_id ?? ''}`;

/** Counts and accept times per organization, or per organization and inviter. */
async function grouped(store: Store, organizationIds: readonly string[], byInviter: boolean, now: number) {
  const since = now - WINDOW_DAYS * DAY_MS;
  const staleBefore = now - STALE_DAYS * DAY_MS;
  const inviter = (byInviter ? 'inviter_id' : 'organization_id') as 'inviter_id';
  const counts = await store.db
    .selectFrom('invitation_outcomes')
    .where('organization_id', 'in', [...organizationIds])
    .select((eb) => {
      const one = (when: ReturnType<typeof eb.and>) =>
        eb.fn.sum<number>(eb.case().when(when).then(eb.lit(1)).else(eb.lit(0)).end());
      return [
        'organization_id',
        eb.ref(inviter).as('group_inviter'),
        eb.fn.max('inviter_name').as('inviter_name'),
        one(eb.and([eb('created_at', '>=', since)])).as('sent'),
        one(eb.and([eb('created_at', '>=', since), eb('status', '=', 'accepted')])).as('accepted'),
        one(
          eb.and([
            eb('status', '=', 'pending'),
            eb('created_at', '<', staleBefore),
            eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', now)]),
          ]),
        ).as('stale'),
      ];
    })
    .groupBy(['organization_id', inviter])
    .execute();
  const accepted = await store.db
    .selectFrom('invitation_outcomes')
    .where('organization_id', 'in', [...organizationIds])
    .where('status', '=', 'accepted')
    .where('created_at', '>=', since)
    .where('settled_at', 'is not', null)
    .select(['organization_id', 'inviter_id', 'created_at', 'settled_at'])
    .execute();
  const durations = new Map<string, number[]>();
  for (const row of accepted) {
    const key = keyOf({
      organization_id: row.organization_id,
      inviter_id: byInviter ? row.inviter_id : null,
    });
    const list = durations.get(key) ?? [];
    list.push(Math.max(0, (row.settled_at ?? row.created_at) - row.created_at));
    durations.set(key, list);
  }
  return counts.map((row) => {
    const group = { organization_id: row.organization_id, inviter_id: byInviter ? row.group_inviter : null };
    return {
      ...group,
      inviter_name: row.inviter_name,
      figures: figures(
        Number(row.sent ?? 0),
        Number(row.accepted ?? 0),
        durations.get(keyOf(group)) ?? [],
        Number(row.stale ?? 0),
      ),
    };
  });
}

/** Organizations with known invitations, the most recently invited first (staff's unfiltered list). */
export async function organizationsWithFigures(store: Store, limit: number): Promise<string[]> {
  const rows = await store.db
    .selectFrom('invitation_outcomes')
    .select('organization_id')
    .groupBy('organization_id')
    .orderBy((eb) => eb.fn.max('created_at'), 'desc')
    .orderBy('organization_id')
    .limit(limit)
    .execute();
  return rows.map((r) => r.organization_id);
}

/** The figures of each organization (zeros for one with no known invitations), at `now`. */
export async function acceptanceByOrganization(
  store: Store,
  organizationIds: readonly string[],
  now: number,
): Promise<Map<string, AcceptanceFigures>> {
  const out = new Map(organizationIds.map((id) => [id, EMPTY]));
  if (organizationIds.length === 0) return out;
  for (const group of await grouped(store, organizationIds, false, now))
    out.set(group.organization_id, group.figures);
  return out;
}

/** The figures of one organization per inviter, the busiest first (inviters with nothing to show left out). */
export async function acceptanceByInviter(
  store: Store,
  organizationId: string,
  now: number,
): Promise<InviterAcceptance[]> {
  const groups = await grouped(store, [organizationId], true, now);
  return groups
    .filter((g) => g.figures.sent > 0 || g.figures.stale_pending > 0)
    .map((g) => ({ inviter_id: g.inviter_id, inviter_name: g.inviter_name, ...g.figures }))
    .sort(
      (a, b) =>
        b.sent - a.sent ||
        b.stale_pending - a.stale_pending ||
        (a.inviter_name ?? '').localeCompare(b.inviter_name ?? ''),
    );
}
