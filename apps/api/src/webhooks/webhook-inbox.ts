import type { ClerkWebhookEvent } from '@invites/clerk-schema';
import type { Logger } from '../log.ts';
import type { Store } from '../store/create-store.ts';
import type { WebhookEventsTable } from '../store/schema.ts';
import { applyEvent } from './apply-event.ts';
import { eventTimeMs } from './event-activity.ts';

/** A verified, well-formed event as the endpoint received it. */
export interface ReceivedEvent {
  svixId: string;
  event: ClerkWebhookEvent;
  /** The body exactly as signed. */
  body: string;
  receivedAt: number;
}

/** Received webhook events: stored on the request path, applied off it. */
export interface WebhookInbox {
  /** Stores the event once per svix-id; false when it was already there (a redelivery). */
  save(received: ReceivedEvent): Promise<boolean>;
  /** Applies stored events that are not yet applied, soon, off the request path. */
  wake(): void;
  /** Resolves once the events stored so far are applied (or have failed for now). */
  idle(): Promise<void>;
  /** Stops applying; the current event finishes first. */
  stop(): Promise<void>;
}

export interface InboxOptions {
  store: Store;
  logger: Logger;
  now: () => number;
  /** Events read per pass. */
  batchSize?: number;
  /** After a failure, the next pass waits this long. */
  retryDelayMs?: number;
  /** An event that failed this many times is set aside (marked processed, with its error). */
  maxAttempts?: number;
  /** Applies one event (tests slow it down). */
  apply?: typeof applyEvent;
}

function organizationOf(event: ClerkWebhookEvent): string {
  return 'organization_id' in event.data ? event.data.organization_id : event.data.organization.id;
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * The store side of `POST /api/webhooks/clerk`. Saving is one insert keyed by svix-id; applying
 * (figures, activity log) runs in passes after the answer has gone out, one event at a time with a
 * turn of the event loop between them, so a burst of deliveries is acknowledged first. Applying is
 * idempotent, so api replicas sharing a Postgres store may apply the same event without harm.
 */
export function createWebhookInbox(options: InboxOptions): WebhookInbox {
  const { store, logger, now } = options;
  const batchSize = options.batchSize ?? 100;
  const retryDelayMs = options.retryDelayMs ?? 1_000;
  const maxAttempts = options.maxAttempts ?? 5;
  const apply = options.apply ?? applyEvent;
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = false;
  let retry: ReturnType<typeof setTimeout> | undefined;

  async function fail(row: WebhookEventsTable, err: unknown): Promise<void> {
    const attempts = row.attempts + 1;
    const error = err instanceof Error ? err.message : String(err);
    logger.error('could not apply a Clerk webhook event', {
      svix_id: row.svix_id,
      type: row.type,
      attempts,
      error: err,
    });
    await store.db
      .updateTable('webhook_events')
      .set({
        attempts,
        last_error: error.slice(0, 500),
        ...(attempts >= maxAttempts ? { processed_at: now() } : {}),
      })
      .where('svix_id', '=', row.svix_id)
      .execute()
      .catch(() => undefined);
  }

  async function pass(): Promise<void> {
    await nextTurn();
    for (;;) {
      again = false;
      const rows = await store.db
        .selectFrom('webhook_events')
        .selectAll()
        .where('processed_at', 'is', null)
        .orderBy('received_at')
        .orderBy('svix_id')
        .limit(batchSize)
        .execute();
      if (rows.length === 0) return;
      for (const row of rows) {
        if (stopped) return;
        try {
          await apply(store, row, now());
        } catch (err) {
          await fail(row, err);
          // Try again later rather than spin on an event that keeps failing (a database outage).
          retry = setTimeout(wake, retryDelayMs);
          retry.unref();
          return;
        }
        await nextTurn();
      }
    }
  }

  function wake(): void {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = pass()
      .catch((err: unknown) => logger.error('webhook processing failed', { error: err }))
      .finally(() => {
        running = null;
        if (again) wake();
      });
  }

  return {
    async save({ svixId, event, body, receivedAt }) {
      const result = await store.db
        .insertInto('webhook_events')
        .values({
          svix_id: svixId,
          type: event.type,
          organization_id: organizationOf(event),
          payload: body,
          occurred_at: eventTimeMs(event.timestamp),
          received_at: receivedAt,
          processed_at: null,
          attempts: 0,
          last_error: null,
        })
        .onConflict((oc) => oc.column('svix_id').doNothing())
        .executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
    },
    wake,
    async idle() {
      while (running) await running;
    },
    async stop() {
      stopped = true;
      clearTimeout(retry);
      await running;
    },
  };
}
