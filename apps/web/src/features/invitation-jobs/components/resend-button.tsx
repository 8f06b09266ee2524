import type { OrganizationInvitation } from '@invites/clerk-schema';
import { lazy, type ReactNode, Suspense, useState } from 'react';
import { Button } from '../../../ui/button.tsx';

// The dialog and its mutations load on first use: a 500-row page draws 500 of these buttons.
const loadDialog = () => import('./resend-dialog.tsx');
const ResendDialog = lazy(() => loadDialog().then((m) => ({ default: m.ResendDialog })));

interface ResendButtonProps {
  invitation: OrganizationInvitation;
  variant?: 'row' | 'footer';
  /** The job page of a resend that had to wait for Clerk's rate limit. */
  jobLink?: (jobId: string) => ReactNode;
}

/** "Resend" on a pending or expired invitation: asks first, then resends; nothing for other statuses. */
export function ResendButton({ invitation, variant = 'row', jobLink }: ResendButtonProps) {
  const [open, setOpen] = useState(false);
  if (invitation.status !== 'pending' && invitation.status !== 'expired') return null;
  return (
    <>
      <Button
        variant={variant === 'row' ? 'ghost' : 'default'}
        size={variant === 'row' ? 'sm' : 'md'}
        onClick={() => setOpen(true)}
        onPointerEnter={() => void loadDialog()}
        onFocus={() => void loadDialog()}
      >
        Resend
      </Button>
      {open ? (
        <Suspense fallback={<span className="visually-hidden">Loading…</span>}>
          <ResendDialog invitation={invitation} onClose={() => setOpen(false)} jobLink={jobLink} />
        </Suspense>
      ) : null}
    </>
  );
}
