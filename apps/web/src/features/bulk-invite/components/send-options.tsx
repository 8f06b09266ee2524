import { FormField } from '../../../ui/form-field.tsx';
import type { OptionErrors, OptionField } from '../utils/job-body.ts';

interface SendOptionsProps {
  expiresInDays: string;
  redirectUrl: string;
  notify: boolean;
  errors: OptionErrors;
  onChange: (patch: Partial<{ expiresInDays: string; redirectUrl: string; notify: boolean }>) => void;
}

/** The job's options, as the single invite form names them. */
export function SendOptions({ expiresInDays, redirectUrl, notify, errors, onChange }: SendOptionsProps) {
  const error = (field: OptionField) => errors[field];
  return (
    <fieldset className="send-options">
      <legend className="visually-hidden">Options</legend>
      <FormField label="Expires in (days)" error={error('expires_in_days')} hint="1 to 365 days">
        {({ id, describedBy, invalid }) => (
          <input
            id={id}
            className="input tabular"
            type="number"
            inputMode="numeric"
            min={1}
            max={365}
            step={1}
            aria-describedby={describedBy}
            aria-invalid={invalid}
            value={expiresInDays}
            onChange={(event) => onChange({ expiresInDays: event.target.value })}
          />
        )}
      </FormField>
      <FormField
        label="Redirect URL"
        error={error('redirect_url')}
        hint="Optional. Where invitees land after accepting."
      >
        {({ id, describedBy, invalid }) => (
          <input
            id={id}
            className="input"
            type="url"
            inputMode="url"
            placeholder="https://app.example.com/welcome"
            aria-describedby={describedBy}
            aria-invalid={invalid}
            value={redirectUrl}
            onChange={(event) => onChange({ redirectUrl: event.target.value })}
          />
        )}
      </FormField>
      <label className="checkbox send-notify">
        <input
          type="checkbox"
          checked={notify}
          onChange={(event) => onChange({ notify: event.target.checked })}
        />
        <span>Send invitation emails</span>
      </label>
    </fieldset>
  );
}
