import type { OrganizationInvitation } from '@invites/clerk-schema';
import { lazy } from 'react';
import { formatCount } from '../../../lib/format.ts';
import { LazyDialogButton } from '../../../ui/lazy-dialog-button.tsx';
import { Trash } from '../../../ui/page-icons.tsx';

// The dialog and its mutations load on first use, not with the invitations page.
const loadDialog = () => import('./bulk-revoke-dialog.tsx');
const BulkRevokeDialog = lazy(() => loadDialog().then((m) => ({ default: m.BulkRevokeDialog })));

interface BulkRevokeButtonProps {
  orgId: string;
  selected: OrganizationInvitation[];
  onDone: () => void;
}

/** "Revoke selected": confirms, revokes each selected invitation, and reports each row's result. */
export function BulkRevokeButton({ orgId, selected, onDone }: BulkRevokeButtonProps) {
  return (
    <LazyDialogButton
      variant="danger"
      size="sm"
      preload={loadDialog}
      take={() => selected}
      dialog={(targets, close) => (
        <BulkRevokeDialog
          orgId={orgId}
          targets={targets}
          onClose={(started) => {
            close();
            if (started) onDone();
          }}
        />
      )}
    >
      <Trash size={14} />
      Revoke selected ({formatCount(selected.length)})
    </LazyDialogButton>
  );
}
