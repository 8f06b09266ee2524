import { parseClerk } from '@invites/clerk-schema';
import { parseJsonBody, queryObject } from '@invites/clerk-schema/http-body';
import type { Context } from 'hono';
import type { z } from 'zod';
import type { AppEnv } from './app-env.ts';
import { JSON_CONTENT_TYPE, raise } from './respond.ts';

/**
 * The JSON body as Clerk reads it: an empty body is `{}` (the SDK sends none when it has no
 * parameters). Any body is read as JSON whatever its content type: the SDK only ever sends JSON.
 */
export async function readJsonBody(c: Context<AppEnv>): Promise<unknown> {
  const body = parseJsonBody(await c.req.text(), JSON_CONTENT_TYPE);
  return body.ok ? body.value : raise(body.failure);
}

/** Query parameters as an object: a repeated parameter becomes an array, a single one a string. */
export function readQuery(c: Context<AppEnv>): Record<string, string | string[]> {
  return queryObject(c.req.queries());
}

/** Parses `input` with `schema` or throws Clerk's error for it. */
export function parseOrRaise<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = parseClerk(schema, input);
  return result.ok ? result.data : raise(result.failure);
}

/** The base URL used for links and the JWT issuer: the configured public URL or the request origin. */
export function baseUrl(c: Context<AppEnv>, publicUrl: string | undefined): string {
  return publicUrl ?? new URL(c.req.url).origin;
}
