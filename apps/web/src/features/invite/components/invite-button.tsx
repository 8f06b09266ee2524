import { lazy, Suspense, useState } from 'react';
import { Button } from '../../../ui/button.tsx';
import { Plus } from '../../../ui/icons.tsx';

const loadDialog = () => import('./invite-dialog.tsx');
const InviteDialog = lazy(() => loadDialog().then((m) => ({ default: m.InviteDialog })));

/** Starts loading the invite form's code (on hover or focus of whatever opens it). */
export function preloadInviteDialog(): void {
  void loadDialog();
}

interface InviteDialogProps {
  orgId: string;
  orgName: string;
  isStaff: boolean;
  /** Opens the form with this address filled in. */
  initialEmail?: string | undefined;
  onClose: () => void;
}

/** The invite form, its code loaded on first use (react-hook-form, zod). */
export function LazyInviteDialog(props: InviteDialogProps) {
  return (
    <Suspense fallback={<span className="visually-hidden">Loading…</span>}>
      <InviteDialog {...props} />
    </Suspense>
  );
}

interface InviteButtonProps {
  orgId: string;
  orgName: string;
  isStaff: boolean;
}

/** "Invite member": loads the form (react-hook-form, zod) only when first wanted. */
export function InviteButton({ orgId, orgName, isStaff }: InviteButtonProps) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button
        variant="primary"
        onClick={() => setOpen(true)}
        onPointerEnter={preloadInviteDialog}
        onFocus={preloadInviteDialog}
      >
        <Plus size={15} />
        Invite member
      </Button>
      {open ? (
        <LazyInviteDialog orgId={orgId} orgName={orgName} isStaff={isStaff} onClose={() => setOpen(false)} />
      ) : null}
    </>
  );
}
