import type { ApiError } from '../../../lib/api-client.ts';
import { INVITE_FIELDS, type InviteField } from './invite-form-schema.ts';

const EMAIL_CODES = new Set([
  'already_a_member_in_organization',
  'organization_invitation_not_unique',
  'duplicate_record',
]);

export interface MappedServerError {
  /** Clerk's long_message per form field. */
  fields: Partial<Record<InviteField, string>>;
  /** What belongs to no field (rate limits, upstream trouble, permissions), or null. */
  form: string | null;
}

function isField(name: unknown): name is InviteField {
  return typeof name === 'string' && (INVITE_FIELDS as string[]).includes(name);
}

/** Puts each of Clerk's errors on the invite form field it is about (by code or `meta.param_name`). */
export function mapServerError(error: ApiError): MappedServerError {
  const fields: MappedServerError['fields'] = {};
  const form: string[] = [];
  for (const e of error.errors) {
    const param = e.meta?.param_name;
    const field: InviteField | null = EMAIL_CODES.has(e.code)
      ? 'email_address'
      : isField(param)
        ? param
        : null;
    const message = e.long_message || e.message;
    if (field) fields[field] ??= message;
    else form.push(message);
  }
  let formMessage = form.length > 0 ? form.join(' ') : null;
  if (formMessage && error.retryAfter) formMessage += ` Try again in ${error.retryAfter} s.`;
  return { fields, form: formMessage };
}
