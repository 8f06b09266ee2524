import type { OrganizationInvitation } from '@invites/clerk-schema';
import { useState } from 'react';
import { Button } from '../../../ui/button.tsx';
import { Dialog } from '../../../ui/dialog.tsx';
import { AlertCircle } from '../../../ui/icons.tsx';
import { useToast } from '../../../ui/toast.tsx';
import { useRevokeInvitation } from '../api/revoke-invitation.ts';

interface RevokeButtonProps {
  invitation: OrganizationInvitation;
  /** Name of the organization, for the confirmation text. */
  organizationName?: string;
  variant?: 'row' | 'footer';
  onRevoked?: () => void;
}

/** "Revoke" on a pending invitation: asks first, then revokes; nothing for other statuses. */
export function RevokeButton({
  invitation,
  organizationName,
  variant = 'row',
  onRevoked,
}: RevokeButtonProps) {
  const [open, setOpen] = useState(false);
  const revoke = useRevokeInvitation();
  const toast = useToast();
  if (invitation.status !== 'pending') return null;
  const close = () => {
    if (!revoke.isPending) {
      setOpen(false);
      revoke.reset();
    }
  };
  return (
    <>
      <Button
        variant={variant === 'row' ? 'danger-ghost' : 'danger'}
        size={variant === 'row' ? 'sm' : 'md'}
        onClick={() => setOpen(true)}
      >
        Revoke
      </Button>
      {open ? (
        <Dialog
          open
          size="sm"
          onRequestClose={close}
          title="Revoke invitation?"
          description={
            <>
              <strong>{invitation.email_address}</strong> will no longer be able to join
              {organizationName ? ` ${organizationName}` : ' the organization'} with this invitation. This
              can't be undone; you can invite them again.
            </>
          }
          footer={
            <>
              <Button onClick={close} disabled={revoke.isPending}>
                Cancel
              </Button>
              <Button
                variant="danger"
                loading={revoke.isPending}
                onClick={() =>
                  revoke.mutate(
                    { orgId: invitation.organization_id, invitationId: invitation.id },
                    {
                      onSuccess: () => {
                        setOpen(false);
                        toast({
                          tone: 'success',
                          title: 'Invitation revoked',
                          description: invitation.email_address,
                        });
                        onRevoked?.();
                      },
                    },
                  )
                }
              >
                Revoke invitation
              </Button>
            </>
          }
        >
          {revoke.isError ? (
            <p className="form-error" role="alert">
              <AlertCircle size={16} />
              <span>{revoke.error.longMessage}</span>
            </p>
          ) : null}
        </Dialog>
      ) : null}
    </>
  );
}
