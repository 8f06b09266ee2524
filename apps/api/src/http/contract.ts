import { createRoute, type OpenAPIHonoOptions, type RouteConfig, type z } from '@hono/zod-openapi';
import { ClerkErrorsSchema, zodErrorToClerk } from '@invites/clerk-schema';
import { isEmptyBody, jsonBodyProblem } from '@invites/clerk-schema/http-body';
import type { MiddlewareHandler } from 'hono';
import type { AccessGuards, AccessLevel } from '../auth/access.ts';
import type { AppEnv } from '../types.ts';
import { ApiError } from './errors.ts';

/**
 * One contract per console route (`@hono/zod-openapi`'s `createRoute`): method, path, parameters, body,
 * answers and who may call it (`x-access`, an OpenAPI extension, so it is in the published document
 * too). The route is mounted behind the guard of its access level; the route catalog, the
 * authorization matrix and `/api/openapi.json` are read from the same contracts.
 */

/** A JSON body or answer of `schema`. */
export function jsonContent<S extends z.ZodType>(schema: S, description: string) {
  return { content: { 'application/json': { schema } }, description };
}

const clerkError = (description: string) => jsonContent(ClerkErrorsSchema, description);

/** The error answers a route can give, in Clerk's envelope, from its access level and inputs. */
function errorResponses(access: AccessLevel, config: Pick<RouteConfig, 'request'>): RouteConfig['responses'] {
  const hasInput = Boolean(config.request?.query || config.request?.body);
  // Clerk's webhooks carry a signature instead of a session; the route answers its own errors.
  if (access === 'webhook') return {};
  return {
    ...(config.request?.body ? { 400: clerkError('The body is not JSON, or is nested too deep.') } : {}),
    ...(access === 'public' ? {} : { 401: clerkError('No valid session token.') }),
    ...(access === 'public' || access === 'signed_in'
      ? {}
      : { 403: clerkError('Not allowed for this user.') }),
    ...(access === 'org_manager' || access === 'job_manager'
      ? { 404: clerkError('No such organization or job (or one the user may not manage).') }
      : {}),
    ...(hasInput ? { 422: clerkError('A parameter is missing or invalid.') } : {}),
  };
}

/** A console route's contract: `createRoute` plus the route's access level. */
export function consoleRoute<const R extends RouteConfig>(access: AccessLevel, config: R) {
  return createRoute({
    ...config,
    'x-access': access,
    responses: { ...errorResponses(access, config), ...config.responses } as R['responses'],
  });
}

export type ConsoleRoute = ReturnType<typeof consoleRoute>;

/**
 * Before zod-openapi reads a JSON body: Clerk's 400 for a body that must not be parsed (not JSON,
 * nested too deep), and an empty JSON body read as `{}`, as Clerk reads it.
 */
const jsonBody: MiddlewareHandler<AppEnv> = async (c, next) => {
  const text = await c.req.text();
  const type = c.req.header('content-type');
  const problem = jsonBodyProblem(text, type);
  if (problem) throw new ApiError(problem);
  // zod-openapi parses the cached text again; `{}` in place of nothing, when the type says JSON.
  if (isEmptyBody(text) && type !== undefined) {
    (c.req.bodyCache as unknown as { text?: Promise<string> }).text = Promise.resolve('{}');
  }
  await next();
};

/**
 * `route` mounted behind the guard of its access level: `before` runs ahead of the guard (checks that
 * need no user), `after` behind it; the body check comes last, just before zod-openapi's validation.
 */
export function guarded<R extends ConsoleRoute>(
  route: R,
  access: AccessGuards,
  extra: { before?: MiddlewareHandler[]; after?: MiddlewareHandler[] } = {},
): R {
  const level = route['x-access'] as Exclude<AccessLevel, 'demo' | 'webhook'>;
  return {
    ...route,
    middleware: [
      ...(extra.before ?? []),
      access(level),
      ...(extra.after ?? []),
      ...(route.request?.body ? [jsonBody] : []),
    ],
  };
}

/** Answers a query, path or body that fails its contract's schema in Clerk's envelope (400/422). */
export const clerkValidationHook: NonNullable<OpenAPIHonoOptions<AppEnv>['defaultHook']> = (result) => {
  // The validator passes the raw input along (the failure's own type leaves it out).
  if (!result.success) throw new ApiError(zodErrorToClerk(result.error, (result as { data?: unknown }).data));
};
