import { ClerkErrorsSchema, clerkErrors, newTraceId } from '@invites/clerk-schema';
import { ApiError, errorResponse } from '../http/errors.ts';
import type { UpstreamResponse } from './client.ts';
import { UpstreamError } from './errors.ts';

function isJson(res: UpstreamResponse): boolean {
  return res.header('content-type')?.split(';')[0]?.trim().toLowerCase() === 'application/json';
}

/** A copy of `value` without any `private_metadata` key, at any depth. */
export function withoutPrivateMetadata(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutPrivateMetadata);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    if (key !== 'private_metadata') out[key] = withoutPrivateMetadata(v);
  }
  return out;
}

/** Reads an upstream answer as JSON, throwing Clerk's error (status, body, trace id, Retry-After) on failure. */
export async function readUpstream(res: UpstreamResponse): Promise<unknown> {
  await assertOk(res);
  return res.json();
}

async function assertOk(res: UpstreamResponse): Promise<void> {
  if (!isJson(res)) {
    await res.dump();
    throw new UpstreamError('bad_response', `upstream answered ${res.status} without JSON`);
  }
  if (res.status < 400) return;
  const parsed = ClerkErrorsSchema.safeParse(await res.json());
  if (!parsed.success)
    throw new UpstreamError('bad_response', `upstream answered ${res.status} without errors`);
  const traceId = parsed.data.clerk_trace_id ?? res.header('x-clerk-trace-id') ?? newTraceId();
  if (res.status === 401) {
    // The upstream rejected the api's own secret key: a server misconfiguration, not the user's session.
    throw new ApiError(
      clerkErrors.upstreamUnavailable('Clerk rejected the api server credentials.'),
      traceId,
    );
  }
  const retryAfter = res.header('retry-after');
  throw new ApiError(
    {
      status: res.status,
      errors: parsed.data.errors,
      ...(retryAfter ? { headers: { 'Retry-After': retryAfter } } : {}),
    },
    traceId,
  );
}

/**
 * Passes an upstream answer to the client: Clerk's status, body and trace id. Success bodies stream
 * through untouched unless `strip` asks for private metadata to be removed (the one re-serialization).
 */
export async function relay(res: UpstreamResponse, options: { strip: boolean }): Promise<Response> {
  try {
    await assertOk(res);
  } catch (err) {
    if (err instanceof ApiError) return errorResponse(err.failure, err.traceId);
    throw err;
  }
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  const traceId = res.header('x-clerk-trace-id');
  if (traceId) headers['x-clerk-trace-id'] = traceId;
  if (!options.strip) return new Response(res.stream(), { status: res.status, headers });
  const body = withoutPrivateMetadata(await res.json());
  return new Response(JSON.stringify(body), { status: res.status, headers });
}
