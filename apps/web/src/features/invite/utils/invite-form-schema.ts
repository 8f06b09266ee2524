import { CreateInvitationBody } from '@invites/clerk-schema';
import { z } from 'zod';

const shape = CreateInvitationBody.shape;

/** Reads a textarea holding a JSON object; empty means "not set". */
function parseJsonObject(label: string) {
  return (text: unknown, ctx: z.core.$RefinementCtx): unknown => {
    if (typeof text !== 'string' || text.trim() === '') return undefined;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      ctx.addIssue({ code: 'custom', message: `${label} is not valid JSON.`, input: text });
      return text;
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      ctx.addIssue({
        code: 'custom',
        message: `${label} must be a JSON object, like {"team": "sales"}.`,
        input: text,
      });
      return text;
    }
    return value;
  };
}

/** What the form's inputs hold (strings from text fields, a number from the days field). */
export interface InviteFormValues {
  email_address: string;
  role: string;
  expires_in_days: number;
  redirect_url: string;
  notify: boolean;
  public_metadata: string;
  private_metadata: string;
}
export type InviteField = keyof InviteFormValues;

/**
 * The invite form: each input turned into `CreateInvitationBody`'s field and checked by the shared
 * schema's own field schema, the one the api validates with.
 */
export const InviteFormSchema = z.object({
  email_address: shape.email_address,
  role: shape.role,
  // An emptied days field means "Clerk's default" (30).
  expires_in_days: z.preprocess(
    (v) => (typeof v === 'number' && Number.isNaN(v) ? undefined : v),
    shape.expires_in_days,
  ),
  redirect_url: z.preprocess((v) => (typeof v === 'string' ? v.trim() || undefined : v), shape.redirect_url),
  notify: shape.notify,
  public_metadata: z.preprocess(parseJsonObject('Public metadata'), shape.public_metadata),
  private_metadata: z.preprocess(parseJsonObject('Private metadata'), shape.private_metadata),
});
export type InviteFormOutput = z.output<typeof InviteFormSchema>;

export const INVITE_FIELDS = Object.keys(InviteFormSchema.shape) as InviteField[];

export const BLANK_INVITE: InviteFormValues = {
  email_address: '',
  role: '',
  expires_in_days: 30,
  redirect_url: '',
  notify: true,
  public_metadata: '',
  private_metadata: '',
};

/** Friendly wording for zod's generic issues (schema-specific messages win over this). */
export function inviteErrorMessage(issue: {
  code: string;
  minimum?: unknown;
  maximum?: unknown;
  origin?: unknown;
  expected?: unknown;
}) {
  if (issue.code === 'invalid_type' && issue.expected === 'number') return 'Enter a number.';
  if (issue.code === 'too_small' && issue.origin === 'string') return 'This field is required.';
  if (issue.code === 'too_small') return `Must be at least ${String(issue.minimum)}.`;
  if (issue.code === 'too_big' && issue.origin === 'string')
    return `Must be at most ${String(issue.maximum)} characters.`;
  if (issue.code === 'too_big') return `Must be at most ${String(issue.maximum)}.`;
  if (issue.code === 'invalid_type' && issue.expected === 'int') return 'Must be a whole number.';
  return undefined;
}

/** The create body for a validated form: only what was set, private metadata only for staff. */
export function toCreateBody(values: InviteFormOutput, includePrivate: boolean): CreateInvitationBody {
  return CreateInvitationBody.parse({
    email_address: values.email_address,
    role: values.role,
    notify: values.notify ?? true,
    ...(values.expires_in_days ? { expires_in_days: values.expires_in_days } : {}),
    ...(values.redirect_url ? { redirect_url: values.redirect_url } : {}),
    ...(values.public_metadata ? { public_metadata: values.public_metadata } : {}),
    ...(includePrivate && values.private_metadata ? { private_metadata: values.private_metadata } : {}),
  });
}

/**
 * "email address is missing an @" → "Email address is missing an @."; a message that starts with an
 * address or a code keeps it as it is ("ben@acme.example is already a member…").
 */
export function sentence(message: string, label: string): string {
  const text = message.startsWith('must ') ? `${label} ${message}` : message;
  const plainWord = /^[a-z]+(?=[\s,;]|$)/.test(text);
  const capital = plainWord ? text.charAt(0).toUpperCase() + text.slice(1) : text;
  return /[.!?]$/.test(capital) ? capital : `${capital}.`;
}
