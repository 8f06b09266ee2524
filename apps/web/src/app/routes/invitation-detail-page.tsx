import type { OrganizationInvitation } from '@invites/clerk-schema';
import { Link, useMatch, useNavigate, useParams } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useMe } from '../../features/auth/api/get-me.ts';
import { ResendButton } from '../../features/invitation-jobs/components/resend-button.tsx';
import { InvitationDetail } from '../../features/invitations/components/invitation-detail.tsx';
import { useOrganization } from '../../features/organizations/api/get-organization.ts';
import { RevokeButton } from '../../features/revoke/components/revoke-button.tsx';

/** The next step the footer offers for each status; accepted and revoked ones have none (no footer). */
function footerActions(invitation: OrganizationInvitation): ReactNode {
  switch (invitation.status) {
    case 'pending':
      return (
        <>
          <ResendButton invitation={invitation} variant="footer" />
          <RevokeButton invitation={invitation} variant="footer" />
        </>
      );
    case 'expired':
      return <ResendButton invitation={invitation} variant="footer" />;
    default:
      return null;
  }
}

/**
 * `/orgs/:orgId/invitations/:invitationId` and `/invitations/:orgId/:invitationId`: one invitation in
 * a side sheet over the list it was opened from; closing it returns to that list as it was.
 */
export function InvitationDetailPage() {
  const { orgId = '', invitationId = '' } = useParams({ strict: false });
  const overOrgList = useMatch({ from: '/_app/orgs/$orgId/invitations/$invitationId', shouldThrow: false });
  const navigate = useNavigate();
  // Private metadata is for staff: it shows once the signed-in user is known (the sheet does not wait).
  const isStaff = useMe().data?.is_staff === true;
  const orgName = useOrganization(orgId).data?.name;
  // Over its own organization's list the name is enough; over the instance-wide list it leads to the
  // organization, filtered to this invitation's address.
  const organization = (invitation: OrganizationInvitation) =>
    overOrgList ? (
      orgName
    ) : (
      <Link to="/orgs/$orgId/invitations" params={{ orgId }} search={{ email: invitation.email_address }}>
        {orgName ?? 'Open the organization'}
      </Link>
    );
  const close = () =>
    overOrgList
      ? navigate({ to: '/orgs/$orgId/invitations', params: { orgId }, search: true, resetScroll: false })
      : navigate({ to: '/invitations', search: true, resetScroll: false });
  return (
    <InvitationDetail
      orgId={orgId}
      invitationId={invitationId}
      showPrivateMetadata={isStaff}
      actions={footerActions}
      organization={organization}
      onClose={close}
    />
  );
}
