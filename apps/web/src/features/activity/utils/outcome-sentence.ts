import type { ActivityEntry } from '@invites/clerk-schema';

// Clerk's error codes (and the console's own) as a person would say them. Support still finds the
// code itself in the entry's tooltip and trace id.
const SENTENCES: Record<string, string> = {
  already_a_member_in_organization: 'Already a member of the organization.',
  organization_invitation_not_unique: 'Already has a pending invitation.',
  duplicate_record: 'Some addresses already had a pending invitation.',
  organization_invitation_not_pending: 'The invitation was no longer pending.',
  organization_membership_quota_exceeded: 'The organization has no room for more members.',
  not_an_admin_in_organization: 'The inviter is not an admin of the organization.',
  form_param_format_invalid: 'An address or value was not in a valid format.',
  form_param_value_invalid: 'A value was not accepted.',
  form_param_missing: 'Something required was missing.',
  form_param_unknown: 'The request had a field Clerk does not know.',
  form_identifier_exists: 'That address is already taken.',
  bulk_size_exceeded: 'Too many addresses in one call.',
  request_body_invalid: 'The request was not valid.',
  request_body_too_large: 'The request was too large.',
  resource_not_found: 'Not found in Clerk.',
  authorization_invalid: 'Not allowed.',
  authentication_invalid: 'The session was not valid.',
  too_many_requests: "Clerk's rate limit was reached.",
  upstream_timeout: 'Clerk did not answer in time.',
  upstream_unavailable: 'Clerk could not be reached.',
  internal_clerk_error: 'Clerk had an internal error.',
  internal_error: 'Something went wrong in the console.',
};

const SETTLED: Record<string, string> = {
  revoked: 'Was already revoked.',
  accepted: 'Was already accepted.',
  expired: 'Had already expired.',
};

/** Whether the entry's outcome is a success. */
export function isSuccess(entry: Pick<ActivityEntry, 'outcome'>): boolean {
  return entry.outcome === 'ok';
}

/**
 * An entry's outcome as a sentence: "Already a member of the organization.", "Was already revoked."
 * An unknown code still reads as words ("Some new code." for `some_new_code`).
 */
export function outcomeSentence(entry: Pick<ActivityEntry, 'outcome' | 'detail'>): string {
  if (entry.outcome === 'ok') return 'Done.';
  if (entry.outcome === 'organization_invitation_not_pending') {
    const status = entry.detail.invitation_status;
    if (typeof status === 'string' && SETTLED[status]) return SETTLED[status];
  }
  const known = SENTENCES[entry.outcome];
  if (known) return known;
  const words = entry.outcome.replaceAll('_', ' ').trim();
  return words ? `${words.charAt(0).toUpperCase()}${words.slice(1)}.` : 'Failed.';
}
