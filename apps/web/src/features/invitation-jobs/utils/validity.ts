import type { OrganizationInvitation } from '@invites/clerk-schema';

const DAY_MS = 86_400_000;

/** The whole days an invitation was valid for (created → expires), as Clerk takes them: 1–365. */
export function validityDays(
  invitation: Pick<OrganizationInvitation, 'created_at' | 'expires_at'>,
): number | null {
  if (invitation.expires_at === null) return null;
  return Math.min(365, Math.max(1, Math.round((invitation.expires_at - invitation.created_at) / DAY_MS)));
}

/** What resending does to this invitation, in a sentence. */
export function resendSentence(
  invitation: Pick<OrganizationInvitation, 'status' | 'created_at' | 'expires_at'>,
): string {
  const days = validityDays(invitation);
  const valid = days === null ? '' : `, valid for ${days} ${days === 1 ? 'day' : 'days'}`;
  return invitation.status === 'pending'
    ? `The current invitation is revoked and a new one is sent with the same role and details${valid}.`
    : `A new invitation is sent with the same role and details${valid}.`;
}
