import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ApiError } from '../http/errors.ts';
import type { UpstreamClient, UpstreamRequest, UpstreamResponse } from '../upstream/client.ts';
import { UpstreamError } from '../upstream/errors.ts';
import { type PageReaderOptions, readPages, retryAfterMs } from './read-pages.ts';

interface Row {
  id: string;
}
const List = z.object({ data: z.array(z.object({ id: z.string() })), total_count: z.number() });

function answer(status: number, body: unknown, headers: Record<string, string> = {}): UpstreamResponse {
  const all: Record<string, string> = { 'content-type': 'application/json', ...headers };
  return {
    status,
    header: (name) => all[name.toLowerCase()],
    json: async () => body,
    bytes: async () => new TextEncoder().encode(JSON.stringify(body)),
    stream: () => new Response(JSON.stringify(body)).body as ReadableStream<Uint8Array>,
    dump: async () => {},
  };
}

/**
 * A Clerk list held in memory and paged by offset, like Clerk's. `beforePage` runs before each page is
 * answered (the list changing while the export reads it); `refuse` answers some requests with a 429.
 */
function fakeList(
  rows: Row[],
  options: {
    beforePage?: (request: number, list: Row[]) => void;
    refuse?: (request: number) => UpstreamResponse | Error | null;
  } = {},
) {
  const requests: { offset: number; limit: number; at: number }[] = [];
  let clock = 0;
  const upstream: UpstreamClient = {
    async send(req: UpstreamRequest) {
      const query = new URLSearchParams(String(req.query));
      const offset = Number(query.get('offset'));
      const limit = Number(query.get('limit'));
      requests.push({ offset, limit, at: clock });
      const refused = options.refuse?.(requests.length);
      if (refused instanceof Error) throw refused;
      if (refused) return refused;
      options.beforePage?.(requests.length, rows);
      return answer(200, { data: rows.slice(offset, offset + limit), total_count: rows.length });
    },
    close: async () => {},
  };
  const waits: number[] = [];
  const reader = (extra: Partial<PageReaderOptions<Row>> = {}) =>
    readPages<Row>({
      upstream,
      path: '/v1/organizations/org_x/invitations',
      filters: new URLSearchParams({ status: 'pending' }),
      schema: List,
      pageSize: 10,
      overlap: 3,
      intervalMs: 0,
      maxWaitMs: 60_000,
      sleep: async (ms) => {
        if (ms > 0) {
          waits.push(ms);
          clock += ms;
        }
      },
      now: () => clock,
      ...extra,
    });
  return { requests, waits, reader, tick: (ms: number) => (clock += ms) };
}

const rowsOf = (n: number, prefix = 'inv') => Array.from({ length: n }, (_, i) => ({ id: `${prefix}_${i}` }));

async function readAll(pages: AsyncGenerator<{ rows: Row[] }>) {
  const ids: string[] = [];
  for await (const page of pages) ids.push(...page.rows.map((r) => r.id));
  return ids;
}

describe('readPages', () => {
  it('reads every row once, in order, with the filters on every page', async () => {
    const rows = rowsOf(25);
    const list = fakeList(rows);
    expect(await readAll(list.reader())).toEqual(rows.map((r) => r.id));
    // 0..9, then 7..16, 14..23, 21..24: each page re-reads the last three rows.
    expect(list.requests.map((r) => r.offset)).toEqual([0, 7, 14, 21]);
  });

  it('stops after a short first page, and after an exactly full last page on the empty one', async () => {
    expect(await readAll(fakeList(rowsOf(4)).reader())).toHaveLength(4);
    const full = fakeList(rowsOf(10));
    expect(await readAll(full.reader())).toHaveLength(10);
    expect(full.requests.map((r) => r.offset)).toEqual([0, 7]);
  });

  it('skips nothing and repeats nothing when rows are created at the top while it reads', async () => {
    let created = 0;
    const list = fakeList(rowsOf(40), {
      // Five new invitations (newest first) before every page after the first.
      beforePage: (n, rows) => {
        if (n > 1) rows.unshift(...rowsOf(5, `new${created++}`));
      },
    });
    const ids = await readAll(list.reader());
    expect(new Set(ids).size).toBe(ids.length);
    for (const row of rowsOf(40)) expect(ids).toContain(row.id);
  });

  it('skips nothing when rows read already leave the list (fewer than the overlap)', async () => {
    const original = rowsOf(40);
    const list = fakeList([...original], {
      // Two rows at the top leave the filter (revoked during an export of pending ones) per page.
      beforePage: (n, rows) => {
        if (n > 1) rows.splice(0, 2);
      },
    });
    const ids = await readAll(list.reader());
    expect(new Set(ids).size).toBe(ids.length);
    for (const row of original.slice(4)) expect(ids).toContain(row.id);
  });

  it('steps back when more rows left the list than the overlap, and still skips nothing', async () => {
    const original = rowsOf(60);
    const list = fakeList([...original], {
      beforePage: (n, rows) => {
        if (n === 3) rows.splice(0, 12); // twelve rows already exported leave before the third page
      },
    });
    const ids = await readAll(list.reader());
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(original.map((r) => r.id).sort());
    expect(list.requests.map((r) => r.offset)).toContain(4); // 14 had moved; it went a page back
  });

  it('waits out a 429 for its Retry-After and asks for the same page again', async () => {
    const list = fakeList(rowsOf(25), {
      refuse: (n) =>
        n === 2 ? answer(429, { errors: [{ code: 'too_many_requests' }] }, { 'retry-after': '7' }) : null,
    });
    expect(await readAll(list.reader())).toHaveLength(25);
    expect(list.waits).toEqual([7000]);
    expect(list.requests.map((r) => r.offset)).toEqual([0, 7, 7, 14, 21]);
  });

  it('caps a long Retry-After, and gives up with Clerk’s 429 after too many in a row', async () => {
    const limited = answer(
      429,
      {
        errors: [
          {
            code: 'too_many_requests',
            message: 'Too many requests',
            long_message: 'Too many requests, retry later',
          },
        ],
      },
      { 'retry-after': '3600' },
    );
    const list = fakeList(rowsOf(25), { refuse: (n) => (n >= 2 ? limited : null) });
    const pages = list.reader({ maxWaitMs: 5_000, maxRateLimited: 3 });
    await pages.next();
    const failure = await pages.next().catch((err: unknown) => err);
    expect(failure).toBeInstanceOf(ApiError);
    expect((failure as ApiError).failure.status).toBe(429);
    expect(list.waits).toEqual([5_000, 5_000, 5_000]);
  });

  it('asks again for a page that timed out, twice at most', async () => {
    const timeout = () => new UpstreamError('timeout', 'The operation was aborted due to timeout');
    const once = fakeList(rowsOf(25), { refuse: (n) => (n === 2 ? timeout() : null) });
    expect(await readAll(once.reader())).toHaveLength(25);
    expect(once.requests.map((r) => r.offset)).toEqual([0, 7, 7, 14, 21]);

    const always = fakeList(rowsOf(25), { refuse: (n) => (n >= 2 ? timeout() : null) });
    const pages = always.reader();
    await pages.next();
    await expect(pages.next()).rejects.toMatchObject({ kind: 'timeout' });
    expect(always.requests).toHaveLength(4);
  });

  it('keeps its pages at least intervalMs apart', async () => {
    const list = fakeList(rowsOf(25));
    expect(await readAll(list.reader({ intervalMs: 200 }))).toHaveLength(25);
    const gaps = list.requests.slice(1).map((r, i) => r.at - (list.requests[i]?.at ?? 0));
    expect(gaps).toEqual([200, 200, 200]);
  });

  it('passes a Clerk error on as Clerk’s answer', async () => {
    const list = fakeList(rowsOf(25), {
      refuse: () =>
        answer(404, {
          errors: [
            {
              code: 'resource_not_found',
              message: 'not found',
              long_message: 'Given organization not found.',
            },
          ],
        }),
    });
    const failure = await list
      .reader()
      .next()
      .catch((err: unknown) => err);
    expect((failure as ApiError).failure.status).toBe(404);
  });
});

describe('retryAfterMs', () => {
  it('reads seconds and HTTP dates, and falls back on anything else', () => {
    expect(retryAfterMs('12', 0, 1000)).toBe(12_000);
    expect(retryAfterMs(new Date(30_000).toUTCString(), 10_000, 1000)).toBe(20_000);
    expect(retryAfterMs('soon', 0, 1000)).toBe(1000);
    expect(retryAfterMs(undefined, 0, 1000)).toBe(1000);
  });
});
