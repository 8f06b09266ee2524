import { clerkErrors } from '@invites/clerk-schema';
import { Hono } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { EmulatorContext } from '../context.ts';
import type { AppEnv } from '../http/app-env.ts';
import { sendFailure } from '../http/respond.ts';
import { sameKey } from '../middleware/auth.ts';
import { clientRoutes } from './routes/client.ts';
import { environmentRoutes } from './routes/environment.ts';
import { sessionRoutes } from './routes/sessions.ts';
import { signInRoutes } from './routes/sign-ins.ts';

/**
 * Browsers call the Frontend API without a key. A Frontend API proxy (`@clerk/backend/proxy`) adds
 * the instance's secret key in `Clerk-Secret-Key`; a wrong one is refused, as a misconfigured proxy.
 */
function checkProxyKey(secretKey: string) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const given = c.req.header('Clerk-Secret-Key');
    if (given !== undefined && !sameKey(given, secretKey))
      return sendFailure(c, clerkErrors.secretKeyInvalid());
    return next();
  });
}

/** The Frontend API subset clerk-js and Clerk's `<SignIn />` use, answering under `/v1`. */
export function fapiApp(ctx: EmulatorContext): Hono<AppEnv> {
  const v1 = new Hono<AppEnv>()
    .use('*', checkProxyKey(ctx.options.secretKey))
    .route('/', environmentRoutes())
    .route('/', clientRoutes(ctx))
    .route('/', signInRoutes(ctx))
    .route('/', sessionRoutes(ctx));
  return new Hono<AppEnv>().route('/v1', v1);
}
