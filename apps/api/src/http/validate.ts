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

/** The JSON request body; undefined when empty, Clerk's 400 when not JSON. */
export async function readJsonBody(c: Context): Promise<unknown> {
  const text = await c.req.text();
  if (text.trim() === '') return undefined;
  const type = c.req.header('content-type')?.split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/json') throw new ApiError(clerkErrors.requestBodyInvalid());
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
