import { ClerkWebhookEvent } from '@invites/clerk-schema';
import { recordClerkActivity } from '../activity/activity-log.ts';
import type { Store } from '../store/create-store.ts';
import type { WebhookEventsTable } from '../store/schema.ts';
import { activityOfEvent } from './event-activity.ts';
import { mergeOutcome, outcomeOfEvent } from './invitation-outcomes.ts';

/** Parses a stored event's body again (it was validated before it was stored). */
export function storedEvent(row: Pick<WebhookEventsTable, 'payload'>): ClerkWebhookEvent {
  return ClerkWebhookEvent.parse(JSON.parse(row.payload));
}

/**
 * Applies stored events in one transaction: each one's invitation outcome and activity entry, then
 * marks them processed. All or none: a failure rolls the batch back.
 */
export async function applyEvents(
  store: Store,
  rows: readonly WebhookEventsTable[],
  now: number,
): Promise<void> {
  if (rows.length === 0) return;
  await store.db.transaction().execute(async (tx) => {
    for (const row of rows) {
      const event = storedEvent(row);
      const outcome = outcomeOfEvent(event, now);
      if (outcome) await mergeOutcome(tx, outcome);
      await recordClerkActivity(tx, activityOfEvent(event, row.svix_id));
    }
    await tx
      .updateTable('webhook_events')
      .set({ processed_at: now, last_error: null })
      .where(
        'svix_id',
        'in',
        rows.map((r) => r.svix_id),
      )
      .execute();
  });
}
