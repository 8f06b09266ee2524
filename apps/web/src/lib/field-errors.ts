import type { ClerkError } from '@invites/clerk-schema';
import type { ApiError } from './api-client.ts';

/** An api error split for a form: Clerk's message per field, and what belongs to no field. */
export interface FieldErrors<F extends string> {
  /** Clerk's long_message per form field (the first one about each field). */
  fields: Partial<Record<F, string>>;
  /** What belongs to no field (rate limits, upstream trouble, permissions), or null. */
  form: string | null;
}

/**
 * Puts each of Clerk's errors on the field `fieldOf` names for it; the others are joined into one
 * form-level message, with the wait when the api said how long (`Retry-After`).
 */
export function splitFieldErrors<F extends string>(
  error: ApiError,
  fieldOf: (e: ClerkError) => F | null,
): FieldErrors<F> {
  const fields: Partial<Record<F, string>> = {};
  const form: string[] = [];
  for (const e of error.errors) {
    const field = fieldOf(e);
    const message = e.long_message || e.message;
    if (field) fields[field] ??= message;
    else form.push(message);
  }
  let formMessage = form.length > 0 ? form.join(' ') : null;
  if (formMessage && error.retryAfter) formMessage += ` Try again in ${error.retryAfter} s.`;
  return { fields, form: formMessage };
}
