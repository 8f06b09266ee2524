import { clerkErrors, parseClerk } from '@invites/clerk-schema';
import type { Context } from 'hono';
import type { z } from 'zod';
import type { AppEnv } from './app-env.ts';
import { raise } from './respond.ts';

/** The JSON body; an empty body reads as `{}` (the SDK sends none when it has no parameters). */
export async function readJsonBody(c: Context<AppEnv>): Promise<unknown> {
  const text = await c.req.text();
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return raise(clerkErrors.requestBodyInvalid());
  }
}

/** Query parameters as an object: a repeated parameter becomes an array, a single one a string. */
export function readQuery(c: Context<AppEnv>): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [key, values] of Object.entries(c.req.queries())) {
    out[key] = values.length === 1 ? (values[0] ?? '') : values;
  }
  return out;
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
