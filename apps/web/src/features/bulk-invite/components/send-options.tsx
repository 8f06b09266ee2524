import { ExpiresInDaysField, RedirectUrlField } from '../../../domain/invitation-option-fields.tsx';
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
      <ExpiresInDaysField
        error={error('expires_in_days')}
        input={{ value: expiresInDays, onChange: (event) => onChange({ expiresInDays: event.target.value }) }}
      />
      <RedirectUrlField
        error={error('redirect_url')}
        hint="Optional. Where invitees land after accepting."
        input={{ value: redirectUrl, onChange: (event) => onChange({ redirectUrl: event.target.value }) }}
      />
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
