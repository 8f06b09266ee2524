import { CreateBulkJobBody } from '@invites/clerk-schema';

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

// zod comes with the shared schema: the form loads this module when there is something to send,
// not with the page (see bulk-invite-form.tsx).

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
    else if (first === 'rows') {
      const line = rows[Number(second)]?.line;
      form.push(`${line ? `Line ${line}` : `Row ${Number(second) + 1}`}: ${issue.message}.`);
    } else form.push(issue.message);
  }
  return { ok: false, fields, form: form.length > 0 ? [...new Set(form)].join(' ') : null };
}
