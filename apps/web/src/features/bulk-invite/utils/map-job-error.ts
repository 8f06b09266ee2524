import type { ApiError } from '../../../lib/api-client.ts';
import { type FieldErrors, splitFieldErrors } from '../../../lib/field-errors.ts';
import type { OptionField } from './job-body.ts';

const OPTION_FIELDS: readonly OptionField[] = ['expires_in_days', 'redirect_url'];

/** Puts the api's errors on the option they are about (`meta.param_name`); the rest is for the form. */
export function mapJobError(error: ApiError): FieldErrors<OptionField> {
  return splitFieldErrors(error, (e) => {
    const param = typeof e.meta?.param_name === 'string' ? e.meta.param_name : '';
    return OPTION_FIELDS.find((f) => param === f || param.endsWith(`.${f}`)) ?? null;
  });
}
