import type { z } from 'zod';
import { type ClerkError, type ClerkFailure, clerkErrors } from './errors.ts';

type Issue = z.core.$ZodIssue;

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let current = input;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

function paramName(path: readonly PropertyKey[]): string {
  const named = path.filter((p): p is string => typeof p === 'string');
  return named[named.length - 1] ?? 'body';
}

function issueToErrors(issue: Issue, input: unknown): ClerkFailure {
  const param = paramName(issue.path);
  const index = issue.path.find((p) => typeof p === 'number');
  const withIndex = (failure: ClerkFailure): ClerkFailure =>
    index === undefined
      ? failure
      : { ...failure, errors: failure.errors.map((e) => ({ ...e, meta: { ...e.meta, index } })) };
  const value = valueAt(input, issue.path);
  const clerkCode =
    issue.code === 'custom' ? (issue.params as { clerk_code?: string } | undefined)?.clerk_code : undefined;
  if (clerkCode === 'form_param_format_invalid') return withIndex(clerkErrors.paramFormatInvalid(param));
  if (clerkCode === 'form_param_missing') return withIndex(clerkErrors.paramMissing(param, issue.message));
  if (issue.code === 'unrecognized_keys') {
    const errors = issue.keys.flatMap((key) => clerkErrors.paramUnknown(key).errors);
    return withIndex({ status: 422, errors });
  }
  if (issue.path.length === 0 && Array.isArray(input)) {
    if (issue.code === 'too_big') return clerkErrors.bulkSizeExceeded();
    if (issue.code === 'too_small') return clerkErrors.bulkEmpty();
  }
  if (issue.code === 'invalid_type' && value === undefined) return withIndex(clerkErrors.paramMissing(param));
  if (issue.path.length === 0 && issue.code === 'invalid_type') return clerkErrors.requestBodyInvalid();
  return withIndex(clerkErrors.paramValueInvalid(param, value));
}

/** Turns a zod failure into Clerk's answer: the first issue's status and every issue as a Clerk error. */
export function zodErrorToClerk(error: z.ZodError, input: unknown): ClerkFailure {
  const failures = error.issues.map((issue) => issueToErrors(issue, input));
  const first = failures[0] ?? clerkErrors.requestBodyInvalid();
  const errors: ClerkError[] = [];
  const seen = new Set<string>();
  for (const failure of failures) {
    if (failure.status !== first.status) continue;
    for (const e of failure.errors) {
      const key = `${e.code}:${String(e.meta?.param_name)}:${String(e.meta?.index)}`;
      if (!seen.has(key)) {
        seen.add(key);
        errors.push(e);
      }
    }
  }
  return { status: first.status, errors };
}

export type ParseResult<T> = { ok: true; data: T } | { ok: false; failure: ClerkFailure };

/** Parses `input` with `schema`; failures come back as Clerk errors. */
export function parseClerk<S extends z.ZodType>(schema: S, input: unknown): ParseResult<z.output<S>> {
  const result = schema.safeParse(input);
  return result.success
    ? { ok: true, data: result.data }
    : { ok: false, failure: zodErrorToClerk(result.error, input) };
}
