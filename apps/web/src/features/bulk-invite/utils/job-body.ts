import { CreateBulkJobBody } from '@invites/clerk-schema';
import type { ApiError } from '../../../lib/api-client.ts';

export type OptionField = 'expires_in_days' | 'redirect_url';
export type OptionErrors = Partial<Record<OptionField, string>>;

export interface OptionValues {
  expiresInDays: string;
  redirectUrl: string;
  notify: boolean;
}

const FIELD_MESSAGES: Record<OptionField, string> = {
  expires_in_days: 'Enter a whole number of days from 1 to 365.',
  redirect_url: 'Enter a full URL, like https://app.example.com/welcome.',
};

export type BuiltBody =
  | { ok: true; body: CreateBulkJobBody }
  | { ok: false; fields: OptionErrors; form: string | null };

/**
 * The create-job body for the rows to send and the typed options, checked with the shared
 * `CreateBulkJobBody` schema (the one the api validates with) before anything is sent.
 */
export function buildJobBody(
  organizationId: string,
  rows: CreateBulkJobBody['rows'],
  values: OptionValues,
): BuiltBody {
  const days = values.expiresInDays.trim();
  const url = values.redirectUrl.trim();
  const candidate = {
    organization_id: organizationId,
    rows,
    options: {
      notify: values.notify,
      ...(days ? { expires_in_days: /^\d+$/.test(days) ? Number(days) : Number.NaN } : {}),
      ...(url ? { redirect_url: url } : {}),
    },
  };
  const parsed = CreateBulkJobBody.safeParse(candidate);
  if (parsed.success) return { ok: true, body: parsed.data };
  const fields: OptionErrors = {};
  const form: string[] = [];
  for (const issue of parsed.error.issues) {
    const [first, second] = issue.path;
    if (first === 'options' && (second === 'expires_in_days' || second === 'redirect_url'))
      fields[second] = FIELD_MESSAGES[second];
    else if (first === 'rows' && issue.path.length === 1)
      form.push(
        issue.code === 'too_big'
          ? 'A job takes at most 20,000 rows. Split the list and send it in parts.'
          : 'There is nothing to send.',
      );
    else if (first === 'rows') form.push(`Row ${Number(second) + 1}: ${issue.message}.`);
    else form.push(issue.message);
  }
  return { ok: false, fields, form: form.length > 0 ? [...new Set(form)].join(' ') : null };
}

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
