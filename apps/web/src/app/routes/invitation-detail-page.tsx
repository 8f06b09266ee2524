import type { OrganizationInvitation } from '@invites/clerk-schema';
import { useSuspenseQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { meQueryOptions } from '../../features/auth/api/get-me.ts';
import { InvitationDetail } from '../../features/invitations/components/invitation-detail.tsx';
import { RevokeButton } from '../../features/revoke/components/revoke-button.tsx';

const orgRoute = getRouteApi('/_authed/orgs/$orgId/invitations/$invitationId');
const allRoute = getRouteApi('/_authed/invitations/$orgId/$invitationId');

const footerActions = (invitation: OrganizationInvitation) => (
  <RevokeButton invitation={invitation} variant="footer" />
);

/** `/orgs/:orgId/invitations/:invitationId`: the detail over the organization's list. */
export function OrgInvitationDetailPage() {
  const { orgId, invitationId } = orgRoute.useParams();
  const navigate = orgRoute.useNavigate();
  const { data: me } = useSuspenseQuery(meQueryOptions());
  return (
    <InvitationDetail
      orgId={orgId}
      invitationId={invitationId}
      showPrivateMetadata={me.is_staff}
      actions={footerActions}
      onClose={() => void navigate({ to: '/orgs/$orgId/invitations', params: { orgId }, search: true })}
    />
  );
}

/** `/invitations/:orgId/:invitationId`: the detail over the instance-wide list. */
export function AllInvitationDetailPage() {
  const { orgId, invitationId } = allRoute.useParams();
  const navigate = allRoute.useNavigate();
  const { data: me } = useSuspenseQuery(meQueryOptions());
  return (
    <InvitationDetail
      orgId={orgId}
      invitationId={invitationId}
      showPrivateMetadata={me.is_staff}
      actions={footerActions}
      onClose={() => void navigate({ to: '/invitations', search: true })}
    />
  );
}
