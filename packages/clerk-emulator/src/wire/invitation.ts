import type {
  OrganizationInvitation,
  OrganizationInvitationWithPublicOrganizationData,
} from '@invites/clerk-schema';
import type { InvitationView } from '../store/invitations.ts';
import { metadata } from '../store/sql-helpers.ts';
import { DEFAULT_IMAGE_URL } from './image.ts';

/** The accept link: the redirect URL (or the emulator's accept page) carrying the ticket. */
function acceptUrl(view: InvitationView, base: string): string {
  const target = view.redirect_url ?? `${base}/v1/accept-invitation`;
  const hash = target.indexOf('#');
  const [path, fragment] = hash < 0 ? [target, ''] : [target.slice(0, hash), target.slice(hash)];
  const params = `__clerk_ticket=${view.ticket}&__clerk_status=sign_up`;
  return `${path}${path.includes('?') ? '&' : '?'}${params}${fragment}`;
}

/** Clerk's OrganizationInvitation object. */
export function toInvitation(view: InvitationView, base: string): OrganizationInvitation {
  return {
    object: 'organization_invitation',
    id: view.id,
    email_address: view.email_address,
    role: view.role,
    role_name: view.role_name,
    organization_id: view.org_id,
    inviter_id: view.inviter_id,
    public_inviter_data: view.inviter_user_id
      ? {
          user_id: view.inviter_user_id,
          first_name: view.inviter_first_name,
          last_name: view.inviter_last_name,
          image_url: DEFAULT_IMAGE_URL,
          has_image: false,
          identifier: view.inviter_identifier ?? '',
        }
      : null,
    status: view.status,
    public_metadata: metadata(view.public_metadata),
    private_metadata: metadata(view.private_metadata),
    url: acceptUrl(view, base),
    expires_at: view.expires_at,
    created_at: view.created_at,
    updated_at: view.updated_at,
  };
}

/** The instance-wide list's item: the invitation plus `public_organization_data`. */
export function toInvitationWithOrganization(
  view: InvitationView,
  base: string,
): OrganizationInvitationWithPublicOrganizationData {
  // Object.assign, not a spread: this runs for up to 500 items per page.
  return Object.assign(toInvitation(view, base), {
    public_organization_data: {
      id: view.org_id,
      name: view.org_name ?? '',
      slug: view.org_slug ?? '',
      image_url: DEFAULT_IMAGE_URL,
      has_image: false,
    },
  });
}
