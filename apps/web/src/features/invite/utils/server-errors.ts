import type { ApiError } from '../../../lib/api-client.ts';
import { type FieldErrors, splitFieldErrors } from '../../../lib/field-errors.ts';
import { INVITE_FIELDS, type InviteField } from './invite-form-schema.ts';

const EMAIL_CODES = new Set([
  'already_a_member_in_organization',
  'organization_invitation_not_unique',
  'duplicate_record',
]);

export type MappedServerError = FieldErrors<InviteField>;

function isField(name: unknown): name is InviteField {
  return typeof name === 'string' && (INVITE_FIELDS as string[]).includes(name);
}

/** `message` with Clerk's normalised (trimmed, lower-cased) form of `typed` put back as it was typed. */
export function withTypedAddress(message: string, typed: string | undefined): string {
  const address = typed?.trim();
  if (!address) return message;
  const normalised = address.toLowerCase();
  return normalised === address ? message : message.split(normalised).join(address);
}

/**
 * Puts each of Clerk's errors on the invite form field it is about (by code or `meta.param_name`).
 * Clerk names the address lower-cased; the message shows it exactly as `typedEmail` was entered.
 */
export function mapServerError(error: ApiError, typedEmail?: string): MappedServerError {
  const mapped = splitFieldErrors(error, (e) => {
    if (EMAIL_CODES.has(e.code)) return 'email_address';
    const param = e.meta?.param_name;
    return isField(param) ? param : null;
  });
  const fields: MappedServerError['fields'] = {};
  for (const [field, message] of Object.entries(mapped.fields) as [InviteField, string][]) {
    fields[field] = withTypedAddress(message, typedEmail);
  }
  return { fields, form: mapped.form === null ? null : withTypedAddress(mapped.form, typedEmail) };
}
