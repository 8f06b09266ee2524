import { verifyWebhook } from '@clerk/backend/webhooks';
import { OpenAPIHono, z } from '@hono/zod-openapi';
import {
  ClerkErrorsSchema,
  ClerkWebhookEvent,
  clerkErrors,
  isHandledWebhookType,
} from '@invites/clerk-schema';
import { asGuard } from '../auth/access.ts';
import { consoleRoute, jsonContent } from '../http/contract.ts';
import { ApiError, notFoundResponse } from '../http/errors.ts';
import type { AppEnv } from '../types.ts';
import type { RouteDeps } from './route-deps.ts';

/** What verifyWebhook's error says went wrong, without its package prefix. */
function reasonOf(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  return message
    .replace(/^@clerk\/backend:\s*/, '')
    .replace(/^Unable to verify incoming webhook:\s*/, '')
    .toLowerCase();
}

function parsesAsJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

const TIMED_OUT = Symbol('timed out');

function within<T>(work: Promise<T>, ms: number): Promise<T | typeof TIMED_OUT> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<typeof TIMED_OUT>((resolve) => {
    timer = setTimeout(() => resolve(TIMED_OUT), ms);
  });
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}

const Acknowledged = z.object({
  received: z.literal(true),
  /** False for an event type the console does not use (acknowledged, not stored). */
  handled: z.boolean(),
  /** True when this svix-id was already stored (a redelivery). */
  duplicate: z.boolean().optional(),
});

/**
 * The route's contract, for the OpenAPI document. The route itself is not validated by it: the
 * signature is checked on the raw body before anything is parsed.
 */
export const clerkWebhookRoute = consoleRoute('webhook', {
  method: 'post',
  path: '/webhooks/clerk',
  summary: 'Clerk’s webhooks (Standard Webhooks signature, no session)',
  description:
    'Signed with CLERK_WEBHOOK_SIGNING_SECRET (svix-id, svix-timestamp within 5 minutes, svix-signature). Stored once per svix-id, acknowledged, then applied to the activity log and the acceptance figures. 404 when no signing secret is configured.',
  request: { body: jsonContent(ClerkWebhookEvent, 'An organization invitation or membership event.') },
  responses: {
    200: jsonContent(Acknowledged, 'Stored (or already stored, or a type the console does not use).'),
    400: jsonContent(ClerkErrorsSchema, 'Bad signature, timestamp outside 5 minutes, or a malformed event.'),
    404: jsonContent(ClerkErrorsSchema, 'No signing secret configured.'),
    503: jsonContent(ClerkErrorsSchema, 'The event could not be stored in time; Clerk retries it.'),
  },
});

/** Marks the route for the catalog and the matrix: it checks a signature, not a session. */
const signedByClerk = asGuard('webhook', (_c, next) => next());

/**
 * `POST /webhooks/clerk`: Clerk's webhooks, verified with the endpoint's signing secret (Standard
 * Webhooks: svix-id, svix-timestamp within 5 minutes, svix-signature) instead of a session. A verified
 * event of a handled type is stored once per svix-id and acknowledged; it is applied afterwards. Other
 * types are acknowledged and dropped. Without a secret the route does not exist (404). Mounted at `/api`.
 */
export function webhookRoutes({ config, webhookInbox, now }: RouteDeps) {
  const app = new OpenAPIHono<AppEnv>();
  app.openAPIRegistry.registerPath(clerkWebhookRoute);
  return app.post('/webhooks/clerk', signedByClerk, async (c) => {
    const secret = config.webhookSigningSecret;
    if (!secret) return notFoundResponse();
    const body = await c.req.text();
    let verified: unknown;
    try {
      const request = new Request(c.req.url, { method: 'POST', headers: c.req.raw.headers, body });
      verified = await verifyWebhook(request, { signingSecret: secret });
    } catch (err) {
      // The signature covers the body: a body that is not JSON fails here too, after a good signature.
      throw new ApiError(
        parsesAsJson(body) ? clerkErrors.webhookUnverified(reasonOf(err)) : clerkErrors.webhookBodyInvalid(),
      );
    }
    const type = (verified as { type?: unknown }).type;
    if (!isHandledWebhookType(type)) return c.json({ received: true, handled: false });
    const parsed = ClerkWebhookEvent.safeParse(verified);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue ? `${issue.path.join('.') || 'body'}: ${issue.message}` : 'unreadable';
      throw new ApiError(
        clerkErrors.webhookBodyInvalid(`The webhook body is not a valid ${type} event (${where}).`),
      );
    }
    const svixId = c.req.header('svix-id')?.trim() ?? '';
    if (svixId.length > 200)
      throw new ApiError(clerkErrors.webhookBodyInvalid('The svix-id header is too long.'));
    const saved = await within(
      webhookInbox.save({ svixId, event: parsed.data, body, receivedAt: now() }),
      config.webhookStoreTimeoutMs,
    );
    // Clerk retries a 503; the redelivery carries the same svix-id, so a late write is not doubled.
    if (saved === TIMED_OUT) throw new ApiError(clerkErrors.webhookStoreUnavailable());
    webhookInbox.wake();
    return c.json({ received: true, handled: true, duplicate: !saved });
  });
}
