import { BLANK_INVITE, type InviteFormValues } from './invite-form-schema.ts';

const key = (orgId: string) => `invite-draft:${orgId}`;

/** The unsent invite typed for this organization in this tab, if any. */
export function loadDraft(orgId: string): InviteFormValues | null {
  try {
    const text = sessionStorage.getItem(key(orgId));
    if (!text) return null;
    const value = JSON.parse(text) as Partial<InviteFormValues>;
    return { ...BLANK_INVITE, ...value };
  } catch {
    return null;
  }
}

/** Keeps what was typed so a closed dialog or a reload loses nothing. */
export function saveDraft(orgId: string, values: InviteFormValues): void {
  try {
    if (isBlank(values)) sessionStorage.removeItem(key(orgId));
    else sessionStorage.setItem(key(orgId), JSON.stringify(values));
  } catch {
    // Storage full or disabled: the open dialog still holds the values.
  }
}

export function clearDraft(orgId: string): void {
  try {
    sessionStorage.removeItem(key(orgId));
  } catch {
    // Nothing to clear.
  }
}

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
