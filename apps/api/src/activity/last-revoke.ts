import { UNKNOWN_ACTOR_ID } from '@invites/clerk-schema';
import type { Store } from '../store/create-store.ts';

/** Who revoked an invitation and when, as the activity log knows it. */
export interface RevokeRecord {
  actor_id: string;
  actor_name: string | null;
  created_at: number;
}

/**
 * The newest successful revoke of `invitationId` in the activity log, or null when the log has none
 * (revoked before the log began). The entry names the invitation in its JSON `detail`: a text match
 * narrows the organization's revokes, and the parsed detail confirms the id. An entry that names who
 * revoked it (the console's own) wins over Clerk's report of the same revoke, which cannot say who.
 */
export async function lastRevokeOf(
  store: Store,
  organizationId: string,
  invitationId: string,
): Promise<RevokeRecord | null> {
  const rows = await store.db
    .selectFrom('activity')
    .select(['actor_id', 'actor_name', 'detail', 'created_at'])
    .where('organization_id', '=', organizationId)
    .where('action', '=', 'invitation.revoke')
    .where('outcome', '=', 'ok')
    .where('detail', 'like', `%${invitationId}%`)
    .orderBy('created_at', 'desc')
    .limit(10)
    .execute();
  const revokes = rows
    .filter((row) => (JSON.parse(row.detail) as { invitation_id?: unknown }).invitation_id === invitationId)
    .map((row) => ({
      actor_id: row.actor_id,
      actor_name: row.actor_name,
      created_at: Number(row.created_at),
    }));
  return revokes.find((r) => r.actor_id !== UNKNOWN_ACTOR_ID) ?? revokes[0] ?? null;
}
