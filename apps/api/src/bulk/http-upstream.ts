import type { Dispatcher } from 'undici';
import { createUpstream } from '../upstream/client.ts';
import { createBulkUpstream } from './clerk-bulk-upstream.ts';
import type { BulkUpstream } from './upstream.ts';

export interface HttpUpstreamOptions {
  /** Clerk's API origin, e.g. `https://api.clerk.com` (paths get `/v1/…`). */
  apiUrl: string;
  secretKey: string;
  /** Per-request timeout; a timed-out POST is treated as ambiguous. */
  timeoutMs?: number;
  /** A dispatcher owned by the caller (not closed by `close()`). */
  dispatcher?: Dispatcher;
}

/**
 * A stand-alone bulk runner client (worker process, benchmarks, tests): the api's upstream client
 * without GET retries, wrapped by `createBulkUpstream`. Inside the api, wrap the shared client instead.
 */
export function createHttpUpstream(options: HttpUpstreamOptions): BulkUpstream & { close(): Promise<void> } {
  const client = createUpstream({
    baseUrl: options.apiUrl,
    secretKey: options.secretKey,
    timeoutMs: options.timeoutMs ?? 10_000,
    retries: 0,
    retryBaseMs: 0,
    ...(options.dispatcher ? { dispatcher: options.dispatcher } : {}),
  });
  return {
    ...createBulkUpstream(client),
    close: () => (options.dispatcher ? Promise.resolve() : client.close()),
  };
}
