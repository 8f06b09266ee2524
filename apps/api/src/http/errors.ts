import { type ClerkFailure, clerkErrors, errorBody, newTraceId } from '@invites/clerk-schema';
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { UpstreamError } from '../upstream/errors.ts';
import { respond } from './respond.ts';

/** An error answered in Clerk's envelope with the failure's status. */
export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    readonly failure: ClerkFailure,
    readonly traceId: string = newTraceId(),
  ) {
    super(failure.errors[0]?.long_message ?? 'API error');
  }
}

/** Clerk's error envelope as a Response: exact `application/json`, trace id in body and header. */
export function errorResponse(failure: ClerkFailure, traceId: string = newTraceId()): Response {
  const headers: Record<string, string> = { 'content-type': 'application/json', 'x-clerk-trace-id': traceId };
  for (const name in failure.headers) headers[name.toLowerCase()] = failure.headers[name] as string;
  return respond(JSON.stringify(errorBody(failure.errors, traceId)), failure.status, headers);
}

/** Throws the failure as an ApiError (for use in expressions). */
export function fail(failure: ClerkFailure): never {
  throw new ApiError(failure);
}

/** The single onError: every thrown error becomes Clerk's envelope; unexpected ones are logged. */
export function handleError(err: Error, c: Context): Response {
  if (err instanceof ApiError) return errorResponse(err.failure, err.traceId);
  // A contract's validator met a body it could not parse (400) or a content type it does not take (415).
  if (err instanceof HTTPException && (err.status === 400 || err.status === 415)) {
    return errorResponse(clerkErrors.requestBodyInvalid());
  }
  const log = c.get('log');
  if (err instanceof UpstreamError) {
    log?.warn({ kind: err.kind, error: err.message }, 'upstream failure');
    return errorResponse(
      err.kind === 'timeout' ? clerkErrors.upstreamTimeout() : clerkErrors.upstreamUnavailable(),
    );
  }
  log?.error({ error: err }, 'unhandled error');
  return errorResponse(clerkErrors.internal());
}

/** The 404 answer for any path outside the allow-list. */
export function notFoundResponse(): Response {
  return errorResponse(clerkErrors.notFound());
}
