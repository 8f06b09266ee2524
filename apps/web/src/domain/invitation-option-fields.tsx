import type { ComponentPropsWithRef, ReactNode } from 'react';
import { FormField } from '../ui/form-field.tsx';

/** What the caller controls on the input: value and handlers, or react-hook-form's `register(…)`. */
type InputProps = Omit<ComponentPropsWithRef<'input'>, 'id' | 'type' | 'className' | 'aria-describedby'>;

interface OptionFieldProps {
  error?: string | undefined;
  hint?: ReactNode;
  input: InputProps;
}

/** "Expires in (days)": Clerk's `expires_in_days`, 1 to 365. Shared by the invite and bulk forms. */
export function ExpiresInDaysField({ error, hint = '1 to 365 days', input }: OptionFieldProps) {
  return (
    <FormField label="Expires in (days)" error={error} hint={hint}>
      {({ id, describedBy, invalid }) => (
        <input
          inputMode="numeric"
          min={1}
          max={365}
          step={1}
          aria-invalid={invalid}
          {...input}
          id={id}
          type="number"
          className="input tabular"
          aria-describedby={describedBy}
        />
      )}
    </FormField>
  );
}

/** "Redirect URL": where the invitee lands after accepting (Clerk's `redirect_url`). */
export function RedirectUrlField({ error, hint, input }: OptionFieldProps) {
  return (
    <FormField label="Redirect URL" error={error} hint={hint}>
      {({ id, describedBy, invalid }) => (
        <input
          inputMode="url"
          placeholder="https://app.example.com/welcome"
          aria-invalid={invalid}
          {...input}
          id={id}
          type="url"
          className="input"
          aria-describedby={describedBy}
        />
      )}
    </FormField>
  );
}
