import { type ClerkFailure, clerkErrors, errorBody } from '@invites/clerk-schema';
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { AppEnv } from './app-env.ts';

/** Clerk's exact JSON content type: the official SDK only parses bodies whose header has no charset. */
export const JSON_CONTENT_TYPE = 'application/json';

/** An answer in Clerk's error envelope, thrown from anywhere below a route and rendered by `onError`. */
export class ClerkHttpError extends Error {
  constructor(readonly failure: ClerkFailure) {
    super(failure.errors[0]?.long_message ?? 'Clerk error');
    this.name = 'ClerkHttpError';
  }
}

/** Throws `failure` as a `ClerkHttpError`. */
export function raise(failure: ClerkFailure): never {
  throw new ClerkHttpError(failure);
}

/** A JSON response with Clerk's exact content type. */
export function sendJson(c: Context<AppEnv>, body: unknown, status: ContentfulStatusCode = 200): Response {
  return c.body(JSON.stringify(body), status, { 'Content-Type': JSON_CONTENT_TYPE });
}

/** A failure rendered in Clerk's envelope, with the request's trace id in the body. */
export function sendFailure(c: Context<AppEnv>, failure: ClerkFailure): Response {
  const body = errorBody(failure.errors, c.get('traceId'));
  return c.body(JSON.stringify(body), failure.status as ContentfulStatusCode, {
    ...failure.headers,
    'Content-Type': JSON_CONTENT_TYPE,
  });
}

/** The failure for an unknown route. */
export const routeNotFound = (): ClerkFailure =>
  clerkErrors.resourceNotFound('The requested resource was not found.');
