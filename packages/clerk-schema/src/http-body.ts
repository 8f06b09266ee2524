/**
 * Reading a request's JSON body and query string the way Clerk's Backend API does, for the api and
 * the emulator alike (framework-free: callers pass the body text and the `content-type` header).
 */
import { type ClerkFailure, clerkErrors } from './errors.ts';

/** Deeper JSON than any real request needs; deeper input is refused before it is parsed. */
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

/** True when the body carries nothing (Clerk's SDK sends no body for a call without parameters). */
export const isEmptyBody = (text: string): boolean => text.trim() === '';

/**
 * Why a non-empty body must not be parsed, or null: it is not declared `application/json`, or it
 * nests deeper than MAX_JSON_DEPTH (which would overflow the stack later, in validation messages or
 * when it is serialized again).
 */
export function jsonBodyProblem(text: string, contentType: string | null | undefined): ClerkFailure | null {
  if (isEmptyBody(text)) return null;
  if (contentType?.split(';')[0]?.trim().toLowerCase() !== 'application/json') {
    return clerkErrors.requestBodyInvalid();
  }
  return jsonDepth(text) > MAX_JSON_DEPTH ? clerkErrors.requestBodyInvalid() : null;
}

export type JsonBody = { ok: true; value: unknown } | { ok: false; failure: ClerkFailure };

/**
 * A request's JSON body: an empty body reads as `{}`, as Clerk's API reads it; a body that is not
 * `application/json`, is nested too deep or does not parse is Clerk's 400 `request_body_invalid`.
 */
export function parseJsonBody(text: string, contentType: string | null | undefined): JsonBody {
  if (isEmptyBody(text)) return { ok: true, value: {} };
  const problem = jsonBodyProblem(text, contentType);
  if (problem) return { ok: false, failure: problem };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, failure: clerkErrors.requestBodyInvalid() };
  }
}

/** Query parameters as an object: a repeated parameter becomes an array, a single one a string. */
export function queryObject(queries: Record<string, string[]>): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const key of Object.keys(queries)) {
    const values = queries[key] as string[];
    out[key] = values.length === 1 ? (values[0] as string) : values;
  }
  return out;
}
