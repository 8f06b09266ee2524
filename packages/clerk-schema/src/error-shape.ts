import { z } from 'zod';

// Clerk's error envelope and the helpers that build one error; errors.ts names every error with them.

export const ClerkErrorSchema = z.object({
  message: z.string(),
  long_message: z.string(),
  code: z.string(),
  meta: z.record(z.string(), z.unknown()).optional(),
});
export type ClerkError = z.infer<typeof ClerkErrorSchema>;

export const ClerkErrorsSchema = z.object({
  errors: z.array(ClerkErrorSchema),
  meta: z.record(z.string(), z.unknown()).optional(),
  clerk_trace_id: z.string().optional(),
});
export type ClerkErrors = z.infer<typeof ClerkErrorsSchema>;

/** An error as an HTTP answer: status, Clerk's error list and optional extra headers. */
export interface ClerkFailure {
  status: number;
  errors: ClerkError[];
  headers?: Record<string, string>;
}

/** One Clerk error as an answer: its status, code, short and long message, and meta (e.g. `param_name`). */
export function fail(
  status: number,
  code: string,
  message: string,
  longMessage: string,
  meta?: Record<string, unknown>,
): ClerkFailure {
  return { status, errors: [{ code, message, long_message: longMessage, ...(meta ? { meta } : {}) }] };
}

/** A size limit as Clerk words it: whole megabytes, else kilobytes. */
export function describeSize(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return Number.isInteger(mb) ? `${mb} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

/** A rejected value as Clerk's message quotes it: at most 100 characters, never failing on hostile input. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'undefined';
  let text: string;
  try {
    text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  } catch {
    // Nesting too deep to serialize (hostile input): describe the kind, never fail the error itself.
    text = Array.isArray(value) ? '[…]' : '{…}';
  }
  return text.length > 100 ? `${text.slice(0, 100)}…` : text;
}
