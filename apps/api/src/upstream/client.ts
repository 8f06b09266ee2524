import { Readable } from 'node:stream';
import { Agent, type Dispatcher, request } from 'undici';
import { UpstreamError } from './errors.ts';

/** One call to the Clerk Backend API (or the emulator); `path` is built only from validated parts. */
export interface UpstreamRequest {
  method: 'GET' | 'POST';
  path: string;
  query?: URLSearchParams;
  body?: unknown;
  /** Extra headers (e.g. `origin`, which the session-token endpoint turns into `azp`). */
  headers?: Record<string, string>;
}

export interface UpstreamResponse {
  status: number;
  header(name: string): string | undefined;
  json(): Promise<unknown>;
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

function wrap(res: Dispatcher.ResponseData): UpstreamResponse {
  return {
    status: res.statusCode,
    header: (name) => {
      const value = res.headers[name.toLowerCase()];
      return Array.isArray(value) ? value[0] : value;
    },
    json: () =>
      res.body.json().catch((err: unknown) => {
        throw err instanceof SyntaxError ? new UpstreamError('bad_response', 'invalid JSON') : classify(err);
      }),
    stream: () => Readable.toWeb(res.body) as unknown as ReadableStream<Uint8Array>,
    dump: () => res.body.dump().catch(() => {}),
  };
}

/** A keep-alive client for the upstream: bearer secret key, timeout, jittered retries for GETs. */
export function createUpstream(options: UpstreamOptions): UpstreamClient {
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
  const base = options.baseUrl.replace(/\/+$/, '');

  const once = async (req: UpstreamRequest): Promise<UpstreamResponse> => {
    const query = req.query && [...req.query].length > 0 ? `?${req.query}` : '';
    const headers: Record<string, string> = {
      ...req.headers,
      authorization: `Bearer ${options.secretKey}`,
      accept: 'application/json',
      'user-agent': 'invitations-console-api',
    };
    if (req.body !== undefined) headers['content-type'] = 'application/json';
    try {
      const res = await request(`${base}${req.path}${query}`, {
        method: req.method,
        headers,
        body: req.body === undefined ? null : JSON.stringify(req.body),
        dispatcher,
        signal: AbortSignal.timeout(options.timeoutMs),
      });
      return wrap(res);
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
