import { clerkErrors, newTraceId } from '@invites/clerk-schema';
import { Hono } from 'hono';
import { methodOverride } from 'hono/method-override';
import type { EmulatorContext } from './context.ts';
import { fapiApp } from './fapi/app.ts';
import type { AppEnv } from './http/app-env.ts';
import { ClerkHttpError, routeNotFound, sendFailure } from './http/respond.ts';
import { requireSecretKey } from './middleware/auth.ts';
import { ConnectionDroppedError, injectFaults } from './middleware/faults.ts';
import { rateLimit } from './middleware/rate-limit.ts';
import { controlRoutes } from './routes/controls.ts';
import { instanceInvitationRoutes } from './routes/instance-invitations.ts';
import { membershipRoutes } from './routes/memberships.ts';
import { organizationInvitationRoutes } from './routes/organization-invitations.ts';
import { organizationRoutes } from './routes/organizations.ts';
import { roleRoutes } from './routes/roles.ts';
import { sessionRoutes } from './routes/sessions.ts';
import { signInTokenRoutes } from './routes/sign-in-tokens.ts';
import { userRoutes } from './routes/users.ts';
import { webhookControlRoutes } from './routes/webhook-controls.ts';

/**
 * The emulator's Hono app: Clerk's Backend API subset under `/v1` (secret key), its Frontend API
 * subset under `/fapi/v1` (browsers, no key), test controls under `/__emulator`.
 */
export function buildApp(ctx: EmulatorContext): Hono<AppEnv> {
  const { options } = ctx;
  const app = new Hono<AppEnv>();
  app.use('*', async (c, next) => {
    const traceId = newTraceId();
    c.set('traceId', traceId);
    c.header('x-clerk-trace-id', traceId);
    await next();
  });
  app.use('/v1/*', injectFaults(ctx.faults));
  app.use('/v1/*', requireSecretKey(options.secretKey));
  app.use('/__emulator/*', requireSecretKey(options.secretKey));
  if (options.rateLimits === 'clerk') app.use('/v1/*', rateLimit(ctx.limiter, options.secretKey));

  const v1 = new Hono<AppEnv>()
    .route('/', instanceInvitationRoutes(ctx))
    .route('/', organizationInvitationRoutes(ctx))
    .route('/', organizationRoutes(ctx))
    .route('/', membershipRoutes(ctx))
    .route('/', userRoutes(ctx))
    .route('/', roleRoutes(ctx))
    .route('/', sessionRoutes(ctx))
    .route('/', signInTokenRoutes(ctx));
  app.route('/v1', v1);
  // clerk-js sends PATCH and DELETE as POST with `?_method=` (no CORS preflight).
  app.use('/fapi/*', methodOverride({ app, query: '_method' }));
  app.route('/fapi', fapiApp(ctx));
  app.route('/__emulator', controlRoutes(ctx));
  app.route('/__emulator', webhookControlRoutes(ctx));

  app.notFound((c) => sendFailure(c, routeNotFound()));
  app.onError((err, c) => {
    if (err instanceof ClerkHttpError) return sendFailure(c, err.failure);
    if (err instanceof ConnectionDroppedError) throw err;
    console.error('clerk-emulator: unexpected error', err);
    return sendFailure(c, clerkErrors.internal());
  });
  return app;
}
