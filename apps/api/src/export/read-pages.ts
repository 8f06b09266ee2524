import { clerkErrors } from '@invites/clerk-schema';
import type { z } from 'zod';
import { parseUpstream } from '../bulk/list-all.ts';
import { ApiError } from '../http/errors.ts';
import { readUpstream, type UpstreamClient } from '../upstream/client.ts';
import { UpstreamError } from '../upstream/errors.ts';

/**
 * Every row of a Clerk list, page by page, for an export that may take minutes while people keep
 * inviting and revoking. Clerk pages by offset, so a list that changes under the reader shifts: a row
 * created ahead of the reading point pushes rows already read into the next page, and a row that
 * leaves the filter (revoked while exporting pending ones) pulls unread rows behind the reading point.
 * Each page therefore starts `overlap` rows early: rows already exported are dropped (by id), and a
 * page whose first row was never exported means the list moved back by more than the overlap, so the
 * reader steps back a page before going on. Only the ids of exported rows are kept, never the rows.
 *
 * Clerk's rate limits: pages are requested at most one per `intervalMs`, and a 429 is waited out
 * (its `Retry-After`, capped at `maxWaitMs`) and the same page asked again. A page that timed out is
 * asked again too (the upstream client already retries network errors and 5xx answers): one slow page
 * should not end an export of a hundred.
 */

export interface PageReaderOptions<T extends { id: string }> {
  upstream: UpstreamClient;
  path: string;
  /** Filters and order, without limit/offset. */
  filters: URLSearchParams;
  schema: z.ZodType<{ data: T[]; total_count: number }>;
  pageSize: number;
  overlap: number;
  intervalMs: number;
  maxWaitMs: number;
  /** 429s in a row for one page before the export gives up with Clerk's 429. */
  maxRateLimited?: number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  now?: () => number;
  signal?: AbortSignal;
}

export interface Page<T> {
  /** Rows not exported before, in the list's order. */
  rows: T[];
  /** Clerk's count of every match, as of this page. */
  totalCount: number;
}

const DEFAULT_MAX_RATE_LIMITED = 20;
const TIMEOUT_RETRIES = 2;

/** Waits `ms`, or less when `signal` aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted || ms <= 0) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}

/** Seconds (or an HTTP date) of a Retry-After header as milliseconds; `fallback` when unreadable. */
export function retryAfterMs(header: string | undefined, now: number, fallback: number): number {
  if (!header) return fallback;
  const value = header.trim();
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? fallback : Math.max(0, date - now);
}

/** The pages of a Clerk list with every row exactly once, however the list moves meanwhile. */
export async function* readPages<T extends { id: string }>(o: PageReaderOptions<T>): AsyncGenerator<Page<T>> {
  const wait = o.sleep ?? sleep;
  const now = o.now ?? Date.now;
  const maxRateLimited = o.maxRateLimited ?? DEFAULT_MAX_RATE_LIMITED;
  let lastRequestAt = Number.NEGATIVE_INFINITY;

  const fetchPage = async (offset: number) => {
    const query = new URLSearchParams(o.filters);
    query.set('limit', String(o.pageSize));
    query.set('offset', String(offset));
    let timeouts = 0;
    let limited = 0;
    for (;;) {
      await wait(lastRequestAt + o.intervalMs - now(), o.signal);
      if (o.signal?.aborted) throw o.signal.reason;
      lastRequestAt = now();
      try {
        const res = await o.upstream.send({ method: 'GET', path: o.path, query });
        if (res.status === 429 && limited++ < maxRateLimited) {
          const pause = retryAfterMs(res.header('retry-after'), now(), 1000);
          await res.dump();
          await wait(Math.min(pause, o.maxWaitMs), o.signal);
          continue;
        }
        return parseUpstream(o.schema, await readUpstream(res), 'invitation list');
      } catch (err) {
        if (err instanceof UpstreamError && err.kind === 'timeout' && timeouts++ < TIMEOUT_RETRIES) continue;
        throw err;
      }
    }
  };

  const exported = new Set<string>();
  let next = 0; // where the unread rows begin, as far as the reader knows
  // A list that never settles (rows leaving faster than they are read) ends the export with an error.
  let stepsBack = 0;
  for (;;) {
    if (o.signal?.aborted) return;
    const start = Math.max(0, next - o.overlap);
    const page = await fetchPage(start);
    const first = page.data[0];
    if (start > 0 && first && !exported.has(first.id)) {
      if (++stepsBack > 1000) {
        throw new ApiError(
          clerkErrors.upstreamUnavailable('The invitations kept changing during the export. Try again.'),
        );
      }
      next = Math.max(0, start - o.pageSize + o.overlap);
      continue;
    }
    const rows = page.data.filter((row) => !exported.has(row.id));
    for (const row of rows) exported.add(row.id);
    yield { rows, totalCount: page.total_count };
    if (page.data.length < o.pageSize) return;
    next = start + page.data.length;
  }
}
