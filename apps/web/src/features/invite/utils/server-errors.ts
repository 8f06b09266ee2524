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

/** Puts each of Clerk's errors on the invite form field it is about (by code or `meta.param_name`). */
export function mapServerError(error: ApiError): MappedServerError {
  return splitFieldErrors(error, (e) => {
    if (EMAIL_CODES.has(e.code)) return 'email_address';
    const param = e.meta?.param_name;
    return isField(param) ? param : null;
  });
}
