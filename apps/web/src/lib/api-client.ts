import type { ClerkError } from '@invites/clerk-schema';

/** A failed api call: Clerk's error envelope (or a network failure) as one typed error. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly status: number;
  readonly code: string;
  readonly longMessage: string;
  readonly paramName: string | null;
  readonly traceId: string | null;
  /** Seconds to wait before retrying (from Retry-After), when the server said. */
  readonly retryAfter: number | null;
  /** Every error of the envelope; the first one fills the fields above. */
  readonly errors: readonly ClerkError[];

  constructor(init: {
    status: number;
    errors: readonly ClerkError[];
    traceId?: string | null;
    retryAfter?: number | null;
  }) {
    const first = init.errors[0];
    super(first?.message ?? `Request failed (${init.status})`);
    this.status = init.status;
    this.errors = init.errors;
    this.code = first?.code ?? 'unknown_error';
    this.longMessage = first?.long_message ?? first?.message ?? `Request failed (${init.status}).`;
    const param = first?.meta?.param_name;
    this.paramName = typeof param === 'string' ? param : null;
    this.traceId = init.traceId ?? null;
    this.retryAfter = init.retryAfter ?? null;
  }
}

const FALLBACK_MESSAGES: Record<number, string> = {
  0: "Couldn't reach the server. Check your connection and try again.",
  401: 'You need to be signed in to do this.',
  403: 'You are not allowed to do this.',
  404: 'The requested resource does not exist.',
  429: 'Too many requests, retry later.',
  502: 'Clerk could not be reached. Try again in a moment.',
  503: 'The service is unavailable. Try again in a moment.',
  504: 'Clerk did not answer in time. Try again in a moment.',
};

function isClerkError(value: unknown): value is ClerkError {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.code === 'string' && typeof v.message === 'string';
}

/** Parses Retry-After (delta seconds or an HTTP date) into whole seconds. */
export function parseRetryAfter(header: string | null, now = Date.now()): number | null {
  if (!header) return null;
  if (/^\d+$/.test(header.trim())) return Number(header.trim());
  const date = Date.parse(header);
  return Number.isNaN(date) ? null : Math.max(0, Math.ceil((date - now) / 1000));
}

/** Builds an ApiError from a status, headers and a body that may or may not be Clerk's envelope. */
export function toApiError(status: number, body: unknown, headers?: Headers): ApiError {
  const envelope = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  const rawErrors = Array.isArray(envelope.errors) ? envelope.errors.filter(isClerkError) : [];
  const errors: ClerkError[] = rawErrors.map((e) => ({
    ...e,
    long_message: typeof e.long_message === 'string' && e.long_message ? e.long_message : e.message,
  }));
  if (errors.length === 0) {
    const message = FALLBACK_MESSAGES[status] ?? `The server answered with an error (${status}).`;
    errors.push({ code: status === 0 ? 'network_error' : `http_${status}`, message, long_message: message });
  }
  const trace = envelope.clerk_trace_id ?? headers?.get('x-clerk-trace-id');
  return new ApiError({
    status,
    errors,
    traceId: typeof trace === 'string' ? trace : null,
    retryAfter: parseRetryAfter(headers?.get('retry-after') ?? null),
  });
}

export type QueryValue = string | number | boolean | readonly string[] | null | undefined;

/** A query string with repeated keys for arrays (`status=a&status=b`); empty values are left out. */
export function toQueryString(params: Record<string, QueryValue>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value)) for (const v of value) search.append(key, v);
    else search.append(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  query?: Record<string, QueryValue>;
  body?: unknown;
  signal?: AbortSignal | undefined;
  /** A public route (config, demo users): sent without waiting for a session token. */
  anonymous?: boolean;
}

/** Resolves the signed-in session's token (null when signed out); Clerk's `getToken` in the app. */
export type SessionTokenSource = () => Promise<string | null>;
let sessionToken: SessionTokenSource = async () => null;

/** Makes every api call carry the session token as `Authorization: Bearer` (called once at start). */
export function setSessionTokenSource(source: SessionTokenSource): void {
  sessionToken = source;
}

async function authorization(): Promise<Record<string, string>> {
  let token: string | null;
  try {
    token = await sessionToken();
  } catch {
    // Clerk could not load or refresh the session (offline, its service down): say so, do not hang.
    throw toApiError(0, {
      errors: [
        {
          code: 'session_unavailable',
          message: 'Your session could not be confirmed',
          long_message: "Couldn't confirm your session with Clerk. Check your connection and try again.",
        },
      ],
    });
  }
  return token ? { authorization: `Bearer ${token}` } : {};
}

/** Same-origin JSON request to the dashboard api; throws ApiError on any failure. */
export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const { method = 'GET', query, body, signal, anonymous = false } = options;
  const accept = { accept: 'application/json', ...(anonymous ? {} : await authorization()) };
  const init: RequestInit = {
    method,
    credentials: 'same-origin',
    headers: body === undefined ? accept : { 'content-type': 'application/json', ...accept },
  };
  if (body !== undefined) init.body = JSON.stringify(body);
  if (signal) init.signal = signal;
  let response: Response;
  try {
    response = await fetch(`${path}${query ? toQueryString(query) : ''}`, init);
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw toApiError(0, null);
  }
  const text = await response.text();
  let parsed: unknown = null;
  if (text) {
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = null;
    }
  }
  if (!response.ok) throw toApiError(response.status, parsed, response.headers);
  return parsed as T;
}

/** True for an ApiError with the given status. */
export function isApiError(error: unknown, status?: number): error is ApiError {
  return error instanceof ApiError && (status === undefined || error.status === status);
}
