import { parseClerk } from '@invites/clerk-schema';
import { parseJsonBody, queryObject } from '@invites/clerk-schema/http-body';
import type { Context } from 'hono';
import { LRUCache } from 'lru-cache';
import type { z } from 'zod';
import { ApiError } from './errors.ts';

/** Parses `input` with a clerk-schema schema or throws Clerk's 4xx for it. */
export function parseOrFail<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = parseClerk(schema, input);
  if (!result.ok) throw new ApiError(result.failure);
  return result.data;
}

/** The query string as an object (repeated keys become arrays), validated by `schema`. */
export function parseQuery<S extends z.ZodType>(c: Context, schema: S): z.output<S> {
  return parseOrFail(schema, queryObject(c.req.queries()));
}

/** A validated query: the schema's output and the query string the upstream is sent (canonical). */
export interface ValidatedQuery<T> {
  readonly data: Readonly<T>;
  readonly search: string;
}

/** Raw query strings longer than this are validated every time, never kept. */
const MAX_CACHED_QUERY = 512;

/**
 * `parseQuery` + `toSearchParams` remembered per distinct raw query string (lru-cache's `memoMethod`,
 * `maxEntries` of them): a list page asks with the same few query strings over and over. zod stays the
 * judge (it runs for every string not in the cache, and its schemas here are pure); a string zod
 * refuses throws out of `memo`, so it is never kept.
 */
export function queryValidator<S extends z.ZodType>(schema: S, maxEntries = 256) {
  type Entry = ValidatedQuery<z.output<S>>;
  const validated = (c: Context): Entry => {
    const data = parseQuery(c, schema);
    return { data: deepFreeze(data), search: toSearchParams(data as Record<string, unknown>).toString() };
  };
  const cache = new LRUCache<string, Entry, Context>({
    max: maxEntries,
    memoMethod: (_raw, _stale, { context }) => validated(context),
  });
  return (c: Context): Entry => {
    const url = c.req.url;
    const at = url.indexOf('?');
    const raw = at === -1 ? '' : url.slice(at + 1);
    if (raw.length > MAX_CACHED_QUERY) return validated(c);
    // A hit without `memo`'s options object per request.
    return cache.get(raw) ?? cache.memo(raw, { context: c });
  };
}

/** `value`, frozen with every object inside it (cached query data is shared by requests). */
function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

/** The JSON request body as Clerk reads it (empty: `{}`); Clerk's 400 when not JSON or nested too deep. */
export async function readJsonBody(c: Context): Promise<unknown> {
  const body = parseJsonBody(await c.req.text(), c.req.header('content-type'));
  if (!body.ok) throw new ApiError(body.failure);
  return body.value;
}

/** A validated query object back as a query string for the upstream (arrays as repeated keys). */
export function toSearchParams(query: Record<string, unknown>): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    for (const item of Array.isArray(value) ? value : [value]) {
      if (item !== undefined && item !== null) params.append(key, String(item));
    }
  }
  return params;
}
