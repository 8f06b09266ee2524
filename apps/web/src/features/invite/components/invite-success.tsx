import type { OrganizationInvitation } from '@invites/clerk-schema';
import { CopyButton } from '../../../ui/copy-button.tsx';
import { Check } from '../../../ui/icons.tsx';

/** After sending: who was invited and the link to share. */
export function InviteSuccess({ invitation }: { invitation: OrganizationInvitation }) {
  return (
    <div className="invite-success" role="status">
      <span className="invite-success-icon">
        <Check size={18} />
      </span>
      <p>
        Invitation sent to <strong>{invitation.email_address}</strong> as{' '}
        {invitation.role_name || invitation.role}.
      </p>
      {invitation.url ? (
        <div className="invite-link">
          <code>{invitation.url}</code>
          <CopyButton value={invitation.url} label="Copy invitation link" />
        </div>
      ) : null}
    </div>
  );
}
