import type { ClerkError } from '@invites/clerk-schema';
import { ApiError, errorResponse } from '../http/errors.ts';
import { respond } from '../http/respond.ts';
import { assertOk, type UpstreamResponse } from './client.ts';
import { UpstreamError } from './errors.ts';
import { stripPrivateMetadataBytes } from './strip-private-metadata.ts';

/** A copy of `value` without any `private_metadata` key, at any depth. */
export function withoutPrivateMetadata(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutPrivateMetadata);
  if (value === null || typeof value !== 'object') return value;
  // Built as own data properties: assigning `out['__proto__']` would set the copy's prototype instead
  // of keeping a member of that name (JSON may have one, e.g. in metadata).
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => key !== 'private_metadata')
      .map(([key, v]) => [key, withoutPrivateMetadata(v)]),
  );
}

/**
 * Removes every `private_metadata` key, at any depth, from a value parsed just now (it must not be
 * shared). Setting `undefined` instead of deleting keeps V8's fast object shapes; JSON.stringify
 * leaves such keys out, so the serialized answer is the same as without the key.
 */
function dropPrivateMetadata(value: unknown): void {
  if (value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    for (const item of value) dropPrivateMetadata(item);
    return;
  }
  const record = value as Record<string, unknown>;
  for (const key in record) {
    if (key === 'private_metadata') record[key] = undefined;
    else dropPrivateMetadata(record[key]);
  }
}

/** Bodies of a declared length up to this are relayed as one buffer; longer or unknown ones stream. */
const BUFFERED_RELAY_BYTES = 1024 * 1024;

/** What `relay` answered, for the audit log; `body` is the parsed success body of an observed call. */
export interface RelayOutcome {
  status: number;
  traceId: string | null;
  error: ClerkError | null;
  body?: unknown;
}

/**
 * Passes an upstream answer to the client: Clerk's status, body and trace id. Success bodies pass
 * through as bytes, unparsed; `strip` removes private metadata (from the bytes, or by parsing and
 * re-serializing when an observer needs the body or the bytes cannot be cut safely).
 * `observe` hears the outcome without holding up or buffering the pass-through.
 */
export async function relay(
  res: UpstreamResponse,
  options: { strip: boolean; observe?: (outcome: RelayOutcome) => void },
): Promise<Response> {
  try {
    await assertOk(res);
  } catch (err) {
    if (!(err instanceof ApiError)) throw err;
    const error = err.failure.errors[0] ?? null;
    options.observe?.({ status: err.failure.status, traceId: err.traceId, error });
    return errorResponse(err.failure, err.traceId);
  }
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  const traceId = res.header('x-clerk-trace-id');
  if (traceId) headers['x-clerk-trace-id'] = traceId;
  if (!options.strip) {
    // The bytes pass through as they came. A small body of known length goes out in one write with
    // Content-Length; bridging it through a web stream costs more CPU than the rest of the request.
    // An observed call (a mutation: one invitation or a bulk answer) is read whole, and parsed for the
    // observer only, so the audit log names the invitation and its address.
    const length = Number(res.header('content-length') ?? Number.NaN);
    if (options.observe || length <= BUFFERED_RELAY_BYTES) {
      const bytes = await res.bytes();
      if (options.observe) {
        const body = parseJsonBytesOrUndefined(bytes);
        options.observe({ status: res.status, traceId: traceId ?? null, error: null, body });
      }
      return respond(bytes, res.status, headers);
    }
    return respond(res.stream(), res.status, headers);
  }
  const bytes = await res.bytes();
  // Lists and reads (no observer needs the body): cut the members out of the bytes, no parsing. Only
  // plain bytes: a content-encoded body takes the parse path, which refuses it.
  const encoding = res.header('content-encoding');
  const plain = encoding === undefined || encoding === 'identity';
  const stripped = options.observe || !plain ? null : stripPrivateMetadataBytes(bytes);
  if (stripped) return respond(stripped, res.status, headers);
  const body = parseJsonBytes(bytes);
  dropPrivateMetadata(body);
  options.observe?.({ status: res.status, traceId: traceId ?? null, error: null, body });
  return respond(JSON.stringify(body), res.status, headers);
}

function parseJsonBytesOrUndefined(bytes: Uint8Array): unknown {
  try {
    return parseJsonBytes(bytes);
  } catch {
    return undefined;
  }
}

function parseJsonBytes(bytes: Uint8Array): unknown {
  try {
    return JSON.parse(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8'));
  } catch {
    throw new UpstreamError('bad_response', 'invalid JSON');
  }
}
