import type { OrganizationInvitation } from '@invites/clerk-schema';
import { ApiError } from '../../../lib/api-client.ts';
import { Button } from '../../../ui/button.tsx';
import { Dialog } from '../../../ui/dialog.tsx';
import { AlertCircle } from '../../../ui/icons.tsx';
import { useToast } from '../../../ui/toast.tsx';
import { useRevokeInvitation } from '../api/revoke-invitation.ts';
import { alreadySettled } from '../utils/already-settled.ts';

interface RevokeDialogProps {
  invitation: OrganizationInvitation;
  organizationName?: string | undefined;
  onClose: () => void;
  onRevoked?: (() => void) | undefined;
}

/** The "Revoke invitation?" confirmation; loaded with its mutation only when a Revoke is clicked. */
export function RevokeDialog({ invitation, organizationName, onClose, onRevoked }: RevokeDialogProps) {
  const revoke = useRevokeInvitation();
  const toast = useToast();
  const close = () => {
    if (!revoke.isPending) onClose();
  };
  return (
    <Dialog
      open
      size="sm"
      onRequestClose={close}
      title="Revoke invitation?"
      description={
        <>
          <strong>{invitation.email_address}</strong> will no longer be able to join
          {organizationName ? ` ${organizationName}` : ' the organization'} with this invitation. This can't
          be undone; you can invite them again.
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
            onClick={async () => {
              // Awaited rather than `mutate(…, { onSuccess })`: the refreshed list (or detail) can show
              // the invitation as revoked first, which unmounts this dialog with its Revoke button, and
              // a mutate callback is dropped once its component is gone. The toast must still say so.
              try {
                await revoke.mutateAsync({ orgId: invitation.organization_id, invitationId: invitation.id });
              } catch (error) {
                // Settled meanwhile (another tab, another admin, the invitee): the refreshed row shows its
                // status and this dialog is gone, so the toast says what happened. Others stay here.
                const already = error instanceof ApiError ? alreadySettled(error) : null;
                if (already) {
                  onClose();
                  toast({ tone: 'info', title: already, description: invitation.email_address });
                }
                return;
              }
              onClose();
              toast({ tone: 'success', title: 'Invitation revoked', description: invitation.email_address });
              onRevoked?.();
            }}
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
  );
}
