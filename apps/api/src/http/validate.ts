import { clerkErrors, parseClerk } from '@invites/clerk-schema';
import type { Context } from 'hono';
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
  const raw: Record<string, string | string[]> = {};
  for (const [key, values] of Object.entries(c.req.queries())) {
    raw[key] = values.length === 1 ? (values[0] as string) : values;
  }
  return parseOrFail(schema, raw);
}

/** A validated query: the schema's output and the query string the upstream is sent (canonical). */
export interface ValidatedQuery<T> {
  readonly data: Readonly<T>;
  readonly search: string;
}

/** Raw query strings longer than this are validated every time, never kept. */
const MAX_CACHED_QUERY = 512;

/**
 * `parseQuery` + `toSearchParams` remembered per distinct raw query string (an LRU of `maxEntries`):
 * a list page asks with the same few query strings over and over. zod stays the judge (it runs for
 * every string not in the cache, and its schemas here are pure); invalid strings are never kept.
 */
export function queryValidator<S extends z.ZodType>(schema: S, maxEntries = 256) {
  const cache = new Map<string, ValidatedQuery<z.output<S>>>();
  return (c: Context): ValidatedQuery<z.output<S>> => {
    const url = c.req.url;
    const at = url.indexOf('?');
    const raw = at === -1 ? '' : url.slice(at + 1);
    let entry = cache.get(raw);
    if (entry) {
      cache.delete(raw); // re-inserted below as the most recently used
    } else {
      const data = parseQuery(c, schema);
      entry = { data: deepFreeze(data), search: toSearchParams(data as Record<string, unknown>).toString() };
      if (raw.length > MAX_CACHED_QUERY) return entry;
      if (cache.size >= maxEntries) cache.delete(cache.keys().next().value as string);
    }
    cache.set(raw, entry);
    return entry;
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

/** Deeper JSON than any real request needs; deeper input is refused before it is parsed or re-serialized. */
export const MAX_JSON_DEPTH = 64;

/** The deepest array/object nesting in JSON text (strings skipped), found without recursion. */
export function jsonDepth(text: string): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (inString) {
      if (ch === 0x5c) i++;
      else if (ch === 0x22) inString = false;
    } else if (ch === 0x22) inString = true;
    else if (ch === 0x5b || ch === 0x7b) max = Math.max(max, ++depth);
    else if (ch === 0x5d || ch === 0x7d) depth--;
  }
  return max;
}

/** The JSON request body; undefined when empty, Clerk's 400 when not JSON or nested too deep. */
export async function readJsonBody(c: Context): Promise<unknown> {
  const text = await c.req.text();
  if (text.trim() === '') return undefined;
  const type = c.req.header('content-type')?.split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/json') throw new ApiError(clerkErrors.requestBodyInvalid());
  // Deep nesting would overflow the stack later (validation messages, JSON.stringify to Clerk).
  if (jsonDepth(text) > MAX_JSON_DEPTH) throw new ApiError(clerkErrors.requestBodyInvalid());
  try {
    return JSON.parse(text);
  } catch {
    throw new ApiError(clerkErrors.requestBodyInvalid());
  }
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
