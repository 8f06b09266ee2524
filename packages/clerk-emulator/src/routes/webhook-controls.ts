import { clerkErrors, intParam } from '@invites/clerk-schema';
import { Hono } from 'hono';
import { z } from 'zod';
import type { EmulatorContext } from '../context.ts';
import type { AppEnv } from '../http/app-env.ts';
import { parseOrRaise, readQuery } from '../http/request.ts';
import { raise, sendJson } from '../http/respond.ts';
import { DELIVERY_STATUSES, type DeliveryRow, listDeliveries } from '../webhooks/delivery-store.ts';

const DeliveriesQuery = z.object({
  status: z.enum(DELIVERY_STATUSES).optional(),
  event_type: z.string().min(1).optional(),
  limit: intParam(1, 500, 50),
  offset: intParam(0, 1_000_000_000, 0),
});

/** A delivery as the controls show it: its state and the event it carries (never the secret). */
function toDelivery(row: DeliveryRow) {
  return {
    object: 'webhook_delivery',
    id: row.id,
    event_type: row.event_type,
    status: row.status,
    attempts: row.attempts,
    next_attempt_at: row.next_attempt_at,
    last_status: row.last_status,
    last_error: row.last_error,
    created_at: row.created_at,
    updated_at: row.updated_at,
    event: JSON.parse(row.payload) as unknown,
  };
}

/** `/__emulator/webhooks/…`: the sent events and their deliveries, and replaying one. */
export function webhookControlRoutes(ctx: EmulatorContext) {
  return new Hono<AppEnv>()
    .get('/webhooks/deliveries', (c) => {
      const query = parseOrRaise(DeliveriesQuery, readQuery(c));
      const { rows, total } = listDeliveries(ctx.db, { ...query, type: query.event_type });
      return sendJson(c, {
        data: rows.map(toDelivery),
        total_count: total,
        endpoint: { enabled: ctx.webhooks.enabled, url: ctx.options.webhookUrl ?? null },
      });
    })
    .post('/webhooks/deliveries/:id/replay', (c) => {
      const id = c.req.param('id');
      const row =
        ctx.webhooks.replay(id) ??
        raise(clerkErrors.resourceNotFound(`No webhook delivery was found with id ${id}.`));
      return sendJson(c, toDelivery(row));
    });
}
