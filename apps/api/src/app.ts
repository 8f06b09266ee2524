import { OpenAPIHono } from '@hono/zod-openapi';
import { clerkErrors } from '@invites/clerk-schema';
import { bodyLimit } from 'hono/body-limit';
import { getCookie } from 'hono/cookie';
import { accessGuards } from './auth/access.ts';
import { createAuthenticator } from './auth/require-auth.ts';
import { SESSION_COOKIE } from './auth/session-cookie.ts';
import { createRecipientChecker } from './bulk/recipient-check.ts';
import { createRoleCatalog } from './bulk/role-catalog.ts';
import { clerkFirstReads } from './clerk-frontend/first-reads.ts';
import type { AppConfig } from './config.ts';
import type { AppDeps } from './deps.ts';
import { firstLoadHints } from './first-load-hints.ts';
import { clerkValidationHook } from './http/contract.ts';
import { errorResponse, handleError, notFoundResponse } from './http/errors.ts';
import { openApiDocument } from './http/openapi-document.ts';
import { requestContext } from './http/request-context.ts';
import { securityHeaders } from './http/security-headers.ts';
import { acceptanceRoutes } from './routes/acceptance.ts';
import { activityRoutes } from './routes/activity.ts';
import { bulkInvitationRoutes } from './routes/bulk-invitations.ts';
import { CLERK_PROXY_PATH, clerkFrontendRoutes } from './routes/clerk-frontend.ts';
import { clerkScriptUrl, configRoutes, consoleConfig, headTags } from './routes/config.ts';
import { demoSignInRoutes } from './routes/demo-sign-in.ts';
import { expiringInvitationRoutes } from './routes/expiring-invitations.ts';
import { healthRoutes } from './routes/health.ts';
import { invitationExportRoutes } from './routes/invitation-exports.ts';
import { invitationJobRoutes } from './routes/invitation-jobs.ts';
import { invitationRoutes } from './routes/invitations.ts';
import { meRoutes } from './routes/me.ts';
import { organizationRoutes } from './routes/organizations.ts';
import { roleRoutes } from './routes/roles.ts';
import type { RouteDeps } from './routes/route-deps.ts';
import { userRoutes } from './routes/users.ts';
import { webhookRoutes } from './routes/webhooks.ts';
import { spaRoutes } from './static.ts';
import type { AppEnv } from './types.ts';

/** Builds the api + SPA server. Pure: reads no env and makes no network call until a request arrives. */
export function createApp(config: AppConfig, deps: AppDeps) {
  const routeDeps: RouteDeps = {
    config,
    upstream: deps.upstream,
    principals: deps.principals,
    detectEmulator: deps.detectEmulator,
    clerkPackages: deps.clerkScripts.packages,
    access: accessGuards(
      createAuthenticator({
        verifyToken: deps.verifyToken,
        principals: deps.principals,
        authorizedParties: config.authorizedParties,
      }),
    ),
    store: deps.store,
    activity: deps.activity,
    wakeWorker: deps.wakeWorker,
    recipients: createRecipientChecker({
      upstream: deps.upstream,
      ttlMs: config.recipientCheckTtlMs,
      now: deps.now,
    }),
    roles: createRoleCatalog({ upstream: deps.upstream, ttlMs: config.roleCatalogTtlMs, now: deps.now }),
    expiring: deps.expiring,
    webhookInbox: deps.webhookInbox,
    activityChanges: deps.activityChanges,
    now: deps.now,
  };

  // The console's own routes are mounted with one contract each (validated by zod-openapi and
  // answered in Clerk's envelope); the app keeps their OpenAPI registry.
  const app = new OpenAPIHono<AppEnv>({ defaultHook: clerkValidationHook });
  // Request id, path guard, security headers, `cache-control` on API answers, access log: one step.
  app.use(requestContext(deps.logger, deps.now, securityHeaders(config.imageOrigins)));
  const limitBody = (maxSize: number) =>
    bodyLimit({ maxSize, onError: () => errorResponse(clerkErrors.payloadTooLarge(maxSize)) });
  const defaultLimit = limitBody(config.bodyLimitBytes);
  const bulkJobLimit = limitBody(config.bulkBodyLimitBytes);
  // A bulk job may carry up to 20,000 rows; every other body stays under the default limit.
  // GET and HEAD carry no body; skipping them also avoids materialising a full web Request per read.
  app.use('/api/*', (c, next) =>
    c.req.method === 'GET' || c.req.method === 'HEAD'
      ? next()
      : (c.req.path === '/api/bulk-invitations' ? bulkJobLimit : defaultLimit)(c, next),
  );
  app.use(`${CLERK_PROXY_PATH}/*`, (c, next) =>
    c.req.method === 'GET' || c.req.method === 'HEAD' ? next() : defaultLimit(c, next),
  );

  app.route('/api', healthRoutes(routeDeps));
  app.route('/api', configRoutes(routeDeps));
  app.route('/api', meRoutes(routeDeps));
  app.route('/api', bulkInvitationRoutes(routeDeps));
  app.route('/api', activityRoutes(routeDeps));
  app.route('/api', invitationExportRoutes(routeDeps));
  app.route('/api', invitationJobRoutes(routeDeps));
  app.route('/api', expiringInvitationRoutes(routeDeps));
  app.route('/api', acceptanceRoutes(routeDeps));
  app.route('/api', webhookRoutes(routeDeps));
  app.get('/api/openapi.json', routeDeps.access('public'), openApiDocument(app));
  if (config.nodeEnv !== 'production') app.route('/api', demoSignInRoutes(routeDeps));
  // Clerk's own paths, shaped as Clerk's Backend API (its spec is their contract).
  app.route('/api/v1', invitationRoutes(routeDeps));
  app.route('/api/v1', organizationRoutes(routeDeps));
  app.route('/api/v1', roleRoutes(routeDeps));
  app.route('/api/v1', userRoutes(routeDeps));
  app.all('/api', () => notFoundResponse());
  app.all('/api/*', () => notFoundResponse());
  app.route(CLERK_PROXY_PATH, clerkFrontendRoutes(config, deps.clerkScripts));
  const packages = deps.clerkScripts.packages;
  const clerkJsUrl = clerkScriptUrl(packages, '@clerk/clerk-js', 'clerk.browser.js');
  const hints = firstLoadHints(
    config.webDist,
    clerkFirstReads(
      config.clerkPublishableKey,
      packages.find((p) => p.name === '@clerk/clerk-js'),
      CLERK_PROXY_PATH,
    ),
  );
  app.route(
    '/',
    spaRoutes(
      config.webDist,
      async (c) =>
        headTags(await consoleConfig(config, deps.detectEmulator, packages), clerkJsUrl) +
        hints(c.req.path, new URL(c.req.url).search, getCookie(c, SESSION_COOKIE)),
    ),
  );

  app.notFound(() => notFoundResponse());
  app.onError(handleError);
  return app;
}

export type App = ReturnType<typeof createApp>;
