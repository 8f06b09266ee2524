import type { Role } from '@invites/clerk-schema';
import type { UseFormReturn } from 'react-hook-form';
import { ExpiresInDaysField, RedirectUrlField } from '../../../domain/invitation-option-fields.tsx';
import { FormField } from '../../../ui/form-field.tsx';
import {
  type InviteField,
  type InviteFormOutput,
  type InviteFormValues,
  sentence,
} from '../utils/invite-form-schema.ts';

type InviteForm = UseFormReturn<InviteFormValues, unknown, InviteFormOutput>;

const LABELS: Record<InviteField, string> = {
  email_address: 'Email address',
  role: 'Role',
  expires_in_days: 'Expires in (days)',
  redirect_url: 'Redirect URL',
  notify: 'Send invitation email',
  public_metadata: 'Public metadata',
  private_metadata: 'Private metadata',
};

interface FieldsProps {
  form: InviteForm;
  roles: Role[] | undefined;
  rolesError: string | null;
  showPrivate: boolean;
}

/** The invite form's inputs, labelled as Clerk names them, each with its error. */
export function InviteFormFields({ form, roles, rolesError, showPrivate }: FieldsProps) {
  const { register, formState } = form;
  const error = (field: InviteField) => {
    const message = formState.errors[field]?.message;
    return message ? sentence(message, LABELS[field]) : undefined;
  };
  return (
    <div className="invite-fields">
      <FormField label={LABELS.email_address} error={error('email_address')}>
        {({ id, describedBy, invalid }) => (
          <input
            id={id}
            className="input"
            type="email"
            autoComplete="off"
            spellCheck={false}
            placeholder="name@company.com"
            data-autofocus
            aria-describedby={describedBy}
            aria-invalid={invalid}
            {...register('email_address')}
          />
        )}
      </FormField>
      <div className="invite-row">
        <FormField label={LABELS.role} error={error('role') ?? rolesError ?? undefined}>
          {({ id, describedBy, invalid }) => (
            <select
              id={id}
              className="select"
              aria-describedby={describedBy}
              aria-invalid={invalid}
              aria-busy={roles === undefined && !rolesError}
              {...register('role')}
            >
              {roles === undefined ? <option value="">Loading roles…</option> : null}
              {roles?.map((role) => (
                <option key={role.key} value={role.key}>
                  {role.name}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <ExpiresInDaysField
          error={error('expires_in_days')}
          input={register('expires_in_days', { valueAsNumber: true })}
        />
      </div>
      <RedirectUrlField
        error={error('redirect_url')}
        hint="Optional. Where the invitee lands after accepting."
        input={register('redirect_url')}
      />
      <label className="checkbox invite-notify">
        <input type="checkbox" {...register('notify')} />
        <span>{LABELS.notify}</span>
      </label>
      <FormField
        label={LABELS.public_metadata}
        error={error('public_metadata')}
        hint="Optional JSON object, copied to the membership on acceptance."
      >
        {({ id, describedBy, invalid }) => (
          <textarea
            id={id}
            className="textarea"
            spellCheck={false}
            placeholder='{"team": "sales"}'
            aria-describedby={describedBy}
            aria-invalid={invalid}
            {...register('public_metadata')}
          />
        )}
      </FormField>
      {showPrivate ? (
        <FormField
          label={LABELS.private_metadata}
          error={error('private_metadata')}
          hint="Optional JSON object. Only staff and the backend can see it."
        >
          {({ id, describedBy, invalid }) => (
            <textarea
              id={id}
              className="textarea"
              spellCheck={false}
              placeholder='{"crm_id": "A-1042"}'
              aria-describedby={describedBy}
              aria-invalid={invalid}
              {...register('private_metadata')}
            />
          )}
        </FormField>
      ) : null}
    </div>
  );
}
