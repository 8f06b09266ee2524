import { sessionDraft } from '../../../lib/session-draft.ts';
import { BLANK_INVITE, type InviteFormValues } from './invite-form-schema.ts';

/** True when nothing differs from a fresh form (the role picked by default does not count). */
export function isBlank(values: InviteFormValues): boolean {
  return (
    values.email_address.trim() === '' &&
    (values.expires_in_days === BLANK_INVITE.expires_in_days || Number.isNaN(values.expires_in_days)) &&
    values.redirect_url.trim() === '' &&
    values.notify === true &&
    values.public_metadata.trim() === '' &&
    values.private_metadata.trim() === ''
  );
}

/** The unsent invite typed for an organization in this tab. */
const inviteDraft = sessionDraft<InviteFormValues>({
  name: 'invite-draft',
  read: (stored) => ({ ...BLANK_INVITE, ...(stored as Partial<InviteFormValues>) }),
  isBlank,
});

export const loadDraft = inviteDraft.load;
export const saveDraft = inviteDraft.save;
export const clearDraft = inviteDraft.clear;
