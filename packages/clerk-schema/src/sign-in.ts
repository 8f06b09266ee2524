import { z } from 'zod';

// Sign-in: the Backend API's sign-in tokens, the Frontend API request bodies the emulator reads
// (form-encoded, so every value is a string; unknown keys such as `locale` are ignored, as at
// Clerk), and the emulator's own control answers around them.

/** BAPI `POST /v1/sign_in_tokens`. */
export const CreateSignInTokenBody = z.strictObject({
  user_id: z.string(),
  expires_in_seconds: z.number().int().min(1).max(315_360_000).nullable().optional(),
  org_id: z.string().nullable().optional(),
});
export type CreateSignInTokenBody = z.infer<typeof CreateSignInTokenBody>;

export const SignInToken = z.object({
  object: z.literal('sign_in_token'),
  id: z.string(),
  status: z.enum(['pending', 'accepted', 'revoked']),
  user_id: z.string(),
  /** The ticket: only in the create answer. */
  token: z.string().optional(),
  url: z.string().nullable().optional(),
  created_at: z.number().int(),
  updated_at: z.number().int(),
});
export type SignInToken = z.infer<typeof SignInToken>;

const text = (max: number) => z.string().max(max);

/** FAPI `POST /v1/client/sign_ins`. */
export const FapiCreateSignInBody = z.object({
  strategy: text(64).optional(),
  identifier: text(320).optional(),
  password: text(1024).optional(),
  ticket: text(4096).optional(),
});
export type FapiCreateSignInBody = z.infer<typeof FapiCreateSignInBody>;

/** FAPI `POST /v1/client/sign_ins/{id}/prepare_first_factor`. */
export const FapiPrepareFirstFactorBody = z.object({
  strategy: text(64),
  email_address_id: text(64).optional(),
});
export type FapiPrepareFirstFactorBody = z.infer<typeof FapiPrepareFirstFactorBody>;

/** FAPI `POST /v1/client/sign_ins/{id}/attempt_first_factor`. */
export const FapiAttemptFirstFactorBody = z.object({
  strategy: text(64),
  password: text(1024).optional(),
  code: text(64).optional(),
});
export type FapiAttemptFirstFactorBody = z.infer<typeof FapiAttemptFirstFactorBody>;

/** FAPI `POST /v1/client/sessions/{id}/touch`: an empty organization means the personal account. */
export const FapiTouchSessionBody = z.object({
  active_organization_id: text(256).optional(),
  intent: z.enum(['focus', 'select_session', 'select_org', '']).optional(),
});
export type FapiTouchSessionBody = z.infer<typeof FapiTouchSessionBody>;

/** FAPI `POST /v1/client/sessions/{id}/tokens`: absent organization = the session's, empty = none. */
export const FapiSessionTokenBody = z.object({ organization_id: text(256).optional() });
export type FapiSessionTokenBody = z.infer<typeof FapiSessionTokenBody>;

/** An email the emulator would have sent (`GET /__emulator/emails`); it never sends mail. */
export const EmulatorEmail = z.object({
  object: z.literal('email'),
  id: z.string(),
  to: z.string(),
  user_id: z.string().nullable(),
  /** What the email is for, as Clerk's email templates name it (`verification_code`). */
  slug: z.string(),
  subject: z.string(),
  body: z.string(),
  /** The one-time code it carries, if any. */
  code: z.string().nullable(),
  created_at: z.number().int(),
});
export type EmulatorEmail = z.infer<typeof EmulatorEmail>;
export const EmulatorEmailList = z.object({ data: z.array(EmulatorEmail), total_count: z.number().int() });
export type EmulatorEmailList = z.infer<typeof EmulatorEmailList>;

/** `GET /__emulator/info`. */
export const EmulatorInfo = z.object({
  object: z.literal('emulator'),
  name: z.string(),
  version: z.string(),
  rate_limits: z.enum(['clerk', 'off']),
  time_scale: z.number(),
  now: z.number().int(),
  clock_offset_ms: z.number().int(),
  /** The publishable key clients of this emulator must use. */
  publishable_key: z.string(),
  /** Where its Frontend API answers (`…/fapi`); the `/v1/…` paths go below it. */
  frontend_api_url: z.string(),
  token_ttl_seconds: z.number().int(),
});
export type EmulatorInfo = z.infer<typeof EmulatorInfo>;
