import { newClerkId } from '@invites/clerk-schema';
import type { Clock } from '../clock.ts';
import type { ResolvedOptions } from '../config.ts';
import type { Db } from '../db/database.ts';
import {
  type DeliveryRow,
  dueDeliveries,
  getDelivery,
  insertDelivery,
  nextDueAfter,
  recordAttempt,
  requeueDelivery,
} from './delivery-store.ts';
import { webhookHeaders } from './signing.ts';

/** Svix's schedule after the first attempt (5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h), divided by `timeScale`. */
export const RETRY_DELAYS_MS = [5_000, 300_000, 1_800_000, 7_200_000, 18_000_000, 36_000_000, 36_000_000];
/** Svix gives an endpoint this long to answer. */
const ATTEMPT_TIMEOUT_MS = 15_000;
const MAX_IN_FLIGHT = 64;
const USER_AGENT = 'Svix-Webhooks/1.0 (clerk-emulator)';

export type WebhookEventType =
  | 'organizationInvitation.created'
  | 'organizationInvitation.accepted'
  | 'organizationInvitation.revoked'
  | 'organizationMembership.created'
  | 'organizationMembership.updated'
  | 'organizationMembership.deleted';

/** What Clerk knows about the request that caused an event. */
export interface EventAttributes {
  userAgent?: string | undefined;
}

/**
 * Clerk's webhook sender: each event is stored as a delivery, then POSTed to the configured endpoint
 * off the request path, signed per attempt; failures are retried on Svix's schedule. Deliveries live
 * in the emulator's database, so a restart resumes the pending ones. Attempt times use the real clock.
 */
export class WebhookDispatcher {
  readonly #inFlight = new Map<string, AbortController>();
  #timer: ReturnType<typeof setTimeout> | undefined;
  #closed = false;

  constructor(
    private readonly db: Db,
    private readonly options: ResolvedOptions,
    private readonly clock: Clock,
    private readonly instanceId: () => string,
  ) {}

  /** True when an endpoint and its secret are configured. */
  get enabled(): boolean {
    return Boolean(this.options.webhookUrl && this.options.webhookSecret);
  }

  /** Records `type` with `data` for delivery (nothing without an endpoint) and starts sending it. */
  emit(type: WebhookEventType, data: unknown, attributes: EventAttributes = {}): void {
    if (!this.enabled || this.#closed) return;
    const event = {
      data,
      event_attributes: {
        http_request: { client_ip: '127.0.0.1', user_agent: attributes.userAgent ?? '' },
      },
      instance_id: this.instanceId(),
      object: 'event',
      timestamp: this.clock.now(),
      type,
    };
    insertDelivery(this.db, { id: newClerkId('msg'), type, payload: JSON.stringify(event), now: Date.now() });
    this.#schedule(0);
  }

  /** Sends a delivery again now, with the same id (a receiver sees a redelivery). */
  replay(id: string): DeliveryRow | undefined {
    if (!getDelivery(this.db, id)) return undefined;
    requeueDelivery(this.db, id, Date.now());
    this.#schedule(0);
    return getDelivery(this.db, id);
  }

  /** Sends whatever is due (pending deliveries left by an earlier run). */
  resume(): void {
    this.#schedule(0);
  }

  /** Stops sending: aborts attempts in flight and leaves their deliveries pending. */
  stop(): void {
    this.#closed = true;
    clearTimeout(this.#timer);
    for (const controller of this.#inFlight.values()) controller.abort();
  }

  #schedule(delayMs: number): void {
    if (this.#closed) return;
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.#pump(), Math.max(0, delayMs));
    this.#timer.unref();
  }

  #pump(): void {
    if (this.#closed) return;
    const now = Date.now();
    const room = MAX_IN_FLIGHT - this.#inFlight.size;
    if (room > 0) {
      const due = dueDeliveries(this.db, now, MAX_IN_FLIGHT + this.#inFlight.size);
      for (const row of due.filter((r) => !this.#inFlight.has(r.id)).slice(0, room)) {
        void this.#attempt(row);
      }
    }
    const next = nextDueAfter(this.db, now);
    if (next !== undefined) this.#schedule(next - now);
  }

  async #attempt(row: DeliveryRow): Promise<void> {
    const { webhookUrl: url, webhookSecret: secret } = this.options;
    if (!url || !secret) return;
    const controller = new AbortController();
    this.#inFlight.set(row.id, controller);
    const timer = setTimeout(() => controller.abort(), ATTEMPT_TIMEOUT_MS);
    let status: number | null = null;
    let error: string | null = null;
    try {
      const response = await globalThis.fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'user-agent': USER_AGENT,
          ...webhookHeaders(secret, row.id, row.payload),
        },
        body: row.payload,
        signal: controller.signal,
      });
      status = response.status;
      await response.arrayBuffer();
    } catch (err) {
      error = controller.signal.aborted ? 'timed out' : err instanceof Error ? err.message : String(err);
    } finally {
      clearTimeout(timer);
      this.#inFlight.delete(row.id);
    }
    if (this.#closed) return;
    const ok = status !== null && status >= 200 && status < 300;
    const delay = RETRY_DELAYS_MS[row.attempts];
    const now = Date.now();
    recordAttempt(this.db, row.id, {
      status: ok ? 'succeeded' : delay === undefined ? 'failed' : 'pending',
      nextAttemptAt: ok || delay === undefined ? null : now + delay / this.options.timeScale,
      lastStatus: status,
      lastError: ok ? null : (error ?? `endpoint answered ${status}`),
      now,
    });
    this.#pump();
  }
}
