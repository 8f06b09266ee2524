import type { OrganizationInvitation } from '@invites/clerk-schema';
import { useSuspenseQuery } from '@tanstack/react-query';
import { meQueryOptions } from '../../features/auth/api/get-me.ts';
import { InvitationDetail } from '../../features/invitations/components/invitation-detail.tsx';
import { RevokeButton } from '../../features/revoke/components/revoke-button.tsx';
import { useNavigate, useParams } from '../../lib/router/hooks.ts';

const footerActions = (invitation: OrganizationInvitation) => (
  <RevokeButton invitation={invitation} variant="footer" />
);

/** `/orgs/:orgId/invitations/:invitationId`: the detail over the organization's list. */
export function OrgInvitationDetailPage() {
  const { orgId, invitationId } = useParams<'/orgs/$orgId/invitations/$invitationId'>();
  const navigate = useNavigate();
  const { data: me } = useSuspenseQuery(meQueryOptions());
  return (
    <InvitationDetail
      orgId={orgId}
      invitationId={invitationId}
      showPrivateMetadata={me.is_staff}
      actions={footerActions}
      onClose={() => navigate({ to: '/orgs/$orgId/invitations', params: { orgId }, search: true })}
    />
  );
}

/** `/invitations/:orgId/:invitationId`: the detail over the instance-wide list. */
export function AllInvitationDetailPage() {
  const { orgId, invitationId } = useParams<'/invitations/$orgId/$invitationId'>();
  const navigate = useNavigate();
  const { data: me } = useSuspenseQuery(meQueryOptions());
  return (
    <InvitationDetail
      orgId={orgId}
      invitationId={invitationId}
      showPrivateMetadata={me.is_staff}
      actions={footerActions}
      onClose={() => navigate({ to: '/invitations', search: true })}
    />
  );
}
