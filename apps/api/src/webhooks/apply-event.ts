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

/** Applies one stored event: its invitation's outcome, its activity entry, then marks it processed. */
export async function applyEvent(store: Store, row: WebhookEventsTable, now: number): Promise<void> {
  const event = storedEvent(row);
  await store.db.transaction().execute(async (tx) => {
    const outcome = outcomeOfEvent(event, now);
    if (outcome) await mergeOutcome(tx, outcome);
    await recordClerkActivity(tx, activityOfEvent(event, row.svix_id));
    await tx
      .updateTable('webhook_events')
      .set({ processed_at: now, last_error: null })
      .where('svix_id', '=', row.svix_id)
      .execute();
  });
}
