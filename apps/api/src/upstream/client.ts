import { Readable } from 'node:stream';
import { ClerkErrorsSchema, clerkErrors, newTraceId } from '@invites/clerk-schema';
import { Agent, type Dispatcher } from 'undici';
import { ApiError } from '../http/errors.ts';
import { sharedDeadlines } from './deadline.ts';
import { UpstreamError } from './errors.ts';

/** One call to the Clerk Backend API (or the emulator); `path` is built only from validated parts. */
export interface UpstreamRequest {
  method: 'GET' | 'POST';
  path: string;
  /** Parameters, or a query string already serialized (without the `?`). */
  query?: URLSearchParams | string;
  body?: unknown;
  /** Extra headers (e.g. `origin`, which the session-token endpoint turns into `azp`). */
  headers?: Record<string, string>;
}

export interface UpstreamResponse {
  status: number;
  header(name: string): string | undefined;
  json(): Promise<unknown>;
  /** The body's bytes as they came, without parsing. */
  bytes(): Promise<Uint8Array>;
  stream(): ReadableStream<Uint8Array>;
  dump(): Promise<void>;
}

export interface UpstreamClient {
  send(req: UpstreamRequest): Promise<UpstreamResponse>;
  close(): Promise<void>;
}

export interface UpstreamOptions {
  baseUrl: string;
  secretKey: string;
  timeoutMs: number;
  /** Extra attempts for GETs after a network error or a 5xx. */
  retries: number;
  retryBaseMs: number;
  dispatcher?: Dispatcher;
  random?: () => number;
  onRetry?: (info: { method: string; path: string; attempt: number; reason: string }) => void;
}

const SAFE_PATH = /^\/(?:[\w-]+\/)*[\w-]+$/;
const TIMEOUT_CODES = new Set(['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'UND_ERR_CONNECT_TIMEOUT']);

function classify(err: unknown): UpstreamError {
  if (err instanceof UpstreamError) return err;
  const e = err as { name?: string; code?: string; message?: string };
  const timedOut = e?.name === 'TimeoutError' || e?.name === 'AbortError' || TIMEOUT_CODES.has(e?.code ?? '');
  return new UpstreamError(timedOut ? 'timeout' : 'network', e?.message ?? 'upstream request failed', {
    cause: err,
  });
}

/**
 * A body's bytes as they came: a body that arrived in one chunk (most answers) is that chunk, not a
 * copy of it (`arrayBuffer()` always copies into a fresh buffer).
 */
function readBytes(body: Readable): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    body.on('data', (chunk: Buffer) => chunks.push(chunk));
    body.once('end', () => resolve(chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks)));
    body.once('error', (err) => reject(classify(err)));
  });
}

// A class rather than an object of closures: one allocation per upstream answer on the hot path.
class UpstreamAnswer implements UpstreamResponse {
  readonly status: number;

  constructor(private readonly res: Dispatcher.ResponseData) {
    this.status = res.statusCode;
  }

  header(name: string): string | undefined {
    const value = this.res.headers[name.toLowerCase()];
    return Array.isArray(value) ? value[0] : value;
  }

  json(): Promise<unknown> {
    return this.res.body.json().catch((err: unknown) => {
      throw err instanceof SyntaxError ? new UpstreamError('bad_response', 'invalid JSON') : classify(err);
    });
  }

  bytes(): Promise<Uint8Array> {
    return readBytes(this.res.body);
  }

  stream(): ReadableStream<Uint8Array> {
    return Readable.toWeb(this.res.body) as unknown as ReadableStream<Uint8Array>;
  }

  dump(): Promise<void> {
    return this.res.body.dump().catch(() => {});
  }
}

/** A keep-alive client for the upstream: bearer secret key, timeout, jittered retries for GETs. */
export function createUpstream(options: UpstreamOptions): UpstreamClient {
  const baseUrl = new URL(options.baseUrl);
  const origin = baseUrl.origin;
  // Keep-alive connections to the upstream, shared by every request; requests name the origin and
  // path directly, so no URL is parsed per call.
  const dispatcher =
    options.dispatcher ??
    new Agent({
      keepAliveTimeout: 30_000,
      connections: 64,
      headersTimeout: options.timeoutMs,
      bodyTimeout: options.timeoutMs,
      connect: { timeout: options.timeoutMs },
    });
  const random = options.random ?? Math.random;
  const deadline = sharedDeadlines(options.timeoutMs);
  const base = baseUrl.pathname.replace(/\/+$/, '');

  // The headers of every call; a call with a body or extra headers gets its own copy.
  const baseHeaders: Readonly<Record<string, string>> = Object.freeze({
    authorization: `Bearer ${options.secretKey}`,
    accept: 'application/json',
    'user-agent': 'invitations-console-api',
  });

  const once = async (req: UpstreamRequest): Promise<UpstreamResponse> => {
    const search = typeof req.query === 'string' ? req.query : req.query?.toString();
    const query = search ? `?${search}` : '';
    const headers =
      req.headers === undefined && req.body === undefined
        ? baseHeaders
        : {
            ...req.headers,
            ...baseHeaders,
            ...(req.body === undefined ? {} : { 'content-type': 'application/json' }),
          };
    try {
      const res = await dispatcher.request({
        origin,
        path: `${base}${req.path}${query}`,
        method: req.method,
        headers,
        body: req.body === undefined ? null : JSON.stringify(req.body),
        // The attempt's deadline, until its body has been read.
        signal: deadline(),
      });
      return new UpstreamAnswer(res);
    } catch (err) {
      throw classify(err);
    }
  };

  const backoff = (attempt: number) => options.retryBaseMs * 2 ** attempt * (0.5 + random() / 2);

  return {
    async send(req) {
      if (!SAFE_PATH.test(req.path)) throw new Error(`refusing unsafe upstream path ${req.path}`);
      const retries = req.method === 'GET' ? options.retries : 0;
      for (let attempt = 0; ; attempt++) {
        const last = attempt >= retries;
        try {
          const res = await once(req);
          if (last || res.status < 500) return res;
          await res.dump();
          options.onRetry?.({ method: req.method, path: req.path, attempt, reason: `status ${res.status}` });
        } catch (err) {
          const upstreamErr = classify(err);
          if (last || upstreamErr.kind !== 'network') throw upstreamErr;
          options.onRetry?.({ method: req.method, path: req.path, attempt, reason: upstreamErr.message });
        }
        await new Promise((resolve) => setTimeout(resolve, backoff(attempt)));
      }
    },
    close: () => dispatcher.close(),
  };
}

function isJson(res: UpstreamResponse): boolean {
  return res.header('content-type')?.split(';')[0]?.trim().toLowerCase() === 'application/json';
}

/** Reads an upstream answer as JSON, throwing Clerk's error (status, body, trace id, Retry-After) on failure. */
export async function readUpstream(res: UpstreamResponse): Promise<unknown> {
  await assertOk(res);
  return res.json();
}

/** Throws Clerk's error for a failed upstream answer (after reading its body); returns for a success. */
export async function assertOk(res: UpstreamResponse): Promise<void> {
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
  if (res.status >= 500) {
    // Clerk's own failure: as its gateway the api answers 502, keeping Clerk's trace id and Retry-After.
    const failure = clerkErrors.upstreamUnavailable(
      `Clerk answered with an error (${res.status}). Try again in a moment.`,
    );
    throw new ApiError(
      {
        ...failure,
        errors: failure.errors.map((e) => ({
          ...e,
          meta: { upstream_status: res.status, upstream_code: parsed.data.errors[0]?.code ?? null },
        })),
        ...(retryAfter ? { headers: { 'Retry-After': retryAfter } } : {}),
      },
      traceId,
    );
  }
  throw new ApiError(
    {
      status: res.status,
      errors: parsed.data.errors,
      ...(retryAfter ? { headers: { 'Retry-After': retryAfter } } : {}),
    },
    traceId,
  );
}
