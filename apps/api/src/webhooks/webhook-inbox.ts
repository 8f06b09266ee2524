import type { ClerkWebhookEvent } from '@invites/clerk-schema';
import type { Logger } from '../log.ts';
import type { Store } from '../store/create-store.ts';
import type { WebhookEventsTable } from '../store/schema.ts';
import { applyEvents } from './apply-event.ts';
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
  /** Events applied per transaction. */
  batchSize?: number;
  /** After a failure, the next pass waits this long. */
  retryDelayMs?: number;
  /** An event that failed this many times is set aside (marked processed, with its error). */
  maxAttempts?: number;
  /** Applies a batch of events (tests slow it down). */
  apply?: typeof applyEvents;
  /** Hears the organizations of each batch applied (pages waiting for changes). */
  onApplied?: (organizationIds: (string | null)[]) => void;
}

function organizationOf(event: ClerkWebhookEvent): string {
  return 'organization_id' in event.data ? event.data.organization_id : event.data.organization.id;
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Saves taken in one flush at most (one multi-row insert). */
const MAX_SAVE_BATCH = 200;

interface PendingSave {
  received: ReceivedEvent;
  resolve: (inserted: boolean) => void;
  reject: (err: unknown) => void;
}

/**
 * The store side of `POST /api/webhooks/clerk`. Saving is an insert keyed by svix-id; the saves that
 * arrive while one is being written (or in the same turn of the event loop) go in together, one
 * commit for all (group commit: a burst costs one disk sync per batch, not per event). Applying
 * (figures, activity log) runs in passes after the answers have gone out, a small batch per
 * transaction with a turn of the event loop between batches, so deliveries are acknowledged first.
 * Applying is idempotent, so api replicas sharing a Postgres store may apply the same event.
 */
export function createWebhookInbox(options: InboxOptions): WebhookInbox {
  const { store, logger, now } = options;
  const batchSize = options.batchSize ?? 10;
  const retryDelayMs = options.retryDelayMs ?? 1_000;
  const maxAttempts = options.maxAttempts ?? 5;
  const apply = options.apply ?? applyEvents;
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = false;
  let retry: ReturnType<typeof setTimeout> | undefined;
  const queue: PendingSave[] = [];
  let flushing = false;

  const toRow = ({ svixId, event, body, receivedAt }: ReceivedEvent): WebhookEventsTable => ({
    svix_id: svixId,
    type: event.type,
    organization_id: organizationOf(event),
    payload: body,
    occurred_at: eventTimeMs(event.timestamp),
    received_at: receivedAt,
    processed_at: null,
    attempts: 0,
    last_error: null,
  });

  async function flush(): Promise<void> {
    flushing = true;
    // Let the other requests of this turn join the batch.
    await nextTurn();
    try {
      while (queue.length > 0) {
        const batch = queue.splice(0, MAX_SAVE_BATCH);
        try {
          const inserted = await store.db
            .insertInto('webhook_events')
            .values(batch.map((p) => toRow(p.received)))
            .onConflict((oc) => oc.column('svix_id').doNothing())
            .returning('svix_id')
            .execute();
          // The same svix-id twice in one batch: the first one is new, the other a redelivery.
          const fresh = new Set(inserted.map((r) => r.svix_id));
          for (const p of batch) p.resolve(fresh.delete(p.received.svixId));
        } catch (err) {
          for (const p of batch) p.reject(err);
        }
      }
    } finally {
      flushing = false;
    }
  }

  async function fail(row: WebhookEventsTable, err: unknown): Promise<void> {
    const attempts = row.attempts + 1;
    const error = err instanceof Error ? err.message : String(err);
    logger.error(
      { svix_id: row.svix_id, type: row.type, attempts, error: err },
      'could not apply a Clerk webhook event',
    );
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
      if (rows.length === 0 || stopped) return;
      try {
        await apply(store, rows, now());
        options.onApplied?.(rows.map((r) => r.organization_id));
      } catch {
        // Find the event that fails: apply the batch one by one.
        for (const row of rows) {
          try {
            await apply(store, [row], now());
            options.onApplied?.([row.organization_id]);
          } catch (err) {
            await fail(row, err);
            // Try again later rather than spin on an event that keeps failing (a database outage).
            retry = setTimeout(wake, retryDelayMs);
            retry.unref();
            return;
          }
        }
      }
      await nextTurn();
    }
  }

  function wake(): void {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = pass()
      .catch((err: unknown) => logger.error({ error: err }, 'webhook processing failed'))
      .finally(() => {
        running = null;
        if (again) wake();
      });
  }

  return {
    save(received) {
      return new Promise<boolean>((resolve, reject) => {
        queue.push({ received, resolve, reject });
        if (!flushing) void flush();
      });
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
