import type { ApiError } from '../../../lib/api-client.ts';
import type { OptionErrors } from './job-body.ts';

/** Puts the api's errors on the option they are about (`meta.param_name`); the rest is for the form. */
export function mapJobError(error: ApiError): { fields: OptionErrors; form: string | null } {
  const fields: OptionErrors = {};
  const form: string[] = [];
  for (const e of error.errors) {
    const param = typeof e.meta?.param_name === 'string' ? e.meta.param_name : '';
    const field = (['expires_in_days', 'redirect_url'] as const).find(
      (f) => param === f || param.endsWith(`.${f}`),
    );
    const message = e.long_message || e.message;
    if (field) fields[field] ??= message;
    else form.push(message);
  }
  let formMessage = form.length > 0 ? form.join(' ') : null;
  if (formMessage && error.retryAfter) formMessage += ` Try again in ${error.retryAfter} s.`;
  return { fields, form: formMessage };
}
