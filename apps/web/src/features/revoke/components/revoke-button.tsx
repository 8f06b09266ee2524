import type { OrganizationInvitation } from '@invites/clerk-schema';
import { lazy, Suspense, useState } from 'react';
import { Button } from '../../../ui/button.tsx';

// The dialog, its mutation and the toast call load on first use: a 500-row page renders 500 of these
// buttons, and none of that code is needed to draw them.
const loadDialog = () => import('./revoke-dialog.tsx');
const RevokeDialog = lazy(() => loadDialog().then((m) => ({ default: m.RevokeDialog })));

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
  if (invitation.status !== 'pending') return null;
  return (
    <>
      <Button
        variant={variant === 'row' ? 'danger-ghost' : 'danger'}
        size={variant === 'row' ? 'sm' : 'md'}
        onClick={() => setOpen(true)}
        onPointerEnter={() => void loadDialog()}
        onFocus={() => void loadDialog()}
      >
        Revoke
      </Button>
      {open ? (
        <Suspense fallback={<span className="visually-hidden">Loading…</span>}>
          <RevokeDialog
            invitation={invitation}
            organizationName={organizationName}
            onClose={() => setOpen(false)}
            onRevoked={onRevoked}
          />
        </Suspense>
      ) : null}
    </>
  );
}
