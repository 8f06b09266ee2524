import type { CreateInvitationBody, OrganizationInvitation } from '@invites/clerk-schema';
import { normalizeEmail } from '@invites/clerk-schema';

const DAY_MS = 86_400_000;
// Clerk's own accept pages, which the link points at when no redirect URL was given.
const CLERK_ACCEPT_PATHS = ['/v1/accept-invitation', '/v1/tickets/accept'];
const TICKET_PARAMS = ['__clerk_ticket', '__clerk_status'];

/** The invitation's validity in whole days (created → expires), clamped to Clerk's 1–365. */
export function validityDays(inv: Pick<OrganizationInvitation, 'created_at' | 'expires_at'>): number | null {
  if (inv.expires_at === null) return null;
  const days = Math.round((inv.expires_at - inv.created_at) / DAY_MS);
  return Math.min(365, Math.max(1, days));
}

/**
 * The redirect URL an invitation was created with. Clerk's object has no such field: its `url` is the
 * accept link, which is the redirect URL carrying the ticket, or Clerk's own accept page when none was
 * given (then there is nothing to carry over).
 */
export function redirectUrlOf(url: string | null): string | null {
  if (!url || !URL.canParse(url)) return null;
  const link = new URL(url);
  if (!link.searchParams.has('__clerk_ticket')) return null;
  if (CLERK_ACCEPT_PATHS.some((path) => link.pathname.endsWith(path))) return null;
  for (const param of TICKET_PARAMS) link.searchParams.delete(param);
  if (!/^https?:$/.test(link.protocol)) return null;
  // URLSearchParams re-encodes what it keeps; an emptied query leaves no dangling "?".
  return link.search === '?' ? link.href.replace('?', '') : link.href;
}

/**
 * What re-issuing `inv` creates: the same address, role, public and private metadata, redirect URL and
 * validity (the inviter is set when it is sent). Built on the server, so private metadata never passes
 * through an org admin's browser.
 */
export function reissueBody(inv: OrganizationInvitation): Omit<CreateInvitationBody, 'inviter_user_id'> {
  const days = validityDays(inv);
  const redirect = redirectUrlOf(inv.url);
  return {
    email_address: normalizeEmail(inv.email_address),
    role: inv.role,
    public_metadata: inv.public_metadata,
    private_metadata: inv.private_metadata ?? {},
    ...(redirect ? { redirect_url: redirect } : {}),
    ...(days !== null ? { expires_in_days: days } : {}),
  };
}
